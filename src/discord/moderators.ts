import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Config } from '../config.js';

/** Whether someone may change the corpus here, and if not, why (in words for them). */
export type CorpusAccess =
  { allowed: true } | { allowed: false; why: 'not-in-guild' | 'not-home-guild' | 'not-moderator'; message: string };

/**
 * Checks, on every use, that a moderators' command may run: in a server; in the home server when
 * DISCORD_GUILD_ID names one (the corpus is shared by every server, so only the home server's
 * moderators may change it); by a member with Manage Server or one of MODERATOR_ROLE_IDS. The
 * command is registered for Manage Server only, but server admins can override that, hence this.
 */
export function corpusAccess(interaction: BaseInteraction, config: Pick<Config, 'guildId' | 'moderatorRoleIds'>): CorpusAccess {
  if (!interaction.inGuild()) {
    return { allowed: false, why: 'not-in-guild', message: 'The corpus commands work only in a server.' };
  }
  if (config.guildId !== null && interaction.guildId !== config.guildId) {
    return {
      allowed: false,
      why: 'not-home-guild',
      message: 'The corpus is shared by every server this bot is in, so it can be changed only from the bot’s home server.',
    };
  }
  if (interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return { allowed: true };
  if (config.moderatorRoleIds.length > 0 && memberRoleIds(interaction).some((id) => config.moderatorRoleIds.includes(id))) {
    return { allowed: true };
  }
  return {
    allowed: false,
    why: 'not-moderator',
    message: 'Only moderators (Manage Server permission, or a moderator role) can change the corpus.',
  };
}

/** The invoking member's role ids, whether discord.js has the guild cached or not. */
function memberRoleIds(interaction: BaseInteraction<'cached' | 'raw'>): string[] {
  const { member } = interaction;
  if (Array.isArray(member.roles)) return member.roles;
  return [...member.roles.cache.keys()];
}
