import { questionCommand } from '../src/discord/questionCommand.js';

/** /ask question: any question in your own words, answered by quoting the articles. */
export const command = questionCommand({
  name: 'ask',
  description: 'Ask a question in your own words; the answer quotes the articles.',
  option: 'question',
  optionDescription: 'Your question (e.g. How long is the visit?)',
  example: 'How long is the visit?',
});
