import { lexicalRelatives } from './wordnet.js';

/**
 * Whether a word's commonest noun sense is a kind of person ("seismologist" → scientist → person,
 * "mayor", "spokesperson"), by WordNet's hypernyms: a role written before a name. General English:
 * what a role is does not depend on the story.
 */

/** How far up the hypernyms to look, and how many lemmas at most: a bound on each lookup's cost. */
const MAX_DEPTH = 10;
const MAX_LEMMAS = 200;
const CACHE_LIMIT = 5_000;
const cache = new Map<string, boolean>();

export function isPersonNoun(lowerWord: string): boolean {
  const known = cache.get(lowerWord);
  if (known !== undefined) return known;
  const result = reachesPerson(lowerWord);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(lowerWord, result);
  return result;
}

function reachesPerson(word: string): boolean {
  const seen = new Set<string>();
  let frontier = [word];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0 && seen.size < MAX_LEMMAS; depth++) {
    const next: string[] = [];
    for (const lemma of frontier) {
      for (const parent of lexicalRelatives(lemma, { maxSenses: 1, relations: ['hypernym'] })) {
        if (parent.pos !== 'noun' || seen.has(parent.lemma)) continue;
        if (parent.lemma === 'person') return true;
        seen.add(parent.lemma);
        next.push(parent.lemma);
      }
    }
    frontier = next;
  }
  return false;
}
