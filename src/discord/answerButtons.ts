import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { DISCORD_LIMITS } from './limits.js';

/**
 * The buttons under an answer: "More excerpts" (the next page, for the asker) and Helpful / Not
 * helpful. A custom id carries only the answer's id in the feedback store and the page or the vote
 * (`answer-more:<id>:<page>`, `answer-vote:<id>:yes`): the question itself may be longer than the
 * 100 characters a custom id may hold, so it is looked up in the store.
 */

export const MORE_PREFIX = 'answer-more';
export const VOTE_PREFIX = 'answer-vote';

/** The answer ids the feedback store makes: 16 hex digits. */
const ANSWER_ID = /^[0-9a-f]{16}$/;
/** The highest page a More button may ask for (an answer has far fewer). */
const MAX_PAGE = 99;

function customId(parts: readonly string[]): string {
  const id = parts.join(':');
  if (id.length > DISCORD_LIMITS.component.customIdLength)
    throw new Error(`custom id too long for Discord (${id.length} characters): ${id}`);
  return id;
}

function moreExcerptsId(answerId: string, page: number): string {
  return customId([MORE_PREFIX, answerId, String(page)]);
}

function voteId(answerId: string, helpful: boolean): string {
  return customId([VOTE_PREFIX, answerId, helpful ? 'yes' : 'no']);
}

/** A More excerpts custom id's answer and page, or null when it is not one the bot made. */
export function parseMoreExcerptsId(id: string): { answerId: string; page: number } | null {
  const [prefix, answerId, page, ...rest] = id.split(':');
  if (prefix !== MORE_PREFIX || answerId === undefined || !ANSWER_ID.test(answerId) || rest.length > 0) return null;
  if (page === undefined || !/^\d{1,2}$/.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE) return null;
  return { answerId, page: Number(page) };
}

/** A vote custom id's answer and vote, or null when it is not one the bot made. */
export function parseVoteId(id: string): { answerId: string; helpful: boolean } | null {
  const [prefix, answerId, vote, ...rest] = id.split(':');
  if (prefix !== VOTE_PREFIX || answerId === undefined || !ANSWER_ID.test(answerId) || rest.length > 0) return null;
  if (vote !== 'yes' && vote !== 'no') return null;
  return { answerId, helpful: vote === 'yes' };
}

/**
 * The row of buttons under page `page` (0 first) of an answer: More excerpts when `moreExcerpts`
 * relevant sentences remain, then Helpful and Not helpful.
 */
export function answerButtonRow(answerId: string, page: number, moreExcerpts: number): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [];
  if (moreExcerpts > 0 && page + 1 <= MAX_PAGE) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: moreExcerptsId(answerId, page + 1),
      label: 'More excerpts',
    });
  }
  buttons.push(
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: voteId(answerId, true), label: 'Helpful' },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: voteId(answerId, false), label: 'Not helpful' },
  );
  return { type: ComponentType.ActionRow, components: buttons.slice(0, DISCORD_LIMITS.component.buttonsPerRow) };
}
