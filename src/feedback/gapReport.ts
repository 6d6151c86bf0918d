import type { AnswerService } from '../service/answerService.js';
import type { FeedbackStore, GapCommand, GapGroup, VoteTally } from './feedbackStore.js';

/** What moderators see in /corpus gaps: the questions still unanswered, and the answers' votes. */
export interface GapReport {
  days: number;
  /** Unanswered questions that the serving corpus still cannot answer, most asked first. */
  gaps: GapGroup[];
  /** Votes on answers, the most often "not helpful" first. */
  votes: VoteTally[];
}

/** Whether the serving corpus now answers a question. */
export type AnswersNow = (command: GapCommand, query: string) => boolean;

/** Whether the corpus a service serves now answers a recorded question: a /timeline topic when it has dated events. */
export function answersNowWith(service: Pick<AnswerService, 'answer' | 'current'>): AnswersNow {
  return (command, query) =>
    command === 'timeline' ? service.current.hasTimeline(query) : service.answer(command, query).status === 'answered';
}

/** How many recorded groups are checked against the corpus for each one listed. */
const CHECKED_PER_LISTED = 5;

/**
 * The knowledge gaps of the last `days` days. Each recorded group is asked again of the serving
 * corpus, so a question that a corpus change has since answered drops off the list (and comes back
 * if a later change takes the answer away).
 */
export function gapReport(store: FeedbackStore, answersNow: AnswersNow, options: { days: number; limit: number }): GapReport {
  const recorded = store.unansweredGroups({ days: options.days, limit: options.limit * CHECKED_PER_LISTED });
  return {
    days: options.days,
    gaps: recorded.filter((group) => !answersNow(group.command, group.query)).slice(0, options.limit),
    votes: store.voteTallies({ days: options.days, limit: options.limit }),
  };
}
