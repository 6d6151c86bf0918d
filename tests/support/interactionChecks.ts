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
