/** Reading `--name value` flags of the benchmark's scripts. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function readStringFlag(argv: readonly string[], name: string, fallback: string): string {
  const index = argv.indexOf(name);
  if (index === -1) return fallback;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

export function readOptionalStringFlag(argv: readonly string[], name: string): string | null {
  return argv.includes(name) ? readStringFlag(argv, name, '') : null;
}

/** A whole number flag; "1e6" and "1_000_000" are accepted. */
export function readNumberFlag(argv: readonly string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(readStringFlag(argv, name, '').replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number, not "${argv[index + 1] ?? ''}"`);
  return value;
}

/** True when the module with this URL is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
