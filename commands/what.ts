import { questionCommand } from '../src/discord/questionCommand.js';

/** /what query: a thing or what was said, quoted from the articles. */
export const command = questionCommand({
  name: 'what',
  description: 'What is it, what was said? Quotes the articles that say so.',
  option: 'query',
  optionDescription: 'What to look for (e.g. one-China principle)',
  example: 'one-China principle',
});
