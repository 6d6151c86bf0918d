import type { NameDirectory } from '../language/nameDirectory.js';
import { isPersonNoun } from '../language/roleNouns.js';
import { tokenize } from '../language/tokenize.js';
import { OFFICE_VERBS } from '../language/wordLists.js';
import type { Question } from './question.js';

const HOLDS_OFFICE = new Set(OFFICE_VERBS);

/**
 * "Who was president before Lee": a person asked for before (or after) a person the articles name
 * is that person's predecessor (or successor), as an article says it ("his predecessor Yoon Suk
 * Yeol"), not someone named in an event that came earlier. Only where the question names an office
 * ("president", "ceo") or holding one ("led", "ran") and no one else: "who spoke before Lee" and
 * "who did Lee meet before Xi" keep their order in time. The question is then read as asking for the
 * predecessor, with no order in time left to it.
 */
export function readRoleInTime(question: Question, names: NameDirectory): Question {
  if (question.kind !== 'person' || question.sequence === null) return question;
  const reference = question.sequence.reference.toLowerCase().replace(/[’']s$/u, '');
  if (names.fullNamesFor(reference).length === 0) return question;
  const before = question.query.slice(0, Math.max(0, question.query.toLowerCase().lastIndexOf(reference)));
  const words = tokenize(before).filter((t) => !t.isStopWord);
  if (words.some((t) => names.fullNamesFor(t.lower).length > 0)) return question;
  if (!words.some((t) => HOLDS_OFFICE.has(t.lower) || isPersonNoun(t.lower))) return question;
  const role = question.sequence.direction === 'before' ? 'predecessor' : 'successor';
  return { ...question, sequence: null, query: `${question.query} ${role}` };
}
