// The short answer inside a sentence (src/answer/answerSpans.ts): for each kind of question, the
// span of a made-up sentence of the ferry story (tests/support/ferryCorpus.ts) that answers it,
// found next to the words the question matched, and none where the sentence holds no such answer.

import { describe, expect, it } from 'vitest';
import { answerSpans } from '../../src/answer/answerSpans.js';
import { MIN_ANSWER_SCORE } from '../../src/answer/engine.js';
import type { AnswerKind, Command } from '../../src/answer/question.js';
import { analyse, conceptsOf, ferryEngine, matchedTokens } from '../support/ferryCorpus.js';

const engine = ferryEngine();

const SANK = 'The ferry Saltholm sank on Friday night near the island of Anholt after hitting a reef in a storm.';
const RESCUED = 'All 212 passengers and 31 crew were rescued within six hours, the coastguard said.';
const CAPTAIN = 'Danish Captain Henrik Dahlgaard was the last to leave the ferry.';
const SPOKESPERSON = 'Coastguard spokesperson Mette Rasmussen said the rescue was the largest in the Kattegat since 1990.';
const COORDINATOR = 'Swedish rescue coordinator Lars Bergkvist sent three helicopters from Gothenburg.';
const OWNED = 'The ferry, owned by Kattegat Lines, had left the port of Grenaa two hours earlier.';
const EVACUATION = 'The evacuation was slowed because the lifeboats on the port side could not be lowered.';
const SWIMMER = 'Rescue swimmer Karen Hope pulled eleven children from the water.';
const INQUIRY = 'The Danish Maritime Authority will open an inquiry into the sinking on Monday in Copenhagen.';
const ROUTE = 'Investigators will question Dahlgaard about the route he chose, because the storm had been forecast for days.';
const VETERAN = 'Dahlgaard, a veteran of 25 years at sea, has not spoken publicly.';
const SALVAGE = 'The salvage is expected to take three weeks.';
const CHIEF = 'Kattegat Lines chief executive Sofie Lund said the company would pay for the salvage.';

/** The question as the engine reads it, and the answer spans of the sentence for it, best first. */
function spansFor(command: Command, query: string, text: string): { kind: AnswerKind; spans: string[] } {
  const { question, concepts } = conceptsOf(engine, command, query);
  const sentence = analyse(engine, text);
  return { kind: question.kind, spans: answerSpans(sentence, question, matchedTokens(concepts, sentence)).map((s) => s.span.text) };
}

