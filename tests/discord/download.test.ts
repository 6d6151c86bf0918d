// Downloading a moderator's upload: what goes wrong is said in a sentence the moderator can act on,
// not fetch's own "fetch failed" or "This operation was aborted"; the underlying error stays
// attached as the cause, for the log.

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../src/discord/download.js';
import { closedPort } from '../support/closedPort.js';

describe('downloadAttachment', () => {
  let silent: Server;
  let silentUrl: string;
  beforeAll(async () => {
    // Answers nothing: the request waits until the client gives up.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    silentUrl = `http://127.0.0.1:${address.port}/attachments/upload.txt`;
  });
  afterAll(async () => {
    silent?.closeAllConnections();
    await new Promise<void>((resolve) => silent?.close(() => resolve()));
  });

  it('says the file could not be downloaded, and why, when nothing answers', async () => {
    const failure = await downloadAttachment(`http://127.0.0.1:${await closedPort()}/attachments/upload.txt`, 1024).catch(
      (e: unknown) => e as Error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('the file could not be downloaded (ECONNREFUSED)');
    expect((failure as Error).cause).toBeInstanceOf(TypeError);
  });

  it('says how long it waited when the download does not finish in time', async () => {
    const failure = await downloadAttachment(silentUrl, 1024, 300).catch((e: unknown) => e as Error);
    expect((failure as Error).message).toBe('the download did not finish within 0.3 s');
    expect((failure as Error).message).not.toMatch(/abort/i);
  });
});
