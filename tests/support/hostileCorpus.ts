import { fileURLToPath } from 'node:url';
import { loadCorpus, parseArticle } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';

const SEED_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

/**
 * An article written to turn the bot against its server: mentions (@everyone, roles, users) and
 * Markdown in its metadata and sentences, right-to-left text, emoji, regex metacharacters. Its
 * sentences are about the seed story so that questions actually quote them.
 */
export const HOSTILE_ARTICLE_FILE = 'zz-hostile.md';
export const HOSTILE_ARTICLE = `---
title: "@everyone <@&1300000000000000050> **Breaking** ||spoiler|| \`code\` # heading"
source: "<@123456789012345678> Wire @here"
url: "https://example.org/@everyone/<@123456789012345678>/(x)"
published: 2026-01-05
---
@everyone The summit in Beijing with Xi was moved to Friday, officials said.
<@&1300000000000000050> Protesters gathered outside the embassy in Beijing on Thursday, according to <@123456789012345678>.
**Bold claims** and __underlines__ filled the statement by the spokesperson Kang Yu-jung on Wednesday.
> The delegation (valued at $2.5 billion+) met at 10:00 [local time] in the Great Hall of the People.
# Lee visited Shanghai on Tuesday with @here and <@!123456789012345678> watching.
Lee said ".*+?^\${}()|[]\\\\" was not a trade term during the visit to China.
פגישה בבייג׳ינג ביום שני. اجتماع في بكين يوم الاثنين.
Emoji 🎉 marked the arrival of Lee in 😀 Shanghai on Tuesday, the trip’s third day.
`;

/** The seed articles plus the hostile one. */
export async function hostileCorpusArticles(): Promise<Article[]> {
  const seed = await loadCorpus(SEED_CORPUS_DIR);
  const hostile = parseArticle({ id: 'zz-hostile', file: HOSTILE_ARTICLE_FILE, content: HOSTILE_ARTICLE });
  return [...seed.articles, hostile];
}

/** Mention syntax that Discord would turn into a ping if it were parsed: @everyone, @here, <@id>, <@!id>, <@&id>. */
export const MENTION_SYNTAX = /@(?:everyone|here)\b|<@[!&]?\d+>/;
