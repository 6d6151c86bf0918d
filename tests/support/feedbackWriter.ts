// A separate process writing to a feedback store, as another bot process (shard) would:
//   node --import tsx tests/support/feedbackWriter.ts <file> <label> <count>
// Opens the store (creating it if needed), prints "ready", waits for a line on stdin (so that all
// writers start together), then records <count> unanswered questions, answers and votes, one short
// transaction each, and prints "done <label>".

import { FeedbackStore } from '../../src/feedback/feedbackStore.js';

const [file, label, countText] = process.argv.slice(2);
if (file === undefined || label === undefined || countText === undefined)
  throw new Error('usage: feedbackWriter.ts <file> <label> <count>');
const store = FeedbackStore.open({ file, recordMemberIds: false });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
for (let i = 0; i < Number(countText); i++) {
  store.recordUnanswered({ command: 'who', query: `question ${i % 10} from the writers`, memberId: `${label}-${i}` });
  const id = store.rememberAnswer({ command: 'what', query: `answer ${label} ${i}`, askerId: label, shortAnswer: null });
  const answer = store.answer(id);
  if (answer === null) throw new Error(`answer ${id} not found right after it was written`);
  store.vote({ ...answer, query: 'shared question' }, `${label}-${i}`, i % 2 === 0);
}
store.close();
process.stdout.write(`done ${label}\n`);
