import type { Entity } from './entities.js';

/**
 * The people the corpus names in full, and the short forms it uses for them afterwards, as news
 * style does: "Lee Jae Myung" first, then "Lee". Built from the corpus itself, so that "Lee" and
 * "Lee Jae Myung", "Xi" and "Xi Jinping" are one person when searching and answering.
 */
export class NameDirectory {
  /** Short form → full names that use it, with how often each full name occurs. */
  private readonly shortForms = new Map<string, Map<string, number>>();
  /** Full name → how often the corpus gives it. */
  private readonly fullNames = new Map<string, number>();
  private readonly shortFormSet = new Set<string>();
  /** Full names by their letters alone (the first one given, when two share their letters). */
  private readonly byCompactForm = new Map<string, string>();

  /** A directory of the people given in full (with how often), as `people()` returns them. */
  static fromPeople(people: Iterable<readonly [string, number]>): NameDirectory {
    const directory = new NameDirectory();
    directory.addPeople(people);
    return directory;
  }

  /** Adds people given in full (with how often), as `people()` returns them. */
  addPeople(people: Iterable<readonly [string, number]>): void {
    for (const [fullKey, count] of people) this.addPerson(fullKey, count);
  }

  /** Records the full names of people among a sentence's names (found without a directory). */
  addMentions(entities: readonly Entity[]): void {
    for (const key of peopleNamedInFull(entities)) this.addPerson(key, 1);
  }

  /**
   * Takes back people given in full (with how often), as `people()` returns them: what an article
   * that leaves the corpus had added. A name no longer given anywhere stops standing for anyone.
   */
  removePeople(people: Iterable<readonly [string, number]>): void {
    for (const [fullKey, count] of people) {
      const known = this.fullNames.get(fullKey);
      if (known === undefined) continue;
      if (known > count) this.fullNames.set(fullKey, known - count);
      else {
        this.fullNames.delete(fullKey);
        const compact = compactName(fullKey);
        if (this.byCompactForm.get(compact) === fullKey) this.byCompactForm.delete(compact);
      }
      for (const short of shortFormsOf(fullKey)) this.removeShortForm(short, fullKey, count);
    }
  }

  /** The full names with how often each occurs: what it takes to rebuild the directory. */
  people(): Array<[string, number]> {
    return [...this.fullNames];
  }

  private addPerson(fullKey: string, count: number): void {
    const known = this.fullNames.get(fullKey);
    this.fullNames.set(fullKey, (known ?? 0) + count);
    if (known === undefined) {
      const compact = compactName(fullKey);
      if (!this.byCompactForm.has(compact)) this.byCompactForm.set(compact, fullKey);
    }
    for (const short of shortFormsOf(fullKey)) this.addShortForm(short, fullKey, count);
  }

  private removeShortForm(short: string, fullKey: string, count: number): void {
    const counts = this.shortForms.get(short);
    const known = counts?.get(fullKey);
    if (counts === undefined || known === undefined) return;
    if (known > count) counts.set(fullKey, known - count);
    else counts.delete(fullKey);
    if (counts.size === 0) {
      this.shortForms.delete(short);
      this.shortFormSet.delete(short);
    }
  }

  private addShortForm(short: string, fullKey: string, count: number): void {
    let counts = this.shortForms.get(short);
    if (counts === undefined) {
      counts = new Map<string, number>();
      this.shortForms.set(short, counts);
      this.shortFormSet.add(short);
    }
    counts.set(fullKey, (counts.get(fullKey) ?? 0) + count);
  }

  /** Single words that stand for a person named in full somewhere in the corpus. */
  get knownPeople(): ReadonlySet<string> {
    return this.shortFormSet;
  }

  /** The full names a key may stand for: itself if it is one, else those most often shortened to it. */
  fullNamesFor(key: string): string[] {
    if (this.fullNames.has(key)) return [key];
    const counts = this.shortForms.get(key);
    if (counts === undefined) return [];
    const best = Math.max(...counts.values());
    return [...counts].filter(([, n]) => n === best).map(([name]) => name);
  }

  /** The full name written with other spacing or hyphens: "lee jae mook" → "lee jae-mook". */
  fullNameByCompactForm(compactKey: string): string | undefined {
    return this.byCompactForm.get(compactKey);
  }

  /** The key under which a mention is linked: the full name it most likely stands for. */
  canonical(key: string): string {
    return this.fullNamesFor(key)[0] ?? key;
  }
}

/** The full names of people among a sentence's names: a person named by more than one word. */
export function peopleNamedInFull(entities: readonly Entity[]): string[] {
  return entities.filter((e) => e.type === 'person' && e.firstToken < e.lastToken).map((e) => e.key);
}

/** The words a full name is shortened to in news style: its first and its last ("Lee", "Myung"). */
function shortFormsOf(fullKey: string): string[] {
  const space = fullKey.indexOf(' ');
  const first = space === -1 ? fullKey : fullKey.slice(0, space);
  const last = fullKey.slice(fullKey.lastIndexOf(' ') + 1);
  return last === first ? [first] : [first, last];
}

/** A name's letters alone, for comparing names written with other spaces or hyphens. */
export function compactName(name: string): string {
  return name.replace(/[\s'-]+/g, '');
}
