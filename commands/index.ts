/**
 * Every slash command of the bot, one module per command in this folder. Deployment
 * (`npm run deploy-commands`) registers exactly these, and the bot routes interactions to them.
 */
import type { SlashCommand } from '../src/discord/commandTypes.js';
import { command as ask } from './ask.js';
import { command as corpus } from './corpus.js';
import { command as sources } from './sources.js';
import { command as timeline } from './timeline.js';
import { command as what } from './what.js';
import { command as when } from './when.js';
import { command as where } from './where.js';
import { command as who } from './who.js';
import { command as why } from './why.js';

/** The commands in the order Discord lists them: the questions, /timeline, then /sources, then /corpus. */
export const COMMANDS: readonly SlashCommand[] = [when, who, why, where, what, ask, timeline, sources, corpus];
