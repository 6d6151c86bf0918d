import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/splitSentences.js';

/** The sentences of a text, after checking that each one is an exact substring of it. */
function sentencesOf(text: string): string[] {
  const { sentences } = splitSentences(text);
  for (const sentence of sentences) {
    expect(text).toContain(sentence);
    expect(sentence).toBe(sentence.trim());
  }
  return sentences;
}

/** A body line that ends with a period, so that the line under test is not taken as a headline. */
const LEAD = 'Lee arrived in Beijing on Sunday.';

describe('lines and sentences', () => {
  it('splits several sentences on one line', () => {
    expect(sentencesOf('Lee will visit China. Xi will host him. Talks start Monday!')).toEqual([
      'Lee will visit China.',
      'Xi will host him.',
      'Talks start Monday!',
    ]);
  });

  it('ignores blank lines and surrounding whitespace', () => {
    expect(sentencesOf('\n\n  First sentence here.  \n\n\n\tSecond sentence here.\n\n')).toEqual([
      'First sentence here.',
      'Second sentence here.',
    ]);
  });

  it('never joins a line with the next, even when the line has no final punctuation', () => {
    expect(sentencesOf(`${LEAD}\nThe talks were described as frank\nand the next line is separate.`)).toEqual([
      LEAD,
      'The talks were described as frank',
      'and the next line is separate.',
    ]);
  });

  it('handles Windows line endings', () => {
    expect(sentencesOf('First sentence here.\r\nSecond sentence here.\r\n')).toEqual([
      'First sentence here.',
      'Second sentence here.',
    ]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitSentences('')).toEqual({ headline: null, sentences: [] });
    expect(splitSentences(' \n\t\n ')).toEqual({ headline: null, sentences: [] });
  });

  it('does not split before a lowercase word', () => {
    expect(sentencesOf('Prices rose... and then fell. Traders shrugged.')).toEqual([
      'Prices rose... and then fell.',
      'Traders shrugged.',
    ]);
  });

  it('splits after an ellipsis character before a capital', () => {
    expect(sentencesOf('He paused… Then he spoke.')).toEqual(['He paused…', 'Then he spoke.']);
  });
});

describe('headline', () => {
  it('takes a first line without final punctuation as the headline and first sentence', () => {
    const result = splitSentences('Lee visits Beijing seeking stronger economic ties\nLee left Seoul on Sunday.');
    expect(result.headline).toBe('Lee visits Beijing seeking stronger economic ties');
    expect(result.sentences).toEqual(['Lee visits Beijing seeking stronger economic ties', 'Lee left Seoul on Sunday.']);
  });

  it('has no headline when the first line ends with a period', () => {
    const result = splitSentences('Lee will visit China next week.\nXi will host him.');
    expect(result.headline).toBeNull();
    expect(result.sentences).toHaveLength(2);
  });

  it.each([
    ['a closing quote after the period', 'He said it was “a fresh start.”'],
    ['a period after the closing quote', 'He called it “a fresh start”.'],
    ['a question mark', 'Will the visit thaw ties?'],
    ['an exclamation mark', 'What a visit!'],
  ])('has no headline when the first line ends with %s', (_case, firstLine) => {
    expect(splitSentences(`${firstLine}\nMore text follows.`).headline).toBeNull();
  });

  it('takes a first line ending in a quotation without punctuation as the headline', () => {
    const headline = 'Lee says peace in the Taiwan Strait is “very important”';
    expect(splitSentences(`${headline}\nLee spoke to CCTV.`).headline).toBe(headline);
  });

  it('does not split the headline at an inner period', () => {
    const headline = 'Lee in Beijing. What is at stake for Seoul';
    expect(splitSentences(`${headline}\nLee spoke to CCTV.`).sentences[0]).toBe(headline);
  });

  it('reads a Markdown heading as the headline without its # marker', () => {
    const result = splitSentences('# Lee visits Beijing seeking stronger ties\n\nLee left Seoul on Sunday.');
    expect(result.headline).toBe('Lee visits Beijing seeking stronger ties');
  });

  it('only looks at the first line: later lines without punctuation are ordinary sentences', () => {
    const result = splitSentences(`${LEAD}\nA caption without a final period of any kind`);
    expect(result.headline).toBeNull();
    expect(result.sentences).toEqual([LEAD, 'A caption without a final period of any kind']);
  });
});

