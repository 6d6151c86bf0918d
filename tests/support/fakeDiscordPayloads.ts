// Fixed identities and payload builders for the fake Discord (tests/support/fakeDiscord.ts).
// Shapes follow discord-api-types/v10 (the types discord.js itself is written against), so a
// payload that type-checks here is one discord.js can parse.

import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationFlags,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIApplication,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIChatInputApplicationCommandInteraction,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageTopLevelComponent,
  APIRole,
  APITextChannel,
  APIUser,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
  GatewayReadyDispatchData,
} from 'discord-api-types/v10';

// ---------------------------------------------------------------------------------------------
// Fixed identities. Snowflakes are 19 digits like real ones (discord.js' REST bucketing only
// treats 17–19 digit path segments as ids). The bot user id deliberately differs from the
// application id (true for older apps) so code that mixes the two up fails in tests.

export const FAKE_APPLICATION_ID = '1300000000000000001';
export const FAKE_BOT_USER_ID = '1300000000000000002';
export const FAKE_GUILD_ID = '1300000000000000003';
export const FAKE_CHANNEL_ID = '1300000000000000004';
/** The member who invokes commands unless a test says otherwise. */
export const FAKE_USER_ID = '1300000000000000005';
export const FAKE_BOT_ROLE_ID = '1300000000000000006';
export const FAKE_GUILD_OWNER_ID = '1300000000000000007';

/** A bot token in Discord's `base64(user id).timestamp.hmac` shape. Not a secret. */
export const FAKE_TOKEN = `${Buffer.from(FAKE_BOT_USER_ID).toString('base64url')}.GfAkE0.fake-discord-token-for-tests-only-0000`;

export const API_VERSION = 10;
/** Discord's default interaction attachment limit (10 MiB) as sent in `attachment_size_limit`. */
export const ATTACHMENT_SIZE_LIMIT_BYTES = 10 * 1024 * 1024;
/** Discord's guild `joined_at`-style timestamp for fixtures; any ISO date works. */
const FIXTURE_TIMESTAMP = '2024-01-01T00:00:00.000000+00:00';

/** @everyone in a typical server: read, talk and use commands. */
export const DEFAULT_MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot may do in the test channel (sent as `app_permissions`). */
export const DEFAULT_BOT_PERMISSIONS = DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.SendMessagesInThreads;

// ---------------------------------------------------------------------------------------------
// Snowflakes and tokens

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const FAKE_WORKER_BITS = 1n << 17n;
let snowflakeIncrement = 0n;

/** A fresh snowflake whose timestamp is now (discord.js derives createdAt from it). */
export function nextSnowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n) | FAKE_WORKER_BITS | snowflakeIncrement).toString();
}

/** An interaction token: opaque, URL-safe, long, like Discord's. */
export function makeInteractionToken(interactionId: string): string {
  return Buffer.from(`interaction:${interactionId}:${randomBytes(24).toString('hex')}`).toString('base64url');
}

export function toPermissionString(permissions: bigint | string): string {
  return typeof permissions === 'bigint' ? permissions.toString() : permissions;
}

// ---------------------------------------------------------------------------------------------
// Users, guild, READY

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
  };
}

export const BOT_USER: APIUser = makeUser(FAKE_BOT_USER_ID, 'fake-qa-bot', true);
export const DEFAULT_INVOKER: APIUser = makeUser(FAKE_USER_ID, 'test-user');

export function makeApplication(): APIApplication {
  return {
    id: FAKE_APPLICATION_ID,
    name: 'fake-qa-bot',
    icon: null,
    description: 'Application served by the fake Discord used in tests',
    bot_public: true,
    bot_require_code_grant: false,
    bot: BOT_USER,
    verify_key: '0'.repeat(64),
    flags: ApplicationFlags.GatewayMessageContentLimited,
    flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
    team: null,
    summary: '',
    approximate_guild_count: 1,
    integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
  };
}

export interface RoleInit {
  id?: string;
  name: string;
  permissions?: bigint | string;
  position?: number;
  managed?: boolean;
}

