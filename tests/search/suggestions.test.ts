// Autocomplete suggestions (src/search/suggestions.ts) over the sample corpus: names, places,
// organisations and key phrases that match what has been typed, within Discord's limits.

import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { NameDirectory } from '../../src/language/nameDirectory.js';
import { foldWords, MAX_STORED_SUGGESTIONS, SuggestionTally, type SuggestionEntry } from '../../src/search/suggestions.js';
import { sampleEngine } from '../support/sampleCorpus.js';

const suggest = (engine: AnswerEngine, typed: string, limit?: number) => engine.suggestions.suggest(typed, limit);

describe('suggest', () => {
  const engine = sampleEngine();

  it('offers the corpus’s people, places and organisations', () => {
    const all = engine.suggestions.entries.map((s) => s.text);
    for (const name of ['Ingrid Solberg-Vik', 'Tromsø', 'Aku Lehtonen', 'Magnus Eide', 'Kongsberg Maritime', 'Arctic Trade Fair']) {
      expect(all).toContain(name);
    }
  });

  it('matches the start of a suggestion or of any of its words, ignoring case and accents', () => {
    expect(suggest(engine, 'troms')).toContain('Tromsø');
    expect(suggest(engine, 'TROMSO')).toContain('Tromsø');
    expect(suggest(engine, 'lehto')).toContain('Aku Lehtonen');
    expect(suggest(engine, 'solberg vik')).toContain('Ingrid Solberg-Vik');
    for (const text of suggest(engine, 'ma')) expect(foldWords(text).some((w) => w.startsWith('ma'))).toBe(true);
  });

  it('ranks suggestions that start with the typed text first', () => {
    const results = suggest(engine, 'ar');
    const firstWordMatch = results.findIndex((t) => !foldWords(t)[0]!.startsWith('ar'));
    const lastStartMatch = results.map((t) => foldWords(t)[0]!.startsWith('ar')).lastIndexOf(true);
    if (firstWordMatch !== -1) expect(lastStartMatch).toBeLessThan(firstWordMatch);
  });

  it('completes the last words of a longer text, keeping what was typed before them', () => {
    expect(suggest(engine, 'fair opened by Ingrid Sol')).toContain('fair opened by Ingrid Solberg-Vik');
  });

  it('offers key phrases, not only names', () => {
    expect(suggest(engine, 'fishing')).toContain('fishing quotas');
    expect(suggest(engine, 'shipping')).toContain('shipping agreement');
  });

  it('nothing typed: the most frequent suggestions; nothing matching: none', () => {
    expect(suggest(engine, '').slice(0, 2).sort()).toEqual(['Ingrid Solberg-Vik', 'Tromsø']);
    expect(suggest(engine, 'qqqq')).toEqual([]);
  });

  it('at most 25 suggestions, none over 100 characters, even for long input', () => {
    for (const typed of ['', 'a', 's', `${'word '.repeat(40)}Trom`]) {
      const results = suggest(engine, typed);
      expect(results.length).toBeLessThanOrEqual(25);
      for (const text of results) expect(text.length).toBeLessThanOrEqual(100);
    }
    expect(suggest(engine, 's', 3)).toHaveLength(3);
  });

  it('each engine has its own suggestions', () => {
    const other = AnswerEngine.fromArticles([
      parseArticle({ id: 'x', file: 'x.txt', content: 'Mayor Hanna Berg opened the Bodø bridge on Friday.\n' }),
    ]);
    expect(suggest(other, 'han')).toContain('Hanna Berg');
    expect(suggest(engine, 'han')).not.toContain('Hanna Berg');
  });

  it('follows the corpus as articles are added and removed in place', async () => {
    const changing = sampleEngine();
    expect(suggest(changing, 'han')).not.toContain('Hanna Berg');
    await changing.addArticle(parseArticle({ id: 'x', file: 'x.txt', content: 'Mayor Hanna Berg opened the Bodø bridge on Friday.\n' }));
    expect(suggest(changing, 'han')).toContain('Hanna Berg');
    await changing.removeArticle('x');
    expect(suggest(changing, 'han')).not.toContain('Hanna Berg');
    expect(suggest(changing, 'troms')).toContain('Tromsø');
  });
});

describe('the suggestion tally of a saved index', () => {
  it('is rebuilt a slice per turn of the event loop, the same as at once', async () => {
    const entries: SuggestionEntry[] = Array.from({ length: 5_000 }, (_, i) => ({
      text: `phrase ${i}`,
      kind: i % 2 === 0 ? 'entity' : 'phrase',
      count: 1 + (i % 7),
      weight: 1 + (i % 3),
    }));
    let turns = 0;
    const stepped = await SuggestionTally.inSteps(entries, async () => {
      turns++;
    });
    const names = new NameDirectory();
    expect(stepped.entries(names)).toEqual(SuggestionTally.of(entries).entries(names));
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});

describe('the suggestions worked out again after an in-place change', () => {
  it('come a slice of the tally per turn of the event loop, the same as at once', async () => {
    const entries: SuggestionEntry[] = Array.from({ length: 5_000 }, (_, i) => ({
      text: i % 10 === 0 ? `Berg${i}` : `phrase ${i}`,
      kind: i % 2 === 0 ? 'entity' : 'phrase',
      count: 1 + (i % 7),
      weight: 1 + (i % 3),
    }));
    const tally = SuggestionTally.of(entries);
    const names = NameDirectory.fromPeople([['anna berg10', 2]]);
    let turns = 0;
    const stepped = await tally.entriesInSteps(names, async () => {
      turns++;
    });
    expect(stepped).toEqual(tally.entries(names));
    expect(stepped.length).toBeGreaterThan(0);
    // 5,000 tallies read twice, 2,000 a turn.
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});

describe('the suggestions kept from a large tally', () => {
  it('are the weightiest, in order, as one sort of them all would give, though sorted a slice at a time', async () => {
    const entries: SuggestionEntry[] = Array.from({ length: 2 * MAX_STORED_SUGGESTIONS + 5_000 }, (_, i) => ({
      text: `phrase ${i}`,
      kind: 'phrase',
      count: 1,
      weight: ((i * 7919) % 10_007) / 100,
    }));
    const kept = await SuggestionTally.of(entries).entriesInSteps(new NameDirectory(), async () => undefined);
    expect(kept).toHaveLength(MAX_STORED_SUGGESTIONS);
    const reference = [...entries].sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    expect(kept.map((e) => e.text)).toEqual(reference.slice(0, MAX_STORED_SUGGESTIONS).map((e) => e.text));
  });
});
