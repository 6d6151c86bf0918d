import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

/** What the bot sends as one message: text, embeds, and rows of buttons. */
export interface MessageParts {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIButtonComponent>>;
}

/** A message that pings no one: `allowedMentions` parses nothing. */
export type SafeMessage = MessageParts & { allowedMentions: { parse: [] } };

/**
 * Message options with `allowedMentions` that parse nothing, so neither an article nor a query can
 * ping @everyone, a role or a user. Every reply, edit and follow-up the bot sends goes through this.
 */
export function safeMessage(parts: MessageParts): SafeMessage {
  return { ...parts, allowedMentions: { parse: [] } };
}
