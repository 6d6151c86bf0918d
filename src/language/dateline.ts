/**
 * A news article's dateline: where (and when) it was filed and the agency that filed it, before
 * its first sentence proper ("SEOUL:", "BEIJING (Reuters) -", "TORSAND, March 11 (Test Wire) -").
 * The agency credit is the wire's name, never the answer to a question about the story.
 */
const DATELINE =
  /^[\s“"]*\p{Lu}[\p{Lu}\s.'’-]{0,40}\p{Lu}(?:,\s*[\p{L}.]{3,10}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^()\n]{1,60}\)\s*)?(?:[-–—]+|:)\s/u;

/** How many characters of a sentence its dateline takes (0 without one). */
export function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0;
}
