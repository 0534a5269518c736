// The thresholds a scheme can move, and what moving one does to a tier's head count. Every tier but the last
// is a condition tried best first (rules mode: the rule; points mode: score ≥ the tier's minimum); a tier's
// thresholds are the comparisons in its condition. Counting uses the grading's own compare(), so the
// counts here are the counts grade() gives (the advisor checks its final answer with grade() itself).
import { compare } from '../grading/conditions.ts';
import type { Comparison, Condition, Operator, Scheme } from '../scheme/schema.ts';
import type { Unit } from '../scheme/metrics.ts';
import { metricSpec } from '../grading/table.ts';

/** One movable threshold: a comparison in tier `tier`'s condition. */
export interface Threshold {
  tier: number;
  metric: string;
  op: Exclude<Operator, '=' | 'between'>;
  unit: Unit;
  current: number;
  /** Where the comparison sits in the tier's condition tree (child indexes). */
  path: number[];
}

/** The points mode's score, as a column the conditions can read. */
export const SCORE_METRIC = '__score';

/** The conditions of every tier but the last, as the grading tries them. */
export function tierConditions(scheme: Scheme): Condition[] {
  const mode = scheme.mode;
  if (mode.kind === 'rules') return mode.rules.map((r) => r.when);
  if (mode.kind === 'points') return mode.tierBands.map((b) => ({ metric: SCORE_METRIC, op: '>=', value: b.minScore }));
  return [];
}

function leaves(c: Condition, path: number[], out: { leaf: Comparison; path: number[] }[]): void {
  if ('all' in c || 'any' in c) ('all' in c ? c.all : c.any).forEach((x, i) => leaves(x, [...path, i], out));
  else out.push({ leaf: c, path });
}

/** The movable thresholds of each tier (= and between stay as written). */
export function thresholdsOf(scheme: Scheme): Threshold[][] {
  return tierConditions(scheme).map((cond, tier) => {
    const found: { leaf: Comparison; path: number[] }[] = [];
    leaves(cond, [], found);
    return found.flatMap(({ leaf, path }) =>
      leaf.op === '=' || leaf.op === 'between'
        ? []
        : [{ tier, metric: leaf.metric, op: leaf.op, unit: leaf.metric === SCORE_METRIC ? 'score' : metricSpec(scheme, leaf.metric).unit, current: leaf.value, path }],
    );
  });
}

/** A condition with one comparison's value replaced. */
export function withValue(c: Condition, path: readonly number[], value: number): Condition {
  if (path.length === 0) return { ...(c as Comparison), value };
  const [i, ...rest] = path;
  if ('all' in c) return { all: c.all.map((x, j) => (j === i ? withValue(x, rest, value) : x)) };
  if ('any' in c) return { any: c.any.map((x, j) => (j === i ? withValue(x, rest, value) : x)) };
  return c;
}

/** The scheme with the given tier conditions written back (rules: each rule's `when`; points: minScore). */
export function schemeWith(scheme: Scheme, conditions: readonly Condition[]): Scheme {
  const mode = scheme.mode;
  if (mode.kind === 'rules') return { ...scheme, mode: { ...mode, rules: mode.rules.map((r, k) => ({ ...r, when: conditions[k]! })) } };
  if (mode.kind === 'points')
    return { ...scheme, mode: { ...mode, tierBands: mode.tierBands.map((b, k) => ({ ...b, minScore: (conditions[k] as Comparison).value })) } };
  return scheme;
}

type RowTest = (i: number, forcedTo: boolean) => boolean;

/** The condition as a test of row i, with the comparison at `forced` (if any) taken as `forcedTo`; built once per pass. */
function compile(c: Condition, cols: Readonly<Record<string, Float64Array>>, forced: readonly number[] | null, path: number[] = []): RowTest {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map((x, j) => compile(x, cols, forced, [...path, j]));
    const every = 'all' in c;
    return (i, f) => {
      for (const p of parts) if (p(i, f) !== every) return !every;
      return every;
    };
  }
  if (forced && path.length === forced.length && path.every((p, j) => p === forced[j])) return (_i, f) => f;
  const col = cols[c.metric]!;
  return (i) => compare(col[i]!, c);
}

/** The rows of `open` that do not meet the condition (those left for the tiers below). */
export function notMeeting(c: Condition, cols: Readonly<Record<string, Float64Array>>, open: readonly number[]): number[] {
  const test = compile(c, cols, null);
  return open.filter((i) => !test(i, false));
}

/**
 * How a tier's head count answers to one threshold, the others fixed: rows that qualify whatever its
 * value (`always`), and the values of the rows whose qualifying it decides, sorted.
 */
export interface Response {
  op: Threshold['op'];
  always: number;
  values: Float64Array;
}

export function responseOf(cond: Condition, t: Pick<Threshold, 'path' | 'metric' | 'op'>, cols: Readonly<Record<string, Float64Array>>, open: readonly number[]): Response {
  let always = 0;
  const decided: number[] = [];
  const x = cols[t.metric]!;
  const test = compile(cond, cols, t.path);
  for (const i of open) {
    if (test(i, false)) always++;
    else if (test(i, true)) decided.push(x[i]!);
  }
  return { op: t.op, always, values: Float64Array.from(decided).sort() };
}

/** First index whose value is ≥ v (or > v when strict). */
function bound(a: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? a[mid]! > v : a[mid]! >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Rows that qualify with the threshold at v: compare(x, {op, value: v}) for each decided row. */
export function countAt(r: Response, v: number): number {
  const a = r.values;
  switch (r.op) {
    case '>=':
      return r.always + a.length - bound(a, v, false);
    case '>':
      return r.always + a.length - bound(a, v, true);
    case '<=':
      return r.always + bound(a, v, true);
    case '<':
      return r.always + bound(a, v, false);
  }
}

/** Whether raising the threshold lets fewer rows in. */
export const tightensUp = (op: Threshold['op']): boolean => op === '>=' || op === '>';
