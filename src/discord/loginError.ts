/**
 * The bot could not log in to Discord (a refused token, an unreachable API). Its message says where
 * and why, never with the token; the entry point prints it without a stack trace.
 */
export class DiscordLoginError extends Error {
  override readonly name = 'DiscordLoginError';

  constructor(apiUrl: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`could not log in to Discord at ${apiUrl}: ${reason} (check DISCORD_TOKEN and DISCORD_API_URL)`, { cause });
  }
}
