import { AnswerEngine, conceptsOfQuestion } from '../../src/answer/engine.js';
import { matchedTokens as rankMatchedTokens } from '../../src/answer/rank.js';
import { readQuestion, type Command, type Question } from '../../src/answer/question.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';
import { SentenceAnalysis } from '../../src/language/sentenceAnalysis.js';
import { matchConcepts, type Concept } from '../../src/search/queryConcepts.js';

/**
 * A made-up story (a ferry sinking in a storm, and the inquiry after it), unrelated to the seed
 * articles and to the trade fair of sampleCorpus.ts: for unit tests of the answering core that need
 * a corpus's word statistics and names. Some words are common in it ("ferry", "storm"), some said
 * once ("lifeboats", "helicopters"); its people are named in full once, then by surname.
 */
export const FERRY_ARTICLES: Record<string, string> = {
  'ferry-sinks.txt': `Ferry sinks off Anholt in a storm
The ferry Saltholm sank on Friday night near the island of Anholt after hitting a reef in a storm.
All 212 passengers and 31 crew were rescued within six hours, the coastguard said.
Danish Captain Henrik Dahlgaard was the last to leave the ferry.
Coastguard spokesperson Mette Rasmussen said the rescue was the largest in the Kattegat since 1990.
Swedish rescue coordinator Lars Bergkvist sent three helicopters from Gothenburg.
The ferry, owned by Kattegat Lines, had left the port of Grenaa two hours earlier.
The evacuation was slowed because the lifeboats on the port side could not be lowered.
Rescue swimmer Karen Hope pulled eleven children from the water.
`,
  'ferry-inquiry.md': `---
title: Inquiry into the Saltholm sinking opens
source: Baltic Courier
url: https://example.org/ferry-inquiry
published: 2026-02-20
---
The Danish Maritime Authority will open an inquiry into the sinking on Monday in Copenhagen.
Investigators will question Dahlgaard about the route he chose, because the storm had been forecast for days.
Kattegat Lines chief executive Sofie Lund said the company would pay for the salvage.
Divers will try to raise the wreck next month, once the storm season ends.
The salvage is expected to take three weeks.
Dahlgaard, a veteran of 25 years at sea, has not spoken publicly.
He told investigators that the ferry's steering had failed minutes before it struck the reef.
Rasmussen said the storm was the worst on the Kattegat in a decade.
`,
};

export function ferryArticles(): Article[] {
  return Object.entries(FERRY_ARTICLES).map(([file, content]) => parseArticle({ id: file.replace(/\.(md|txt)$/, ''), file, content }));
}

/** An engine over the ferry story. */
export function ferryEngine(): AnswerEngine {
  return AnswerEngine.fromArticles(ferryArticles());
}

/** The day the ferry story's undated sentences are read from ("on Friday", "next month"). */
export const FERRY_REFERENCE_DATE = new Date('2026-02-16T12:00:00Z');

/**
 * Any sentence, analysed as the engine would analyse one of its own (its names linked through the
 * engine's corpus): sentences made up for a test need not be in the corpus.
 */
export function analyse(engine: AnswerEngine, text: string): SentenceAnalysis {
  return new SentenceAnalysis(text, engine.names, FERRY_REFERENCE_DATE);
}

/**
 * A question as the engine reads it, and its concepts weighed by the engine's corpus: what
 * AnswerEngine.answer does before it ranks (it does not export that step).
 */
export function conceptsOf(engine: AnswerEngine, command: Command, text: string): { question: Question; concepts: Concept[] } {
  const question = readQuestion(command, text);
  return { question, concepts: conceptsOfQuestion(question, engine.index, engine.names) };
}

/** The sentence's tokens that the concepts match (what answerSpans is given as `matched`). */
export function matchedTokens(concepts: readonly Concept[], sentence: SentenceAnalysis): Set<number> {
  return rankMatchedTokens(matchConcepts(concepts, sentence));
}
