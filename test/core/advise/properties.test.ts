// The advisor's promise: whenever some thresholds (exact quantiles, any value) put every tier inside its band,
// its handbook-rounded proposal does too — checked against a brute force over every split of the data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseThresholds } from '../../../src/core/advise/index.ts';
import { parseScheme, tableFromRecords, type Scheme } from '../../../src/core/index.ts';

const IDS = ['a', 'b', 'c', 'd'];

/** 1, 2, 2.5, 5 × 10ⁿ; whole amounts below 10,000 and whole 万 above; whole counts. */
function handbookNumber(v: number, unit: 'currency' | 'count'): boolean {
  if (unit === 'count') return Number.isInteger(v);
  const series = v > 0 && [1, 2, 2.5, 5].some((m) => Math.abs(v / (m * 10 ** Math.floor(Math.log10(v / m))) - 1) < 1e-9);
  return series || v === 0 || (Number.isInteger(v) && (v < 10_000 || v % 10_000 === 0));
}

function scheme(tiers: number, bands: { min: number; max: number }[], unit: 'currency' | 'count'): Scheme {
  return parseScheme({
    id: 'p',
    name: { 'zh-CN': 'p', 'en-US': 'p' },
    tiers: IDS.slice(0, tiers).map((id, i) => ({ id, label: { 'zh-CN': id, 'en-US': id }, color: '#FFFFFF', expectedShare: bands[i] })),
    criteria: [{ metric: 'annualSpend', label: { 'zh-CN': '消费', 'en-US': 'Spend' }, unit }],
    mode: { kind: 'rules', rules: IDS.slice(0, tiers - 1).map((id) => ({ tier: id, when: { metric: 'annualSpend', op: '>=', value: 1 } })) },
  });
}

/** Whether some thresholds (one metric, ≥, first match wins) put every tier in its band: all splits tried. */
function exactlyReachable(values: number[], bands: { min: number; max: number }[]): boolean {
  const n = values.length;
  const inBand = (count: number, b: { min: number; max: number }) => count / n >= b.min - 1e-12 && count / n <= b.max + 1e-12;
  // The head counts a threshold can give: customers at or above each distinct value, and none.
  const reach = [...new Set([0, ...values.map((v) => values.filter((x) => x >= v).length)])].sort((a, b) => a - b);
  const go = (k: number, prev: number): boolean => {
    if (k === bands.length - 1) return inBand(n - prev, bands[k]!);
    // A lower tier's threshold at or above the one above it takes nobody: its cumulative count stays.
    return reach.some((c) => c >= prev && inBand(c - prev, bands[k]!) && go(k + 1, c));
  };
  return go(0, 0);
}

const bandsArb = (tiers: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 })), { minLength: tiers, maxLength: tiers }).map((xs) => xs.map(([lo, w]) => ({ min: lo / 100, max: Math.min(1, (lo + w) / 100) })));

/** Bands around a real split of the data, so that most cases are reachable. */
const aroundSplit = (values: number[], tiers: number) =>
  fc.array(fc.integer({ min: 0, max: values.length }), { minLength: tiers - 1, maxLength: tiers - 1 }).chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const sizes = [...sorted, values.length].map((c, i) => c - (i ? sorted[i - 1]! : 0));
    return fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), { minLength: tiers, maxLength: tiers }).map((slack) =>
      sizes.map((s, i) => ({ min: Math.max(0, (s / values.length) - slack[i]![0] / 100), max: Math.min(1, s / values.length + slack[i]![1] / 100) })),
    );
  });

describe('advisor properties', () => {
  it('never leaves a band when the exact quantiles allow every tier inside it (and says so when they do not)', () => {
    // Whole amounts below 10,000 and whole 万 above, whole counts: a handbook number separates any two values.
    const amount = fc.oneof(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 300 }).map((x) => x * 10_000));
    const count = fc.integer({ min: 0, max: 60 });
    const input = fc
      .record({ tiers: fc.integer({ min: 2, max: 4 }), unit: fc.constantFrom('currency' as const, 'count' as const), n: fc.integer({ min: 1, max: 30 }) })
      .chain(({ tiers, unit, n }) =>
        fc.array(unit === 'currency' ? amount : count, { minLength: n, maxLength: n }).chain((values) =>
          fc.record({ tiers: fc.constant(tiers), unit: fc.constant(unit), values: fc.constant(values), bands: fc.oneof(bandsArb(tiers), aroundSplit(values, tiers)) }),
        ),
      );
    fc.assert(
      fc.property(input, ({ tiers, unit, values, bands }) => {
        const s = scheme(tiers, bands, unit);
        const a = adviseThresholds(s, tableFromRecords(s, values.map((v, i) => ({ id: `C${i}`, values: { annualSpend: v } }))));
        expect(a.fits).toBe(exactlyReachable(values, bands));
        // And every proposal is a handbook number of its unit.
        expect(a.proposals.filter((p) => !handbookNumber(p.proposed, unit)).map((p) => p.proposed)).toEqual([]);
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});
