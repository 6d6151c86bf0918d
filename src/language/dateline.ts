/**
 * A wire story's dateline: where (and when) it was filed and the agency that filed it, before its
 * first sentence proper ("BEIJING (Reuters) -", "TORSAND, March 11 (Test Wire) -", "KYIV, Ukraine
 * (AP) —", "SEOUL, Jan. 4 (Yonhap) --", "(Bloomberg) --"). The agency's name and the dateline's place
 * are not answers to questions about the story. Only a dateline with an agency or a date counts:
 * "NATO - Rutte said ..." and "MACRON: We will ..." open ordinary sentences.
 */
const PLACE = String.raw`(?:\p{Lu}[\p{Lu}\s.'’-]{0,40}\p{Lu}\.?|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,3})`;
const REGION = String.raw`(?:,\s*\p{Lu}[\p{L}.]{1,15}(?:\s\p{Lu}[\p{L}.]+)?)`;
const DATE = String.raw`(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9})(?:,?\s*\d{4})?`;
const AGENCY = String.raw`(?:\([^()\n]{1,60}\)|/[^/\n]{1,40}/)`;
const DASH = String.raw`\s*(?:[-–—]+|:)\s+`;
const DATELINE = new RegExp(
  String.raw`^[\s“"]*(?:(?:${PLACE}${REGION}?(?:,\s*${DATE})?\s*)?${AGENCY}|\p{Lu}[\p{Lu}\s.'’-]{0,40}\p{Lu}${REGION}?,\s*${DATE})${DASH}`,
  'u',
);

/** How many characters of a sentence its dateline takes (0 without one). */
export function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0;
}
