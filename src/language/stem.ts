import { stemmer } from 'stemmer';

/**
 * Irregular English forms the Porter stemmer cannot reduce, mapped to their base form, so that
 * "met" matches "meet" and "went" matches "go". General English, not tied to any article.
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  met: 'meet', went: 'go', gone: 'go', goes: 'go', said: 'say', says: 'say', told: 'tell',
  led: 'lead', held: 'hold', took: 'take', taken: 'take', made: 'make', left: 'leave', flew: 'fly',
  flown: 'fly', began: 'begin', begun: 'begin', saw: 'see', seen: 'see', spoke: 'speak',
  spoken: 'speak', sought: 'seek', brought: 'bring', fought: 'fight', won: 'win', came: 'come',
  became: 'become', gave: 'give', given: 'give', knew: 'know', known: 'know', thought: 'think',
  bought: 'buy', sold: 'sell', sent: 'send', spent: 'spend', built: 'build', felt: 'feel',
  kept: 'keep', lost: 'lose', paid: 'pay', ran: 'run', rose: 'rise', risen: 'rise', fell: 'fall',
  fallen: 'fall', struck: 'strike', wrote: 'write', written: 'write', chose: 'choose',
  chosen: 'choose', drew: 'draw', drawn: 'draw', grew: 'grow', grown: 'grow', shot: 'shoot',
  stood: 'stand', understood: 'understand', hit: 'hit', set: 'set', cut: 'cut', put: 'put',
  children: 'child', men: 'man', women: 'woman',
};

/** The stem of one lower-case word: irregular forms first, then the Porter stemmer. */
export function stemWord(lowerWord: string): string {
  const irregular = IRREGULAR[lowerWord];
  if (irregular !== undefined) return stemmer(irregular);
  return stemmer(lowerWord);
}
