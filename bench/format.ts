/** How figures are written in the results table. */

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** Bytes in MB (10^6), as the reference table writes them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const mb = bytes / 1e6;
  if (mb >= 1000) return `${(mb / 1000).toFixed(2)} GB`;
  return `${mb >= 100 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** "0.42×": ours as a multiple of plain MiniSearch. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  return `${ratio.toPrecision(2)}×`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