describe('datelines', () => {
  it('keeps "SEOUL:" in the first sentence without splitting there', () => {
    expect(sentencesOf('SEOUL: South Korean President Lee Jae Myung heads to China on Sunday. He flies at noon.')).toEqual([
      'SEOUL: South Korean President Lee Jae Myung heads to China on Sunday.',
      'He flies at noon.',
    ]);
  });

  it('keeps "BEIJING (Reuters) -" in the first sentence', () => {
    expect(sentencesOf('BEIJING (Reuters) - China welcomed the visit on Friday. Officials said more.')).toEqual([
      'BEIJING (Reuters) - China welcomed the visit on Friday.',
      'Officials said more.',
    ]);
  });

  it('keeps a dateline with an abbreviated month whole', () => {
    expect(sentencesOf('WASHINGTON, Jan. 3 (Reuters) - The U.S. welcomed the talks.')).toEqual([
      'WASHINGTON, Jan. 3 (Reuters) - The U.S. welcomed the talks.',
    ]);
  });
});

describe('quotes and apostrophes', () => {
  it('ends a sentence at a period after a closing curly quote', () => {
    expect(sentencesOf('Lee told journalists “taking sides only worsens tensions”. He said no more.')).toEqual([
      'Lee told journalists “taking sides only worsens tensions”.',
      'He said no more.',
    ]);
  });

  it('does not end a sentence at a comma inside a quotation', () => {
    expect(sentencesOf('“Taking sides only worsens tensions,” he told journalists last month.')).toEqual([
      '“Taking sides only worsens tensions,” he told journalists last month.',
    ]);
  });

  it('does not end a sentence at a question mark in a quotation followed by a lowercase word', () => {
    expect(sentencesOf('“Why now?” he asked reporters. Nobody answered.')).toEqual([
      '“Why now?” he asked reporters.',
      'Nobody answered.',
    ]);
  });

  it('ends a sentence at a period inside a closing quote, and starts the next at an opening quote', () => {
    expect(sentencesOf('He said: “We will go.” “We are ready,” she added.')).toEqual([
      'He said: “We will go.”',
      '“We are ready,” she added.',
    ]);
  });

  it('keeps nested quotes and apostrophes intact', () => {
    const sentence =
      'Lee said he “clearly affirms” that “respecting the ‘one-China’ principle and maintaining peace are very important”.';
    expect(sentencesOf(`${sentence} China’s reply was swift.`)).toEqual([sentence, 'China’s reply was swift.']);
  });

  it('handles straight quotes too', () => {
    expect(sentencesOf('He said "we will go." Then he left.')).toEqual(['He said "we will go."', 'Then he left.']);
  });
});

describe('abbreviations, initials and numbers', () => {
  it.each([
    'Mr. Lee met Xi.',
    'Mrs. Kim Keon-hee did not travel.',
    'Ms. Kang briefed reporters.',
    'Dr. Park spoke first.',
    'Prof. Kang Jun-young of Hankuk University spoke.',
    'Gen. Kim inspected the troops.',
    'Sen. Warren criticised the deal.',
    'Rep. Young Kim welcomed the visit.',
    'The embassy is on St. James Street in London.',
    'He ranked No. 1 in the poll.',
    'It was South Korea vs. Japan again.',
    'Trade partners, e.g. China and Japan, matter.',
    'The key partner, i.e. China, agreed.',
    'Samsung Electronics Co. Ltd. sent executives.',
    'Apple Inc. Chief Executive Tim Cook was not there.',
    'Hyundai Motor Corp. Chairman Chung Euisun joined.',
    'The visit began on Jan. 4 and ended Jan. 7.',
    'The deadline is Feb. 28 at noon.',
    'Talks resumed on Sept. 12 in Seoul.',
    'The report is due Dec. 31 this year.',
    'J. Smith wrote the report.',
    'John F. Kennedy visited Seoul.',
    'Growth slowed to 3.5 percent in the third quarter.',
    'U.S. President Donald Trump spoke with Lee.',
    'The U.N. Security Council met on Monday.',
    'He landed at 10 a.m. Tuesday in Beijing.',
  ])('keeps "%s" as one sentence', (sentence) => {
    expect(sentencesOf(sentence)).toEqual([sentence]);
  });

  it('splits after "U.S." when the next word starts a sentence', () => {
    expect(sentencesOf('He stayed in the U.S. The next day he flew to Seoul.')).toEqual([
      'He stayed in the U.S.',
      'The next day he flew to Seoul.',
    ]);
  });

  it('splits after "Co." at the end of a sentence when the next word starts one', () => {
    expect(sentencesOf('He works for Samsung Electronics Co. It makes chips.')).toEqual([
      'He works for Samsung Electronics Co.',
      'It makes chips.',
    ]);
  });

  it('splits after "U.S." followed by an opening quote', () => {
    expect(sentencesOf('He flew to the U.S. “It went well,” he said.')).toEqual([
      'He flew to the U.S.',
      '“It went well,” he said.',
    ]);
  });

  it('splits after a sentence ending with a number', () => {
    expect(sentencesOf('Exports grew 3.5 percent in 2025. Imports fell.')).toEqual([
      'Exports grew 3.5 percent in 2025.',
      'Imports fell.',
    ]);
  });
});

