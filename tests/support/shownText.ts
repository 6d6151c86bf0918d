// What a member sees of a message: its text and every part of its embeds, to check that each part
// of an answer is shown once (and that nothing is shown that should not be).

import type { APIEmbed } from 'discord-api-types/v10';

/** A message as sent or as the fake Discord holds it (only what is shown is read). */
export interface ShownMessage {
  content?: string | null;
  embeds?: APIEmbed[];
}

/** Every text of a message: its content and every part of its embeds. */
export function textsOf(message: ShownMessage): string[] {
  const texts = [message.content ?? ''];
  for (const embed of message.embeds ?? []) {
    texts.push(embed.author?.name ?? '', embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
    texts.push(embed.footer?.text ?? '');
  }
  return texts;
}

/** All of a message's texts in the order Discord shows them, one a line (empty ones left out). */
export function shownText(message: ShownMessage): string {
  return textsOf(message)
    .filter((text) => text.length > 0)
    .join('\n');
}

/** How many times `needle` occurs in `text` (not overlapping). */
export function occurrences(text: string, needle: string): number {
  if (needle.length === 0) throw new Error('occurrences of an empty string');
  return text.split(needle).length - 1;
}
