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

/** Whether a word as typed is a stop word: as isStopWord, but "US" in capitals is the country. */
export function isStopWordAsTyped(surface: string, lowerWord: string): boolean {
  return STOP_WORDS.has(lowerWord) && !(COUNTRY_IN_CAPITALS.has(lowerWord) && surface === lowerWord.toUpperCase());
}
