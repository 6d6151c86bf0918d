import { Routes, type REST } from 'discord.js';
import { truncate } from '../text/truncate.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, printable look at an answer that is not JSON (a web page, a proxy's message). */
function preview(bytes: ArrayBuffer): string {
  const text = new TextDecoder()
    .decode(bytes.slice(0, 200))
    .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
    .trim();
  return text.length === 0 ? 'an empty body' : `a body that begins “${truncate(text, 41)}”`;
}

/**
 * What is missing from an answer to GET /gateway/bot for discord.js to log in with it (the gateway
 * `url`, the `shards` count, the `session_start_limit`); null when nothing is.
 */
export function gatewayAnswerProblem(answer: unknown): string | null {
  if (answer instanceof ArrayBuffer) return `it is not JSON but ${preview(answer)}`;
  if (!isRecord(answer))
    return `it is ${answer === null ? 'null' : Array.isArray(answer) ? 'a JSON array' : `a JSON ${typeof answer}`}, not an object`;
  const missing = [
    typeof answer.url === 'string' ? null : 'url',
    typeof answer.shards === 'number' ? null : 'shards',
    isRecord(answer.session_start_limit) && typeof answer.session_start_limit.reset_after === 'number' ? null : 'session_start_limit',
  ].filter((name) => name !== null);
  if (missing.length === 0) return null;
  const keys = Object.keys(answer).slice(0, 6);
  const has =
    keys.length === 0
      ? 'an empty object'
      : `an object with ${keys.map((key) => JSON.stringify(key.slice(0, 30))).join(', ')}${Object.keys(answer).length > keys.length ? ', …' : ''}`;
  return `it has no ${missing.join(', no ')} (${has})`;
}

/**
 * Why a login failed, in a sentence, when discord.js failed on an answer it could not read: a
 * TypeError such as "Cannot read properties of undefined (reading 'reset_after')" means the API
 * at DISCORD_API_URL answered GET /gateway/bot, but not as Discord does (a web page, another
 * service, a proxy's own message). GET /gateway/bot is asked again to say what came back; null when
 * the failure was something else, or that answer is a good one. (discord.js forgets the token when
 * a login fails: it is set again for this request.)
 */
export async function unreadableGatewayAnswer(rest: REST, token: string, error: unknown): Promise<string | null> {
  if (!(error instanceof TypeError)) return null;
  let answer: unknown;
  try {
    answer = await rest.setToken(token).get(Routes.gatewayBot());
  } catch {
    return null;
  }
  const problem = gatewayAnswerProblem(answer);
  if (problem === null) return null;
  return `the API answered GET /gateway/bot, but not as Discord does: ${problem}. Is DISCORD_API_URL Discord's API, or a proxy that passes its answers through?`;
}
