import { SnowflakeUtil, type RESTOptions, type ResponseLike } from 'discord.js';
import type { Logger } from '../logger.js';
import { ACKNOWLEDGE_WITHIN_MS, UNKNOWN_INTERACTION, type LostInteractions } from './lostInteractions.js';
import { restTarget, type RestTarget } from './restTarget.js';

type MakeRequest = RESTOptions['makeRequest'];

/**
 * A request Discord's API did not answer within the REST timeout. Its message says which request
 * and how long was waited, where discord.js would only say "This operation was aborted". When it
 * may be sent again its name stays `AbortError`, the name discord.js retries a request on.
 */
export class RestTimeoutError extends Error {
  override readonly name: string;

  constructor(
    readonly target: RestTarget,
    readonly timeoutMs: number,
    cause: unknown,
    retryable: boolean,
  ) {
    const interaction = target.interactionId === null ? '' : ` (interaction ${target.interactionId})`;
    super(`Discord's API did not answer ${target.route} within ${timeoutMs} ms${interaction}`, { cause });
    this.name = retryable ? 'AbortError' : 'RestTimeoutError';
  }
}

/** Whether the request is an interaction's acknowledgement sent after its 3 s: it cannot succeed any more. */
function acknowledgementTooLate(target: RestTarget): boolean {
  return target.interactionId !== null && Date.now() - SnowflakeUtil.timestampFrom(target.interactionId) > ACKNOWLEDGE_WITHIN_MS;
}

export interface RestGuardOptions {
  /** discord.js's REST timeout and retries (for the log line). */
  timeoutMs: number;
  retries: number;
  /** Where 10062 Unknown interaction answers are kept; none: requests for lost interactions are not held back. */
  lost?: LostInteractions | null;
  logger?: Logger | null;
}

/**
 * A response of `text` for discord.js, which reads its status, its headers (get, has) and its body
 * once: lighter than a fetch Response, which the guard would otherwise build for every 10062 of a
 * burst of lost interactions.
 */
function textResponse(status: number, statusText: string, headers: ResponseLike['headers'], text: string): ResponseLike {
  let used = false;
  const take = (): string => {
    used = true;
    return text;
  };
  return {
    body: null,
    status,
    statusText,
    ok: status >= 200 && status < 300,
    headers,
    get bodyUsed() {
      return used;
    },
    text: () => Promise.resolve(take()),
    json: () => Promise.resolve(JSON.parse(take()) as unknown),
    arrayBuffer: () => Promise.resolve(new TextEncoder().encode(take()).buffer),
  } as ResponseLike;
}

const JSON_HEADERS = new Headers({ 'content-type': 'application/json' }) as unknown as ResponseLike['headers'];
const NOT_SENT_BODY = JSON.stringify({
  code: UNKNOWN_INTERACTION,
  message: 'Unknown interaction (not sent: Discord had already answered 10062 for it)',
});

/** The answer to a request for a lost interaction, which is not sent: what Discord would answer. */
function notSent(): ResponseLike {
  return textResponse(404, 'Not Found', JSON_HEADERS, NOT_SENT_BODY);
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
 *   with a RestTimeoutError that says so; discord.js then sends it again, up to its retries, except
 *   an interaction's acknowledgement past its 3 s, which could not succeed (the interaction is
 *   then taken as lost).
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
        // An acknowledgement past its 3 s is not sent again: it would get 10062 (or 40060, had the first arrived).
        const tooLate = acknowledgementTooLate(target);
        logger?.warn(
          { route: target.route, interactionId: target.interactionId ?? undefined, timeoutMs, retries },
          tooLate
            ? `Discord's API did not answer within ${timeoutMs} ms: request abandoned, and not sent again (the interaction's 3 s are over)`
            : `Discord's API did not answer within ${timeoutMs} ms: request abandoned (discord.js sends a request ${retries + 1} times in all before it fails)`,
        );
        if (tooLate && lost !== null && token !== null) lost.markLost({ ...target, token }, 'its acknowledgement got no answer in time');
        throw new RestTimeoutError(target, timeoutMs, error, !tooLate);
      }
      throw error;
    }
    if (lost === null || token === null || response.status !== 404) return response;
    // The body is read here to see its code, so the caller gets a copy of it.
    const text = await response.text();
    if (errorCodeOf(text) === UNKNOWN_INTERACTION) lost.markLost({ ...target, token });
    return textResponse(response.status, response.statusText, response.headers, text);
  };
}
