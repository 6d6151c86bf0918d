import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { displayText } from '../answer/displayText.js';
import { renderAnswerText } from '../answer/render.js';
import type { FeedbackStore } from '../feedback/feedbackStore.js';
import { renderTimelineText } from '../answer/timelineRender.js';
import type { AnswerService } from '../service/answerService.js';
import { parseQuestionLine } from './questionLine.js';

const HELP = `Ask with a command, or just type a question:
  /when summit with Xi      /who spokesperson      /why visit China
  /where APEC Summit        /what one-China principle
  /ask How long is the visit?      How long is the visit?
  /timeline summit  the dated events in calendar order (/timeline alone: the whole corpus)
  /sources  lists the articles    /reload  re-reads the corpus    /quit  leaves`;

/**
 * The local console: the same answers as in Discord, typed at a prompt. Used when no Discord
 * token is configured, so the bot can be tried (and the corpus checked) without Discord. With a
 * feedback store, the questions it cannot answer are recorded there (for /corpus gaps).
 */
export async function runConsole(
  service: AnswerService,
  io: { input: Readable; output: Writable; prompt: boolean },
  feedback?: Pick<FeedbackStore, 'recordUnanswered'>,
): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  const lines = createInterface({ input: io.input, output: io.prompt ? io.output : undefined, terminal: io.prompt, crlfDelay: Infinity });
  if (io.prompt) {
    write(HELP);
    lines.setPrompt('> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') write(HELP);
    else if (line === '/sources') write(sourcesText(service));
    else if (line === '/reload') {
      const summary = await service.reload();
      write(
        summary.applied
          ? `Reloaded: ${summary.articlesBefore} → ${summary.articles} articles, ${summary.sentencesBefore} → ${summary.sentences} sentences.`
          : 'Reload refused: the corpus folder has no readable article; the previous corpus is still answering.',
      );
      for (const error of summary.errors) write(displayText(`  refused ${error.file}: ${error.reason}`));
    } else if (line.length > 0) {
      const parsed = parseQuestionLine(line, { freeQuestions: true });
      if ('error' in parsed) write(parsed.error);
      else if ('timeline' in parsed) write(renderTimelineText(await service.current.timeline(parsed.timeline)));
      else {
        const answer = service.answer(parsed.command, parsed.query);
        write(renderAnswerText(answer));
        if (answer.status === 'not-found' && feedback !== undefined) {
          try {
            feedback.recordUnanswered({ command: parsed.command, query: answer.question.text, memberId: null });
          } catch (error) {
            write(`(could not record this unanswered question: ${error instanceof Error ? error.message : String(error)})`);
          }
        }
      }
    }
    if (io.prompt) {
      write('');
      lines.prompt();
    }
  }
  lines.close();
}

function sourcesText(service: AnswerService): string {
  const { articles } = service.current;
  if (articles.length === 0) return 'The corpus is empty.';
  return articles
    .map((a) => {
      const date = a.meta.published ?? (a.meta.publishedInferred === null ? null : `${a.meta.publishedInferred} (inferred)`);
      const parts = [a.meta.title ?? a.headline ?? a.id, a.meta.source, date, a.meta.url].filter((p): p is string => p !== null);
      return displayText(`- ${parts.join(' · ')} · ${a.sentenceCount} sentences [${a.id}]`);
    })
    .join('\n');
}
