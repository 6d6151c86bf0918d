import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { articleIdOf, sidecarNameFor } from '../corpus/loadCorpus.js';
import { stripDiacritics } from '../language/normalize.js';

/** Longest slug kept from a title or an uploaded file's name. */
const MAX_SLUG_LENGTH = 40;
/** Tries before giving up on finding an unused name (each try draws 32 random bits). */
const MAX_TRIES = 8;

/** Latin letters that do not decompose into a base letter and an accent. */
const LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

/**
 * A file-name-safe slug of a text: lower-case ASCII letters, digits and single hyphens, at most 40
 * characters, never empty ("article" when nothing is left). Nothing of a path survives.
 */
export function slugify(text: string): string {
  const slug = stripDiacritics(text.normalize('NFKD'))
    .toLowerCase()
    .replace(/[øæœßđłþðı]/g, (letter) => LETTERS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : 'article';
}

/** The name of an uploaded file without folders and extension ("../../etc/notes.md" → "notes"). */
export function uploadStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[^.]*$/, '');
}

/**
 * A new article id for the corpus folder: `<slug>-<8 hex digits>`, used by no file there (article
 * or sidecar, any extension). The slug comes from `basis` (a title or the upload's name).
 * @throws Error when no unused id is found (practically impossible) or the folder cannot be listed.
 */
export async function uniqueArticleId(
  dir: string,
  basis: string,
  random: () => string = () => randomBytes(4).toString('hex'),
): Promise<string> {
  const taken = new Set<string>();
  for (const name of await readdir(dir)) {
    taken.add(articleIdOf(name) ?? name);
    taken.add(name);
  }
  const slug = slugify(basis);
  for (let i = 0; i < MAX_TRIES; i++) {
    const id = `${slug}-${random()}`;
    if (!taken.has(id) && !taken.has(sidecarNameFor(id))) return id;
  }
  throw new Error(`no unused article id found for "${slug}" in ${dir} after ${MAX_TRIES} tries`);
}
