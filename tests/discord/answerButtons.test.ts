// The custom ids of an answer's buttons: within Discord's limits, read back exactly, and anything
// else (another feature's buttons, forged or damaged ids) not taken for one of them.

import { describe, expect, it } from 'vitest';
import { answerButtonRow, parseMoreExcerptsId, parseVoteId } from '../../src/discord/answerButtons.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';

const ANSWER_ID = '0123456789abcdef';

describe('answer buttons', () => {
  it('offers More excerpts only while sentences remain, then Helpful and Not helpful, within the limits', () => {
    const withMore = answerButtonRow(ANSWER_ID, 0, 4).components;
    expect(withMore.map((b) => ('label' in b ? b.label : null))).toEqual(['More excerpts', 'Helpful', 'Not helpful']);
    expect(answerButtonRow(ANSWER_ID, 1, 0).components.map((b) => ('label' in b ? b.label : null))).toEqual(['Helpful', 'Not helpful']);
    expect(withMore.length).toBeLessThanOrEqual(DISCORD_LIMITS.component.buttonsPerRow);
    for (const button of withMore) {
      expect('custom_id' in button && button.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.component.customIdLength);
    }
  });

  it('reads its custom ids back: the answer, the next page, the vote', () => {
    const [more, helpful, notHelpful] = answerButtonRow(ANSWER_ID, 2, 1).components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(parseMoreExcerptsId(more ?? '')).toEqual({ answerId: ANSWER_ID, page: 3 });
    expect(parseVoteId(helpful ?? '')).toEqual({ answerId: ANSWER_ID, helpful: true });
    expect(parseVoteId(notHelpful ?? '')).toEqual({ answerId: ANSWER_ID, helpful: false });
  });

  it('takes no other id for one of its own', () => {
    for (const id of [
      'corpus-add-confirm:1',
      'answer-more',
      'answer-more:xyz:1',
      `answer-more:${ANSWER_ID}:0`,
      `answer-more:${ANSWER_ID}:1:2`,
      `answer-more:${ANSWER_ID}:-1`,
    ]) {
      expect(parseMoreExcerptsId(id), id).toBeNull();
    }
    for (const id of [
      'answer-vote',
      `answer-vote:${ANSWER_ID}:maybe`,
      `answer-vote:${ANSWER_ID.toUpperCase()}:yes`,
      `answer-more:${ANSWER_ID}:yes`,
    ]) {
      expect(parseVoteId(id), id).toBeNull();
    }
  });
});
