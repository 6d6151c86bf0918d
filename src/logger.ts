import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line, whatever is logged. */
const REDACTED = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
  '*.*.headers.Authorization',
];

/** What replaces a secret in a log line or a message. */
export const REDACTION = '[redacted]';
/** Shorter values are not treated as secrets (replacing them would garble ordinary text). */
const MIN_SECRET_LENGTH = 8;

/**
 * `text` with every occurrence of each secret replaced by [redacted]: for text that may embed a
 * secret anywhere (an error's message, a request's headers), which redaction by path cannot see.
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) redacted = redacted.split(secret).join(REDACTION);
  }
  return redacted;
}

export interface LoggerOptions {
  level: string;
  /** Pretty lines (default: when stderr is a terminal); JSON lines otherwise. */
  pretty?: boolean;
  /**
   * Values that must never appear in a log line (the Discord token): replaced in every written line,
   * wherever they hide — a field, an error message, a stack, headers nested in an error's cause.
   */
  secrets?: readonly (string | null | undefined)[];
  /** Where JSON lines go (default: stderr). Tests pass their own. */
  destination?: DestinationStream;
}

/**
 * The bot's logger. Logs always go to stderr, so stdout stays free for answers (the `ask` command's
 * JSON lines). JSON lines in production or when stderr is not a terminal; pretty in a terminal.
 * Secrets are redacted twice: by path (`token`, `authorization` headers…) and, for the values given
 * in `secrets`, from the text of every line.
 */
export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  const base = {
    level: options.level,
    redact: { paths: REDACTED, censor: REDACTION },
    ...(secrets.length > 0 ? { hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) } } : {}),
  };
  if (pretty && options.destination === undefined) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(base, options.destination ?? pino.destination({ dest: 2, sync: true }));
}
