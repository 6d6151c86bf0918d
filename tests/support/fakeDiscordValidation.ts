// Request validation for the fake Discord: the limits the real API enforces that a bot most
// plausibly trips over (message length, empty messages, autocomplete choices, command names and
// descriptions), answered with Discord's error shapes so discord.js raises the same DiscordAPIError.
// This approximates Discord's checks; it does not reproduce all of them.

import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';

/** Discord's JSON error body (`{ code, message, errors? }`). */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** Discord JSON error codes the fake answers with. */
export const DiscordErrorCode = {
  General: 0,
  UnknownApplication: 10002,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  CannotSendEmptyMessage: 50006,
  InvalidFormBody: 50035,
  InvalidApiVersion: 50041,
  InvalidJson: 50109,
  InteractionAlreadyAcknowledged: 40060,
  RequestEntityTooLarge: 40005,
} as const;

export const MAX_MESSAGE_CONTENT_LENGTH = 2_000;
export const MAX_EMBEDS = 10;
/** Files attached to one message, and the characters of an attachment's description (alt text). */
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_DESCRIPTION_LENGTH = 1_024;
export const MAX_AUTOCOMPLETE_CHOICES = 25;
export const MAX_CHOICE_NAME_LENGTH = 100;
export const MAX_CHOICE_STRING_VALUE_LENGTH = 100;
export const MAX_COMMANDS = 100;
export const MAX_COMMAND_OPTIONS = 25;
export const MAX_DESCRIPTION_LENGTH = 100;
/** Message components: action rows per message, components per row, custom id and label lengths. */
export const MAX_ACTION_ROWS = 5;
export const MAX_ROW_COMPONENTS = 5;
export const MAX_CUSTOM_ID_LENGTH = 100;
export const MAX_BUTTON_LABEL_LENGTH = 80;
/** Embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footerText: 2_048,
  authorName: 256,
  /** Sum over all embeds of a message. */
  total: 6_000,
} as const;
const ALLOWED_MENTION_TYPES = new Set(['roles', 'users', 'everyone']);
/** Discord's documented CHAT_INPUT name pattern (must also be lowercase). */
const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Path = Array<string | number>;

