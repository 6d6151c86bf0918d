/**
 * Writes the sentences of one synthetic news article by recombining the shapes of real news
 * sentences ("<Title> <Name> will visit <Place> from <Month> <d> to <d>, <Org> said on <Weekday>,
 * aiming to …", "“…,” <Name> told <Agency>.", "… since <year>", "Hours before …", "… fearing that …")
 * with the article's cast of people, places and organisations, dates, numbers, and everyday words
 * drawn by frequency. Each sentence ends with final punctuation and holds no abbreviation period,
 * so the corpus loader splits the text exactly where the writer meant sentences to end.
 */
import { passerby, possessive, type NewsWorld, type Organisation, type Person } from './newsWorld.js';
import type { Random } from './random.js';
import {
  ACTIONS,
  EVENTS,
  GROUPS,
  MONTHS,
  NEWS_OBJECTS,
  NUMBER_WORDS,
  ORDINALS,
  REGIONS,
  WEAPONS,
  WEEKDAYS,
  type CountryEntry,
} from './vocabulary.js';

/** Who and what one article is about; most mentions come from here, the rest from the world. */
export interface ArticleCast {
  people: Person[];
  organisations: Organisation[];
  countries: CountryEntry[];
  agency: string;
  year: number;
  /** Everyday words the article is about, repeated across its sentences. */
  topics: string[];
}

/** How often a mention comes from the article's own cast rather than from the whole world. */
const FROM_CAST = 0.75;
/** How often an everyday word is one of the article's topic words. */
const TOPIC_WORD = 0.35;
/** How often a sentence gets a trailing phrase ("…, amid fears over X"). */
const TAIL = 0.6;

export function castArticle(random: Random, world: NewsWorld, year: number): ArticleCast {
  const people = distinct(random.int(2, 4), () => world.people.draw(random));
  const organisations = distinct(random.int(2, 3), () => world.organisations.draw(random));
  const countries = distinct(random.int(2, 3), () => world.countries.draw(random));
  for (const person of people) if (!countries.includes(person.country)) countries.push(person.country);
  const topics = distinct(random.int(6, 12), () => world.topics.draw(random));
  return { people, organisations, countries, agency: world.agencies.draw(random), year, topics };
}

