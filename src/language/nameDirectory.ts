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
  /** Full names by their letters alone, built on first use. */
  private byCompactForm: Map<string, string> | undefined;

  /** A directory of the people given in full (with how often), as `people()` returns them. */
  static fromPeople(people: Iterable<readonly [string, number]>): NameDirectory {
    const directory = new NameDirectory();
    for (const [fullKey, count] of people) directory.addPerson(fullKey, count);
    return directory;
  }

  /** Records the full names of people among a sentence's names (found without a directory). */
  addMentions(entities: readonly Entity[]): void {
    for (const entity of entities) {
      if (entity.type === 'person' && entity.firstToken < entity.lastToken) this.addPerson(entity.key, 1);
    }
  }

  /** The full names with how often each occurs: what it takes to rebuild the directory. */
  people(): Array<[string, number]> {
    return [...this.fullNames];
  }

  private addPerson(fullKey: string, count: number): void {
    this.byCompactForm = undefined;
    this.fullNames.set(fullKey, (this.fullNames.get(fullKey) ?? 0) + count);
    const words = fullKey.split(' ');
    for (const short of new Set([words[0]!, words[words.length - 1]!])) {
      const counts = this.shortForms.get(short) ?? new Map<string, number>();
      counts.set(fullKey, (counts.get(fullKey) ?? 0) + count);
      this.shortForms.set(short, counts);
      this.shortFormSet.add(short);
    }
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
    if (this.byCompactForm === undefined) {
      this.byCompactForm = new Map();
      for (const name of this.fullNames.keys()) {
        const compact = compactName(name);
        if (!this.byCompactForm.has(compact)) this.byCompactForm.set(compact, name);
      }
    }
    return this.byCompactForm.get(compactKey);
  }

  /** The key under which a mention is linked: the full name it most likely stands for. */
  canonical(key: string): string {
    return this.fullNamesFor(key)[0] ?? key;
  }
}

/** A name's letters alone, for comparing names written with other spaces or hyphens. */
export function compactName(name: string): string {
  return name.replace(/[\s'-]+/g, '');
}
