import { datelineLength } from './dateline.js';
import type { Token } from './tokenize.js';
import { isPersonNoun } from './roleNouns.js';
import { COMMON_SENTENCE_STARTERS, DEMONYMS, ORGANISATION_WORDS, PLACE_WORDS, PLACES, TITLES } from './gazetteer.js';
import { LOCATIVES } from './wordLists.js';

/** What a name names. `name` is a proper name whose kind the text does not reveal. */
export type EntityType = 'person' | 'organisation' | 'place' | 'name';

/** A proper name found in a sentence. */
export interface Entity {
  type: EntityType;
  /** Offsets in the sentence text, of the name itself (titles excluded). */
  start: number;
  end: number;
  text: string;
  /** Folded key of the name ("lee jae myung"), used to link mentions across the corpus. */
  key: string;
  /** Index of the first and last token of the name. */
  firstToken: number;
  lastToken: number;
  /** A title or role came just before it ("Premier", "spokesperson"). */
  titled: boolean;
}

// Lower-case words allowed inside a name between capitalised words: "Sea of Japan".
const NAME_JOINERS = new Set(['of', 'de', 'du', 'von', 'van', 'al', 'bin']);
// Prepositions after which a name is most likely a place.
const LOCATIVE = new Set(LOCATIVES);
// Lower-case role nouns that may precede a name: "presidential spokesperson Kang Yu-jung".
const ROLE_NOUNS = new Set([
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'adviser',
  'advisor',
  'professor',
  'minister',
  'premier',
  'president',
  'predecessor',
  'successor',
  'counterpart',
  'envoy',
  'ambassador',
  'official',
  'leader',
  'chairman',
  'director',
  'secretary',
  'analyst',
  'economist',
  'lawmaker',
  'senator',
  'governor',
  'mayor',
  'chief',
  'executive',
  'founder',
  'researcher',
  'expert',
  'head',
  'deputy',
  'aide',
  'general',
]);

const CALENDAR_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday ' +
    'saturday sunday'
  ).split(' '),
);

/** Title words that only qualify another title ("Foreign Minister", "Vice President"). */
const NOT_ALONE_TITLES = new Set([
  'foreign',
  'defence',
  'defense',
  'finance',
  'trade',
  'state',
  'first',
  'former',
  'late',
  'acting',
  'vice',
  'deputy',
  'chief',
  'prime',
  'supreme',
  'executive',
]);

