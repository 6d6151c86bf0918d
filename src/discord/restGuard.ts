import type { RESTOptions, ResponseLike } from 'discord.js';
import type { Logger } from '../logger.js';
import { UNKNOWN_INTERACTION, type LostInteractions } from './lostInteractions.js';
import { restTarget, type RestTarget } from './restTarget.js';

type MakeRequest = RESTOptions['makeRequest'];

/**
 * A request Discord's API did not answer within the REST timeout. Its name stays `AbortError`, the
 * name discord.js retries a request on; its message says which request and how long was waited,
 * where discord.js would only say "This operation was aborted".
 */
export class RestTimeoutError extends Error {
  override readonly name = 'AbortError';

  constructor(
    readonly target: RestTarget,
    readonly timeoutMs: number,
    cause: unknown,
  ) {
    const interaction = target.interactionId === null ? '' : ` (interaction ${target.interactionId})`;
    super(`Discord's API did not answer ${target.route} within ${timeoutMs} ms${interaction}`, { cause });
  }
}

export interface RestGuardOptions {
  /** discord.js's REST timeout and retries (for the log line). */
  timeoutMs: number;
  retries: number;
  /** Where 10062 Unknown interaction answers are kept; none: requests for lost interactions are not held back. */
  lost?: LostInteractions | null;
  logger?: Logger | null;
}

/** The answer to a request for a lost interaction, which is not sent: what Discord would answer. */
function notSent(): ResponseLike {
  const body = { code: UNKNOWN_INTERACTION, message: 'Unknown interaction (not sent: Discord had already answered 10062 for it)' };
  return new Response(JSON.stringify(body), { status: 404, headers: { 'content-type': 'application/json' } }) as unknown as ResponseLike;
}

function errorCodeOf(text: string): unknown {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * discord.js's request function (its `makeRequest` REST option), guarded:
 * - no request is sent for an interaction Discord answered 10062 Unknown interaction: the caller
 *   gets the same 10062 at once, and the interaction is logged once (LostInteractions);
 * - a request abandoned at the REST timeout is logged, naming its route and interaction, and fails
 *   with a RestTimeoutError that says so (discord.js then sends it again, up to its retries).
 */
export function guardRestRequests(makeRequest: MakeRequest, options: RestGuardOptions): MakeRequest {
  const { lost = null, logger = null, timeoutMs, retries } = options;
  return async (url, init) => {
    const target = restTarget(init.method ?? 'GET', url);
    const token = target.token;
    if (lost !== null && token !== null && lost.isLost(token)) return notSent();
    let response: ResponseLike;
    try {
      response = await makeRequest(url, init);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError' && init.signal?.aborted === true) {
        logger?.warn(
          { route: target.route, interactionId: target.interactionId ?? undefined, timeoutMs, retries },
          `Discord's API did not answer within ${timeoutMs} ms: request abandoned (discord.js sends a request ${retries + 1} times in all before it fails)`,
        );
        throw new RestTimeoutError(target, timeoutMs, error);
      }
      throw error;
    }
    if (lost === null || token === null || response.status !== 404) return response;
    // The body is read here to see its code, so the caller gets a copy of it.
    const text = await response.text();
    if (errorCodeOf(text) === UNKNOWN_INTERACTION) lost.markLost({ ...target, token });
    return new Response(text, { status: response.status, statusText: response.statusText, headers: [...response.headers] }) as unknown as ResponseLike;
  };
}
