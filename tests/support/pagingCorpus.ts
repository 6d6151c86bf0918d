import { parseArticle } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';

/**
 * An article with many sentences about one made-up subject (the Bodø ferry), so that a question about
 * it has more relevant sentences than one answer shows: what More excerpts pages through.
 */
export const PAGING_ARTICLE = {
  file: 'bodo-ferry.txt',
  subject: 'Bodø ferry',
  content: `Bodø ferry line reopens
The Bodø ferry resumed sailings on Monday after a two-week strike.
Engineers inspected the Bodø ferry on Saturday before it was cleared to sail.
Ticket prices on the Bodø ferry rose by 5 percent this spring.
The Bodø ferry carries about 400 passengers a day in winter.
A new Bodø ferry is being built in Gdańsk and will arrive in 2027.
Fishermen have complained that the Bodø ferry disturbs spawning grounds.
Tourists say the Bodø ferry offers the best view of the Lofoten wall.
Municipal officials said the Bodø ferry would keep its timetable through the summer.
`,
} as const;

export function pagingArticle(): Article {
  return parseArticle({ id: PAGING_ARTICLE.file.replace(/\.txt$/, ''), file: PAGING_ARTICLE.file, content: PAGING_ARTICLE.content });
}
