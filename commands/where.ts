import { questionCommand } from '../src/discord/questionCommand.js';

/** /where query: a place, quoted from the articles. */
export const command = questionCommand({
  name: 'where',
  description: 'Where did or will it happen? Quotes the articles that say so.',
  option: 'query',
  optionDescription: 'What happened or will happen (e.g. APEC Summit)',
  example: 'APEC Summit',
});
