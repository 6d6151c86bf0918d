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
 * A bot token as Discord takes it: without surrounding whitespace and without a "Bot " or
 * "Bearer " prefix in any case (discord.js strips those too, so "bot abc…" logs in as "abc…").
 */
export function tokenCore(value: string): string {
  return value
    .trim()
    .replace(/^(?:bot|bearer)\s+/i, '')
    .trim();
}

/**
 * The text that gives a secret away, whatever it was wrapped in: its core (tokenCore: so
 * "Bot abc…", "bot abc…" and "Bearer abc…" all lose "abc…"), URL-encoded, and base64 (plain and
 * URL-safe) at each of the three byte alignments it can have inside longer encoded text (a Basic
 * auth header, a dumped body): the characters that depend on the secret alone.
 */
export function secretForms(secrets: readonly (string | null | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string') continue;
    const core = tokenCore(secret);
    if (core.length < MIN_SECRET_LENGTH) continue;
    forms.add(core);
    forms.add(encodeURIComponent(core));
    const bytes = Buffer.from(core, 'utf8');
    for (let offset = 0; offset < 3; offset++) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
      // Leading characters mix in the padding bytes, trailing ones what follows the secret.
      const start = [0, 2, 3][offset]!;
      const end = Math.floor(((offset + bytes.length) * 8) / 6);
      const base64 = encoded.slice(start, end);
      if (base64.length < MIN_SECRET_LENGTH) continue;
      forms.add(base64);
      forms.add(base64.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  // The longest first, so that no form is left half-replaced by a shorter one inside it.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each form (see secretForms) replaced by [redacted]. */
function redactForms(text: string, forms: readonly string[]): string {
  let redacted = text;
  for (const form of forms) if (redacted.includes(form)) redacted = redacted.split(form).join(REDACTION);
  return redacted;
}

/**
 * `text` with every occurrence of each secret replaced by [redacted]: for text that may embed a
 * secret anywhere (an error's message, a request's headers), which redaction by path cannot see.
 * A secret is found as configured or not: see secretForms.
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  return redactForms(text, secretForms(secrets));
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
  const forms = secretForms(options.secrets ?? []);
  const base = {
    level: options.level,
    redact: { paths: REDACTED, censor: REDACTION },
    ...(forms.length > 0 ? { hooks: { streamWrite: (line: string) => redactForms(line, forms) } } : {}),
  };
  if (pretty && options.destination === undefined) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(base, options.destination ?? pino.destination({ dest: 2, sync: true }));
}
