/** What every part of the benchmark hands back: a table to print, targets with a verdict, notes, and raw figures. */
export interface Table {
  headers: string[];
  rows: Array<Array<string | number>>;
}

export interface Target {
  name: string;
  /** null: could not be judged (e.g. the case could not run). */
  met: boolean | null;
  detail: string;
}

export interface PartResult {
  name: string;
  title: string;
  /** How the figures were taken, in a sentence or two (printed under the table). */
  method: string;
  tables: Array<{ caption?: string } & Table>;
  targets: Target[];
  notes: string[];
  data: unknown;
  seconds: number;
}

export interface PartOptions {
  quick: boolean;
  root: string;
  log: (line: string) => void;
}

/** Nearest-rank percentile of an unsorted list (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(values: readonly number[]): Summary {
  const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values), mean };
}

/**
 * A 95 % bootstrap interval of `stat(a, b)`: each sample resampled with replacement `rounds` times (a fixed seed, so the
 * same data give the same interval).
 */
function bootstrapInterval(a: readonly number[], b: readonly number[], stat: (a: readonly number[], b: readonly number[]) => number, rounds: number): { low: number; high: number } {
  let seed = 0x2545f491;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const resample = (xs: readonly number[]) => Array.from({ length: xs.length }, () => xs[Math.floor(rand() * xs.length)]!);
  const values: number[] = [];
  for (let i = 0; i < rounds; i++) values.push(stat(resample(a), resample(b)));
  return { low: percentile(values, 2.5), high: percentile(values, 97.5) };
}

/** A 95 % bootstrap interval for the difference of two samples' p-th percentiles (a − b). */
export function percentileDiffInterval(a: readonly number[], b: readonly number[], p: number, rounds = 2000): { low: number; high: number } {
  return bootstrapInterval(a, b, (x, y) => percentile(x, p) - percentile(y, p), rounds);
}

/**
 * A 95 % bootstrap interval for the ratio of two samples' medians (a ÷ b): how far a ratio the bench reports could
 * move from one run to the next on the same machine, so a figure near its target is read as such.
 */
export function medianRatioInterval(a: readonly number[], b: readonly number[], rounds = 2000): { low: number; high: number } {
  return bootstrapInterval(a, b, (x, y) => median(x) / median(y), rounds);
}

export function ms(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}

export function ratio(a: number, b: number): string {
  return b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '–';
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
