/**
 * Optional YAML front matter at the very start of an article file:
 *
 *   ---
 *   source: Yonhap
 *   published: 2026-01-03
 *   ---
 *   Article text…
 */
import { parseMetaYaml, type MetaFields } from './metaYaml.js';

export interface FrontMatterResult {
  /** The fields the front matter sets (empty when there is no front matter). */
  meta: MetaFields;
  /** The text after the front matter block (the whole content when there is none). */
  body: string;
  /** Whether the content started with a front matter block. */
  hasFrontMatter: boolean;
}

/** An opening `---` line at the start of the content. */
const OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;

/** An opening `+++` line: TOML front matter (Hugo), which is not read. */
const TOML_OPENING = /^\+\+\+[ \t]*(?:\r\n|\r|\n)/;

/** A closing `---` (or YAML's `...`) line. */
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/m;

/**
 * Separates the front matter block from the body without interpreting it.
 * @throws Error when the block is opened but never closed, or is TOML (`+++`).
 */
export function splitFrontMatter(content: string): { yaml: string | null; body: string } {
  if (TOML_OPENING.test(content)) {
    throw new Error('front matter between "+++" lines is TOML, which is not read: write the fields as YAML between "---" lines');
  }
  const opening = OPENING.exec(content);
  if (!opening) return { yaml: null, body: content };
  const rest = content.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new Error('front matter starts with "---" but has no closing "---" line');
  return { yaml: rest.slice(0, closing.index), body: rest.slice(closing.index + closing[0].length) };
}

/**
 * Reads the optional front matter block of an article and returns its fields and the body.
 * A leading byte order mark is ignored.
 * @throws Error with the reason ("front matter: invalid YAML…", "front matter: invalid metadata: published: …").
 */
export function parseFrontMatter(content: string): FrontMatterResult {
  const { yaml, body } = splitFrontMatter(content.replace(/^\uFEFF/, ''));
  if (yaml === null) return { meta: {}, body, hasFrontMatter: false };
  try {
    return { meta: parseMetaYaml(yaml), body, hasFrontMatter: true };
  } catch (error) {
    throw new Error(`front matter: ${errorMessage(error)}`, { cause: error });
  }
}

/** The message of a thrown value, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