describe('the short answer of each kind', () => {
  it.each([
    ['time', 'when', 'ferry sank', SANK, 'Friday night'],
    ['time', 'when', 'inquiry', INQUIRY, 'Monday'],
    ['time', 'when', 'what dates is the fair on', 'The fair opens on Sunday and runs from May 4 to 7.', 'May 4 to 7'],
    [
      'time',
      'when',
      'what time did the ferry sink',
      'At 2 a.m. local time the ferry, first launched in October 2019, sank.',
      '2 a.m. local time',
    ],
    ['time', 'when', 'raise the wreck', 'Divers will try to raise the wreck next month, once the storm season ends.', 'next month'],
    ['time', 'when', 'rescue largest', SPOKESPERSON, 'since 1990'],
    ['time', 'when', 'ferry left Grenaa', OWNED, 'two hours earlier'],
    [
      'time',
      'when',
      'steering failed',
      "He told investigators that the ferry's steering had failed minutes before it struck the reef.",
      'minutes before it struck the reef',
    ],
    ['time', 'when', 'which day does the inquiry open', 'The inquiry, which runs from May 4 to 7, opens on Monday.', 'Monday'],
    ['duration', 'ask', 'How long did the rescue take?', RESCUED, 'within six hours'],
    ['duration', 'ask', 'How long will divers stay at the wreck?', 'Divers will stay at the wreck for three weeks.', 'for three weeks'],
    ['duration', 'ask', 'How long will the port stay shut?', 'The port will stay shut until at least Friday.', 'Friday'],
    [
      'duration',
      'ask',
      'How long since a ferry sank in the Kattegat?',
      'The two-day search was the first for a ferry sunk in the Kattegat in twelve years.',
      'twelve years',
    ],
    ['duration', 'when', 'how many yrs since the last search', 'A two-day search was last held two years ago.', 'two years ago'],
    ['person', 'who', 'last to leave the ferry', CAPTAIN, 'Henrik Dahlgaard'],
    ['person', 'who', 'sent helicopters', COORDINATOR, 'Lars Bergkvist'],
    ['person', 'who', 'pulled children from the water', SWIMMER, 'Karen Hope'],
    ['person', 'ask', 'Who said the rescue was the largest?', SPOKESPERSON, 'Mette Rasmussen'],
    [
      'person',
      'who',
      'the professor that talked to the coastguard',
      'The route was the key issue, Lena Berg, maritime professor at the Aalborg University of Technology, told the coastguard.',
      'Lena Berg',
    ],
    ['organisation', 'ask', 'Which agency will open an inquiry?', INQUIRY, 'The Danish Maritime Authority'],
    ['organisation', 'ask', 'Which company owns the ferry?', OWNED, 'Kattegat Lines'],
    [
      'organisation',
      'where',
      'where does lena berg teach',
      'The route was the key issue, Lena Berg, maritime professor at the Aalborg University of Technology, told the coastguard.',
      'the Aalborg University of Technology',
    ],
    ['place', 'where', 'ferry sank', SANK, 'Anholt'],
    ['place', 'ask', 'Where did the ferry sink?', SANK, 'Anholt'],
    ['place', 'where', 'helicopters', COORDINATOR, 'Gothenburg'],
    ['place', 'where', 'inquiry', INQUIRY, 'Copenhagen'],

    ['place', 'where', 'ferry left', OWNED, 'Grenaa'],
    ['quantity', 'ask', 'How many passengers were rescued?', RESCUED, '212 passengers'],
    ['quantity', 'ask', 'How many crew were rescued?', RESCUED, '31 crew'],
    ['quantity', 'ask', 'How much money will each family get?', 'The company will pay 5,000 crowns to each family.', '5,000 crowns'],
    ['quantity', 'ask', 'How old is the captain’s son?', 'His son, Nils Dahlgaard, 19, was on board.', '19'],
    ['quantity', 'ask', 'How much did the ferry cost?', 'The Saltholm-2 ferry cost 312 million crowns.', '312 million crowns'],
    ['quantity', 'ask', 'How big was the fine in 2021?', 'In 2021 it was fined 40,000 crowns for safety breaches.', '40,000 crowns'],
    ['quantity', 'ask', 'By how much did ferry fares rise?', 'Ferry fares rose in 2024 compared with 2023 by 38 percent.', '38 percent'],
    ['quantity', 'ask', 'How many people were injured?', 'The crash injured 10-15 people, police said.', '15 people'],
    ['reason', 'why', 'evacuation slowed', EVACUATION, 'because the lifeboats on the port side could not be lowered'],
    ['reason', 'why', 'question Dahlgaard about the route', ROUTE, 'because the storm had been forecast for days'],
    ['reason', 'why', 'divers wreck', 'Divers will reach the wreck to recover the logbook.', 'to recover the logbook'],
    [
      'reason',
      'why',
      'why is the captain angry at the ferry company',
      'Captain Henrik Dahlgaard said the ferry company had cut the crew by a third last year.',
      'the ferry company had cut the crew by a third last year',
    ],
    ['name', 'ask', 'What is the name of the ferry?', SANK, 'Saltholm'],
    ['name', 'what', "what's the name of the inquiry agency", INQUIRY, 'Danish Maritime Authority'],
    ['name', 'ask', 'what was the storm called', 'A storm called Gudrun hit the coast.', 'Gudrun'],
    ['description', 'ask', 'Who is Dahlgaard?', VETERAN, 'a veteran of 25 years at sea'],
    ['description', 'ask', 'Who is Mette Rasmussen?', SPOKESPERSON, 'Coastguard spokesperson'],
    ['description', 'ask', 'Who is Henrik Dahlgaard?', CAPTAIN, 'Danish Captain'],
    ['description', 'ask', 'Who is Karen Hope?', SWIMMER, 'Rescue swimmer'],
    ['thing', 'what', 'question Dahlgaard', ROUTE, 'Investigators will question Dahlgaard about the route he chose'],
    [
      'thing',
      'what',
      'postponed appointments',
      'The clinic postponed about 1,400 appointments, the ministry said.',
      'The clinic postponed about 1,400 appointments',
    ],
  ] as const)('%s: /%s %s → "%s"', (kind, command, query, text, expected) => {
    const found = spansFor(command, query, text);
    expect(found.kind).toBe(kind);
    expect(found.spans[0]).toBe(expected);
  });
});

describe('a reason in a clause of its own', () => {
  it('stays a confident answer when the details of the event stand between it and the words of the question', () => {
    const { question, concepts } = conceptsOf(engine, 'why', 'why was the coast road closed');
    const sentence = analyse(
      engine,
      'Police closed the coast road between Grenaa and the small northern fishing villages of the island on Saturday afternoon because thick smoke had cut visibility.',
    );
    const [best] = answerSpans(sentence, question, matchedTokens(concepts, sentence));
    expect(best?.span.text).toBe('because thick smoke had cut visibility');
    expect(best!.score).toBeGreaterThanOrEqual(MIN_ANSWER_SCORE);
  });
});

