/**
 * Article metadata written in YAML, either as front matter at the top of an article or in a
 * `<id>.meta.yaml` sidecar next to it. Both use the same fields:
 *
 *   title, source, url, published, published_inferred, language, note
 *
 * All are optional. A field left out (or left empty) stays null: nothing is invented.
 * Unknown keys are ignored. A field of the wrong type is an error.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { ArticleMeta } from './types.js';

/**
 * How many alias expansions (`*name`) a metadata block may make. Metadata needs none; the cap keeps
 * a "billion laughs" block (aliases of aliases, multiplying at each level) from exhausting memory.
 */
export const MAX_YAML_ALIAS_COUNT = 20;

/** The metadata fields one YAML block sets; fields it does not mention are absent. */
export type MetaFields = Partial<ArticleMeta>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is YYYY-MM-DD and names a real calendar day (no 2026-02-30). */
export function isIsoCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.toISOString().slice(0, 10) === value;
}

/** A date as YYYY-MM-DD: a string in that form, or a YAML timestamp (kept as its UTC day). */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine(isIsoCalendarDate, { message: 'must be a date written YYYY-MM-DD' });

const text = z.string().trim().min(1, { message: 'must not be empty' });

const httpUrl = text.refine(
  (value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL' },
);

/** The YAML keys and their rules; `null` (a key with no value) means "not given". */
const metaSchema = z.object({
  title: text.nullish(),
  source: text.nullish(),
  url: httpUrl.nullish(),
  published: isoDate.nullish(),
  published_inferred: isoDate.nullish(),
  language: text.nullish(),
  note: text.nullish(),
});

type MetaYaml = z.infer<typeof metaSchema>;

/** Maps YAML keys to ArticleMeta fields, keeping only the fields that were given. */
function toMetaFields(yaml: MetaYaml): MetaFields {
  const fields: MetaFields = {};
  if (yaml.title != null) fields.title = yaml.title;
  if (yaml.source != null) fields.source = yaml.source;
  if (yaml.url != null) fields.url = yaml.url;
  if (yaml.published != null) fields.published = yaml.published;
  if (yaml.published_inferred != null) fields.publishedInferred = yaml.published_inferred;
  if (yaml.language != null) fields.language = yaml.language;
  if (yaml.note != null) fields.note = yaml.note;
  return fields;
}

/** One line per problem: "published: must be a date written YYYY-MM-DD". */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Parses a YAML metadata block into the fields it sets.
 * An empty block sets nothing.
 * @throws Error whose message says what is wrong (bad YAML with its line, or which field has the wrong type).
 */
export function parseMetaYaml(source: string): MetaFields {
  const document = parseDocument(source, { prettyErrors: true });
  const [firstError] = document.errors;
  if (firstError) throw new Error(`invalid YAML: ${firstError.message}`);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    // The yaml package counts resolved aliases and stops at the cap ("billion laughs").
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`invalid YAML: ${reason} (metadata needs no aliases; at most ${MAX_YAML_ALIAS_COUNT} are expanded)`, { cause: error });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('metadata must be a YAML mapping of field: value');
  }
  const result = metaSchema.safeParse(value);
  if (!result.success) throw new Error(`invalid metadata: ${describeIssues(result.error)}`);
  return toMetaFields(result.data);
}

/** Metadata with every field null. */
export function emptyMeta(): ArticleMeta {
  return {
    title: null,
    source: null,
    url: null,
    published: null,
    publishedInferred: null,
    language: null,
    note: null,
  };
}