function distinct<T>(count: number, draw: () => T): T[] {
  const items: T[] = [];
  for (let attempt = 0; items.length < count && attempt < count * 10; attempt++) {
    const item = draw();
    if (!items.includes(item)) items.push(item);
  }
  return items;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Shape = (w: ArticleWriter) => string;

/** Sentence shapes and how often each is used. Most end with an optional tail ({@link ArticleWriter.tail}). */
const SHAPES: ReadonlyArray<readonly [number, Shape]> = [
  [
    3,
    (w) =>
      `${capitalise(w.official())} will visit ${w.country()} from ${w.dateRange()}, ${w.organisation()} said on ${w.weekday()}, aiming to ${w.aim()}.`,
  ],
  [4, (w) => `“${w.quote()},” ${w.mention()} ${w.random.pick(TOLD)} ${w.agency()}.`],
  [4, (w) => w.expertSays()],
  [2, (w) => `${capitalise(w.country())} has ${w.past()} ${w.object()} since ${w.year(-30, 0)}${w.tail()}.`],
  [
    1,
    (w) =>
      `Hours before ${possessive(w.surname())} departure, ${possessive(w.country())} military reported that ${w.country()} fired ${w.random.pick(WEAPONS)} into ${w.random.pick(REGIONS)}.`,
  ],
  [2, (w) => `${w.random.pick(GROUPS)} have ${w.past()} ${w.object()}, fearing that ${w.clause()}.`],
  [
    2,
    (w) =>
      `${capitalise(w.mention())} will stay in ${w.city()} for ${w.random.pick(NUMBER_WORDS)} days before heading to ${w.city()}${w.tail()}.`,
  ],
  [
    2,
    (w) =>
      `Exports of ${w.word()} to ${w.country()} rose ${w.percent()} percent in ${w.month()} from a year earlier, the ${w.random.pick(ORDINALS)} straight month of growth, data from ${w.organisation()} showed.`,
  ],
  [
    2,
    (w) =>
      `${capitalise(w.organisation())} expects ${w.word()} growth of ${w.percent()}% this year, down from ${w.percent()}% in ${w.year(-3, -1)}${w.tail()}.`,
  ],
  [
    2,
    (w) =>
      `${capitalise(w.official())} met ${w.official(1)} in ${w.city()} on ${w.weekday()}, their first meeting since ${w.month()} ${w.year(-6, -1)}${w.tail()}.`,
  ],
  [2, (w) => `About ${w.count()} people attended the ${w.word()} ${w.event()} in ${w.city()}, according to ${w.agency()}.`],
  [
    2,
    (w) =>
      `${capitalise(w.company())} said it would invest ${w.money()} in ${w.word()} and ${w.word()} over the next ${w.random.int(2, 10)} years${w.tail()}.`,
  ],
  [2, (w) => `The talks ended without agreement on ${w.word()} ${w.object()}, ${w.mention()} ${w.random.pick(SAID)}.`],
  [2, (w) => `${capitalise(w.official())} is expected to arrive in ${w.city()} on ${w.weekday()}, ${w.month()} ${w.day()}${w.tail()}.`],
  [2, (w) => `Asked whether ${w.clause()}, ${w.surname()} told reporters “${w.quote()}”.`],
  [2, (w) => `${capitalise(w.country())} and ${w.country()} agreed on ${w.weekday()} to ${w.aim()} by ${w.year(1, 6)}${w.tail()}.`],
  [
    2,
    (w) =>
      `The ${w.word()} ${w.event()} has been delayed for ${w.random.int(2, 18)} months because of a dispute over ${w.word()} ${w.object()}.`,
  ],
  [2, (w) => `In a ${w.weekday()} interview with ${w.agency()}, ${w.mention()} said ${w.clause()}.`],
  [
    2,
    (w) =>
      `Police in ${w.city()} arrested ${w.random.int(3, 400)} people on ${w.weekday()} over the ${w.word()} ${w.event()}, officials said${w.tail()}.`,
  ],
  [2, (w) => `Shares of ${w.company()} fell ${w.percent()}% on ${w.weekday()} after the company cut its ${w.word()} forecast${w.tail()}.`],
  [2, (w) => `The ${w.word()} ${w.event()} will be held in ${w.city()} from ${w.dateRange()}${w.tail()}.`],
  [2, (w) => `${capitalise(w.mention())} has served as ${w.position()} since ${w.year(-12, 0)}${w.tail()}.`],
  [2, (w) => `“${w.quote()}”, said ${w.describedName()}.`],
  [
    2,
    (w) =>
      `${possessive(capitalise(w.country()))} central bank raised its key rate to ${w.percent()}% on ${w.weekday()} to curb inflation driven by ${w.word()} prices.`,
  ],
  [
    1,
    (w) =>
      `Temperatures in ${w.city()} reached ${w.random.int(30, 46)} degrees Celsius on ${w.weekday()}, the highest since ${w.year(-80, -2)}.`,
  ],
  [2, (w) => `${w.surname()} and ${w.surname(1)} last met in ${w.month()} on the sidelines of a ${w.word()} ${w.event()} in ${w.city()}.`],
  [
    1,
    (w) =>
      `${possessive(w.surname())} delegation includes executives from ${w.company()} and ${w.company()}, alongside figures from ${w.word()} and ${w.word()}.`,
  ],
  [
    3,
    (w) =>
      `The ${w.word()} ${w.object()} is seen as a ${w.word()} test for ${w.mention()}, who faces ${w.word()} ${w.word()} at home${w.tail()}.`,
  ],
  [3, (w) => `${w.random.pick(GROUPS)} said the ${w.word()} plan would ${w.aim()} but warned of ${w.word()} ${w.word()}${w.tail()}.`],
  [
    1,
    (w) =>
      `${capitalise(w.country())} remains ${possessive(w.country())} largest trading partner, accounting for ${w.percent()} percent of its ${w.word()} exports.`,
  ],
  [2, (w) => `${capitalise(w.mention())} wants to ${w.aim()} in order to ${w.aim()}.`],
  [2, (w) => `${capitalise(w.organisation())} cancelled the ${w.word()} ${w.event()} because ${w.clause()}.`],
  [2, (w) => `The ${w.word()} ${w.event()} drew ${w.count()} visitors last year, up ${w.percent()}% from ${w.year(-5, -2)}${w.tail()}.`],
  [3, (w) => `${capitalise(w.mention())} ${w.random.pick(SAID)} on ${w.weekday()} that ${w.clause()}, adding that ${w.clause()}.`],
  [1, (w) => `Officials also hope the visit will lead ${w.country()} to ease an unofficial ban on ${w.word()} imports.`],
  [
    3,
    (w) =>
      `The ${w.word()} ${w.word()} of ${w.word()} has ${w.past()} ${w.object()} in ${w.place()} for ${w.random.pick(NUMBER_WORDS)} years${w.tail()}.`,
  ],
  [2, (w) => `${capitalise(w.mention())} arrived in ${w.city()} ${w.when()} for talks on ${w.object()} and ${w.word()} ${w.word()}.`],
  [
    3,
    (w) =>
      `${capitalise(w.passerby())} ${w.random.pick(SAID)} the ${w.word()} had ${w.past()} ${w.word()} and ${w.word()} in ${w.city()}${w.tail()}.`,
  ],
  [
    3,
    (w) =>
      `Many ${w.word()} ${w.word()} in ${w.place()} still depend on ${w.word()}, ${w.word()} and ${w.word()}, ${w.organisation()} ${w.random.pick(SAID)}.`,
  ],
  [
    2,
    (w) =>
      `The ${w.word()} is ${w.random.pick(['one of the', 'among the', 'not the only'])} ${w.word()} ${w.word()} ${w.random.pick(['facing', 'shaping', 'dividing', 'worrying'])} ${w.place()}${w.tail()}.`,
  ],
];

const SAID = ['said', 'says', 'told reporters', 'noted', 'added', 'stressed', 'warned', 'argued', 'said in a statement', 'wrote'];
const TOLD = ['told', 'said in an interview with', 'told a briefing organised by', 'said in remarks to'];
const LINKS = ['amid', 'despite', 'after', 'ahead of', 'following', 'alongside', 'as part of'];

const SHAPE_TOTAL = SHAPES.reduce((sum, [weight]) => sum + weight, 0);

const HEADLINES: readonly Shape[] = [
  (w) => `${w.surname()} visits ${w.country()} seeking ${w.object()} and ${w.word()} ${w.word()}`,
  (w) => `${capitalise(w.country())} and ${w.country()} agree to ${w.aim()}`,
  (w) => `${capitalise(w.company())} shares slide as ${w.word()} ${w.word()} bites`,
  (w) => `${w.random.pick(GROUPS)} warn of ${w.word()} risks after ${w.event()} in ${w.city()}`,
  (w) => `${w.surname()} heads to ${w.city()} for ${w.event()} amid ${w.object()} row`,
  (w) => `What the ${w.word()} ${w.event()} means for ${w.object()}`,
  (w) => `${capitalise(w.word())}, ${w.word()} and the ${w.word()} ${w.word()} of ${w.place()}`,
];

/** Writes the sentences of one article; mentions of people are full on first use, then surnames. */
export class ArticleWriter {
  private readonly mentioned = new Set<Person>();
  /** The people of the sentence being written, so that "X met Y" names two people. */
  private inSentence: Person[] = [];

  constructor(
    readonly random: Random,
    private readonly world: NewsWorld,
    private readonly cast: ArticleCast,
  ) {}

  /** One sentence. */
  sentence(): string {
    this.inSentence = [];
    let target = this.random.next() * SHAPE_TOTAL;
    for (const [weight, shape] of SHAPES) {
      target -= weight;
      if (target < 0) return shape(this);
    }
    return SHAPES[0]![1](this);
  }

  /** A headline: no final punctuation. */
  headline(): string {
    return this.random.pick(HEADLINES)(this);
  }

  /** A person, from the cast mostly; with `others` > 0, one not yet named in this sentence. */
  private castPerson(others = 0): Person {
    for (let attempt = 0; ; attempt++) {
      const person = this.random.chance(FROM_CAST) ? this.random.pick(this.cast.people) : this.world.people.draw(this.random);
      if (others === 0 || attempt > 20 || !this.inSentence.includes(person)) {
        this.inSentence.push(person);
        return person;
      }
    }
  }

  /** A person as news mentions them: title and full name first, surname afterwards. */
  mention(person = this.castPerson()): string {
    if (this.mentioned.has(person)) return person.surname;
    this.mentioned.add(person);
    if (person.title !== null) return `${this.random.chance(0.5) ? `${person.country.adjective} ` : ''}${person.title} ${person.name}`;
    return `${person.role ?? 'official'} ${person.name}`;
  }

  /** A person with a title of office (any person, when the article's cast has no official). */
  official(others = 0): string {
    const officials = this.cast.people.filter((p) => p.title !== null && (others === 0 || !this.inSentence.includes(p)));
    const person = officials.length > 0 && this.random.chance(FROM_CAST) ? this.random.pick(officials) : this.castPerson(others);
    this.inSentence.push(person);
    return this.mention(person);
  }

  surname(others = 0): string {
    return this.castPerson(others).surname;
  }

  /** "Kim Min-jun, senior fellow at the Seoul Institute, said …". */
  expertSays(): string {
    const person = this.castPerson();
    this.mentioned.add(person);
    const role =
      person.role !== null
        ? `${person.role} at ${person.organisation.name}`
        : `${person.country.adjective} ${(person.title ?? 'official').toLowerCase()}`;
    return `${person.name}, ${role}, ${this.random.pick(SAID)} ${this.clause()}.`;
  }

  /** "presidential adviser Wi Sung-lac". */
  describedName(): string {
    const person = this.castPerson();
    this.mentioned.add(person);
    return `${person.role ?? person.title ?? 'official'} ${person.name}`;
  }

  position(): string {
    const person = this.castPerson();
    return person.title !== null ? person.title.toLowerCase() : `${person.role ?? 'adviser'} at ${person.organisation.name}`;
  }

  country(): string {
    return this.castCountry().name;
  }

  private castCountry(): CountryEntry {
    return this.random.chance(FROM_CAST) ? this.random.pick(this.cast.countries) : this.world.countries.draw(this.random);
  }

  city(): string {
    return this.random.pick(this.castCountry().cities);
  }

  place(): string {
    const roll = this.random.next();
    if (roll < 0.4) return this.city();
    if (roll < 0.8) return this.country();
    return this.random.pick(REGIONS);
  }

  organisation(): string {
    const organisation = this.random.chance(FROM_CAST)
      ? this.random.pick(this.cast.organisations)
      : this.world.organisations.draw(this.random);
    return organisation.name;
  }

  company(): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const organisation = this.world.organisations.draw(this.random);
      if (organisation.kind === 'company') return organisation.name;
    }
    return 'Hanbit Motors';
  }

  agency(): string {
    return this.random.chance(0.6) ? this.cast.agency : this.world.agencies.draw(this.random);
  }

  /** An everyday word: one of the article's topics, or drawn by its frequency in English. */
  word(): string {
    return this.random.chance(TOPIC_WORD) ? this.random.pick(this.cast.topics) : this.world.filler.draw(this.random);
  }

  /** An optional trailing phrase, with its leading comma: ", amid growing fears over pensions". */
  tail(): string {
    if (!this.random.chance(TAIL)) return '';
    switch (this.random.int(0, 4)) {
      case 0:
        return `, ${this.random.pick(LINKS)} ${this.word()} ${this.random.pick(['fears', 'concerns', 'hopes', 'debate', 'calls'])} over ${this.word()} and ${this.word()}`;
      case 1:
        return `, ${this.when()}`;
      case 2:
        return `, according to ${this.agency()}`;
      case 3:
        return ` as ${this.word()} ${this.word()} ${this.past()} ${this.object()} in ${this.place()}`;
      default:
        return `, a ${this.word()} ${this.word()} for ${this.organisation()}`;
    }
  }

  /** Someone quoted once: "a resident, Kim Ha-na," / "Sarah Collins, a local nurse,". */
  passerby(): string {
    const country = this.castCountry();
    const { name } = passerby(this.random, country);
    const who = `${this.random.pick(['local', 'retired', 'young', 'veteran', 'part-time', 'former'])} ${this.word()} ${this.random.pick(['worker', 'owner', 'teacher', 'trader', 'farmer', 'student', 'resident', 'driver', 'nurse', 'seller'])}`;
    return this.random.chance(0.5) ? `${name}, a ${who} in ${this.random.pick(country.cities)},` : `a ${who}, ${name},`;
  }

  event(): string {
    return this.random.pick(EVENTS);
  }

  object(): string {
    return this.random.pick(NEWS_OBJECTS);
  }

  past(): string {
    return this.random.pick(ACTIONS)[1];
  }

  /** "strengthen economic cooperation", "ease tensions over fishing". */
  aim(): string {
    const [verb] = this.random.pick(ACTIONS);
    const tail = this.random.chance(0.35) ? ` over ${this.word()}` : this.random.chance(0.2) ? ` with ${this.country()}` : '';
    return `${verb} ${this.object()}${tail}`;
  }

  clause(): string {
    switch (this.random.int(0, 5)) {
      case 0:
        return `${this.country()} would ${this.aim()}`;
      case 1:
        return `the ${this.word()} ${this.object()} remained a ${this.word()} concern`;
      case 2:
        return `${this.organisation()} had ${this.past()} ${this.object()}`;
      case 3:
        return `${this.mention()} could ${this.aim()} ${this.when()}`;
      case 4:
        return `${this.random.pick(['touchy', 'sensitive', 'thorny', 'divisive'])} topics such as ${this.word()} might ${this.random.pick(['anger', 'upset', 'alarm', 'provoke'])} ${this.city()}`;
      default:
        return `talks on ${this.object()} would resume ${this.when()}`;
    }
  }

  quote(): string {
    switch (this.random.int(0, 5)) {
      case 0:
        return `We will ${this.aim()} with ${this.country()}`;
      case 1:
        return `There is still a ${this.word()} chance to ${this.aim()}`;
      case 2:
        return `This is a ${this.word()} moment for ${this.country()}`;
      case 3:
        return `Taking sides only worsens ${this.object()}`;
      case 4:
        return `We cannot ${this.random.pick(ACTIONS)[0]} ${this.object()} without ${this.word()}`;
      default:
        return `Our ${this.word()} and our ${this.word()} are not negotiable`;
    }
  }

  /** A time expression as news writes them. */
  when(): string {
    switch (this.random.int(0, 7)) {
      case 0:
        return `on ${this.weekday()}`;
      case 1:
        return `in ${this.month()}`;
      case 2:
        return `next ${this.random.pick(['week', 'month', 'year'])}`;
      case 3:
        return `last ${this.random.pick(['week', 'month', 'year'])}`;
      case 4:
        return `on ${this.month()} ${this.day()}`;
      case 5:
        return `by ${this.year(1, 8)}`;
      case 6:
        return `within ${this.random.pick(NUMBER_WORDS)} weeks`;
      default:
        return `in ${this.month()} ${this.year(-2, 1)}`;
    }
  }

  dateRange(): string {
    const start = this.random.int(1, 24);
    return `${this.month()} ${start} to ${start + this.random.int(1, 5)}`;
  }

  month(): string {
    return this.random.pick(MONTHS);
  }

  weekday(): string {
    return this.random.pick(WEEKDAYS);
  }

  day(): number {
    return this.random.int(1, 28);
  }

  year(from: number, to: number): number {
    return this.cast.year + this.random.int(from, to);
  }

  percent(): string {
    return `${this.random.int(0, 14)}.${this.random.int(0, 9)}`;
  }

  count(): string {
    return this.random.chance(0.5)
      ? `${this.random.int(2, 99)},${String(this.random.int(0, 999)).padStart(3, '0')}`
      : String(this.random.int(120, 990));
  }

  money(): string {
    return this.random.chance(0.6)
      ? `$${this.random.int(1, 40)}.${this.random.int(1, 9)} billion`
      : `${this.random.int(2, 900)} billion won`;
  }
}
