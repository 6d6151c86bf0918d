import type { APIEmbed } from 'discord.js';

/** Mentions that a message may ping: none, ever. Neither an article nor a query can ping anyone. */
export const NO_MENTIONS = { parse: [] as never[] } as const;

/** What the bot sends as one message: text and embeds. */
export interface MessageParts {
  content?: string;
  embeds?: APIEmbed[];
}

/** Message options with `allowedMentions` that parse nothing: use for every reply, edit and follow-up. */
export function safeMessage(parts: MessageParts): MessageParts & { allowedMentions: { parse: never[] } } {
  return { ...parts, allowedMentions: { parse: [] } };
}
