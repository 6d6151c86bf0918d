/**
 * English function words that carry no topic. They are not indexed as query terms; the answer
 * logic still sees them in the sentence tokens (e.g. "since", "before", "to" mark answers).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most my
  myself no nor not now of off on once only or other our ours ourselves out over own same she should so
  some such than that the their theirs them themselves then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves also may might must shall us its' s t ll d re ve m o y
  tell say said says told please know does did done get got let lets`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopWord(lowerWord: string): boolean {
  return STOP_WORDS.has(lowerWord);
}

/** Stop words that, typed in capitals, name a country: "US" is not "us". */
const COUNTRY_IN_CAPITALS: ReadonlySet<string> = new Set(['us']);

/**
 * Whether a word as typed in `text` is a stop word: as isStopWord, but "US" in capitals is the
 * country, unless the whole text is in capitals ("WHAT DID LIND TELL US?").
 */
export function isStopWordAsTyped(surface: string, lowerWord: string, text: string): boolean {
  if (!STOP_WORDS.has(lowerWord)) return false;
  return !(COUNTRY_IN_CAPITALS.has(lowerWord) && surface === lowerWord.toUpperCase() && /\p{Ll}/u.test(text));
}

/** Stop words long enough to be recognised misspelt ("befor", "becuase"): shorter ones are a letter from too many words. */
const MIN_MISSPELT_STOP_WORD = 4;
const LONG_STOP_WORDS = [...STOP_WORDS].filter((word) => word.length >= MIN_MISSPELT_STOP_WORD);

/**
 * Whether a word is one typing slip from a stop word: a letter missing, added or changed, or two
 * letters swapped ("befor", "becuase", "abuot"). The caller asks only of words that are no English
 * word, so that "form" or "worth" are never read as "from" or "with".
 */
export function isMisspeltStopWord(lowerWord: string): boolean {
  if (lowerWord.length < MIN_MISSPELT_STOP_WORD - 1 || lowerWord.length > 12) return false;
  return LONG_STOP_WORDS.some((stop) => withinOneSlip(lowerWord, stop));
}

function withinOneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    // Two neighbouring letters swapped.
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
