import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line, whatever is logged. */
const REDACTED = ['token', '*.token', 'discordToken', '*.discordToken', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'];

/**
 * The bot's logger. Logs always go to stderr, so stdout stays free for answers (the `ask` command's
 * JSON lines). JSON lines in production or when stderr is not a terminal; pretty in a terminal.
 */
export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const base = { level: options.level, redact: { paths: REDACTED, censor: '[redacted]' } };
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
