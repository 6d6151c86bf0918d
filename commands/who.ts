import { questionCommand } from '../src/discord/questionCommand.js';

/** /who query: a person or organisation, quoted from the articles. */
export const command = questionCommand({
  name: 'who',
  description: 'Who is it, who did it, who said it? Quotes the articles that say so.',
  option: 'query',
  optionDescription: 'Who or what to look for (e.g. spokesperson)',
  example: 'spokesperson',
});
