import { questionCommand } from '../src/discord/questionCommand.js';

/** /when query: a time or date, quoted from the articles. */
export const command = questionCommand({
  name: 'when',
  description: 'When did or will it happen? Quotes the articles that say so.',
  option: 'query',
  optionDescription: 'What happened or will happen (e.g. summit with Xi)',
  example: 'summit with Xi',
});
