// Order in time (src/language/sequence.ts): what a question asks to come after or before, and which
// part of a sentence names the earlier or the later event, for each way a sentence orders two.

import { describe, expect, it } from 'vitest';
import { askedSequence, goesOn, sequenceRegions, withOrderWords, withoutOrderFrame, type Direction } from '../../src/language/sequence.js';

describe('a question about order in time', () => {
  it.each([
    ['where does he go after beijing', 'after', 'beijing'],
    ['what comes right after the xi summit', 'after', 'the xi summit'],
    ['what did the police do following the evacuation', 'after', 'the evacuation'],
    ['what did north korea do right before lee left', 'before', 'lee left'],
    ['what happened ahead of the vote', 'before', 'the vote'],
    ['what happened after the vote did the strike begin', 'after', 'the vote'],
    ['where did lee go after he was released', 'after', 'he was released'],
  ] as const)('"%s" asks for what came %s "%s"', (query, direction, reference) => {
    expect(askedSequence(query)).toEqual({ direction, reference });
  });

  it.each([
    'when did the volcano last erupt before this',
    'what year was the last strike before this one',
    'who did he meet after that',
    'when is the summit',
    'what happens after',
    'what happened the following day',
  ])('"%s" asks for no order between two events', (query) => {
    expect(askedSequence(query)).toBeNull();
  });

  it('reads "once he is done in X" and "once X is over" as "after X"', () => {
    expect(askedSequence(withOrderWords('where does she go once she is done in Oslo'))).toEqual({ direction: 'after', reference: 'Oslo' });
    expect(askedSequence(withOrderWords('what happens once the vote is over'))).toEqual({ direction: 'after', reference: 'the vote' });
    expect(withOrderWords('once upon a time')).toBe('once upon a time');
  });

  it('drops the words that only frame the order word', () => {
    expect(withoutOrderFrame('what happens the day after the summit')).toBe('what happens after the summit');
    expect(withoutOrderFrame('what did they do right before the launch')).toBe('what did they do before the launch');
    expect(withoutOrderFrame('the day of the summit')).toBe('the day of the summit');
  });
});

/** The text of the parts `sequenceRegions` gives first, with the reference named by the words of `reference`. */
function askedParts(text: string, direction: Direction, reference: readonly string[]): string[] {
  const at = reference.map((word) => [...text.matchAll(new RegExp(`\\b${word}`, 'gi'))].map((m) => m.index));
  return (sequenceRegions(text, direction, at)[0] ?? []).map((r) => text.slice(r.start, r.end).replace(/^[\s,]+|[\s,]+$/g, ''));
}

describe('the part of a sentence that names the earlier or the later event', () => {
  it.each([
    [
      'A, followed by B: after A is B',
      'A summit with Xi is planned for Monday, followed by trade talks with Li on Tuesday.',
      'after',
      ['summit'],
      ['trade talks with Li on Tuesday.'],
    ],
    [
      'A, followed by B: before B is A',
      'A summit with Xi is planned for Monday, followed by trade talks with Li on Tuesday.',
      'before',
      ['talks'],
      ['A summit with Xi is planned for Monday'],
    ],
    [
      'fronted "Hours before B, A": before B is A',
      'Hours before the departure, the military reported a missile launch.',
      'before',
      ['departure'],
      ['the military reported a missile launch.'],
    ],
    [
      'A after B: after B is A',
      'The minister visited the valley after the dam failed.',
      'after',
      ['dam'],
      ['The minister visited the valley'],
    ],
    [
      'A, following B, and C: after B are A and C',
      'Trains stopped on Monday, following the vote, and buses ran instead.',
      'after',
      ['vote'],
      ['Trains stopped on Monday', 'and buses ran instead.'],
    ],
    [
      'the reference said again in the later part: one saying of it in the earlier part will do',
      'A preliminary report is due within 30 days, followed by a full report next year.',
      'after',
      ['preliminary', 'report'],
      ['a full report next year.'],
    ],
    [
      "a number's comma does not end the object",
      'The clinic closed on Monday, followed by 1,400 cancelled appointments on Tuesday.',
      'after',
      ['clinic'],
      ['1,400 cancelled appointments on Tuesday.'],
    ],
  ] as const)('%s', (_case, text, direction, reference, parts) => {
    expect(askedParts(text, direction, reference)).toEqual(parts);
  });

  it.each([
    ['the reference is on the asked side', 'A summit is planned for Monday, followed by trade talks on Tuesday.', 'after', ['talks']],
    ['no order word', 'The summit was held in Beijing on Monday.', 'after', ['summit']],
    ['"the following" is an adjective', 'The minister visited the valley the following morning.', 'after', ['valley']],
    ['asked before, a sentence that goes on from another tells only what came after', 'He will later travel to Shanghai.', 'before', []],
  ] as const)('none when %s', (_case, text, direction, reference) => {
    expect(askedParts(text, direction, reference)).toEqual([]);
  });

  it("each order word that orders the events so gives its parts, in the sentence's order", () => {
    const text = 'Residents had left before noon, and police later closed the road.';
    const at = [[text.indexOf('left')]];
    expect(sequenceRegions(text, 'after', at).map((parts) => parts.map((r) => text.slice(r.start, r.end).trim()))).toEqual([
      ['noon'],
      ['closed the road.'],
    ]);
  });

  it('a sentence that goes on from the one before names what came after it', () => {
    expect(goesOn('Lee will later travel to Shanghai.')).toBe(true);
    expect(goesOn('Lee will travel to Shanghai.')).toBe(false);
    expect(goesOn('He met the king and later visited the port.')).toBe(false);
    expect(askedParts('Later, the premier will travel to Bergen.', 'after', [])).toEqual(['the premier will travel to Bergen.']);
    expect(askedParts('Lee will later travel to Shanghai.', 'after', [])).toEqual(['travel to Shanghai.']);
  });
});
