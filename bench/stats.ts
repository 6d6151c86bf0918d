/** Summaries of timings: percentiles (nearest rank) and medians. */

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(values: readonly number[]): LatencySummary {
  return { p50: percentile(values, 50), p99: percentile(values, 99), max: percentile(values, 100), mean: mean(values) };
}

/** The median of each field over repeated passes. */
export function medianSummary(passes: readonly LatencySummary[]): LatencySummary {
  return {
    p50: median(passes.map((p) => p.p50)),
    p99: median(passes.map((p) => p.p99)),
    max: median(passes.map((p) => p.max)),
    mean: median(passes.map((p) => p.mean)),
  };
}
