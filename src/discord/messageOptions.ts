import type { APIActionRowComponent, APIButtonComponent, APIEmbed, AttachmentBuilder } from 'discord.js';
import { displayTextWithin } from '../answer/displayText.js';

/** What the bot sends as one message: text, embeds, rows of buttons, and files (a picture). */
export interface MessageParts {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIButtonComponent>>;
  files?: AttachmentBuilder[];
}

/** A message that pings no one: `allowedMentions` parses nothing. */
export type SafeMessage = MessageParts & { allowedMentions: { parse: [] } };

/**
 * Message options with `allowedMentions` that parse nothing, so neither an article nor a query can
 * ping @everyone, a role or a user. Every reply, edit and follow-up the bot sends goes through this,
 * and so every text in it gets a last pass of displayTextWithin: nothing quoted can reverse the
 * text after it (bidi overrides), pile up combining marks, or carry a control character, even where
 * no Markdown escaping applies (an embed's author line, a field's name). That pass never lengthens
 * a text, so the limits the message was cut to still hold.
 */
export function safeMessage(parts: MessageParts): SafeMessage {
  const shown: MessageParts = { ...parts };
  if (parts.content !== undefined) shown.content = displayTextWithin(parts.content);
  if (parts.embeds !== undefined) shown.embeds = parts.embeds.map(shownEmbed);
  return { ...shown, allowedMentions: { parse: [] } };
}

function shownEmbed(embed: APIEmbed): APIEmbed {
  const shown: APIEmbed = { ...embed };
  if (embed.title !== undefined) shown.title = displayTextWithin(embed.title);
  if (embed.description !== undefined) shown.description = displayTextWithin(embed.description);
  if (embed.author !== undefined) shown.author = { ...embed.author, name: displayTextWithin(embed.author.name) };
  if (embed.footer !== undefined) shown.footer = { ...embed.footer, text: displayTextWithin(embed.footer.text) };
  if (embed.fields !== undefined) {
    shown.fields = embed.fields.map((field) => ({ ...field, name: displayTextWithin(field.name), value: displayTextWithin(field.value) }));
  }
  return shown;
}
