// fast-check arbitraries for the SQL equivalence properties: random schemes of every mode over small tables
// whose values come from a short list the thresholds also use (so ties and values at thresholds are common).
import fc from 'fast-check';
import { parseScheme, type Condition, type Scheme, type SchemeInput } from '../../../src/core/index.ts';
import type { Cell, Dataset } from './duckdb.ts';
import { L } from '../../support/schemes.ts';

const VALUES = [-1, 0, 0.1, 0.2, 0.30000000000000004, 0.3, 1, 2, 2.5, 3, 5, 7, 10, 100, 1e-7, 123456.789] as const;
const value = fc.constantFrom(...VALUES);

/** User metrics a, b, c, and the built-ins average order value is derived from. */
const METRICS = ['a', 'b', 'c', 'annualSpend', 'orderCount', 'avgOrderValue'] as const;
const metric = fc.constantFrom(...METRICS);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 8, arbitrary: value },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('n/a') },
);
const IDS = ['1', '01', '1.0', '1.00', '2', '9', '10', '010', '1.5', '.5', '5.', '1e3', '-1', 'a', 'A', 'b', 'C1', 'c1', 'é', 'Ｃ１', '１', ''];

function dataset(rows: number): fc.Arbitrary<Dataset> {
  return fc.record({
    ids: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: rows, maxLength: rows }),
    metrics: fc.record(Object.fromEntries(METRICS.map((m) => [m, fc.array(cell, { minLength: rows, maxLength: rows })])) as Record<string, fc.Arbitrary<Cell[]>>),
  });
}
export const table = fc.integer({ min: 1, max: 18 }).chain(dataset);

/** Criteria for every metric: blank policy and valid range at random. */
const criteria = fc.tuple(
  ...METRICS.map((m) =>
    fc.record({ missing: fc.constantFrom('zero', 'unrated'), range: fc.option(fc.tuple(value, value), { nil: undefined }) }).map(({ missing, range }) => ({
      metric: m,
      label: L(m),
      unit: 'number' as const,
      missing,
      ...(range ? { min: Math.min(...range), max: Math.max(...range) } : {}),
    })),
  ),
);

const comparison: fc.Arbitrary<Condition> = fc
  .record({ metric, op: fc.constantFrom('>=', '>', '<=', '<', '=', 'between'), value, max: value })
  .map(({ metric, op, value, max }) => (op === 'between' ? { metric, op, value: Math.min(value, max), max: Math.max(value, max) } : { metric, op, value }));
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
  ),
})).c;

const tierIds = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);
const tiers = (n: number) => tierIds(n).map((id) => ({ id, label: L(id), color: '#123456' }));

export const rules: fc.Arbitrary<SchemeInput['mode']> = fc
  .array(condition, { minLength: 1, maxLength: 3 })
  .map((cs) => ({ kind: 'rules', rules: cs.map((when, i) => ({ tier: `t${i + 1}`, when })) }));

const band = fc
  .record({ min: fc.option(value, { nil: undefined }), max: fc.option(value, { nil: undefined }), points: fc.constantFrom(0, 10, 33.3, 50, 66.7, 100) })
  .filter((b) => b.min === undefined || b.max === undefined || b.min < b.max)
  .map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as { points: number; min?: number; max?: number });
export const points: fc.Arbitrary<SchemeInput['mode']> = fc
  .record({
    criteria: fc.uniqueArray(
      fc.record({ metric, weight: fc.constantFrom(0.1, 0.2, 0.25, 0.3, 1, 1 / 3, 2), bands: fc.array(band, { minLength: 1, maxLength: 3 }) }),
      { minLength: 1, maxLength: 3, selector: (c) => c.metric },
    ),
    mins: fc.uniqueArray(fc.constantFrom(0, 10, 20, 33.3, 50, 66.7, 70, 100), { minLength: 1, maxLength: 3 }),
  })
  .map(({ criteria, mins }) => ({
    kind: 'points',
    criteria,
    tierBands: [...mins].sort((x, y) => y - x).map((minScore, i) => ({ tier: `t${i + 1}`, minScore })),
  }));

const range = fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as [number, number]), { nil: undefined });
export const rfm: fc.Arbitrary<SchemeInput['mode']> = fc
  .record({
    metrics: fc.tuple(metric, metric, metric),
    segments: fc.array(fc.record({ r: range, f: range, m: range }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ metrics: [recency, frequency, monetary], segments }) => ({
    kind: 'rfm',
    recency,
    frequency,
    monetary,
    segments: segments.map((s, i) => ({ tier: `t${i + 1}`, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) })),
  }));

export const abc: fc.Arbitrary<SchemeInput['mode']> = fc
  .record({ metric, cuts: fc.uniqueArray(fc.constantFrom(0.1, 0.3, 0.5, 0.8, 0.95, 0.999), { minLength: 1, maxLength: 3 }) })
  .map(({ metric, cuts }) => ({ kind: 'abc', metric, cuts: [...cuts].sort((x, y) => x - y) }));

function tierCount(mode: SchemeInput['mode']): number {
  switch (mode.kind) {
    case 'rules':
      return mode.rules.length + 1;
    case 'points':
      return mode.tierBands.length + 1;
    case 'rfm':
      return mode.segments.length + 1;
    case 'abc':
      return (mode.cuts?.length ?? 2) + 1;
  }
}

export function scheme(mode: fc.Arbitrary<SchemeInput['mode']>): fc.Arbitrary<Scheme> {
  return fc.tuple(mode, criteria).map(([m, crit]) => parseScheme({ id: 'prop', name: L('prop'), tiers: tiers(tierCount(m)), criteria: crit, mode: m }));
}

