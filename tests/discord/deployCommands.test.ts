// `npm run deploy-commands` registers exactly the command modules of `commands/`, by bulk overwrite,
// against the fake Discord's REST API.

import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { DeployConfigError, deployCommands, planDeployment } from '../../src/discord/deployCommands.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** The command names as the files of `commands/` say (one module per command, plus index.ts). */
async function commandFiles(): Promise<string[]> {
  const names = await readdir(new URL('../../commands/', import.meta.url));
  return names
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -3))
    .sort();
}

/** Runs the deploy script as `npm run deploy-commands` does, with only the given environment. */
function runScript(env: Record<string, string>, args: string[] = []) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/deployCommands.ts', ...args], {
    cwd: ROOT,
    // DOTENV_CONFIG_PATH: a developer's own .env must not leak into the test.
    env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: path.join(tmpdir(), 'no-such-dir', '.env'), ...env },
    timeout: 20_000,
  });
}

describe('deploy-commands', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });

  beforeEach(() => fake.clearRequests());

  afterAll(async () => {
    await fake?.close();
  });

  it('commands/index.ts lists exactly the modules of commands/, each named after its file', async () => {
    expect(COMMANDS.map((c) => c.definition.name).sort()).toEqual(await commandFiles());
  });

  it('the script registers exactly the commands in commands/ to DISCORD_GUILD_ID, and prints them', async () => {
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    };
    const { stdout } = await runScript(env);
    const registered = fake.registeredCommands(fake.guildId);
    expect(registered.map((c) => c.name).sort()).toEqual(await commandFiles());
    expect(fake.registeredCommands()).toEqual([]);
    expect(stdout).toContain(`Registered ${registered.length} commands in guild ${fake.guildId}`);
    for (const name of await commandFiles()) expect(stdout).toContain(`/${name}`);
    expect(fake.requestsTo({ method: 'PUT', path: '/applications/:applicationId/guilds/:guildId/commands' })).toHaveLength(1);
    expect(fake.unexpectedRequests()).toEqual([]);

    // /corpus: Manage Server by default, in servers only; the question commands have autocomplete.
    const corpus = registered.find((c) => c.name === 'corpus');
    expect(corpus?.default_member_permissions).toBe(String(1n << 5n));
    expect(corpus?.contexts).toEqual([0]);
    expect(corpus?.options?.map((o) => o.name)).toEqual(['list', 'reload', 'add', 'remove', 'gaps']);
    const when = registered.find((c) => c.name === 'when');
    expect(when?.options?.[0]).toMatchObject({ name: 'query', required: true, autocomplete: true, max_length: 200 });
    expect(registered.find((c) => c.name === 'ask')?.options?.[0]).toMatchObject({ name: 'question', required: true });
  }, 30_000);

  it('a bulk overwrite: deploying twice keeps the same commands and ids', async () => {
    const config = { discordToken: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl };
    await deployCommands(config, COMMANDS);
    const first = fake.registeredCommands(fake.guildId).map((c) => `${c.name}:${c.id}`);
    await deployCommands(config, COMMANDS);
    expect(fake.registeredCommands(fake.guildId).map((c) => `${c.name}:${c.id}`)).toEqual(first);
  });

  it('without DISCORD_GUILD_ID, registers every command globally', async () => {
    const results = await deployCommands(
      { discordToken: fake.token, applicationId: fake.applicationId, guildId: null, apiUrl: fake.apiUrl },
      COMMANDS,
    );
    expect(results).toEqual([{ scope: 'global', guildId: null, registered: COMMANDS.map((c) => c.definition.name) }]);
    expect(
      fake
        .registeredCommands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(await commandFiles());
  });

  it('with --global and a home guild: the public commands globally, /corpus in the home guild only', async () => {
    const config = { discordToken: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl };
    await deployCommands(config, COMMANDS, { global: true });
    expect(
      fake
        .registeredCommands()
        .map((c) => c.name)
        .sort(),
    ).toEqual((await commandFiles()).filter((n) => n !== 'corpus'));
    expect(fake.registeredCommands(fake.guildId).map((c) => c.name)).toEqual(['corpus']);
    expect(planDeployment(COMMANDS, null, { global: true })).toEqual([{ scope: 'global', commands: COMMANDS }]);
  });

  it('without a token or application id: a clear error naming them, and nothing sent', async () => {
    await expect(deployCommands({ discordToken: null, applicationId: null, guildId: null, apiUrl: fake.apiUrl }, COMMANDS)).rejects.toThrow(
      DeployConfigError,
    );
    const failure = await runScript({ DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: fake.applicationId }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('DISCORD_TOKEN');
    expect(fake.requests).toEqual([]);
  }, 30_000);
});
