import { COMMANDS, isCommand, type Command } from '../answer/question.js';
import { cleanQueryText } from '../answer/queryText.js';

/** A question as typed on one line: "/when summit with Xi", "who spokesperson", or a free question. */
export type QuestionLine = { command: Command; query: string } | { error: string };

/** The longest query accepted from a console or a file line (Discord caps its options lower). */
export const MAX_QUERY_LENGTH = 500;

/**
 * Reads a question line. A leading "/command" (or a bare command word) chooses the command; with
 * `freeQuestions`, a line without one is a free question for /ask.
 */
export function parseQuestionLine(line: string, options: { freeQuestions?: boolean } = {}): QuestionLine {
  const text = line.trim();
  const match = /^\/?([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(text);
  const word = match?.[1]?.toLowerCase();
  if (match !== null && word !== undefined && isCommand(word)) return withQuery(word, match[2] ?? '');
  if (text.startsWith('/')) {
    return { error: `unknown command "${text.split(/\s/)[0]}": use one of ${COMMANDS.map((c) => `/${c}`).join(', ')}` };
  }
  if (options.freeQuestions === true && text.length > 0) return withQuery('ask', text);
  return { error: `a question starts with a command: ${COMMANDS.map((c) => `/${c}`).join(', ')}` };
}

/**
 * The query of a line, without invisible characters (see cleanQueryText). One longer than
 * MAX_QUERY_LENGTH is refused rather than cut: a cut question is another question.
 */
function withQuery(command: Command, raw: string): QuestionLine {
  const query = cleanQueryText(raw);
  if (query.length === 0) return { error: `/${command} needs a query, e.g. /${command} summit with Xi` };
  if (query.length > MAX_QUERY_LENGTH) {
    return { error: `the query is ${query.length} characters long; ask in at most ${MAX_QUERY_LENGTH} characters` };
  }
  return { command, query };
}
