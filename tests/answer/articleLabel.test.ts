// The label an article is cited by: its title, else its publisher and date, else the first words of
// its first sentence; the publisher and date beside it when known, its link; a long headline
// shortened once, at a word. Never the file id.

import { describe, expect, it } from 'vitest';
import {
  articleLabel,
  FIRST_WORDS,
  labelText,
  MAX_FIRST_WORDS_LENGTH,
  MAX_PUBLISHER_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  namedByFirstWords,
  type LabelledArticle,
} from '../../src/answer/articleLabel.js';
import { ELLIPSIS } from '../../src/text/truncate.js';

function article(meta: Partial<LabelledArticle['meta']> = {}, headline: string | null = null): LabelledArticle {
  return { meta: { title: null, source: null, url: null, published: null, publishedInferred: null, ...meta }, headline };
}

const FIRST = 'Harbour officials in Bodø said on Tuesday that the new ferry terminal would open in May after two years of delays.';

describe('articleLabel', () => {
  it('names an article by its title, with its publisher, date and link beside it', () => {
    const label = articleLabel(
      article({
        title: 'Ferry terminal opens in May',
        source: 'Coastal Courier',
        published: '2026-03-02',
        url: 'https://example.org/ferry',
      }),
      FIRST,
    );
    expect(label).toEqual({
      name: 'Ferry terminal opens in May',
      from: 'title',
      publisher: 'Coastal Courier',
      date: '2 March 2026',
      url: 'https://example.org/ferry',
    });
    expect(labelText(label)).toBe('Ferry terminal opens in May · Coastal Courier · 2 March 2026');
  });

  it('takes the headline of the text when the metadata has no title', () => {
    const label = articleLabel(article({}, 'Ferry terminal delayed again'), FIRST);
    expect(label.name).toBe('Ferry terminal delayed again');
    expect(label.from).toBe('title');
  });

  it('without a title: its publisher and date, not repeated beside the name', () => {
    const label = articleLabel(article({ source: 'Coastal Courier', published: '2026-03-02' }), FIRST);
    expect(label).toEqual({ name: 'Coastal Courier, 2 March 2026', from: 'publisher', publisher: null, date: null, url: null });
    expect(labelText(label)).toBe('Coastal Courier, 2 March 2026');
    expect(articleLabel(article({ source: 'Coastal Courier' }), FIRST).name).toBe('Coastal Courier');
  });

  it('without title or publisher: the first words of its first sentence, in quotes, with its date beside them', () => {
    expect(namedByFirstWords(article({ publishedInferred: '2025-12-30' }))).toBe(true);
    expect(namedByFirstWords(article({ source: 'Coastal Courier' }))).toBe(false);
    expect(namedByFirstWords(article({}, 'A headline'))).toBe(false);
    const label = articleLabel(article({ publishedInferred: '2025-12-30' }), FIRST);
    expect(label.from).toBe('first-words');
    expect(label.name).toBe(`“Harbour officials in Bodø said on Tuesday that${ELLIPSIS}”`);
    expect(label.name.replace(/[“”…]/g, '').split(' ')).toHaveLength(FIRST_WORDS);
    expect(label.date).toBe('30 December 2025 (inferred)');
    expect(labelText(label)).toBe(`“Harbour officials in Bodø said on Tuesday that${ELLIPSIS}” · 30 December 2025 (inferred)`);
  });

  it('quotes a short first sentence whole, and keeps long words within the limit', () => {
    expect(articleLabel(article(), 'The ferry is late.').name).toBe('“The ferry is late.”');
    const long = articleLabel(article(), `${'Supercalifragilistic'.repeat(8)} words follow here.`);
    expect(long.name.length).toBeLessThanOrEqual(MAX_FIRST_WORDS_LENGTH);
    expect(long.name.endsWith(`${ELLIPSIS}”`)).toBe(true);
  });

  it('shortens a long headline once, at a word, with an ellipsis', () => {
    const headline =
      'President Lee Jae Myung visits Beijing seeking stronger economic ties and China’s help with North Korea, while carefully navigating Taiwan tensions';
    expect(headline.length).toBeGreaterThan(MAX_TITLE_LENGTH);
    const label = articleLabel(article({}, headline), FIRST);
    expect(label.name.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(label.name.endsWith(ELLIPSIS)).toBe(true);
    expect(headline.startsWith(label.name.slice(0, -1))).toBe(true);
    // Cut at a word: what is kept ends where a word of the headline ends.
    expect(headline.charAt(label.name.length - 1)).toMatch(/[\s,]/);
  });

  it('never uses the file id, and puts a title on one line', () => {
    const label = articleLabel(article({ title: '  Ferry\n terminal   opens ' }), FIRST);
    expect(label.name).toBe('Ferry terminal opens');
    expect(articleLabel(article(), null).name).toBe('an untitled article');
    expect(articleLabel(article({ title: '   ' }), '   ').name).toBe('an untitled article');
  });

  it('shortens a long publisher, leaves out a link too long to follow, shows an odd date as given', () => {
    const label = articleLabel(
      article({
        title: 'Ferry',
        source: `Publisher ${'very '.repeat(30)}long`,
        url: `https://example.org/${'x'.repeat(MAX_URL_LENGTH)}`,
        published: '2026-13-45',
      }),
      FIRST,
    );
    expect(label.publisher!.length).toBeLessThanOrEqual(MAX_PUBLISHER_LENGTH);
    expect(label.url).toBeNull();
    expect(label.date).toBe('2026-13-45');
  });
});
