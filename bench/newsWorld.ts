/**
 * The fixed "world" the synthetic news is about: a few thousand people (officials and experts) with
 * names from four naming traditions, organisations, countries and cities, and Zipf-like popularity
 * so that a few figures make most of the news, as in a real archive. Deterministic from the seed.
 */
import { Random, WeightedSampler } from './random.js';
import {
  BRAND_STEMS,
  CHINESE_SURNAMES,
  CHINESE_SYLLABLES,
  COMPANY_SUFFIXES,
  COUNTRIES,
  DOMAINS,
  EXPERT_ROLES,
  GOVERNMENT_TITLES,
  JAPANESE_GIVEN_NAMES,
  JAPANESE_SURNAMES,
  KOREAN_SURNAMES,
  KOREAN_SYLLABLES,
  loadFillerWords,
  NEWS_AGENCIES,
  WESTERN_FIRST_NAMES,
  WESTERN_LAST_NAMES,
  type CountryEntry,
} from './vocabulary.js';

export interface Person {
  /** Full name as news writes it ("Lee Jae-myung", "Fumio Kishida", "Sarah Collins"). */
  name: string;
  /** The name used on later mentions. */
  surname: string;
  country: CountryEntry;
  /** A title of office before the name ("Foreign Minister"), for officials. */
  title: string | null;
  /** A role after the name ("senior fellow"), for experts; with `organisation`. */
  role: string | null;
  organisation: Organisation;
}

export interface Organisation {
  /** As written mid-sentence: "the Ministry of Finance", "Hanbit Motors". */
  name: string;
  kind: 'company' | 'ministry' | 'university' | 'institute' | 'agency';
  country: CountryEntry;
}

export interface NewsWorld {
  people: WeightedSampler<Person>;
  organisations: WeightedSampler<Organisation>;
  countries: WeightedSampler<CountryEntry>;
  agencies: WeightedSampler<string>;
  /** Everyday words by their frequency in English (a little flattened). */
  filler: WeightedSampler<string>;
  /** Everyday words drawn much flatter: what an article is about, reused within it. */
  topics: WeightedSampler<string>;
}

const PEOPLE_PER_TRADITION = 1_500;
const ORGANISATIONS = 1_200;

type Tradition = 'korean' | 'chinese' | 'japanese' | 'western';

function traditionOf(country: CountryEntry): Tradition {
  if (country.name.endsWith('Korea')) return 'korean';
  if (['China', 'Taiwan', 'Singapore'].includes(country.name)) return 'chinese';
  if (country.name === 'Japan') return 'japanese';
  return 'western';
}

/** A full name and the surname used on later mentions. */
function personName(random: Random, tradition: Tradition): { name: string; surname: string } {
  switch (tradition) {
    case 'korean': {
      const surname = random.pick(KOREAN_SURNAMES);
      const given = `${random.pick(KOREAN_SYLLABLES)}-${random.pick(KOREAN_SYLLABLES).toLowerCase()}`;
      return { name: `${surname} ${given}`, surname };
    }
    case 'chinese': {
      const surname = random.pick(CHINESE_SURNAMES);
      const given = random.chance(0.3)
        ? random.pick(CHINESE_SYLLABLES)
        : `${random.pick(CHINESE_SYLLABLES)}${random.pick(CHINESE_SYLLABLES).toLowerCase()}`;
      return { name: `${surname} ${given}`, surname };
    }
    case 'japanese': {
      const surname = random.pick(JAPANESE_SURNAMES);
      return { name: `${random.pick(JAPANESE_GIVEN_NAMES)} ${surname}`, surname };
    }
    case 'western': {
      const surname = random.pick(WESTERN_LAST_NAMES);
      return { name: `${random.pick(WESTERN_FIRST_NAMES)} ${surname}`, surname };
    }
  }
}

