import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS } from './limits.js';
import { truncate } from '../text/truncate.js';

const LIMITS = DISCORD_LIMITS.embed;

/** The characters of an embed that count toward Discord's 6000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Cuts every part of an embed to Discord's limits (cut at a word, with an ellipsis), keeps at most
 * 25 fields, and drops fields from the end until the whole fits in 6000 characters. `dropped` says
 * how many fields did not fit, so the caller can say so.
 */
export function fitEmbed(embed: APIEmbed): { embed: APIEmbed; dropped: number } {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, LIMITS.title);
  if (fitted.description !== undefined) fitted.description = truncate(fitted.description, LIMITS.description);
  if (fitted.footer !== undefined) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.footer) };
  if (fitted.author !== undefined) fitted.author = { ...fitted.author, name: truncate(fitted.author.name, LIMITS.authorName) };
  const fields: APIEmbedField[] = (embed.fields ?? []).map((field) => ({
    ...field,
    name: truncate(field.name, LIMITS.fieldName),
    value: truncate(field.value, LIMITS.fieldValue),
  }));
  const total = fields.length;
  fields.splice(LIMITS.fields);
  if (fields.length > 0 || embed.fields !== undefined) fitted.fields = fields;
  while (embedLength(fitted) > LIMITS.total && fields.length > 0) {
    fields.pop();
  }
  if (embedLength(fitted) > LIMITS.total && fitted.description !== undefined) {
    const room = LIMITS.total - (embedLength(fitted) - fitted.description.length);
    fitted.description = truncate(fitted.description, Math.max(0, room));
  }
  return { embed: fitted, dropped: total - fields.length };
}
