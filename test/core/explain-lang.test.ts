// The one-language explainer and the fast number formatting are shortcuts: they must say exactly what the
// bilingual explainer and Intl.NumberFormat say.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PRESET_IDS, explainer, explainerIn, formatNumber, formatValue, type CellInput, type Lang } from '../../src/core/index.ts';
import { preset, records, run } from './helpers.ts';

const intl = (decimals: number, fixed: boolean) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: fixed ? decimals : 0 });

describe('formatNumber', () => {
  const ties = [0.5, 1.005, 2.675, 9.995, 999999.995, 0.125, -0.001, -0, 1e-7, 1e21, 123456789012345680000, 2 ** 53 + 2];

  it('prints what Intl.NumberFormat prints (rounding ties away from zero, "-0", huge and tiny numbers)', () => {
    for (const x of [...ties, ...ties.map((t) => -t)]) {
      for (const d of [0, 1, 2]) expect(formatNumber(x, d), `${x} to ${d}`).toBe(intl(d, false).format(x));
    }
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 3 }), (x, d) => formatNumber(x, d) === intl(d, false).format(x)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, k) => {
        const x = n / 10 ** k;
        return formatNumber(x) === intl(2, false).format(x);
      }),
      { numRuns: 20_000 },
    );
  });

  it('formats currency with two fixed decimals as Intl does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 4 }), (n, k) => {
        const x = n / 10 ** k;
        const ax = Math.abs(x);
        const body = Math.abs(x - Math.round(x)) < 1e-9 ? intl(0, false).format(Math.round(ax)) : intl(2, true).format(ax);
        return formatValue(x, 'currency', 'zh-CN') === `${x < 0 ? '-' : ''}¥${body}`;
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('explainerIn', () => {
  const value = fc.oneof(
    fc.integer({ min: -10, max: 2_000_000 }),
    fc.integer({ min: 0, max: 2_000_000_00 }).map((c) => c / 100),
    fc.constantFrom<CellInput>('', '待定', 0, 5, 10, 100_000, 1_000_000),
  );
  const metrics = ['annualSpend', 'cooperationYears', 'orderCount', 'recencyDays', 'growthPotential', 'avgOrderValue'];

  it.each(PRESET_IDS)('%s: each language is the bilingual explanation’s text', (id) => {
    const scheme = preset(id);
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: metrics.length, maxLength: metrics.length }), { minLength: 1, maxLength: 40 }), (rows) => {
        const result = run(scheme, records(rows.map((r) => Object.fromEntries(metrics.map((m, k) => [m, r[k]!])))));
        const both = explainer(result);
        for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
          const one = explainerIn(result, lang);
          for (let i = 0; i < result.size; i++) {
            const b = both(i);
            expect(one(i)).toEqual({ reason: b.reason[lang], gap: b.gap ? b.gap.text[lang] : null, benefits: b.benefits[lang], issues: b.issues });
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
