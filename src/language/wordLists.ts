/**
 * The word lists that several readers of questions and sentences must agree on, each kept once: the
 * words of tense, the verbs of saying, the words before a place. Each list holds every word any
 * reader takes; a reader that takes only some of them picks them here, by name (`pick` fails at
 * load when a picked word is not in the list, so no reader can drift away from the others), with
 * the reason beside it. Lower case; a phrase has single spaces. `wordsPattern` and `wordsRegExp`
 * make a list a regular expression.
 *
 * The readers: the question's tense, speaker, auxiliaries and calendar words (src/answer/question.ts,
 * sequence.ts), the month names of written dates (dateResolution.ts), the ranking's tense
 * agreement (src/answer/rank.ts), the dating of relative dates (dateResolution.ts), the speaker
 * next to a name (src/answer/answerSpans.ts, sentenceAnalysis.ts), the place after a locative
 * (entities.ts, answerSpans.ts).
 */

/** Words that put a question or a sentence in the future: "will", "is to", "scheduled", "next". */
export const FUTURE_WORDS: readonly string[] = [
  'will',
  'shall',
  "'ll",
  'going to',
  'is to',
  'are to',
  'plan',
  'plans',
  'plan to',
  'plans to',
  'planned',
  'planning',
  'scheduled',
  'slated',
  'set to',
  'set for',
  'due',
  'is due',
  'are due',
  'expected',
  'expected to',
  'upcoming',
  'next',
  'later',
  'ahead',
  'to be held',
  'to visit',
  'to meet',
];

/** Words that put a question or a sentence in the past: "did", "was", "met", "ago", "recently". */
export const PAST_WORDS: readonly string[] = [
  'did',
  'was',
  'were',
  'had',
  'met',
  'held',
  'went',
  'came',
  'took',
  'gave',
  'made',
  'began',
  'started',
  'ended',
  'visited',
  'signed',
  'launched',
  'fired',
  'arrived',
  'left',
  'ago',
  'earlier',
  'last',
  'previous',
  'previously',
  'recent',
  'recently',
];

/** The verbs of saying, in every form a reader takes: "said", "says", "say", "announced". */
export const SAYING_VERBS: readonly string[] = [
  'said',
  'says',
  'say',
  'told',
  'tells',
  'tell',
  'added',
  'noted',
  'stressed',
  'warned',
  'explained',
  'stated',
  'claimed',
  'confirmed',
  'announced',
  'reported',
  'revealed',
  'quoted',
];

/** Words before a place: "in Seoul", "into the Sea of Japan", "off Busan". */
export const LOCATIVES: readonly string[] = [
  'in',
  'at',
  'into',
  'to',
  'near',
  'from',
  'across',
  'around',
  'toward',
  'towards',
  'inside',
  'outside',
  'over',
  'off',
];

/**
 * Plural words for people that WordNet does not file as kinds of person ("people" is a group
 * there): what "how many people" counts, besides every noun that is a kind of person.
 */
export const PEOPLE_WORDS: ReadonlySet<string> = new Set([
  'people',
  'persons',
  'men',
  'women',
  'children',
  'staff',
  'crew',
  'police',
  'personnel',
]);

/**
 * The auxiliaries: what a yes-or-no question opens with ("did they ..."), what is stripped before a
 * question's topic, and where the event a question names ends ("after the vote did the strike
 * begin").
 */
export const AUXILIARY_VERBS: readonly string[] = [
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'can',
  'could',
  'should',
  'shall',
  'may',
  'might',
  'must',
];

/** The months, in calendar order, as dates are written. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The days of the week, Monday first, as dates are written. */
export const WEEKDAY_NAMES: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Words that name a unit of time: in a question about when ("what weekday was the interview",
 * "when did they meet, what month"), they say what kind of answer is wanted, not what about.
 */
export const TIME_UNIT_WORDS: readonly string[] = ['time', 'date', 'day', 'weekday', 'week', 'month', 'year', 'hour'];

/**
 * Verbs of holding an office: "who led the country before X" asks for X's predecessor, as "who was
 * president before X" does.
 */
export const OFFICE_VERBS: readonly string[] = [
  'lead',
  'led',
  'leads',
  'run',
  'ran',
  'runs',
  'head',
  'headed',
  'heads',
  'rule',
  'ruled',
  'govern',
  'governed',
  'chair',
  'chaired',
];

/**
 * Verbs of belonging to an institution: "where does she teach" asks for the university, not a
 * town ("professor at the Hankuk University of Foreign Studies").
 */
export const AFFILIATION_VERBS: readonly string[] = [
  'teach',
  'teaches',
  'taught',
  'lecture',
  'lectures',
  'work',
  'works',
  'worked',
  'study',
  'studies',
  'studied',
  'lectured',
  'employed',
  'teaching',
  'working',
  'studying',
  'lecturing',
  'research',
  'researches',
];

