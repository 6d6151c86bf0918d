/**
 * What a question asks for. The slash command says it (/when wants a time, /who a person or
 * organisation ...); a free question (/ask) says it in its wording ("How long ...", "Which companies ...").
 */

import { expandCasualText } from '../language/casualText.js';
import { askedSequence, withOrderWords, withoutOrderFrame, type AskedSequence } from '../language/sequence.js';
import { cleanQueryText } from './queryText.js';
import {
  AFFILIATION_VERBS,
  AUXILIARY_VERBS,
  CALENDAR_WORDS,
  PEOPLE_WORDS,
  QUESTION_SAYING_VERBS,
  QUESTION_TENSE,
  TIME_UNIT_WORDS,
  wordsPattern,
  wordsRegExp,
} from '../language/wordLists.js';

export const COMMANDS = ['when', 'who', 'why', 'where', 'what', 'ask'] as const;
export type Command = (typeof COMMANDS)[number];

export type AnswerKind =
  | 'time'
  | 'duration'
  | 'person'
  | 'organisation'
  | 'description'
  | 'reason'
  | 'place'
  | 'thing'
  | 'quantity'
  /** A proper name, of whatever it names: "what was the missile's name". */
  | 'name';

export type Tense = 'past' | 'future' | null;

export interface Question {
  command: Command;
  kind: AnswerKind;
  /** The words to search for, with question words and auxiliaries removed. */
  query: string;
  /** The question as it was typed. */
  text: string;
  /** The tense the question asks in, when its wording says ("When will ...", "Where did ..."). */
  tense: Tense;
  /** The question asks who said something ("Who told AFP ...", "/who said ..."). */
  asksForSpeaker: boolean;
  /**
   * The noun that names what kind of thing the answer is ("companies" in "Which companies ...").
   * It describes the answer rather than the topic, so it helps ranking without being required.
   */
  focus: string | null;
  /**
   * The unit a question asks in: a time question's calendar unit ("what year" → year, "which day"
   * → day), or what a "how many" question counts ("how many containers" → "containers").
   */
  unit: string | null;
  /**
   * The question asks yes or no ("was that the first test this year", "does Beijing admit ...").
   * Its answer is the sentence itself: no span of it is a short answer.
   */
  yesNo: boolean;
  /** The question asks for what came after or before an event it names ("where does he go after Beijing"). */
  sequence: AskedSequence | null;
  /**
   * A time question asks when the same thing last happened before ("when did it last erupt before
   * this"): news tells it as "the first since 2009"; a duration question, how long ago ("how long
   * since a leader went"): "the first in six years".
   */
  previous: boolean;
}

/** The part of a question that says what its answer looks like. */
export type WantedAnswer = Pick<Question, 'kind' | 'asksForSpeaker'> & Partial<Pick<Question, 'unit' | 'previous'>>;

/** "last time", "last erupt", "previous visit" in a time question; not "last week" or "last month", which are times. */
const ASKS_PREVIOUS = new RegExp(
  // "the last time", "last go", "previous visit", "the last eruption before this one"; not "the last
  // miner out", an order among many, nor "before this week".
  String.raw`\b(?:the\s+last\s+time|(?<!\bthe\s+)last|previous|previously|before\s+(?:this|that|now))\b(?!\s+(?:${wordsPattern(CALENDAR_WORDS)})\b)`,
  'i',
);
/**
 * "On the Korean side", "from the Chinese side": the party of that people, as the article names it
 * ("Seoul", "the Blue House"); "side" says nothing the article must also say. A word of a people
 * ends as nationalities do ("Korean", "Chinese", "British", "Iraqi"); "the south side" keeps its side.
 */
