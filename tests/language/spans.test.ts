import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/language/entities.js';
import { findReasonSpans } from '../../src/language/reasonSpans.js';
import { findTimeSpans } from '../../src/language/timeSpans.js';
import { tokenize } from '../../src/language/tokenize.js';

const times = (text: string) => findTimeSpans(text).map((s) => s.text);
const reasons = (text: string) => findReasonSpans(text).map((s) => s.text);
const entities = (text: string, known: string[] = []) =>
  findEntities(text, tokenize(text), new Set(known)).map((e) => `${e.type}:${e.text}`);

describe('time expressions', () => {
  it.each([
    ['He will visit China from January 4 to 7 and meet Xi.', 'January 4 to 7'],
    ['Trade talks follow on Tuesday.', 'Tuesday'],
    ['Hours before Lee’s departure, the military reported a launch.', 'Hours before Lee’s departure'],
    ['“Taking sides only worsens tensions,” he told journalists last month.', 'last month'],
    ['It is the first visit since 2019.', 'since 2019'],
    ['This four-day visit is the first in years.', 'four-day'],
    ['Lee will then head to Shanghai for two days.', 'for two days'],
    ['The state of emergency will remain in force for at least 14 days.', 'for at least 14 days'],
    ['The decision, announced at 2 p.m. local time, was the first since 2019.', '2 p.m. local time'],
    ['They recently met in Gyeongju.', 'recently'],
  ])('finds the time in "%s"', (text, expected) => {
    expect(times(text)).toContain(expected);
  });

  it('finds none where the sentence says nothing of time', () => {
    expect(times('Seoul regards Beijing as a key force for stabilising supply chains.')).toEqual([]);
  });

  it('rates a calendar date above a weekday and a weekday above a vague word', () => {
    const [date] = findTimeSpans('The fair runs on March 4.');
    const [weekday] = findTimeSpans('The fair runs on Wednesday.');
    const [vague] = findTimeSpans('The fair ran recently.');
    expect(date!.strength).toBeGreaterThan(weekday!.strength);
    expect(weekday!.strength).toBeGreaterThan(vague!.strength);
  });
});

describe('reasons and purposes', () => {
  it.each([
    ['Lee will visit China, aiming to keep up momentum to restore bilateral ties.', 'aiming to keep up momentum to restore bilateral ties'],
    ['Leaders stayed neutral, fearing that touchy topics might anger Beijing.', 'fearing that touchy topics might anger Beijing'],
    ['He sought a reset after years of fraught ties under his predecessor.', 'after years of fraught ties under his predecessor'],
    ['The deal was delayed because of a dispute over quotas.', 'because of a dispute over quotas'],
    ['Lee is scheduled to visit China to meet Xi to deepen cooperation, officials said.', 'to meet Xi to deepen cooperation'],
    ['He heads to Beijing, seeking stronger economic ties while avoiding Taiwan.', 'seeking stronger economic ties'],
    ['The charge was dropped during the trial for lack of evidence.', 'for lack of evidence'],
    [
      'Orders were issued late on Friday, after the wind shifted and pushed the fire south.',
      'after the wind shifted and pushed the fire south',
    ],
    ['The mayor declared an emergency to release 2.5 million euros for housing.', 'to release 2.5 million euros for housing'],
    ['Raising the fund to 3.5 billion euros helped farmers.', 'Raising the fund to 3.5 billion euros helped farmers'],
  ])('finds the reason in "%s"', (text, expected) => {
    expect(reasons(text)).toContain(expected);
  });

  it('does not take "to about 18,000 homes" or "after 6 p.m." for a reason', () => {
    expect(reasons('The company cut power to about 18,000 homes after 6 p.m. on Saturday.')).toEqual([]);
  });

  it.each([
    'He was released after ten years in prison.',
    'The coast road was closed after midnight on Friday.',
    'The strike ended after three weeks.',
    'Voting resumed after Monday in the north.',
  ])('does not take "after" a time told in words for a reason: "%s"', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it('still takes "after" an event of a day for a reason', () => {
    expect(reasons("The minister resigned after Monday's vote in parliament.")).toContain("after Monday's vote in parliament");
  });

  it('does not take "scheduled to visit" or "to China" for a purpose', () => {
    const found = reasons('Lee is scheduled to visit China on Sunday.');
    expect(found).toEqual([]);
  });
});

describe('names and what they name', () => {
  it('keeps titles and nationalities out of a name', () => {
    expect(entities('A summit is followed by talks with Chinese Premier Li Qiang on Tuesday.')).toContain('person:Li Qiang');
    expect(entities('South Korean President Lee Jae Myung will visit China.')).toEqual(['person:Lee Jae Myung', 'place:China']);
    expect(entities('Talks with Finnish President Aku Lehtonen went well.')).toContain('person:Aku Lehtonen');
  });

  it('tells places, organisations and people apart', () => {
    const found = entities('Lee Jae-mook, professor at the Hankuk University of Foreign Studies, told AFP.');
    expect(found).toEqual(['person:Lee Jae-mook', 'organisation:Hankuk University of Foreign Studies', 'organisation:AFP']);
    expect(entities('North Korea fired a missile into the Sea of Japan.')).toEqual(['place:North Korea', 'place:Sea of Japan']);
    expect(entities('They met in the South Korean city of Gyeongju.')).toContain('place:Gyeongju');
  });

  it('does not take a capitalised first word or a weekday for a name', () => {
    expect(entities('Asked this month, he said nothing on Monday.')).toEqual([]);
  });

  it('types a single word as a person when the corpus names that person in full', () => {
    expect(entities('Later, Lee flew home.', ['lee'])).toEqual(['person:Lee']);
  });

  it('drops the possessive from a name', () => {
    expect(entities('It was Seoul’s decision.')).toEqual(['place:Seoul']);
  });
});

describe('tokens', () => {
  it('folds possessives, curly apostrophes and hyphens so that a query matches as typed', () => {
    const [lee] = tokenize('Lee’s');
    expect(lee!.lower).toBe('lee');
    const [name] = tokenize('Yu-jung');
    expect(name!.stems).toEqual(['yujung', 'yu', 'jung']);
    expect(tokenize('visits visiting visit').map((t) => t.stems[0])).toEqual(['visit', 'visit', 'visit']);
    expect(tokenize('met meet').map((t) => t.stems[0])).toEqual(['meet', 'meet']);
    expect(tokenize('government-in-exile')[0]!.stems).not.toContain('in');
  });
});