function makeOrganisation(random: Random, country: CountryEntry): Organisation {
  const city = random.pick(country.cities);
  const roll = random.next();
  if (roll < 0.45) {
    return { name: `${random.pick(BRAND_STEMS)} ${random.pick(COMPANY_SUFFIXES)}`, kind: 'company', country };
  }
  if (roll < 0.65) {
    const domain = random.pick(DOMAINS);
    const name = random.chance(0.5) ? `the ${country.adjective} Ministry of ${domain}` : `${possessive(country.name)} ${domain} Ministry`;
    return { name, kind: 'ministry', country };
  }
  if (roll < 0.85) {
    const name = random.pick([
      `${city} National University`,
      `the University of ${city}`,
      `${random.pick(BRAND_STEMS)} University`,
      `${city} University of Foreign Studies`,
      `the ${city} Institute of Technology`,
    ]);
    return { name, kind: 'university', country };
  }
  const name = random.pick([
    `the ${country.adjective} Institute for ${random.pick(DOMAINS)} Studies`,
    `the ${random.pick(BRAND_STEMS)} Institute`,
    `the ${city} Centre for ${random.pick(DOMAINS)} Policy`,
    `the ${random.pick(DOMAINS)} Research Council`,
  ]);
  return { name, kind: 'institute', country };
}

/** "China" → "China’s"; "the United States" → "the United States’". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

/** A person mentioned once ("a resident, Kim Ha-na"), not one of the world's regulars. */
export function passerby(random: Random, country: CountryEntry): { name: string; surname: string } {
  return personName(random, traditionOf(country));
}

/** Builds the world for a seed. Popularity is Zipf-like over a shuffled order. */
export function buildNewsWorld(seed: number): NewsWorld {
  const random = new Random(seed);
  const countries = random.sample(COUNTRIES, COUNTRIES.length);
  // Countries in the seed story's region lead the news, the rest follow in shuffled order.
  const leading = ['South Korea', 'China', 'Japan', 'North Korea', 'the United States', 'Taiwan'];
  countries.sort((a, b) => rankOf(leading, a.name) - rankOf(leading, b.name));
  const countrySampler = WeightedSampler.zipf(countries, 0.9);

  const organisations: Organisation[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) organisations.push(makeOrganisation(random, countrySampler.draw(random)));
  for (const agency of NEWS_AGENCIES) organisations.push({ name: agency, kind: 'agency', country: countries[0]! });
  const organisationSampler = WeightedSampler.zipf(random.sample(organisations, organisations.length), 0.8);

  const people: Person[] = [];
  const byTradition = new Map<Tradition, number>();
  const seen = new Set<string>();
  let attempts = 0;
  while (people.length < PEOPLE_PER_TRADITION * 4 && attempts++ < PEOPLE_PER_TRADITION * 40) {
    const country = countrySampler.draw(random);
    const tradition = traditionOf(country);
    if ((byTradition.get(tradition) ?? 0) >= PEOPLE_PER_TRADITION) {
      // Fill the other traditions with countries that have them.
      continue;
    }
    const { name, surname } = personName(random, tradition);
    if (seen.has(name)) continue;
    seen.add(name);
    byTradition.set(tradition, (byTradition.get(tradition) ?? 0) + 1);
    const official = random.chance(0.45);
    const organisation = organisationSampler.draw(random);
    people.push({
      name,
      surname,
      country,
      title: official ? random.pick(GOVERNMENT_TITLES) : null,
      role: official ? null : random.pick(EXPERT_ROLES),
      organisation,
    });
  }

  const filler = loadFillerWords();
  return {
    people: WeightedSampler.zipf(people, 0.75),
    organisations: organisationSampler,
    countries: countrySampler,
    agencies: WeightedSampler.zipf(NEWS_AGENCIES, 0.7),
    filler: new WeightedSampler(
      filler.words,
      filler.counts.map((count) => Math.pow(count, 0.7)),
    ),
    topics: new WeightedSampler(
      filler.words,
      filler.counts.map((count) => Math.pow(count, 0.35)),
    ),
  };
}

function rankOf(leading: readonly string[], name: string): number {
  const index = leading.indexOf(name);
  return index === -1 ? leading.length : index;
}