const SIDE_OF_A_PEOPLE = /\b(?:on|from)\s+the\s+(\p{L}+(?:an|ese|ish|i))\s+side\b/giu;
/** "how long since", "how many years ago": a duration question about how long ago it last happened. */
const ASKS_ELAPSED = /\b(?:since|ago)\b/i;
/** The words that frame such a question without naming its topic: "the last time", "before this one", "last", "since", "ago". */
const PREVIOUS_FRAME = new RegExp(
  String.raw`\b(?:the\s+)?(?:last|previous)\s+time\b|\bbefore\s+(?:this|that|now)(?:\s+(?:one|time|trip|visit))?\b|\b(?:since|ago)\b|\b(?:last|previously)\b(?!\s+(?:${wordsPattern(CALENDAR_WORDS)})\b)`,
  'giu',
);

/** "what year", "which day", "on what date": the calendar unit a time question asks in. */
const TIME_UNIT = new RegExp(`\\b(?:what|which)\\s+((?:${wordsPattern(TIME_UNIT_WORDS)})s?)\\b`, 'i');
/** "how many containers", "how many new train drivers": the noun a count counts (a few words on). */
const COUNTED = /^how many\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+?s)\b/iu;

/** The unit of "how many people" (and "men", "staff"...): any kind of person counts. */
export const PEOPLE_UNIT = 'people';

/** "how tall", "how old", "how much money": a measure, asked in its own units (see answerSpans' MEASURES). */
const MEASURED = /^how (tall|high|old|far|much money|much cash)\b/i;
const MEASURE_UNIT: Readonly<Record<string, string>> = {
  tall: 'height',
  high: 'height',
  old: 'age',
  far: 'distance',
  'much money': 'money',
  'much cash': 'money',
};

export function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

const KIND_OF_COMMAND: Readonly<Record<Exclude<Command, 'ask'>, AnswerKind>> = {
  when: 'time',
  who: 'person',
  why: 'reason',
  where: 'place',
  what: 'thing',
};

