import { COMMANDS, isCommand, type Command } from '../answer/question.js';
import { cleanQueryText } from '../answer/queryText.js';

/**
 * A question as typed on one line: "/when summit with Xi", "who spokesperson", a free question, or
 * a timeline ("/timeline summit", or "/timeline" alone for the whole corpus: `timeline` null).
 */
export type QuestionLine = { command: Command; query: string } | { timeline: string | null } | { error: string };

const LINE_COMMANDS = [...COMMANDS, 'timeline'].map((c) => `/${c}`).join(', ');

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
  if (match !== null && word === 'timeline') return timelineTopic(match[2] ?? '');
  if (text.startsWith('/')) {
    return { error: `unknown command "${text.split(/\s/)[0]}": use one of ${LINE_COMMANDS}` };
  }
  if (options.freeQuestions === true && text.length > 0) return withQuery('ask', text);
  return { error: `a question starts with a command: ${LINE_COMMANDS}` };
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

/** The topic of a timeline line: none (the whole corpus) when empty; too long refused as for questions. */
function timelineTopic(raw: string): QuestionLine {
  const topic = cleanQueryText(raw);
  if (topic.length > MAX_QUERY_LENGTH) {
    return { error: `the topic is ${topic.length} characters long; give one in at most ${MAX_QUERY_LENGTH} characters` };
  }
  return { timeline: topic.length === 0 ? null : topic };
}