/** Collects field errors into Discord's nested `{ field: { _errors: [...] } }` form. */
export class FormErrors {
  readonly #root: Record<string, unknown> = {};
  #count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.#root;
    for (const key of path) {
      const next = (node[String(key)] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = (node._errors ??= []) as Array<{ code: string; message: string }>;
    list.push({ code, message });
    this.#count++;
  }

  get isEmpty(): boolean {
    return this.#count === 0;
  }

  toBody(): DiscordErrorBody {
    return { code: DiscordErrorCode.InvalidFormBody, message: 'Invalid Form Body', errors: this.#root };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length as Discord counts it for limits (characters, i.e. code points). */
function charLength(text: string): number {
  return [...text].length;
}

function checkLength(errors: FormErrors, path: Path, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  const length = charLength(value);
  if (length < min || length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

export interface MessageCheck {
  /** Creating a message (reply, follow-up) must carry something; edits need not. */
  isCreate: boolean;
  /** Whether files were uploaded with the request (they count as content). */
  hasFiles: boolean;
  /** Where the message sits in the body (e.g. ['data'] for an interaction callback). */
  path: Path;
}

/** Checks a message create/edit body; returns Discord's error body, or null when acceptable. */
export function validateMessage(message: unknown, check: MessageCheck): DiscordErrorBody | null {
  const errors = new FormErrors();
  const data = isRecord(message) ? message : {};
  const { content, embeds, components, allowed_mentions: allowedMentions } = data;

  if (content !== undefined && content !== null) {
    if (typeof content !== 'string') errors.add([...check.path, 'content'], 'BASE_TYPE_STRING', 'Must be a string.');
    else if (charLength(content) > MAX_MESSAGE_CONTENT_LENGTH) {
      errors.add([...check.path, 'content'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_MESSAGE_CONTENT_LENGTH} or fewer in length.`);
    }
  }
  if (Array.isArray(embeds) && embeds.length > MAX_EMBEDS) {
    errors.add([...check.path, 'embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_EMBEDS} or fewer in length.`);
  }
  if (isRecord(allowedMentions) && Array.isArray(allowedMentions.parse)) {
    allowedMentions.parse.forEach((type, index) => {
      if (typeof type !== 'string' || !ALLOWED_MENTION_TYPES.has(type)) {
        errors.add(
          [...check.path, 'allowed_mentions', 'parse', index],
          'BASE_TYPE_CHOICES',
          `Value must be one of {'roles', 'users', 'everyone'}.`,
        );
      }
    });
  }
  if (Array.isArray(embeds)) checkEmbeds(errors, [...check.path, 'embeds'], embeds);
  if (Array.isArray(data.attachments)) checkAttachments(errors, [...check.path, 'attachments'], data.attachments);
  if (Array.isArray(components)) checkComponents(errors, [...check.path, 'components'], components);
  if (!errors.isEmpty) return errors.toBody();

  if (check.isCreate) {
    const hasContent = typeof content === 'string' && content.trim().length > 0;
    const hasEmbeds = Array.isArray(embeds) && embeds.length > 0;
    const hasComponents = Array.isArray(components) && components.length > 0;
    const hasOther = data.poll !== undefined || (Array.isArray(data.sticker_ids) && data.sticker_ids.length > 0);
    if (!hasContent && !hasEmbeds && !hasComponents && !hasOther && !check.hasFiles) {
      return { code: DiscordErrorCode.CannotSendEmptyMessage, message: 'Cannot send an empty message' };
    }
  }
  return null;
}

function checkOptionalLength(errors: FormErrors, path: Path, value: unknown, max: number): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return 0;
  }
  const length = charLength(value);
  if (length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return length;
}

/** The attachments' metadata sent with uploaded files: at most ten, each description at most 1024 characters. */
function checkAttachments(errors: FormErrors, path: Path, attachments: unknown[]): void {
  if (attachments.length > MAX_ATTACHMENTS) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_ATTACHMENTS} or fewer in length.`);
  attachments.forEach((attachment, index) => {
    const entry = isRecord(attachment) ? attachment : {};
    checkOptionalLength(errors, [...path, index, 'description'], entry.description, MAX_ATTACHMENT_DESCRIPTION_LENGTH);
  });
}

/** Discord's limits on action rows of buttons: rows, buttons per row, custom id and label lengths. */
function checkComponents(errors: FormErrors, path: Path, rows: unknown[]): void {
  if (rows.length > MAX_ACTION_ROWS) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_ACTION_ROWS} or fewer in length.`);
  rows.forEach((row, r) => {
    const children = isRecord(row) && Array.isArray(row.components) ? row.components : [];
    if (children.length > MAX_ROW_COMPONENTS)
      errors.add([...path, r, 'components'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_ROW_COMPONENTS} or fewer in length.`);
    children.forEach((child, c) => {
      const component = isRecord(child) ? child : {};
      checkOptionalLength(errors, [...path, r, 'components', c, 'custom_id'], component.custom_id, MAX_CUSTOM_ID_LENGTH);
      checkOptionalLength(errors, [...path, r, 'components', c, 'label'], component.label, MAX_BUTTON_LABEL_LENGTH);
    });
  });
}

/** Discord's embed limits: per part, 25 fields (each with a name and a value), 6000 in all. */
function checkEmbeds(errors: FormErrors, path: Path, embeds: unknown[]): void {
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    const at = [...path, index];
    const entry = isRecord(embed) ? embed : {};
    total += checkOptionalLength(errors, [...at, 'title'], entry.title, EMBED_LIMITS.title);
    total += checkOptionalLength(errors, [...at, 'description'], entry.description, EMBED_LIMITS.description);
    if (isRecord(entry.footer)) total += checkOptionalLength(errors, [...at, 'footer', 'text'], entry.footer.text, EMBED_LIMITS.footerText);
    if (isRecord(entry.author)) total += checkOptionalLength(errors, [...at, 'author', 'name'], entry.author.name, EMBED_LIMITS.authorName);
    if (Array.isArray(entry.fields)) {
      if (entry.fields.length > EMBED_LIMITS.fields) {
        errors.add([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', `Must be ${EMBED_LIMITS.fields} or fewer in length.`);
      }
      entry.fields.forEach((field: unknown, fieldIndex) => {
        const fieldPath = [...at, 'fields', fieldIndex];
        const f = isRecord(field) ? field : {};
        checkLength(errors, [...fieldPath, 'name'], f.name, 1, EMBED_LIMITS.fieldName);
        checkLength(errors, [...fieldPath, 'value'], f.value, 1, EMBED_LIMITS.fieldValue);
        total += (typeof f.name === 'string' ? charLength(f.name) : 0) + (typeof f.value === 'string' ? charLength(f.value) : 0);
      });
    }
  });
  if (total > EMBED_LIMITS.total) {
    errors.add(path, 'MESSAGE_EMBED_TOO_LARGE', `Embed size exceeds maximum size of ${EMBED_LIMITS.total}`);
  }
}

/** Checks an autocomplete result (callback type 8) body's `data.choices`. */
export function validateAutocompleteChoices(data: unknown): DiscordErrorBody | null {
  const errors = new FormErrors();
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors.toBody();
  }
  if (choices.length > MAX_AUTOCOMPLETE_CHOICES) {
    errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_AUTOCOMPLETE_CHOICES} or fewer in length.`);
  }
  choices.forEach((choice: unknown, index) => {
    const path = ['data', 'choices', index];
    const entry = isRecord(choice) ? choice : {};
    checkLength(errors, [...path, 'name'], entry.name, 1, MAX_CHOICE_NAME_LENGTH);
    if (typeof entry.value === 'string') {
      if (charLength(entry.value) > MAX_CHOICE_STRING_VALUE_LENGTH) {
        errors.add([...path, 'value'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CHOICE_STRING_VALUE_LENGTH} or fewer in length.`);
      }
    } else if (typeof entry.value !== 'number') {
      errors.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  });
  return errors.isEmpty ? null : errors.toBody();
}

function checkCommandName(errors: FormErrors, path: Path, name: unknown, lowercase: boolean): void {
  if (typeof name !== 'string' || !COMMAND_NAME_PATTERN.test(name) || (lowercase && name !== name.toLowerCase())) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid: ${JSON.stringify(name)}`);
  }
}

function checkOptions(errors: FormErrors, path: Path, options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (options.length > MAX_COMMAND_OPTIONS) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_COMMAND_OPTIONS} or fewer in length.`);
  }
  const seen = new Set<string>();
  let sawOptional = false;
  options.forEach((option: unknown, index) => {
    const at = [...path, index];
    const entry = isRecord(option) ? option : {};
    checkCommandName(errors, [...at, 'name'], entry.name, true);
    checkLength(errors, [...at, 'description'], entry.description, 1, MAX_DESCRIPTION_LENGTH);
    if (typeof entry.name === 'string') {
      if (seen.has(entry.name))
        errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
      seen.add(entry.name);
    }
    const isGrouping =
      entry.type === ApplicationCommandOptionType.Subcommand || entry.type === ApplicationCommandOptionType.SubcommandGroup;
    if (isGrouping) {
      checkOptions(errors, [...at, 'options'], entry.options);
      return;
    }
    if (entry.required === true && sawOptional) {
      errors.add(
        [...at, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (entry.required !== true) sawOptional = true;
    if (Array.isArray(entry.choices)) {
      if (entry.autocomplete === true) {
        errors.add([...at, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', 'Autocomplete cannot be set with choices');
      }
      if (entry.choices.length > MAX_AUTOCOMPLETE_CHOICES) {
        errors.add([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_AUTOCOMPLETE_CHOICES} or fewer in length.`);
      }
    }
  });
}

/** Checks a bulk-overwrite body (PUT …/commands); returns Discord's error body or null. */
export function validateCommandList(body: unknown): DiscordErrorBody | null {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors.toBody();
  }
  if (body.length > MAX_COMMANDS) errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_COMMANDS} or fewer in length.`);
  const seen = new Set<string>();
  body.forEach((command: unknown, index) => {
    validateCommandInto(errors, [index], command);
    if (isRecord(command) && typeof command.name === 'string') {
      const key = `${String(command.type ?? ApplicationCommandType.ChatInput)}:${command.name}`;
      if (seen.has(key)) errors.add([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
      seen.add(key);
    }
  });
  return errors.isEmpty ? null : errors.toBody();
}

/** Checks a single command body (POST …/commands). */
export function validateCommand(body: unknown): DiscordErrorBody | null {
  const errors = new FormErrors();
  validateCommandInto(errors, [], body);
  return errors.isEmpty ? null : errors.toBody();
}

function validateCommandInto(errors: FormErrors, path: Path, command: unknown): void {
  const entry = isRecord(command) ? command : {};
  const type = entry.type ?? ApplicationCommandType.ChatInput;
  const isChatInput = type === ApplicationCommandType.ChatInput;
  checkCommandName(errors, [...path, 'name'], entry.name, isChatInput);
  if (isChatInput) {
    checkLength(errors, [...path, 'description'], entry.description, 1, MAX_DESCRIPTION_LENGTH);
    checkOptions(errors, [...path, 'options'], entry.options);
  } else if (typeof entry.description === 'string' && entry.description.length > 0) {
    errors.add([...path, 'description'], 'APPLICATION_COMMAND_DESCRIPTION_INVALID', 'Context menu commands cannot have a description');
  }
}
