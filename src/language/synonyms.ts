import { stemsOf } from './tokenize.js';

/**
 * A small list of general English synonyms, so that a question need not use the article's word:
 * "trip" finds "visit", "firms" finds "companies", "prime minister" finds "premier". Nothing here
 * is tied to a particular article or question.
 */
const GROUPS: readonly string[] = [
  'visit|trip|tour|travel|journey|go|head|come|arrive|arrival',
  'leave|depart|departure|head|set off',
  'begin|start|open|kick off|launch',
  'meet|meeting|summit|talks|met',
  'talks|discussion|negotiation|meeting',
  'premier|prime minister',
  'president|leader|head of state',
  'company|firm|business|corporation|conglomerate|chaebol',
  'executive|boss|chief',
  'launch|fire|test',
  'missile|rocket',
  'help|support|assist|aid',
  'country|nation',
  'ban|restriction|prohibition|embargo',
  'aim|goal|purpose|objective',
  'tension|row|dispute|friction|conflict',
  'war|conflict|fighting',
  'relation|relationship|tie',
  'cooperation|collaboration|partnership',
  'economy|economic',
  'adviser|advisor|aide|counsellor|counselor',
  'spokesperson|spokesman|spokeswoman',
  'professor|academic|scholar|expert|analyst',
  'official|officer',
  'delegation|entourage',
  'agreement|deal|accord|pact',
  'sanction|penalty|retaliation',
  'military|army|armed forces',
  'end|finish|conclude|close',
  'return|come back',
  'announce|confirm|declare|say',
  'worry|concern|fear',
  'avoid|dodge|refrain|evade|sidestep',
  'neutral|impartial',
  'dinner|banquet',
  'plan|schedule',
  'want|wish|hope|seek|desire|advocate',
  'stop|halt|end',
  'buy|purchase|import',
  'sell|export',
];

/** Phrases read as one word before tokenising: "prime minister" → "premier". */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = GROUPS.flatMap((group) => {
  const [head, ...rest] = group.split('|') as [string, ...string[]];
  return rest
    .filter((word) => word.includes(' '))
    .map((phrase) => [new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}\\b`, 'gi'), head] as const);
});

const byStem = new Map<string, Set<string>>();
/** The phrases of several words in each word's groups, as their words: "premier" → [["prime", "minister"]]. */
const phrasesByStem = new Map<string, string[][]>();
for (const group of GROUPS) {
  const entries = group.split('|');
  const phrases = entries.filter((entry) => entry.includes(' ')).map((phrase) => phrase.split(' '));
  const stems = entries.filter((entry) => !entry.includes(' ')).map((word) => stemsOf(word)[0]!);
  for (const stem of stems) {
    const set = byStem.get(stem) ?? new Set<string>();
    for (const other of stems) if (other !== stem) set.add(other);
    byStem.set(stem, set);
    if (phrases.length > 0) phrasesByStem.set(stem, [...(phrasesByStem.get(stem) ?? []), ...phrases]);
  }
}

/** Phrases of several words that mean the same as the word with this stem, as their words ("prime minister" for "premier"). */
export function synonymPhrases(stem: string): readonly string[][] {
  return phrasesByStem.get(stem) ?? [];
}

/** Stems of words that mean the same as the word with this stem (not including itself). */
export function synonymStems(stem: string): readonly string[] {
  return [...(byStem.get(stem) ?? [])];
}

/** Rewrites multi-word synonyms in a query to the single word that stands for them. */
export function replaceSynonymPhrases(query: string): string {
  let out = query;
  for (const [pattern, word] of PHRASES) out = out.replace(pattern, word);
  return out;
}
