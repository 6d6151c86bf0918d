import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { safeMessage, type MessageParts } from './messageOptions.js';

/**
 * Sends a reply, or edits the deferred one; mentions never parsed. A private message after a public
 * deferral (a question deferred in a backlog or during a corpus change, then refused) replaces the
 * public "thinking…" by a private follow-up, so the refusal is not shown to the channel.
 */
export async function sendReply(
  interaction: ChatInputCommandInteraction,
  parts: MessageParts,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  const message = safeMessage(parts);
  if (interaction.deferred && !interaction.replied && options.ephemeral === true && interaction.ephemeral !== true) {
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(message);
  } else if (interaction.replied) {
    await interaction.followUp({ ...message, flags: options.ephemeral === true ? MessageFlags.Ephemeral : undefined });
  } else {
    await interaction.reply({ ...message, flags: options.ephemeral === true ? MessageFlags.Ephemeral : undefined });
  }
}

/** A short ephemeral message (a refusal, a hint): only the person who asked sees it. */
export function sendEphemeral(interaction: ChatInputCommandInteraction, content: string): Promise<void> {
  return sendReply(interaction, { content }, { ephemeral: true });
}