function isAcronym(surface: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(surface.replace(/['’]s$/, ''));
}

/** True when nothing but spaces separates two tokens (no comma, quote or stop). */
function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[ \t]+$/.test(text.slice(a.end, b.start));
}

function endsWithPossessive(token: Token): boolean {
  return /['’]s?$/.test(token.surface) && token.surface.length > token.lower.length;
}

/**
 * Is this token at the start of the sentence or of a quotation, where every word is capitalised?
 * Looks only at the characters just before it: asked of every name, it must not read the whole
 * sentence before each one.
 */
function atSentenceStart(text: string, token: Token): boolean {
  let i = token.start;
  while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
  if (i > 0 && /[:“"]/.test(text.charAt(i - 1))) return true;
  while (i > 0 && /[\s“"‘'(]/.test(text.charAt(i - 1))) i--;
  return i === 0;
}

/** Runs of capitalised tokens (with joiners like "of" inside), split at punctuation and possessives. */
function capitalisedRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !run[run.length - 1]!.capitalized) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = run[run.length - 1];
    const joinable = previous !== undefined && adjacent(text, previous, token) && !endsWithPossessive(previous);
    if (token.capitalized) {
      if (!joinable) flush();
      run.push(token);
    } else if (
      joinable &&
      NAME_JOINERS.has(token.lower) &&
      previous.capitalized &&
      (ORGANISATION_WORDS.has(previous.lower) || PLACE_WORDS.has(previous.lower)) &&
      tokens[i + 1]?.capitalized === true &&
      adjacent(text, token, tokens[i + 1]!)
    ) {
      // "of" continues a name only after a word that heads one: "Bank of Korea", "Sea of Japan".
      run.push(token);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

function classifyRun(key: string, words: Token[]): EntityType | null {
  const last = words[words.length - 1]!;
  const first = words[0]!;
  if (PLACES.has(key)) return 'place';
  if (ORGANISATION_WORDS.has(last.lower)) return 'organisation';
  // "Hankuk University of Foreign Studies": an organisation word before "of".
  if (words.some((w, i) => ORGANISATION_WORDS.has(w.lower) && words[i + 1]?.lower === 'of')) return 'organisation';
  if (PLACE_WORDS.has(last.lower) || (PLACE_WORDS.has(first.lower) && words.length > 2)) return 'place';
  if (words.length === 1 && isAcronym(first.surface)) return 'organisation';
  return null;
}

/**
 * Finds the proper names of a sentence and what each names, as far as the sentence and general
 * knowledge tell. Single words that the corpus links to a person ("Lee" for "Lee Jae Myung") are
 * typed by `knownPeople`.
 */
export function findEntities(text: string, tokens: Token[], knownPeople: ReadonlySet<string> = new Set()): Entity[] {
  const entities: Entity[] = [];
  // "TORSAND, March 11 (Test Wire) - The agency ...": the sentence proper starts after its dateline.
  const dateline = datelineLength(text);
  for (const run of capitalisedRuns(text, tokens)) {
    let words = run;
    // A sentence-initial ordinary word is not a name ("Asked this month ...", "Hours before ...").
    const opening = atSentenceStart(text, words[0]!) || (dateline > 0 && words[0]!.start === dateline);
    if (opening && COMMON_SENTENCE_STARTERS.has(words[0]!.lower)) words = words.slice(1);
    // "Seismologist Piet Halloran said ...": a role noun opening the sentence is a title, not a name.
    let roleFirst = false;
    if (words.length >= 2 && atSentenceStart(text, words[0]!) && !TITLES.has(words[0]!.lower) && isPersonNoun(words[0]!.lower)) {
      words = words.slice(1);
      roleFirst = true;
    }
    // Months and weekdays are times, not names.
    words = words.filter((w) => !CALENDAR_WORDS.has(w.lower));
    if (words.length === 0) continue;
    // Leading titles and nationalities are not part of the name: "South Korean President Lee".
    let titled = roleFirst;
    const fullKey = words.map((w) => w.lower).join(' ');
    if (classifyRun(fullKey, words) === null) {
      // Everything up to the last title is the title ("Finnish President Aku Lehtonen").
      const lastTitle = words.slice(0, -1).findLastIndex((w) => TITLES.has(w.lower) && !NOT_ALONE_TITLES.has(w.lower));
      if (lastTitle >= 0) {
        titled = true;
        words = words.slice(lastTitle + 1);
      }
      // Counted off, then cut once: a run of a thousand titles is not copied a thousand times.
      let from = 0;
      while (words.length - from > 1) {
        const head = words[from]!.lower;
        const twoWords = `${head} ${words[from + 1]!.lower}`;
        if (DEMONYMS[twoWords] !== undefined && words.length - from > 2) {
          from += 2;
        } else if (DEMONYMS[head] !== undefined || TITLES.has(head)) {
          titled ||= TITLES.has(head);
          from += 1;
        } else break;
      }
      words = words.slice(from);
    }
    if (words.length === 0) continue;
    const key = words.map((w) => w.lower).join(' ');
    if (DEMONYMS[key] !== undefined || TITLES.has(key)) continue;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const before = tokens[first.index - 1];
    titled ||= before !== undefined && ROLE_NOUNS.has(before.lower);
    let type = classifyRun(key, words);
    if (type === null) {
      if (knownPeople.has(key) || titled) type = 'person';
      else if (before !== undefined && LOCATIVE.has(before.lower)) type = 'place';
      else if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w.surface))) type = 'person';
      else if (atSentenceStart(text, first) && words.length === 1) continue;
      else type = 'name';
    }
    entities.push({
      type,
      start: first.start,
      end: last.end - (endsWithPossessive(last) ? last.surface.length - trimPossessive(last.surface).length : 0),
      text: trimPossessive(text.slice(first.start, last.end)),
      key,
      firstToken: first.index,
      lastToken: last.index,
      titled,
    });
    if (type === 'place' && endsWithPossessive(last)) {
      const institution = institutionAfter(text, tokens, last.index);
      if (institution !== null)
        entities.push({
          type: 'organisation',
          start: first.start,
          end: institution.end,
          text: text.slice(first.start, institution.end),
          key: `${key} ${institution.key}`,
          firstToken: first.index,
          lastToken: institution.lastToken,
          titled: false,
        });
    }
  }
  return entities;
}

/**
 * Institutions news names by their country or city: "Seoul's military", "Japan's foreign ministry".
 * General words, written in lower case after a place in the possessive.
 */
const INSTITUTIONS = new Set([
  'military',
  'army',
  'navy',
  'government',
  'ministry',
  'office',
  'parliament',
  'police',
  'embassy',
  'presidency',
  'cabinet',
  'coast guard',
  'central bank',
  'foreign ministry',
  'defence ministry',
  'defense ministry',
  'trade ministry',
  'spy agency',
  'weather agency',
  'news agency',
  'state media',
]);

/** The institution named right after token `placeEnd` (one or two lower-case words), if any. */
function institutionAfter(text: string, tokens: Token[], placeEnd: number): { end: number; key: string; lastToken: number } | null {
  for (const length of [2, 1]) {
    const words = tokens.slice(placeEnd + 1, placeEnd + 1 + length);
    if (words.length < length || words.some((w) => w.capitalized)) continue;
    if (!words.every((w, i) => adjacent(text, i === 0 ? tokens[placeEnd]! : words[i - 1]!, w))) continue;
    const key = words.map((w) => w.lower).join(' ');
    if (INSTITUTIONS.has(key)) return { end: words[words.length - 1]!.end, key, lastToken: words[words.length - 1]!.index };
  }
  return null;
}

function trimPossessive(surface: string): string {
  return surface.replace(/['’]s$|(?<=s)['’]$/, '');
}