export function makeRole(init: RoleInit): APIRole {
  return {
    id: init.id ?? nextSnowflake(),
    name: init.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: init.position ?? 1,
    permissions: toPermissionString(init.permissions ?? 0n),
    managed: init.managed ?? false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function makeTextChannel(id: string, name: string, guildId: string, position = 0): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export function makeGuildMember(user: APIUser, roles: string[] = []): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: FIXTURE_TIMESTAMP,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export interface GuildInit {
  id: string;
  name?: string;
  /** Extra roles besides @everyone (id = guild id) and the bot's managed role. */
  roles?: APIRole[];
  /** Extra channels besides the default #general text channel. */
  channels?: APITextChannel[];
  /** Extra members besides the bot and the default invoker. */
  members?: APIGuildMember[];
}

/** The GUILD_CREATE payload for a small guild: @everyone, a bot role, #general, the bot, one user. */
export function makeGuildCreate(init: GuildInit): GatewayGuildCreateDispatchData {
  const everyone = makeRole({ id: init.id, name: '@everyone', permissions: DEFAULT_MEMBER_PERMISSIONS, position: 0 });
  const botRole = makeRole({ id: FAKE_BOT_ROLE_ID, name: 'fake-qa-bot', permissions: DEFAULT_BOT_PERMISSIONS, managed: true });
  const roles = [everyone, botRole, ...(init.roles ?? [])];
  const channels = [makeTextChannel(FAKE_CHANNEL_ID, 'general', init.id), ...(init.channels ?? [])];
  const members = [makeGuildMember(BOT_USER, [FAKE_BOT_ROLE_ID]), makeGuildMember(DEFAULT_INVOKER), ...(init.members ?? [])];
  return {
    id: init.id,
    name: init.name ?? 'Fake Test Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: FAKE_GUILD_OWNER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE-only fields
    joined_at: FIXTURE_TIMESTAMP,
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface ReadyInit {
  sessionId: string;
  resumeGatewayUrl: string;
  guildIds: string[];
  shard: [shardId: number, shardCount: number];
}

/** READY: the bot user, the application's id/flags, every guild as unavailable (GUILD_CREATE follows). */
export function makeReady(init: ReadyInit): GatewayReadyDispatchData {
  const application = makeApplication();
  return {
    v: API_VERSION,
    user: { ...BOT_USER, verified: true, mfa_enabled: false },
    guilds: init.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: init.sessionId,
    resume_gateway_url: init.resumeGatewayUrl,
    shard: init.shard,
    application: { id: application.id, flags: application.flags, flags_new: String(application.flags) },
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

export interface BotMessageInit {
  channelId: string;
  guildId?: string;
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessageTopLevelComponent[];
  attachments?: APIAttachment[];
  flags?: number;
  /** The interaction this message answers (sets webhook_id/application_id, and interaction_metadata for commands). */
  interaction?: { id: string; type: InteractionType; user: APIUser };
  type?: MessageType;
}

export function makeBotMessage(init: BotMessageInit): APIMessage {
  const interaction = init.interaction;
  const isCommand = interaction?.type === InteractionType.ApplicationCommand;
  return {
    id: nextSnowflake(),
    channel_id: init.channelId,
    author: BOT_USER,
    content: init.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: init.attachments ?? [],
    embeds: init.embeds ?? [],
    pinned: false,
    type: init.type ?? (isCommand ? MessageType.ChatInputCommand : MessageType.Default),
    flags: init.flags ?? 0,
    components: init.components ?? [],
    ...(interaction
      ? {
          webhook_id: FAKE_APPLICATION_ID,
          application_id: FAKE_APPLICATION_ID,
          ...(isCommand
            ? {
                interaction_metadata: {
                  id: interaction.id,
                  type: InteractionType.ApplicationCommand,
                  user: interaction.user,
                  authorizing_integration_owners: init.guildId ? { [ApplicationIntegrationType.GuildInstall]: init.guildId } : {},
                },
              }
            : {}),
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Interactions

/** Where and by whom an interaction is triggered. Everything defaults to the fake's test guild. */
export interface InteractionContextInit {
  guildId?: string;
  channelId?: string;
  /** The invoking user (default: test-user, FAKE_USER_ID). */
  user?: APIUser;
  /** The invoker's computed permissions in the channel (default DEFAULT_MEMBER_PERMISSIONS). */
  permissions?: bigint | string;
  /** Role ids of the invoking member (default none besides @everyone). */
  roles?: string[];
  /** The bot's permissions in the channel (default DEFAULT_BOT_PERMISSIONS). */
  appPermissions?: bigint | string;
  locale?: Locale;
  guildLocale?: Locale;
}

/**
 * An option value for commandInteraction(). Plain values get the obvious type (string → String,
 * integral number → Integer, other number → Number, boolean → Boolean); pass `{ type, value }`
 * when the command declares something else (e.g. a Number option given 3).
 */
export type OptionValueInput = string | number | boolean | { type: ApplicationCommandOptionType; value: string | number | boolean };

export interface CommandPathInit {
  /** Top-level command name. */
  name: string;
  /** Registered command id; defaults to a fresh snowflake. */
  commandId?: string;
  subcommandGroup?: string;
  subcommand?: string;
}

export interface CommandInteractionInit extends InteractionContextInit, CommandPathInit {
  options?: Record<string, OptionValueInput>;
}

export interface ResolvedAttachmentOption {
  optionName: string;
  attachment: APIAttachment;
}

/** Option types that can have autocomplete. */
export type AutocompleteOptionType =
  ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number;

export interface AutocompleteInteractionInit extends InteractionContextInit, CommandPathInit {
  /** The option being typed in. */
  focused: { name: string; value: string; type?: AutocompleteOptionType };
  /** Other options already filled in. */
  options?: Record<string, OptionValueInput>;
}

export interface ButtonInteractionInit extends InteractionContextInit {
  customId: string;
  /** The message carrying the button (default: a bot message with that button). */
  message?: APIMessage;
}

function toBasicOption(name: string, input: OptionValueInput): APIApplicationCommandInteractionDataBasicOption {
  const typed =
    typeof input === 'object'
      ? input
      : typeof input === 'string'
        ? { type: ApplicationCommandOptionType.String, value: input }
        : typeof input === 'boolean'
          ? { type: ApplicationCommandOptionType.Boolean, value: input }
          : {
              type: Number.isInteger(input) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number,
              value: input,
            };
  // The per-type union cannot be narrowed from a runtime `type`; the shape is checked by discord.js.
  return { name, type: typed.type, value: typed.value } as APIApplicationCommandInteractionDataBasicOption;
}

/** Wraps leaf options in subcommand / subcommand-group options as Discord nests them. */
function nestOptions(
  path: CommandPathInit,
  leaves: APIApplicationCommandInteractionDataBasicOption[],
): APIApplicationCommandInteractionDataOption[] {
  if (!path.subcommand) {
    if (path.subcommandGroup) throw new Error('subcommandGroup needs a subcommand');
    return leaves;
  }
  const sub: APIApplicationCommandInteractionDataOption = {
    type: ApplicationCommandOptionType.Subcommand,
    name: path.subcommand,
    options: leaves,
  };
  if (!path.subcommandGroup) return [sub];
  return [{ type: ApplicationCommandOptionType.SubcommandGroup, name: path.subcommandGroup, options: [sub] }];
}

function guildInteractionBase(ctx: InteractionContextInit) {
  const id = nextSnowflake();
  const guildId = ctx.guildId ?? FAKE_GUILD_ID;
  const channelId = ctx.channelId ?? FAKE_CHANNEL_ID;
  const user = ctx.user ?? DEFAULT_INVOKER;
  const member: APIInteractionGuildMember = {
    ...makeGuildMember(user, ctx.roles ?? []),
    permissions: toPermissionString(ctx.permissions ?? DEFAULT_MEMBER_PERMISSIONS),
  };
  return {
    id,
    application_id: FAKE_APPLICATION_ID,
    token: makeInteractionToken(id),
    version: 1 as const,
    guild_id: guildId,
    guild: { id: guildId, locale: ctx.guildLocale ?? Locale.EnglishUS, features: [] },
    channel_id: channelId,
    channel: { ...makeTextChannel(channelId, 'general', guildId) },
    member,
    app_permissions: toPermissionString(ctx.appPermissions ?? DEFAULT_BOT_PERMISSIONS),
    locale: ctx.locale ?? Locale.EnglishUS,
    guild_locale: ctx.guildLocale ?? Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT_BYTES,
  };
}

/** A slash command (type 2, data.type 1) invoked in a guild, with optional attachment options. */
export function buildCommandInteraction(
  init: CommandInteractionInit,
  attachments: ResolvedAttachmentOption[] = [],
): APIChatInputApplicationCommandInteraction {
  const leaves = Object.entries(init.options ?? {}).map(([name, value]) => toBasicOption(name, value));
  for (const { optionName, attachment } of attachments) {
    leaves.push({ type: ApplicationCommandOptionType.Attachment, name: optionName, value: attachment.id });
  }
  const options = nestOptions(init, leaves);
  return {
    ...guildInteractionBase(init),
    type: InteractionType.ApplicationCommand,
    data: {
      id: init.commandId ?? nextSnowflake(),
      name: init.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length > 0 ? { options } : {}),
      ...(attachments.length > 0
        ? { resolved: { attachments: Object.fromEntries(attachments.map(({ attachment }) => [attachment.id, attachment])) } }
        : {}),
    },
  };
}

/** An autocomplete request (type 4) with `focused: true` on the option being typed. */
export function buildAutocompleteInteraction(init: AutocompleteInteractionInit): APIApplicationCommandAutocompleteInteraction {
  const leaves = Object.entries(init.options ?? {}).map(([name, value]) => toBasicOption(name, value));
  const focusedType = init.focused.type ?? ApplicationCommandOptionType.String;
  // Discord sends the partial input as typed (a string) with `focused: true`, whatever the option type.
  leaves.push({
    type: focusedType,
    name: init.focused.name,
    value: init.focused.value,
    focused: true,
  } as APIApplicationCommandInteractionDataBasicOption);
  return {
    ...guildInteractionBase(init),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: init.commandId ?? nextSnowflake(),
      name: init.name,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions(init, leaves),
    },
  };
}

/** A button press (type 3, component_type 2) on a bot message. */
export function buildButtonInteraction(init: ButtonInteractionInit): APIMessageComponentButtonInteraction {
  const base = guildInteractionBase(init);
  const message =
    init.message ??
    makeBotMessage({
      channelId: base.channel_id,
      guildId: base.guild_id,
      content: 'message with a button',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: init.customId, label: 'Press' }],
        },
      ],
    });
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: init.customId, component_type: ComponentType.Button },
    message,
  };
}

/** A guild id (a fresh snowflake) in the given shard of `shardCount`: (id >> 22) % shardCount === shardId. */
export function guildIdInShard(shardId: number, shardCount: number): string {
  const id = BigInt(nextSnowflake());
  const shard = (id >> 22n) % BigInt(shardCount);
  return (id + (((BigInt(shardId) - shard + BigInt(shardCount)) % BigInt(shardCount)) << 22n)).toString();
}