describe('a place given in an apposition ("X, a company based in Y")', () => {
  it('stays a confident answer to where X is, however long the description between them', () => {
    const { question, concepts } = conceptsOf(engine, 'where', 'where is kattegat lines headquartered');
    const sentence = analyse(
      engine,
      'The coastguard praised Kattegat Lines, a small family-owned ferry company based in the southern port city of Grenaa, for its drills.',
    );
    const [best] = answerSpans(sentence, question, matchedTokens(concepts, sentence));
    expect(best?.span.text).toBe('Grenaa');
    expect(best!.score).toBeGreaterThanOrEqual(MIN_ANSWER_SCORE);
  });
});

describe('no short answer', () => {
  it.each([
    ['ask', 'How long is the salvage?', 'The company confirmed the salvage on Tuesday.', 'a day alone is no length of time'],
    [
      'when',
      'what time will the port stay closed',
      'The port will stay closed for at least three weeks.',
      'a length of time is no clock time',
    ],
    ['when', 'lifeboats lowered', EVACUATION, 'the sentence gives no time'],
    ['where', 'lifeboats lowered', EVACUATION, 'the sentence names no place'],
    ['why', 'helicopters', COORDINATOR, 'the sentence gives no reason'],
    [
      'why',
      'why did the navy fire a missile',
      'The coastguard reported the navy fired a missile.',
      'what was reported only repeats the question',
    ],
    ['when', 'inquiry Monday', INQUIRY, 'its only time is a word of the question'],
    ['where', 'inquiry Copenhagen', INQUIRY, 'its only place is a word of the question'],
    ['ask', 'How old is the ferry?', 'The ferry, built in 1990, carried 212 passengers.', 'neither number is an age'],
    ['ask', 'How old is the port?', 'The port of Grenaa, 12, was closed.', 'a number after a place is no age'],
    ['ask', 'How much money did the council raise?', 'The council raised parking fees by 5 per cent.', 'a share is no sum of money'],
    ['ask', 'What was the name of the storm?', 'The storm hit Anholt on Friday.', 'a name elsewhere in the sentence names something else'],
    ['ask', 'What is the name of the ferry in Grenaa?', 'The ferry left Grenaa on Friday.', 'the only name is the one the question says'],
    [
      'ask',
      'What was the name of the summit?',
      'After the summit, Lind flew to Oslo on Tuesday.',
      'a name after a comma names something else',
    ],
  ] as const)('/%s %s in "%s": none (%s)', (command, query, text, _why) => {
    expect(spansFor(command, query, text).spans).toEqual([]);
  });
});

describe('what the spans should be, and are not yet', () => {
  // Bug: a duration without "for", "over", "in" or "within" before it ("take three weeks") is no
  // time span at all (src/language/timeSpans.ts), so "How long will the salvage take?" gets nothing.
  it.fails('duration: "How long will the salvage take?" → "three weeks"', () => {
    expect(spansFor('ask', 'How long will the salvage take?', SALVAGE).spans[0]).toBe('three weeks');
  });

  // Bug: answerSpans.ts's NUMBER pattern lets `\s*` after digits eat the space, so a number in
  // digits never takes its unit ("212", never "212 passengers"), and the bonus for the asked unit
  // (countsAskedUnit) never applies to it.
  it('quantity: a number in digits keeps its unit ("212 passengers")', () => {
    expect(spansFor('ask', 'How many passengers were rescued?', RESCUED).spans[0]).toBe('212 passengers');
  });

  // A number's unit ends at a function word or verb: "three helicopters", not "three helicopters from".
  it.each([
    ['How many helicopters were sent?', 'three helicopters', COORDINATOR],
    ['How many children were pulled from the water?', 'eleven children', SWIMMER],
  ])('quantity: %s → "%s", ending with its unit', (query, expected, text) => {
    expect(spansFor('ask', query, text).spans[0]).toBe(expected);
  });

  // Bug: the role words before a name stop at a capitalised word that is not a title, so the
  // company of "Kattegat Lines chief executive Sofie Lund" is left out of who she is.
  it.fails('description: "Who is Sofie Lund?" → "Kattegat Lines chief executive"', () => {
    expect(spansFor('ask', 'Who is Sofie Lund?', CHIEF).spans[0]).toBe('Kattegat Lines chief executive');
  });

  // Bug: "Kattegat Lines" (a shipping company) is taken for a person named in full, so "Kattegat"
  // becomes a short form of that "person", and "the Kattegat" (a sea) a person who could answer /who.
  it.fails('person: "the Kattegat", a sea, is no candidate for who said something', () => {
    const { spans } = spansFor('ask', 'Who said the rescue was the largest?', SPOKESPERSON);
    expect(spans[0]).toBe('Mette Rasmussen');
    expect(spans.some((span) => span.includes('Kattegat'))).toBe(false);
  });
});

