import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/answer/question.js';

describe('reading what a question asks for', () => {
  it('takes the kind of answer from the slash command', () => {
    expect(readQuestion('when', 'summit with Xi').kind).toBe('time');
    expect(readQuestion('who', 'spokesperson').kind).toBe('person');
    expect(readQuestion('why', 'visit China').kind).toBe('reason');
    expect(readQuestion('where', 'APEC Summit').kind).toBe('place');
    expect(readQuestion('what', 'one-China principle').kind).toBe('thing');
  });

  it.each([
    ['When will Lee meet Xi?', 'time', 'Lee meet Xi'],
    ['What day does the fair open?', 'time', 'the fair open'],
    ['How long is the visit?', 'duration', 'the visit'],
    ['How many companies take part?', 'quantity', 'companies take part'],
    ['Why is Lee going to China?', 'reason', 'Lee going to China'],
    ['What is the purpose of the trip?', 'reason', 'the trip'],
    ['Where did Lee and Xi meet in November?', 'place', 'Lee and Xi meet in November'],
    ['Who is the spokesperson?', 'person', 'the spokesperson'],
    ['Who is Lee Jae-mook?', 'description', 'Lee Jae-mook'],
    ['What did North Korea fire?', 'thing', 'North Korea fire'],
  ] as const)('reads "%s" as a %s question about "%s"', (text, kind, query) => {
    const question = readQuestion('ask', text);
    expect(question.kind).toBe(kind);
    expect(question.query).toBe(query);
  });

  it('keeps the noun of "which companies" apart, as the focus of the answer', () => {
    const question = readQuestion('ask', 'Which companies are in the delegation?');
    expect(question.kind).toBe('organisation');
    expect(question.focus).toBe('companies');
    expect(question.query).toBe('in the delegation');
    expect(readQuestion('ask', 'Which city hosted the summit?').kind).toBe('place');
  });

  it('reads "where does she teach" as asking for an institution, and keeps a place otherwise', () => {
    expect(readQuestion('where', 'where does professor kang teach again').kind).toBe('organisation');
    expect(readQuestion('ask', 'Where does the economist work?').kind).toBe('organisation');
    expect(readQuestion('where', 'where did the work start').kind).toBe('place');
    expect(readQuestion('where', 'where is the rescue work').kind).toBe('place');
    expect(readQuestion('where', 'where was the study').kind).toBe('place');
    expect(readQuestion('where', 'where he worked before').kind).toBe('place');
    expect(readQuestion('where', 'kang teaches').kind).toBe('organisation');
    expect(readQuestion('ask', 'Which city does she work in?').kind).toBe('place');
  });

  it('reads "how long since" and "how many years since" as asking how long ago it last happened', () => {
    for (const [command, text] of [
      ['ask', 'how long since a ferry sank here'],
      ['when', 'how many yrs since a ferry sank here'],
    ] as const) {
      const question = readQuestion(command, text);
      expect(question.kind).toBe('duration');
      expect(question.previous).toBe(true);
      expect(question.query).toBe('a ferry sank here');
    }
    expect(readQuestion('ask', 'How long is the visit?').previous).toBe(false);
  });

  it('reads the tense the question asks in', () => {
    expect(readQuestion('ask', 'When will Lee meet Xi?').tense).toBe('future');
    expect(readQuestion('ask', 'Where did they meet?').tense).toBe('past');
    expect(readQuestion('when', 'summit with Xi').tense).toBeNull();
  });

  it('knows when a question asks who said something', () => {
    expect(readQuestion('ask', 'Who told AFP that Pyongyang is the key issue?').asksForSpeaker).toBe(true);
    expect(readQuestion('who', 'said China could help').asksForSpeaker).toBe(true);
    expect(readQuestion('who', 'spokesperson').asksForSpeaker).toBe(false);
  });
});

