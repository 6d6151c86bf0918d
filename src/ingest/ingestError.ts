/** Why a page could not become an article; `message` is written for the moderator. */
export type IngestFailure =
  'bad-url' | 'refused-address' | 'unreachable' | 'http-status' | 'too-many-redirects' | 'not-html' | 'too-big' | 'timeout' | 'no-article';

/** A page that could not be fetched or read as an article: what kind of failure, and a plain message. */
export class IngestError extends Error {
  constructor(
    readonly kind: IngestFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IngestError';
  }
}
