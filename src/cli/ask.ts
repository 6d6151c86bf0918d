/**
 * `npm run ask -- <command> <query>`: answers one question and exits, printing the reply as text:
 * what Discord's reply embed shows (the short answer, each excerpt and its citation, once each).
 * `npm run ask -- --json` reads questions from stdin, one a line ("/when summit with Xi"), and
 * prints one JSON object a line (../shared/eval/CONTRACT.md). Logs go to stderr.
 */
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { answerToJson, timelineToJson } from '../answer/contract.js';
import { renderAnswerText } from '../answer/render.js';
import { renderTimelineText } from '../answer/timelineRender.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { AnswerService } from '../service/answerService.js';
import { snapshotPathFor } from '../service/snapshot.js';
import { parseQuestionLine } from './questionLine.js';

const USAGE = `usage: npm run ask -- [--json] [--excerpts N] <when|who|why|where|what|ask> <query...>
       npm run ask -- [--json] timeline [topic...]   (the dated events in calendar order)
       npm run ask -- --json < questions.txt      (one "/command query" a line)`;

interface Options {
  json: boolean;
  maxExcerpts: number | undefined;
  words: string[];
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { json: false, maxExcerpts: undefined, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--excerpts') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 5) return '--excerpts takes a number from 1 to 5';
      options.maxExcerpts = n;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else options.words.push(arg);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const service = new AnswerService(config.corpusDir, logger, {
    snapshotFile: config.indexCacheDir === null ? null : snapshotPathFor(config.indexCacheDir, config.corpusDir),
  });
  await service.open();

  const answerLine = async (line: string): Promise<string> => {
    const parsed = parseQuestionLine(line);
    if ('error' in parsed) return options.json ? JSON.stringify({ error: parsed.error }) : `error: ${parsed.error}`;
    if ('timeline' in parsed) {
      const timeline = await service.current.timeline(parsed.timeline);
      return options.json ? JSON.stringify(timelineToJson(timeline)) : renderTimelineText(timeline);
    }
    const answer = service.answer(parsed.command, parsed.query, { maxExcerpts: options.maxExcerpts });
    return options.json ? JSON.stringify(answerToJson(answer, parsed.query)) : renderAnswerText(answer);
  };

  if (options.words.length > 0) {
    const line = `/${options.words.join(' ')}`.replace(/^\/\//, '/');
    const out = await answerLine(line);
    process.stdout.write(`${out}\n`);
    return out.startsWith('error:') || out.startsWith('{"error"') ? 2 : 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    process.stdout.write(`${await answerLine(line)}${options.json ? '' : '\n'}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