describe('reading questions as members type them', () => {
  it.each([
    ['ask', 'whos the prez of the port authority pls', 'person', 'the president of the port authority'],
    ['when', 'what year did the ferry sink', 'time', 'the ferry sink'],
    ['who', 'which firms r building the bridge', 'organisation', 'building the bridge'],
    ['what', 'how many ppl were rescued', 'quantity', 'people were rescued'],
    ['what', 'by how much did fares go up', 'quantity', 'fares go up'],
    ['ask', 'wat year did the ferry sink lol', 'time', 'the ferry sink'],
    ['ask', 'wen did the ferry sink ngl', 'time', 'the ferry sink'],
    ['what', 'what did the mayor say at the press conf', 'thing', 'the mayor say at the press conference'],
    ['who', 'wich firms r building teh bridge', 'organisation', 'building the bridge'],
    ['what', 'and how many ppl were rescued', 'quantity', 'people were rescued'],
    ['ask', 'and how much money did the company pay', 'quantity', 'money did the company pay'],
    ['ask', 'so when did the ferry sink', 'time', 'the ferry sink'],
    ['why', 'what is the $45m fund for', 'reason', 'the $45 million fund for'],
    ['what', 'a 2.5bn deal, not 5mm or m3', 'thing', 'a 2.5 billion deal, not 5mm or m3'],
    ['what', 'how tall is the 30m tower', 'quantity', 'the 30m tower'],
    ['when', 'did Wen visit the port', 'time', 'Wen visit the port'],
    ['where', 'where is the dinner gonna be', 'place', 'the dinner will be'],
    ['who', 'who announced the trip on the korean side', 'person', 'announced the trip korean'],
    ['who', 'who waited on the south side', 'person', 'waited on the south side'],
    ['who', 'whos the us president', 'person', 'the US president'],
    ['what', 'whats the name of the ferry', 'name', 'the ferry'],
    ['ask', 'what was the full name of the storm?', 'name', 'the storm'],
    ['ask', 'what is the new storm called', 'name', 'the new storm'],
    ['who', 'whats the name of the captain', 'person', 'the captain'],
    ['what', 'What has Lind called', 'thing', 'Lind called'],
    ['ask', 'what hour did the ferry sink', 'time', 'the ferry sink'],
    ['why', 'why did they call us', 'reason', 'they call us'],
  ] as const)('/%s %s → a %s question about "%s"', (command, text, kind, query) => {
    const question = readQuestion(command, text);
    expect(question.kind).toBe(kind);
    expect(question.query).toBe(query);
  });

  it('reads the unit and yes-or-no of a question that opens with "and" or "so"', () => {
    expect(readQuestion('ask', 'and how much money did the company pay').unit).toBe('money');
    expect(readQuestion('ask', 'so did the ferry sink near Anholt').yesNo).toBe(true);
  });

  it.each([
    ['was that the first test this year', true],
    ['did the ferry sink on friday', true],
    ['what did the ferry carry', false],
    ['the inquiry into the sinking', false],
  ] as const)('"%s" asks yes or no: %s', (text, yesNo) => {
    expect(readQuestion('ask', text).yesNo).toBe(yesNo);
  });

  it.each([
    ['what year was the last time a leader went to china before this one', true, 'a leader went to china'],
    ['did the volcano last erupt', true, 'the volcano erupt'],
    ['what time did the last miner come up', false, 'the last miner come up'],
    ['was the last eruption before this one', true, 'the eruption'],
    ['did they meet before this week', false, 'they meet before this week'],
    ['did they meet last week', false, 'they meet last week'],
    ['did the ferry leave oslo last friday', false, 'the ferry leave oslo last friday'],
  ] as const)('/when %s: asks when it last happened before: %s (searched: "%s")', (text, previous, query) => {
    const question = readQuestion('when', text);
    expect(question.previous).toBe(previous);
    expect(question.query).toBe(query);
  });

  it('reads the unit a question asks in', () => {
    expect(readQuestion('when', 'what year did the ferry sink').unit).toBe('year');
    expect(readQuestion('when', 'what dates is the fair on').unit).toBe('dates');
    expect(readQuestion('when', 'what years did the ferry sail').unit).toBe('year');
    expect(readQuestion('ask', 'how many lifeboats were launched').unit).toBe('lifeboats');
    expect(readQuestion('when', 'ferry sank').unit).toBeNull();
  });
});
