import { errorMessage } from '../corpus/frontMatter.js';
import type { ChangeOutcome, CorpusAction } from '../service/corpusStore.js';
import { moderatorText } from '../service/moderatorText.js';
import type { CommandContext } from './commandTypes.js';
import { changeFailedSummary } from './corpusMessages.js';
import type { MessageParts } from './messageOptions.js';
import { newErrorId } from './router.js';

/** A moderator's change as it went: its outcome (applied or refused), or the message saying it could not be made. */
export type ChangeResult = { outcome: ChangeOutcome; failed?: undefined } | { outcome?: undefined; failed: MessageParts };

/**
 * Runs a corpus change. When it cannot be made at all (the corpus folder cannot be written to, a file
 * cannot be moved: CorpusStore then puts back what it changed and throws), the error is logged in
 * full with an error id and the moderator is told why in one plain sentence with that id, rather
 * than "something went wrong".
 */
export async function runCorpusChange(
  context: Pick<CommandContext, 'logger' | 'store'>,
  action: CorpusAction,
  run: () => Promise<ChangeOutcome>,
): Promise<ChangeResult> {
  try {
    return { outcome: await run() };
  } catch (error) {
    const errorId = newErrorId();
    context.logger.error(
      { err: error, errorId, action, dir: context.store.dir },
      `corpus ${action} failed: the corpus that was serving still serves`,
    );
    return { failed: changeFailedSummary(moderatorText(errorMessage(error), context.store.dir), errorId) };
  }
}