/** Question openings and the kind of answer they ask for, most specific first. */
const OPENINGS: ReadonlyArray<readonly [RegExp, AnswerKind]> = [
  [
    new RegExp(
      `^(?:since when|until when|how soon|at what time|on what (?:day|date)|(?:what|which) (?:${wordsPattern(TIME_UNIT_WORDS)}))\\b`,
      'i',
    ),
    'time',
  ],
  [/^how long\b/i, 'duration'],
  // "how many years since the last visit": the time gone by, not a count.
  [/^how many (?:years?|months?|weeks?|days?|decades?)(?= (?:since|ago)\b)/i, 'duration'],
  [
    /^(?:(?:by |to )?how (?:many|much|big|large|high|far|old|tall|heavy|deep|wide)|what (?:percent(?:age)?|share|proportion|number|amount|figure|size|age))\b/i,
    'quantity',
  ],
  [
    /^(?:what|which) (?:compan(?:y|ies)|firms?|organi[sz]ations?|groups?|business(?:es)?|agenc(?:y|ies)|ministr(?:y|ies)|media|outlets?)\b/i,
    'organisation',
  ],
  [/^(?:what|which) (?:cit(?:y|ies)|countr(?:y|ies)|places?|regions?|provinces?|capitals?|venues?|locations?)\b/i, 'place'],
  [/^(?:what|which) (?:person|people|officials?|leaders?|ministers?|politicians?|professors?|experts?)\b/i, 'person'],
  // "what was the name of the summit": a proper name, and none where the articles give none.
  [/^(?:what|which)(?:'?s| (?:is|was|are|were))? (?:the |its |his |her |their )?(?:exact |full |official )?names? (?:of|for)\b/i, 'name'],
  [/^(?:why|what for|for what reason|what (?:is|was|are|were) the (?:reason|purpose|aim|goal|motive)s?(?: of| for| behind)?)\b/i, 'reason'],
  [/^when\b/i, 'time'],
  [/^where\b/i, 'place'],
  [/^who(?:m|se)?\b/i, 'person'],
  [/^(?:what|which|how)\b/i, 'thing'],
];

/**
 * A question about a thing that ends in "called" or "named" asks for its name ("what is the new law
 * called"); "what has Lind called" and "what was Hansen named" do not (no "the" or "a" before).
 */
const ASKS_WHAT_CALLED = /\s+(?:called|named)\s*$/i;
const NAMES_A_THING = /^(?:the|a|an|this|that|its|his|her|their)\s/i;

/** Words a question may open with when it goes on from the one before: "and how many ...", "so when ...". */
const LEADING_CONNECTIVE = /^(?:(?:and|so|but|also|then|or)\s+)+/i;

/** A question that opens with an auxiliary asks yes or no: "is he ...", "did they ...", "has Lee said ...". */
const YES_NO_OPENING = new RegExp(`^(?:${wordsPattern(AUXILIARY_VERBS)})\\s`, 'i');

/** The auxiliaries a question may open with, stripped before its topic ("did they meet" → "they meet"). */
const AUXILIARIES = new RegExp(`^(?:${wordsPattern(AUXILIARY_VERBS)}|be|been)\\b\\s*`, 'i');
const SPEECH = wordsRegExp(QUESTION_SAYING_VERBS, ['according to']);
/** "where does she teach", "... work at now": the verb ends the question ("where did the work start" is about work done). */
const AFFILIATION = new RegExp(`\\b(${wordsPattern(AFFILIATION_VERBS)})(?:\\s+(?:at|for|in|now|again))*\\s*$`, 'i');
/** "where does she teach": the verb after "do" is a verb, where "where is the rescue work" ends in a noun. */
const DO_AUXILIARY = /^(?:where\s+)?(?:do|does|did|will|would|can|could)\b/i;
/** Forms that are only verbs: "where she teaches", "where he worked". */
const ONLY_VERB_FORM = /^(?:teaches|taught|lectures|lectured|worked|studied|employed|teaching|working|studying|lecturing)$/i;

function asksAffiliation(question: string, query: string): boolean {
  const verb = AFFILIATION.exec(query)?.[1];
  return verb !== undefined && (DO_AUXILIARY.test(question) || ONLY_VERB_FORM.test(verb));
}
const FUTURE = wordsRegExp(QUESTION_TENSE.future);
const PAST = wordsRegExp(QUESTION_TENSE.past);

/**
 * Reads a question: the kind of answer it wants, the words to search for, and its tense. The text
 * is read without its invisible and control characters (see cleanQueryText).
 */
export function readQuestion(command: Command, text: string): Question {
  const trimmed = cleanQueryText(text);
  // "whos the prez pls" is read as "who is the president"; "and how many ..." as "how many ...".
  const expanded = expandCasualText(trimmed).replace(LEADING_CONNECTIVE, '');
  const tense: Tense = FUTURE.test(expanded) ? 'future' : PAST.test(expanded) ? 'past' : null;
  const asksForSpeaker = SPEECH.test(expanded);
  const stripped = stripQuestionWords(withOrderWords(expanded));
  const commandKind: AnswerKind = command === 'ask' ? 'thing' : KIND_OF_COMMAND[command];
  let kind = refineKind(commandKind, stripped.kind);
  // "what was the storm called": a name, as "what was the name of the storm" asks.
  const named =
    kind === 'thing' && stripped.kind === 'thing' && ASKS_WHAT_CALLED.test(stripped.query) && NAMES_A_THING.test(stripped.query);
  if (named) kind = 'name';
  // "where does she teach": the institution she belongs to ("which city does she work in" keeps its place).
  if (kind === 'place' && stripped.focus === null && asksAffiliation(expanded, stripped.query)) kind = 'organisation';
  // "Who is Lee Jae-mook?": a person named, so the answer is who they are.
  if (kind === 'person' && /^[Ww][Hh][Oo]\s+(?:is|was|are|were)\s+\p{Lu}/u.test(expanded) && command === 'ask') kind = 'description';
  const focus = kind === stripped.kind ? stripped.focus : null;
  const yesNo = kind === 'thing' && stripped.kind === null && YES_NO_OPENING.test(expanded);
  // "how many days after the vote": a count, not an event that came after.
  const sequence = kind === 'quantity' || kind === 'duration' ? null : askedSequence(stripped.query);
  const previous = (kind === 'time' && ASKS_PREVIOUS.test(expanded)) || (kind === 'duration' && ASKS_ELAPSED.test(expanded));
  const query =
    sequence !== null
      ? withoutOrderFrame(stripped.query)
      : previous
        ? withoutPreviousFrame(stripped.query)
        : named
          ? stripped.query.replace(ASKS_WHAT_CALLED, '')
          : stripped.query;
  return {
    command,
    kind,
    query: query.replace(SIDE_OF_A_PEOPLE, '$1'),
    text: trimmed,
    tense,
    asksForSpeaker,
    focus,
    unit: unitOf(kind, expanded),
    yesNo,
    sequence,
    previous,
  };
}

/** "the last time a leader went to China before this one" → "a leader went to China" (keeps at least one word). */
function withoutPreviousFrame(query: string): string {
  const rest = query.replace(PREVIOUS_FRAME, ' ').replace(/\s+/g, ' ').trim();
  return rest.length > 0 ? rest : query;
}

function unitOf(kind: AnswerKind, text: string): string | null {
  if (kind === 'time') {
    // "what dates", "which days" ask for a span of days; "what years", "what times" as the singular.
    const unit = TIME_UNIT.exec(text)?.[1]?.toLowerCase() ?? null;
    return unit === null || unit === 'dates' || unit === 'days' ? unit : unit.replace(/s$/, '');
  }
  if (kind !== 'quantity') return null;
  const measure = MEASURED.exec(text)?.[1]?.toLowerCase();
  if (measure !== undefined) return MEASURE_UNIT[measure] ?? null;
  const counted = COUNTED.exec(text)?.[1]?.split(/\s+/).pop()?.toLowerCase();
  if (counted !== undefined) return counted;
  // "how many people", "how many men": plurals without an s, counted as people.
  const word = /^how many\s+(?:(?:new|extra|more|other|additional|different)\s+)?(\p{L}+)/iu.exec(text)?.[1]?.toLowerCase();
  return word !== undefined && PEOPLE_WORDS.has(word) ? PEOPLE_UNIT : null;
}

/**
 * The kind of answer a question's own opening asks for can be finer than its command's: "/when what
 * year", "/who which companies", "/what how many", "/ask when". An opening that only says "what" or
 * "how" leaves the command's kind; so does one that contradicts it outright ("/when who ...").
 */
function refineKind(commandKind: AnswerKind, openingKind: AnswerKind | null): AnswerKind {
  if (openingKind === null || openingKind === 'thing') return commandKind;
  if (commandKind === 'thing') return openingKind;
  return (REFINES[commandKind] ?? []).includes(openingKind) ? openingKind : commandKind;
}

/** The finer kinds a command's kind may be refined to by the question's opening. */
const REFINES: Readonly<Partial<Record<AnswerKind, readonly AnswerKind[]>>> = {
  time: ['duration', 'time'],
  person: ['organisation', 'person'],
  place: ['place'],
  reason: ['reason'],
};

/**
 * Removes the question opening ("When will", "Which companies are") and a final question mark.
 * The noun of "which companies" is returned apart as the focus.
 */
function stripQuestionWords(text: string): { query: string; kind: AnswerKind | null; focus: string | null } {
  let rest = text.replace(/[?？!]+\s*$/u, '').trim();
  let kind: AnswerKind | null = null;
  let focus: string | null = null;
  for (const [pattern, k] of OPENINGS) {
    const match = pattern.exec(rest);
    if (match === null) continue;
    kind = k;
    if (/^(?:what|which) /i.test(match[0]) && k !== 'time' && k !== 'reason' && k !== 'thing' && k !== 'name') {
      focus = match[0].replace(/^(?:what|which)\s+/i, '');
    }
    rest = rest.slice(match[0].length);
    break;
  }
  rest = rest.trim().replace(AUXILIARIES, '');
  return { query: rest.trim(), kind, focus };
}
