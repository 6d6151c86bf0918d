/**
 * The quality sets: `sets/<name>.jsonl` (one question a line), each asked of the seed corpus
 * (`corpus/`), or, when `articles/<name>/` exists, of the seed corpus plus the article files in it.
 * Their floors are in `floors.json`. Adding a set is dropping its files here and its floors entry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COMMANDS } from '../../src/answer/question.js';
import type { Floors, QualityQuestion } from './score.js';

const QUALITY_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SETS_DIR = path.join(QUALITY_DIR, 'sets');
export const ARTICLES_DIR = path.join(QUALITY_DIR, 'articles');
export const FLOORS_FILE = path.join(QUALITY_DIR, 'floors.json');
export const SEED_CORPUS_DIR = path.resolve(QUALITY_DIR, '..', '..', 'corpus');

/** Paths as shown in messages: from the project's root. */
export function shown(file: string): string {
  return path.relative(path.resolve(QUALITY_DIR, '..', '..'), file);
}

export interface QuestionSetFiles {
  name: string;
  file: string;
  /** The extra articles the set is asked of (with the seed corpus); null: the seed corpus alone. */
  articlesDir: string | null;
}

/** The sets in `sets/`, by name. */
export function questionSetFiles(): QuestionSetFiles[] {
  return readdirSync(SETS_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.jsonl'.length);
      const articlesDir = path.join(ARTICLES_DIR, name);
      return { name, file: path.join(SETS_DIR, file), articlesDir: isFolder(articlesDir) ? articlesDir : null };
    });
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

const questionSchema = z.strictObject({
  id: z.string().min(1),
  cmd: z.enum(COMMANDS),
  q: z.string().min(1),
  gold: z.array(z.string().min(1)),
  // Left out, as the team's evaluator allows: no short answer is wanted (a why or yes-or-no question, or a negative).
  answer: z.union([z.string(), z.null(), z.array(z.string()).min(1)]).default(null),
});

/** A set's questions. @throws Error naming the file and line of a line that is not a valid question. */
export function readQuestions(file: string): QualityQuestion[] {
  const questions: QualityQuestion[] = [];
  const ids = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${shown(file)} line ${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`${where} is not JSON: ${(error as Error).message}`, { cause: error });
      }
      const parsed = questionSchema.safeParse(value);
      if (!parsed.success) throw new Error(`${where} is not a question: ${z.prettifyError(parsed.error)}`);
      if (ids.has(parsed.data.id)) throw new Error(`${where}: the id "${parsed.data.id}" is used twice`);
      ids.add(parsed.data.id);
      questions.push(parsed.data);
    });
  if (questions.length === 0) throw new Error(`${shown(file)} has no question`);
  return questions;
}

const floorsSchema = z.record(
  z.string(),
  z.strictObject({ hit1: z.number().min(0).max(1), answer: z.number().min(0).max(1), wrongMax: z.number().min(0).max(1) }),
);

/** The floors of every set, by set name. @throws Error when floors.json is not valid. */
export function readFloors(): Record<string, Floors> {
  const parsed = floorsSchema.safeParse(JSON.parse(readFileSync(FLOORS_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`${shown(FLOORS_FILE)} is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * A new temporary corpus folder: the seed corpus's files, plus the set's extra article files (and
 * their sidecars). The caller removes it. @throws Error when an extra file has a seed file's name
 * or is not a plain file (the bot reads the corpus folder itself only, not its sub-folders).
 */
export async function temporaryCorpus(articlesDir: string | null): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quality-corpus-'));
  try {
    const copied = new Set<string>();
    for (const from of articlesDir === null ? [SEED_CORPUS_DIR] : [SEED_CORPUS_DIR, articlesDir]) {
      for (const entry of await readdir(from, { withFileTypes: true })) {
        const source = path.join(from, entry.name);
        if (!entry.isFile()) {
          // The bot does not read the corpus folder's sub-folders (.removed/): neither does a test corpus.
          if (from === SEED_CORPUS_DIR) continue;
          throw new Error(`${shown(source)} is not a plain file: a test corpus folder holds article files only`);
        }
        if (copied.has(entry.name)) throw new Error(`${shown(source)} has the name of a seed corpus file: give it another`);
        copied.add(entry.name);
        await copyFile(source, path.join(dir, entry.name));
      }
    }
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
