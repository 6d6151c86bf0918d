/**
 * What a REST request to Discord is about, read from its URL: its route for a log line (the
 * interaction token, a secret, replaced by `:token`), and the interaction it answers, if any.
 */
export interface RestTarget {
  /** e.g. `POST /interactions/1234/:token/callback`, `PATCH /webhooks/5678/:token/messages/@original`, `GET /gateway/bot`. */
  route: string;
  /** The interaction token in the path (callbacks, and the edits and follow-ups made with it); null for other routes. */
  token: string | null;
  /** The interaction's id: in the path of a callback only; null otherwise. */
  interactionId: string | null;
}

/** The route of `url` below the API version (`/api/v10/…` → `/…`), query left out. */
function pathBelowVersion(url: string): string[] {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/');
  } catch {
    return [];
  }
  const version = segments.findIndex((segment) => /^v\d+$/.test(segment));
  return segments
    .slice(version + 1)
    .filter((segment) => segment.length > 0)
    .map(decodeSegment);
}

/** discord.js percent-encodes segments such as `@original`. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function restTarget(method: string, url: string): RestTarget {
  const segments = pathBelowVersion(url);
  const verb = method.toUpperCase();
  const [first, second, third, fourth] = segments;
  if (first === 'interactions' && second !== undefined && third !== undefined && fourth === 'callback') {
    return { route: `${verb} /interactions/${second}/:token/callback`, token: third, interactionId: second };
  }
  if (first === 'webhooks' && second !== undefined && third !== undefined) {
    const rest = segments
      .slice(3)
      .map((segment) => `/${segment}`)
      .join('');
    return { route: `${verb} /webhooks/${second}/:token${rest}`, token: third, interactionId: null };
  }
  return { route: `${verb} /${segments.join('/')}`, token: null, interactionId: null };
}