describe('numbers in the units a question asks in', () => {
  const LENGTH = 'The Saltholm was 120 metres long and carried 212 passengers on its last crossing in 2019.';
  it.each([
    ['How many passengers did it carry?', '212 passengers'],
    ['How long was the ferry in metres?', undefined],
  ] as const)('%s → %s', (question, expected) => {
    const spans = spansFor('ask', question, LENGTH).spans;
    if (expected !== undefined) expect(spans[0]).toBe(expected);
  });

  it.each([
    ['How old is the captain?', 'The captain, 58 years old, was the last to leave.', '58 years old'],
    ['How tall is the lighthouse?', 'The lighthouse, 40 metres high, was built in 1890.', '40 metres high'],
    ['How much money did the owners lose?', 'The owners lost 40 million euros, the company said on Tuesday.', '40 million euros'],
  ] as const)('%s → "%s" gives "%s"', (question, sentence, expected) => {
    expect(spansFor('ask', question, sentence).spans[0]).toBe(expected);
  });

  it.each([
    ['How old is the captain?', 'The captain has sailed the route for 20 years with 212 passengers a day.'],
    ['How tall is the lighthouse?', 'The lighthouse was built in 1890 by 40 workers.'],
    ['How much money did the owners lose?', 'The owners lost 3 ferries in 10 years.'],
    ['How many lifeboats were launched?', 'The crew of 31 launched them within six minutes.'],
  ] as const)('%s: no number of another unit from "%s"', (question, sentence) => {
    expect(spansFor('ask', question, sentence).spans).toEqual([]);
  });
});

describe('what someone said', () => {
  it('answers "what did X say" with the quotation', () => {
    const sentence = '“We will raise the wreck before winter,” the coastguard spokesperson told reporters on Monday.';
    expect(spansFor('ask', 'What did the coastguard spokesperson say?', sentence).spans[0]).toBe('We will raise the wreck before winter');
  });
});

describe('the words that belong to a time or a place answer', () => {
  it.each([
    ['ferry sank', 'The ferry sank shortly before midnight on Friday after hitting a reef.', 'shortly before midnight on Friday'],
    ['divers resume', 'Divers stopped on Tuesday and resumed the following afternoon.', 'the following afternoon'],
    ['port reopen', 'The port will stay shut until at least Saturday, April 18, the harbour master said.', 'at least Saturday, April 18'],
  ] as const)('/when %s → "%s"', (query, sentence, expected) => {
    expect(spansFor('when', query, sentence).spans[0]).toBe(expected);
  });

  it('keeps a place name\'s article ("the Kattegat Sea")', () => {
    expect(spansFor('where', 'ferry sank', 'The ferry sank in the Kattegat Sea on Friday.').spans[0]).toBe('the Kattegat Sea');
  });
});

describe('the speaker of a quotation', () => {
  it('finds the speaker behind a title after the verb ("said Professor ...")', () => {
    const sentence = '“The reef was never marked on the charts,” said Professor Ingrid Holm of Aarhus University.';
    expect(spansFor('who', 'reef never marked charts', sentence).spans[0]).toBe('Ingrid Holm');
  });
});

describe('more words that belong to the answer', () => {
  it.each([
    ['How many people were evacuated?', 'About 4,200 people were evacuated from the valley on Wednesday.', 'About 4,200 people'],
    ['How many people were stranded?', 'The storm stranded 240,000 daily passengers, officials said.', '240,000 daily passengers'],
  ] as const)('%s → "%s" gives "%s"', (question, sentence, expected) => {
    expect(spansFor('ask', question, sentence).spans[0]).toBe(expected);
  });

  it('keeps an organisation\'s article and owner ("the Red Cross", "Denmark’s Maritime Authority")', () => {
    expect(spansFor('who', 'set up beds', 'In the sports hall the Red Cross set up beds for 1,300 evacuees.').spans[0]).toBe(
      'the Red Cross',
    );
    expect(spansFor('who', 'confirmed the inquiry', 'Denmark’s Maritime Authority confirmed the inquiry on Monday.').spans[0]).toBe(
      'Denmark’s Maritime Authority',
    );
  });
});
