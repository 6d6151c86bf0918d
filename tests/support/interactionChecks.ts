// Checks shared by the fault tests: what Discord would have refused from the bot.

import type { FakeDiscord, RecordedRequest } from './fakeDiscord.js';

/**
 * Interaction callbacks, edits and follow-ups the fake refused on its own account (not through an
 * injected fault): a second acknowledgement (40060), one after the 3 s (10062), a bad message.
 */
export function refusedResponses(fake: FakeDiscord): RecordedRequest[] {
  return fake.requests.filter(
    (request) =>
      request.fault === null &&
      request.status !== null &&
      request.status >= 400 &&
      (request.route?.includes('/interactions/') === true || request.route?.includes('/webhooks/') === true),
  );
}

/** A short line per request, for an assertion message. */
export function describeRequests(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.path} -> ${r.status ?? 'hanging'}${r.fault === null ? '' : ` (${r.fault})`}`);
}

/** The interaction a callback, edit or follow-up request is about (by the id or token in its path). */
function interactionIdOf(fake: FakeDiscord, request: RecordedRequest): string | undefined {
  const callback = /^\/interactions\/([^/]+)\/[^/]+\/callback$/.exec(request.path);
  if (callback !== null) return fake.interaction(callback[1]!)?.id;
  const webhook = /^\/webhooks\/[^/]+\/([^/]+)/.exec(request.path);
  return webhook === null ? undefined : fake.interaction(webhook[1]!)?.id;
}

/**
 * Interaction callbacks the fake answered 404 Unknown interaction (10062) on its own account: too
 * late, or never sent. With `ids`, only those for these interactions.
 */
export function unknownInteractionAnswers(fake: FakeDiscord, ids?: ReadonlySet<string>): RecordedRequest[] {
  return fake.requests.filter(
    (r) =>
      r.fault === null &&
      r.status === 404 &&
      r.route === 'POST /interactions/:interactionId/:token/callback' &&
      (ids === undefined || ids.has(interactionIdOf(fake, r) ?? '')),
  );
}

/**
 * Requests the bot made for an interaction after Discord had answered 10062 Unknown interaction for
 * it (arrived after that answer was written): each one a wasted call, which feeds an overload. With
 * `ids`, only for these interactions.
 */
export function requestsAfterUnknownInteraction(fake: FakeDiscord, ids?: ReadonlySet<string>): RecordedRequest[] {
  const firstUnknown = new Map<string, RecordedRequest>();
  for (const request of unknownInteractionAnswers(fake, ids)) {
    const id = interactionIdOf(fake, request);
    if (id !== undefined && !firstUnknown.has(id)) firstUnknown.set(id, request);
  }
  return fake.requests.filter((request) => {
    const id = interactionIdOf(fake, request);
    const unknown = id === undefined ? undefined : firstUnknown.get(id);
    return unknown !== undefined && request !== unknown && request.at >= (unknown.respondedAt ?? unknown.at);
  });
}
