// DISCORD_API_URL pointing somewhere that is not Discord: the login fails in a sentence that says
// what came back, where discord.js alone says "Cannot read properties of undefined (reading
// 'reset_after')" (an answer that is not Discord's) or, after a minute of silence, "This operation
// was aborted" (no answer at all). Each unanswered attempt is logged as it is abandoned.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RESTOptions } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/bot.js';
import { DiscordLoginError } from '../../src/discord/loginError.js';
import { FeedbackStore } from '../../src/feedback/feedbackStore.js';
import { AnswerService } from '../../src/service/answerService.js';
import { memoryLogger, SEED_CORPUS_DIR } from '../support/botHarness.js';

const TOKEN = `MTMwMDAwMDAwMDAwMDAwMDAwMQ.${'t'.repeat(6)}.${'s'.repeat(38)}`;

describe('a login to an API that is not Discord', () => {
  let server: http.Server;
  let apiUrl: string;
  let answer: (res: http.ServerResponse) => void;
  let dir: string;
  let feedback: FeedbackStore;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bot-login-'));
    feedback = FeedbackStore.open({ file: path.join(dir, 'feedback.sqlite'), recordMemberIds: false });
    server = http.createServer((_req, res) => answer(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    feedback.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function login(rest: Partial<RESTOptions> = {}) {
    const { logger, logs } = memoryLogger({ secrets: [TOKEN] });
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: apiUrl,
      CORPUS_DIR: SEED_CORPUS_DIR,
      INDEX_CACHE_DIR: 'off',
      FEEDBACK_DB: path.join(dir, 'unused.sqlite'),
    });
    const service = new AnswerService(SEED_CORPUS_DIR, logger);
    const error = await startBot({ config, logger, service, feedback, commands: [], rest: { retries: 0, ...rest } }).then(
      () => {
        throw new Error('the login succeeded');
      },
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(DiscordLoginError);
    const message = (error as Error).message;
    expect(message).not.toContain(TOKEN);
    return { message, logs };
  }

  it('a web page for every path: says the API answered, but not as Discord does, and what it answered', async () => {
    answer = (res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html>\n<html><body>Welcome to nginx!</body></html>');
    const { message } = await login();
    expect(message).toContain(`could not log in to Discord at ${apiUrl}: the API answered GET /gateway/bot, but not as Discord does`);
    expect(message).toContain('it is not JSON but a body that begins “<!DOCTYPE html> <html><body>Welcome');
    expect(message).toContain('Is DISCORD_API_URL Discord');
    expect(message).not.toContain('reset_after');
  });

  it('JSON of another service: names what is missing', async () => {
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', version: 3 }));
    const { message } = await login();
    expect(message).toContain('it has no url, no shards, no session_start_limit (an object with "status", "version")');
  });

  it('no answer at all: each abandoned attempt is logged, and the failure says which request went unanswered for how long', async () => {
    answer = () => undefined;
    const { message, logs } = await login({ timeout: 100, retries: 1 });
    expect(message).toContain(`could not log in to Discord at ${apiUrl}: Discord's API did not answer GET /gateway/bot within 100 ms`);
    expect(message).not.toContain('This operation was aborted');
    const abandoned = logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith("Discord's API did not answer within 100 ms"));
    expect(abandoned.map((l) => l.route)).toEqual(['GET /gateway/bot', 'GET /gateway/bot']);
  });
});
