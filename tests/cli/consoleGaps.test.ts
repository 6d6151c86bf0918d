// The local console records the questions it cannot answer in the feedback store, as Discord does.

import { Readable, Writable } from 'node:stream';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import type { FeedbackStore } from '../../src/feedback/feedbackStore.js';
import { AnswerService } from '../../src/service/answerService.js';
import { memoryLogger } from '../support/botHarness.js';
import { writeSampleCorpus } from '../support/sampleCorpus.js';

describe('console', () => {
  it('records unanswered questions, without a member, and not the answered ones', async () => {
    const dir = await writeSampleCorpus();
    try {
      const service = new AnswerService(dir, memoryLogger().logger);
      await service.open();
      const answered = { command: 'who' as const, query: 'Solberg-Vik' };
      const unanswered = { command: 'who' as const, query: 'Zyxwv Qwerty' };
      expect(service.answer(answered.command, answered.query).status).toBe('answered');
      expect(service.answer(unanswered.command, unanswered.query).status).toBe('not-found');

      const recorded: Array<Parameters<FeedbackStore['recordUnanswered']>[0]> = [];
      let output = '';
      await runConsole(
        service,
        {
          input: Readable.from([`/who ${answered.query}\n/who ${unanswered.query}\n/quit\n`]),
          output: new Writable({ write: (chunk: Buffer, _encoding, done) => ((output += chunk.toString()), done()) }),
          prompt: false,
        },
        { recordUnanswered: (question) => void recorded.push(question) },
      );
      expect(output).toContain(unanswered.query);
      expect(recorded).toEqual([{ ...unanswered, memberId: null }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
