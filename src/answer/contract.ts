import { renderAnswerText } from './render.js';
import type { Answer } from './types.js';

/** One answer in the JSON form of the `ask` contract (../shared/eval/CONTRACT.md). */
export interface AnswerJson {
  command: string;
  query: string;
  answer: string | null;
  excerpts: Array<{
    text: string;
    context: string | null;
    article: string;
    title: string | null;
    source: string | null;
    url: string | null;
    sentence: number;
    score: number;
    also: Array<{ article: string; sentence: number }>;
  }>;
  reply: string;
}

export function answerToJson(answer: Answer, query: string): AnswerJson {
  return {
    command: answer.question.command,
    query,
    answer: answer.answer,
    excerpts: answer.excerpts.map((excerpt) => {
      const [first, ...others] = excerpt.citations;
      return {
        text: excerpt.text,
        context: excerpt.context,
        article: first?.articleId ?? '',
        title: first?.title ?? null,
        source: first?.source ?? null,
        url: first?.url ?? null,
        sentence: first?.position ?? 0,
        score: excerpt.score,
        also: others.map((c) => ({ article: c.articleId, sentence: c.position })),
      };
    }),
    reply: renderAnswerText(answer),
  };
}
