/**
 * Discord's size limits, as the API enforces them (https://discord.com/developers/docs/resources/message
 * and .../interactions/application-commands). Everything the bot sends is cut to fit these, never
 * rejected for exceeding them.
 */
export const DISCORD_LIMITS = {
  /** Characters of a message's `content`. */
  content: 2_000,
  embed: {
    title: 256,
    description: 4_096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1_024,
    footer: 2_048,
    authorName: 256,
    /** Sum of title, description, field names and values, footer text and author name. */
    total: 6_000,
  },
  autocomplete: {
    /** Choices in one autocomplete response. */
    choices: 25,
    /** Characters of a choice's name and of a string value. */
    choiceLength: 100,
  },
  /** Message components (https://discord.com/developers/docs/components/reference). */
  component: {
    /** Characters of a component's custom id. */
    customIdLength: 100,
    /** Buttons in one action row. */
    buttonsPerRow: 5,
    /** Action rows in one message. */
    rowsPerMessage: 5,
    /** Characters of a button's label. */
    buttonLabel: 80,
  },
  /** Bytes of a file the bot attaches to a message: Discord's default upload limit (10 MiB). */
  attachmentBytes: 10 * 1024 * 1024,
  /** Characters of an attachment's description (its alt text). */
  attachmentDescription: 1_024,
  /** Bytes of an attachment the bot downloads for /corpus add (the bot's own limit, not Discord's). */
  uploadBytes: 1024 * 1024,
} as const;

/** The longest query a question command accepts (Discord allows 6000; a question is short). */
export const MAX_QUERY_LENGTH = 200;
