/**
 * Questions as people type them in a chat: contractions without their apostrophe ("whos", "whats",
 * "wont"), chat shorthand ("w" for with, "abt", "b4", "govt", "execs"), and filler that carries no
 * topic ("pls", "actually", "exactly", "lol", "rn"). General chat English: nothing here belongs to
 * a particular story. Read before a question's words are matched against the corpus.
 */

/** Words written for others: contractions without their apostrophe, and chat shorthand. */
const SHORTHAND: Readonly<Record<string, string>> = {
  // Contractions typed without the apostrophe. ("its", "well", "were", "id", "hell" are words of their own.)
  whos: 'who is',
  whats: 'what is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whys: 'why is',
  whatd: 'what did',
  whered: 'where did',
  whend: 'when did',
  howd: 'how did',
  whyd: 'why did',
  whod: 'who did',
  whove: 'who have',
  hes: 'he is',
  shes: 'she is',
  theyre: 'they are',
  thats: 'that is',
  theres: 'there is',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  wont: 'will not',
  cant: 'can not',
  couldnt: 'could not',
  shouldnt: 'should not',
  wouldnt: 'would not',
  hasnt: 'has not',
  havent: 'have not',
  hadnt: 'had not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  // "gonna" is only ever the future: "going" would be searched as a word of the topic.
  gonna: 'will',
  wanna: 'want to',
  gotta: 'got to',
  // Chat shorthand.
  w: 'with',
  wo: 'without',
  n: 'and',
  u: 'you',
  ur: 'your',
  r: 'are',
  abt: 'about',
  b4: 'before',
  bc: 'because',
  bcuz: 'because',
  cuz: 'because',
  coz: 'because',
  thru: 'through',
  conf: 'conference',
  presser: 'press conference',
  evac: 'evacuation',
  evacs: 'evacuations',
  onboard: 'on board',
  hed: 'he would',
  theyd: 'they would',
  youd: 'you would',
  govt: 'government',
  gov: 'government',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  hrs: 'hours',
  min: 'minute',
  mins: 'minutes',
  wk: 'week',
  wks: 'weeks',
  ppl: 'people',
  prez: 'president',
  pres: 'president',
  prof: 'professor',
  profs: 'professors',
  exec: 'executive',
  execs: 'executives',
  intl: 'international',
  dept: 'department',
  appt: 'appointment',
  appts: 'appointments',
  mil: 'military',
  approx: 'about',
  bday: 'birthday',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  till: 'until',
  til: 'until',
  acc: 'according',
  max: 'maximum',
  sci: 'science',
  poli: 'political',
  // Abbreviations of titles and of countries, as news readers type them.
  ceo: 'chief executive',
  cfo: 'chief financial officer',
  pm: 'prime minister',
  nk: 'North Korea',
  nks: "North Korea's",
  sk: 'South Korea',
  sks: "South Korea's",
  dprk: 'North Korea',
  rok: 'South Korea',
  prc: 'China',
  kpop: 'K-pop',
};

/**
 * Question words as typed in a hurry. Read only when typed in lower case: a capitalised one is a
 * name ("Wen", "Teh").
 */
const HURRIED: Readonly<Record<string, string>> = {
  wat: 'what',
  wut: 'what',
  wht: 'what',
  waht: 'what',
  whta: 'what',
  wats: 'what is',
  wuts: 'what is',
  wen: 'when',
  whn: 'when',
  wher: 'where',
  hw: 'how',
  hwo: 'how',
  wich: 'which',
  whcih: 'which',
  whihc: 'which',
  teh: 'the',
};

/** Words that carry no topic in a chat question: politeness, hedges, emphasis, chat noise. */
const FILLER: ReadonlySet<string> = new Set(
  `pls plz please thanks thx ty actually exactly literally basically really just kinda sorta
  lol lmao rofl ok okay hey hi hello yo um uh umm tho though rn anyway anyways btw tbh imo imho idk
  yeah yep yes nope nah ngl fr bro huh hmm stuff things thing whatever exact precisely specifically currently else besides`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A word standing alone: not part of "U.S.", "R&D", "Lee's" or "Yu-jung" (a full stop after it is
 * fine when it ends the sentence).
 */
const STANDALONE_WORD = /(?<![\p{L}\p{N}.'’&-])[\p{L}\p{N}]+(?![\p{L}\p{N}'’&-]|\.[\p{L}\p{N}])/gu;

/**
 * "$45m", "2bn", "3.5mn": amounts with the unit shortened, as news is read ("45 million"). A bare
 * "m" or "b" only after a currency sign: "the 30m tower" is in metres, "flat 4b" a flat.
 */
const SHORT_AMOUNT = /(?<![\p{L}\p{N}.,])([$€£¥]?)(\d+(?:\.\d+)?)(mn|bn|m|b)(?![\p{L}\p{N}])/giu;
const AMOUNT_UNITS: Readonly<Record<string, string>> = { m: 'million', mn: 'million', bn: 'billion', b: 'billion' };

function writtenOutAmount(whole: string, sign: string, amount: string, unit: string): string {
  const lower = unit.toLowerCase();
  if (sign === '' && (lower === 'm' || lower === 'b')) return whole;
  return `${sign}${amount} ${AMOUNT_UNITS[lower] ?? unit}`;
}

/** Whether a (lower-case) word is chat filler: it says nothing about what is asked. */
export function isFiller(lowerWord: string): boolean {
  return FILLER.has(lowerWord);
}

/** "the us": after "the", "us" is the country, never the pronoun. */
const THE_US = /\b(the)\s+us\b/gi;

/**
 * The question with chat contractions and shorthand written out ("whos the prez" → "who is the
 * president") and filler words removed. Words are matched whole and case-insensitively; what is
 * not shorthand or filler is kept as typed (so a capitalised name keeps its capital).
 */
export function expandCasualText(text: string): string {
  return text
    .replace(SHORT_AMOUNT, writtenOutAmount)
    .replace(THE_US, '$1 US')
    .replace(STANDALONE_WORD, (word) => {
      const lower = word.toLowerCase();
      if (FILLER.has(lower)) return '';
      return SHORTHAND[lower] ?? (word === lower ? HURRIED[lower] : undefined) ?? word;
    })
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