describe('boilerplate', () => {
  it.each([
    'End of Article',
    'Share this article',
    'Share this article: Facebook Twitter Email',
    'Advertisement',
    'ADVERTISEMENT',
    'Read more',
    'READ MORE: Lee meets Xi in Beijing',
    'Subscribe to our newsletter for the latest news.',
    'Sign up for our daily briefing.',
    'Published: 3 January 2026, 7:45 PM',
    'Updated: Jan 4, 2026 10:01 am',
    'Updated 4 Jan 2026 10:01AM',
    'Jan 4, 2026',
    '04 Jan 2026 07:45PM KST',
    'Photo: Yonhap',
    'Photo credit: Reuters/Kim Hong-Ji',
    '© 2026 Reuters. All rights reserved.',
    'Copyright 2026 The Associated Press.',
    'By Kim Tong-hyung',
    'By Jane Doe and John Roe',
    'World',
    'Asia Pacific',
    'East Asia | Politics',
    '***',
  ])('drops the line "%s"', (line) => {
    expect(splitSentences(`${LEAD}\n${line}\nXi welcomed him.`).sentences).toEqual([LEAD, 'Xi welcomed him.']);
  });

  it('drops section names before the headline and keeps the longer line as headline', () => {
    const result = splitSentences(
      'World\nAsia\nLee visits Beijing seeking stronger economic ties\nPublished: 4 January 2026\nLee left Seoul on Sunday.',
    );
    expect(result.headline).toBe('Lee visits Beijing seeking stronger economic ties');
    expect(result.sentences).toEqual(['Lee visits Beijing seeking stronger economic ties', 'Lee left Seoul on Sunday.']);
  });

  it('does not take a section name as the headline when there is none', () => {
    const result = splitSentences('Politics\nLee left Seoul on Sunday.');
    expect(result.headline).toBeNull();
    expect(result.sentences).toEqual(['Lee left Seoul on Sunday.']);
  });

  it('strips "End of Article" glued to the headline and keeps the headline (real seed case)', () => {
    const headline =
      'President Lee Jae Myung visits Beijing seeking stronger economic ties and China’s help with North Korea, while carefully navigating Taiwan tensions';
    const result = splitSentences(`End of Article${headline}\nSEOUL: South Korean President Lee Jae Myung heads to China on Sunday.`);
    expect(result.headline).toBe(headline);
    expect(result.sentences).toEqual([headline, 'SEOUL: South Korean President Lee Jae Myung heads to China on Sunday.']);
  });

  it('strips "Advertisement" glued to the start of a sentence', () => {
    expect(sentencesOf(`${LEAD}\nAdvertisementXi welcomed him.`)).toEqual([LEAD, 'Xi welcomed him.']);
  });

  it('strips "End of Article" glued to the end of the last sentence', () => {
    expect(sentencesOf(`${LEAD}\nLee said “taking sides only worsens tensions”.End of Article`)).toEqual([
      LEAD,
      'Lee said “taking sides only worsens tensions”.',
    ]);
  });

  it('keeps text that merely starts with a boilerplate word', () => {
    expect(sentencesOf(`${LEAD}\nAdvertisement spending in China rose 5 percent.`)).toEqual([
      LEAD,
      'Advertisement spending in China rose 5 percent.',
    ]);
  });

  it('keeps short sentences that have punctuation', () => {
    expect(sentencesOf(`${LEAD}\nNo comment.\nHe left.`)).toEqual([LEAD, 'No comment.', 'He left.']);
  });
});
