import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { AnswerService } from '../service/answerService.js';
import type { CorpusReply, SlashCommand } from './commandTypes.js';

/**
 * The router's one step for everything that reads the corpus: while a corpus change is queued or
 * running (a reload, an upload), the interaction is acknowledged first (so Discord's 3 seconds are
 * kept) and the step waits for the corpus that will be serving after the change; otherwise it
 * returns at once, acknowledging nothing. Returns whether it waited.
 */
export async function waitForSettledCorpus(
  service: Pick<AnswerService, 'changing' | 'whenSettled'>,
  acknowledge: () => Promise<unknown>,
): Promise<boolean> {
  if (!service.changing) return false;
  await acknowledge();
  await service.whenSettled();
  return true;
}

/** How this interaction of a command reads the corpus (see SlashCommand.readsCorpus); null when it does not. */
export function corpusReplyOf(command: SlashCommand, interaction: ChatInputCommandInteraction): CorpusReply | null {
  const { readsCorpus } = command;
  return typeof readsCorpus === 'function' ? readsCorpus(interaction) : (readsCorpus ?? null);
}

/** A command's acknowledgement while it waits: its reply deferred, publicly or privately (unless it already is). */
export async function deferReplyAs(interaction: ChatInputCommandInteraction, reply: CorpusReply): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  await interaction.deferReply(reply === 'private' ? { flags: MessageFlags.Ephemeral } : {});
}

/** A button's acknowledgement while it waits: an update of its message, deferred (unless acknowledged already). */
export async function deferButtonUpdate(interaction: ButtonInteraction): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  await interaction.deferUpdate();
}
