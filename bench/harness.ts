// Bench helpers: best-of-N timing and a plain-text table. Benchmarks report ratios against a baseline
// measured in the same run, because these machines are shared and absolute times drift.
import { performance } from 'node:perf_hooks';

export interface BenchLine {
  section: string;
  name: string;
  rows?: number;
  ms: number;
  rowsPerSec?: number;
  /** e.g. "2.1× baseline" */
  ratio?: string;
  note?: string;
  extra?: Record<string, number | string>;
}

/** Best of `runs` timings in ms (the least disturbed by other load). */
export function timeBest(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** timeBest for work that completes asynchronously (DuckDB queries). */
export async function timeBestAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function rate(rows: number, ms: number): number {
  return rows / (ms / 1000);
}

export function fmtRate(r: number): string {
  return r >= 1e6 ? `${(r / 1e6).toFixed(1)} M/s` : r >= 1e3 ? `${(r / 1e3).toFixed(1)} k/s` : `${r.toFixed(0)} /s`;
}

export function printTable(lines: BenchLine[]): string {
  const head = ['section', 'what', 'rows', 'time', 'rows/s', 'ratio', 'note'];
  const body = lines.map((l) => [
    l.section,
    l.name,
    l.rows?.toLocaleString('en-US') ?? '',
    `${l.ms.toFixed(1)} ms`,
    l.rowsPerSec !== undefined ? fmtRate(l.rowsPerSec) : '',
    l.ratio ?? '',
    l.note ?? '',
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const row = (cells: string[]) => cells.map((x, c) => x.padEnd(widths[c]!)).join('  ').trimEnd();
  return [row(head), row(widths.map((w) => '-'.repeat(w))), ...body.map(row)].join('\n');
}

/** Deterministic PRNG (mulberry32), so every run grades the same customers: the sample generator's own. */
export { mulberry32 as prng } from '../scripts/sample/random.ts';
