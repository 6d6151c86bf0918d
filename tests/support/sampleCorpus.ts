import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnswerEngine } from '../../src/answer/engine.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';

/**
 * A small corpus about a made-up story, unrelated to the seed articles, so that tests check the
 * method rather than answers about the seeds.
 */
export const SAMPLE_ARTICLES: Record<string, string> = {
  'fair-opens.md': `---
title: Nordic trade fair opens in Tromsø
source: Arctic Ledger
url: https://example.org/fair-opens
published: 2026-03-02
---
Norwegian Prime Minister Ingrid Solberg-Vik will open the Arctic Trade Fair in Tromsø on Wednesday, aiming to attract investors to northern ports.
The fair runs from March 4 to 8 and brings together 300 companies from 12 countries.
Solberg-Vik last visited Tromsø in 2019, when she opened a new harbour terminal.
Finnish President Aku Lehtonen is expected to join her on Thursday to sign a shipping agreement.
“The Arctic is open for business,” she told reporters.
The agreement has been delayed for months because of a dispute over fishing quotas.
Organisers said security would be tight after protests last year.
Among the exhibitors are shipbuilders such as Kongsberg Maritime and Wärtsilä.
`,
  'fair-preview.txt': `Arctic fair set to draw record crowds
TROMSØ: Prime Minister Ingrid Solberg-Vik opens the Arctic Trade Fair on Wednesday in the northern city of Tromsø.
The five-day event expects 20,000 visitors.
Solberg-Vik hopes the fair will lift exports, fearing that a slowing economy might hurt coastal towns.
Port director Magnus Eide said the harbour had been expanded for the occasion.
He added that cruise ships would be diverted to Bodø during the fair.
`,
};

export function sampleArticles(): Article[] {
  return Object.entries(SAMPLE_ARTICLES).map(([file, content]) => parseArticle({ id: file.replace(/\.(md|txt)$/, ''), file, content }));
}

export function sampleEngine(): AnswerEngine {
  return AnswerEngine.fromArticles(sampleArticles());
}

/** Writes the sample corpus (plus any extra files) to a new temporary folder. */
export async function writeSampleCorpus(extra: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sample-corpus-'));
  for (const [file, content] of Object.entries({ ...SAMPLE_ARTICLES, ...extra })) await writeFile(path.join(dir, file), content);
  return dir;
}
