/**
 * The form under which questions are grouped: "Who is Elon Musk?", "who is  elon musk" and
 * "WHO IS ELON MUSK" are the same question. Letters and digits of every script are kept; case,
 * punctuation, quotes and spacing are not.
 */
export function normalizeQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}
