import { questionCommand } from '../src/discord/questionCommand.js';

/** /why query: a reason, quoted from the articles. */
export const command = questionCommand({
  name: 'why',
  description: 'Why did or will it happen? Quotes the articles that say so.',
  option: 'query',
  optionDescription: 'What happened (e.g. Lee visits China)',
  example: 'Lee visits China',
});