/**
 * The adverbs and prepositions that make a verb phrasal ("step down", "pay off", "sign up"): the
 * phrase often means something the verb alone does not.
 */
export const VERB_PARTICLES: readonly string[] = [
  'up',
  'down',
  'off',
  'out',
  'over',
  'in',
  'on',
  'away',
  'back',
  'along',
  'into',
  'through',
  'around',
  'apart',
  'aside',
];

/**
 * The particles that are prepositions too ("go on Friday", "in March"): before a name, a number or
 * a calendar word they open a phrase of place or time, not a phrasal verb.
 */
export const PREPOSITION_PARTICLES = pick(VERB_PARTICLES, ['on', 'in', 'into', 'over', 'through', 'around']);

/**
 * Words that name a time of the calendar: after "last" they are a time ("last Friday", not "the last
 * time"), after "the following" a day ("the following morning", not an order in time).
 */
export const CALENDAR_WORDS: readonly string[] = [
  'day',
  'night',
  'morning',
  'afternoon',
  'evening',
  'week',
  'weekend',
  'month',
  'year',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  ...WEEKDAY_NAMES.map((day) => day.toLowerCase()),
  ...MONTH_NAMES.map((month) => month.toLowerCase()),
];

/**
 * A question's tense is read from its own wording ("When will", "did", "last"): the verbs of its
 * topic ("/when visited Tromsø", "/who expected sign agreement") are what it is about, not when.
 */
export const QUESTION_TENSE = {
  future: pick(FUTURE_WORDS, ['will', 'going to', 'plan to', 'plans to', 'planned', 'scheduled', 'next', 'upcoming', 'is to']),
  past: pick(PAST_WORDS, ['did', 'was', 'were', 'had', 'last', 'previous', 'previously', 'earlier', 'recent', 'recently', 'ago']),
};

/**
 * The ranking's tense agreement reads the clearest markers only ("will", "is due", "met", "ago"):
 * its bonus is small, and a sentence's other event verbs would make it swing between answers.
 */
export const RANKING_TENSE = {
  future: pick(FUTURE_WORDS, [
    'will',
    'is to',
    'are to',
    'scheduled',
    'planned',
    'plans to',
    'set to',
    'expected to',
    'is due',
    'are due',
    'later',
    'next',
    'upcoming',
  ]),
  past: pick(PAST_WORDS, ['was', 'were', 'had', 'did', 'met', 'went', 'last', 'ago', 'recently', 'previously', 'earlier']),
};

/**
 * The dating reads every marker but "later", which as often tells a past story ("Lee later met Xi
 * on Friday") as it points ahead; a date's direction follows the first marker in its clause.
 */
export const DATING_TENSE = {
  future: except(FUTURE_WORDS, ['later']),
  past: PAST_WORDS,
};

/** A question asking who said something: "Who said …", "What did Lee tell …", "… quoted …". */
export const QUESTION_SAYING_VERBS = pick(SAYING_VERBS, [
  'said',
  'say',
  'says',
  'told',
  'tell',
  'tells',
  'stated',
  'claimed',
  'warned',
  'quoted',
]);

/**
 * The verbs a speaker's name stands next to ("Lee said", "said Lee", "…, he added"). Not "reported",
 * "announced" and the like: they as often come before what is reported ("reported that North Korea
 * fired"), whose names are not speakers.
 */
export const SPEAKER_VERBS = pick(SAYING_VERBS, ['said', 'says', 'told', 'tells', 'added', 'noted', 'stressed', 'warned', 'explained']);

/** The past verbs of saying that date the saying in their clause ("the office said on Tuesday"). */
export const DATING_SAYING_VERBS = pick(SAYING_VERBS, [
  'said',
  'told',
  'confirmed',
  'announced',
  'reported',
  'revealed',
  'stated',
  'added',
]);

/** The words as one regular-expression alternation (without a group or word boundaries). */
export function wordsPattern(...lists: ReadonlyArray<readonly string[]>): string {
  return lists
    .flat()
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** A case-insensitive test for any of the words, as whole words: `\b(?:will|shall|…)\b`. */
export function wordsRegExp(...lists: ReadonlyArray<readonly string[]>): RegExp {
  return new RegExp(`\\b(?:${wordsPattern(...lists)})\\b`, 'i');
}

/** The words a reader takes from a list; throws (at load) when one is not in it. */
function pick(list: readonly string[], words: readonly string[]): readonly string[] {
  const missing = words.filter((word) => !list.includes(word));
  if (missing.length > 0) throw new Error(`word list: ${missing.join(', ')} picked but not in the shared list`);
  return words;
}

/** A list without some of its words; throws (at load) when one is not in it. */
function except(list: readonly string[], words: readonly string[]): readonly string[] {
  pick(list, words);
  return list.filter((word) => !words.includes(word));
}
