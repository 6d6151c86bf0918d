import { ELLIPSIS, truncate } from '../answer/truncate.js';

/** The core's truncator (one for the whole bot), and what Discord's messages need besides. */
export { ELLIPSIS, truncate };

/**
 * Joins lines until the next one would pass `max`, then ends with `more(hidden)` (e.g. "…and 3 more"),
 * itself counted inside `max`. A first line too long on its own is truncated.
 */
export function joinLinesWithin(lines: readonly string[], max: number, more: (hidden: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const hidden = lines.length - i - 1;
    const tail = hidden > 0 ? 1 + more(hidden).length : 0;
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added + tail > max) {
      if (kept.length === 0) return truncate(line, max);
      const note = more(lines.length - i);
      return `${kept.join('\n')}\n${note}`.slice(0, max);
    }
    kept.push(line);
    length += added;
  }
  return kept.join('\n');
}
