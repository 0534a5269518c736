// The threshold advisor on hand-checked tables: one metric, ties, multi-condition rules, overrides, points
// mode, and the cases it declines; plus the handbook grids.
import { describe, expect, it } from 'vitest';
import { adviseThresholds, gridsFor, withBands } from '../../../src/core/advise/index.ts';
import { getPreset, grade, parseScheme, tableFromRecords, tierMixOf, type CustomerRecord, type Scheme, type SchemeInput } from '../../../src/core/index.ts';

const tiers = (n: number) =>
  ['a', 'b', 'c', 'd'].slice(0, n).map((id) => ({ id, label: { 'zh-CN': id.toUpperCase(), 'en-US': id.toUpperCase() }, color: '#FFFFFF' }));

function spendScheme(values: number[], bands: [number, number][]): Scheme {
  const input: SchemeInput = {
    id: 't',
    name: { 'zh-CN': 't', 'en-US': 't' },
    tiers: tiers(values.length + 1).map((t, i) => ({ ...t, expectedShare: { min: bands[i]![0], max: bands[i]![1] } })),
    criteria: [{ metric: 'annualSpend', label: { 'zh-CN': '年度消费金额', 'en-US': 'Annual spend' }, unit: 'currency' }],
    mode: { kind: 'rules', rules: values.map((v, i) => ({ tier: tiers(4)[i]!.id, when: { metric: 'annualSpend', op: '>=', value: v } })) },
  };
  return parseScheme(input);
}

const records = (spends: number[], extra: (i: number) => Record<string, number | string> = () => ({})): CustomerRecord[] =>
  spends.map((s, i) => ({ id: `C${i + 1}`, values: { annualSpend: s, ...extra(i) } }));

const counts = (scheme: Scheme, recs: CustomerRecord[]) => tierMixOf(grade(scheme, tableFromRecords(scheme, recs))).rows.map((r) => r.customers);

describe('handbook grids', () => {
  it('amounts: 1, 2, 2.5, 5 × 10ⁿ and whole 万 of two figures first, then two figures, then whole units / whole 万', () => {
    const [g0, g1, g2] = gridsFor('currency');
    expect([g0!.floor(3_800), g0!.ceil(3_800)]).toEqual([2_500, 5_000]);
    expect([g0!.floor(1_234_567), g0!.ceil(1_234_567)]).toEqual([1_200_000, 1_300_000]);
    expect([g0!.floor(23_000), g0!.ceil(23_000)]).toEqual([20_000, 25_000]);
    expect([g1!.floor(3_870), g1!.ceil(3_870)]).toEqual([3_800, 3_900]);
    expect([g1!.floor(15_500), g1!.ceil(15_500)]).toEqual([10_000, 20_000]);
    expect([g2!.floor(3_870.4), g2!.ceil(3_870.4)]).toEqual([3_870, 3_871]);
    expect([g2!.floor(123_456), g2!.ceil(123_456)]).toEqual([120_000, 130_000]);
  });
  it('years, counts and days are whole; percents in 5 points first', () => {
    for (const u of ['years', 'count', 'days'] as const) expect(gridsFor(u).map((g) => [g.floor(4.6), g.ceil(4.6)])).toEqual([[4, 5]]);
    expect([gridsFor('percent')[0]!.floor(0.237), gridsFor('percent')[0]!.ceil(0.237)]).toEqual([0.2, 0.25]);
  });
});

describe('adviseThresholds', () => {
  // 20 customers spending 1,000 … 20,000.
  const spends = Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000);

  it('one metric: handbook numbers nearest the quantiles that put each tier in its band', () => {
    const wan = spends.map((s) => s * 10);
    const scheme = spendScheme([500_000, 300_000, 200_000], [[0.1, 0.15], [0.2, 0.3], [0.3, 0.4], [0.2, 0.4]]);
    const a = adviseThresholds(scheme, tableFromRecords(scheme, records(wan)));
    // A: 2–3 customers, aiming at 2.5: 190,000 (2) and 180,000 (3) are as near; the one nearer the current wins.
    // B: 6–8 of the top, aiming at 7 → 140,000. C: 13–15, aiming at 14 → 70,000. D keeps the other 6.
    expect(a.proposals.map((p) => [p.tier, p.current, p.proposed])).toEqual([
      ['a', 500_000, 190_000],
      ['b', 300_000, 140_000],
      ['c', 200_000, 70_000],
    ]);
    expect(counts(a.scheme, records(wan))).toEqual([2, 5, 7, 6]);
    expect(a.after.rows.map((r) => r.customers)).toEqual([2, 5, 7, 6]);
    expect(a.fits).toBe(true);
    expect(a.fitsNow).toBe(false);
    expect(a.moves).toEqual({ up: 14, down: 0, same: 6 });
    expect(a.reasons).toEqual([]);
  });

  it('amounts from 10,000 up stay whole 万: when no whole 万 splits the customers, the closest mix and why', () => {
    const scheme = spendScheme([50_000, 30_000, 20_000], [[0.1, 0.15], [0.2, 0.3], [0.3, 0.4], [0.2, 0.4]]);
    const a = adviseThresholds(scheme, tableFromRecords(scheme, records(spends)));
    expect(a.proposals[0]!.proposed % 10_000).toBe(0);
    expect(a.fits).toBe(false);
    const why = a.reasons.find((r) => r.tier === 'a')!;
    expect(why.code).toBe('rounding');
    expect(why.message['zh-CN']).toContain('整万');
    expect(why.message['en-US']).toContain('whole 万');
  });

  it('keeps thresholds that already fit', () => {
    const scheme = spendScheme([18_000, 13_000, 7_000], [[0.1, 0.15], [0.2, 0.3], [0.3, 0.4], [0.2, 0.4]]);
    const a = adviseThresholds(scheme, tableFromRecords(scheme, records(spends)));
    expect(a.fitsNow).toBe(true);
    expect(a.proposals.every((p) => p.proposed === p.current)).toBe(true);
    expect(a.moves).toEqual({ up: 0, down: 0, same: 20 });
  });

  it('ties: 8 of 20 customers spend the same, so the top band is out of reach; the closest mix and why', () => {
    const tied = [...Array(8).fill(9_500), ...spends.slice(0, 12)];
    const scheme = spendScheme([20_000, 5_000], [[0.2, 0.3], [0.3, 0.5], [0.2, 0.5]]);
    const a = adviseThresholds(scheme, tableFromRecords(scheme, records(tied)));
    expect(a.fits).toBe(false);
    // Above 9,500: 3 customers (15%); with the eight at 9,500: 11 (55%).
    expect(a.after.rows[0]!.customers === 3 || a.after.rows[0]!.customers === 11).toBe(true);
    const why = a.reasons.find((r) => r.tier === 'a')!;
    expect(why.code).toBe('ties');
    expect(why.message['zh-CN']).toContain('8 位');
    expect(why.message['zh-CN']).toContain('¥9,500');
    expect(why.message['en-US']).toContain('8 customers share');
  });

  it('ties downstream: the search steps back to an upper threshold the tier below can follow', () => {
    // A aims at 2 of 10 (≥ 90), but then B (1–2 customers) would have to stop inside the three at 80.
    const vals = [100, 90, 80, 80, 80, 50, 40, 30, 20, 10];
    const scheme = spendScheme([1, 1], [[0.1, 0.3], [0.1, 0.2], [0.5, 0.8]]);
    const a = adviseThresholds(scheme, tableFromRecords(scheme, records(vals)));
    expect(a.fits).toBe(true);
    expect(a.proposals.map((p) => p.proposed)).toEqual([100, 90]);
    expect(a.after.rows.map((r) => r.customers)).toEqual([1, 1, 8]);
  });

  it('multi-condition rules: the other condition moves when the main one cannot reach the band', () => {
    const scheme = getPreset('b2b-value')!;
    // 20 customers, spend 100k … 2M, all with 4 years: nobody can be VIP (≥ 5 years) whatever the spend.
    const recs = records(spends.map((s) => s * 100), () => ({ cooperationYears: 4 }));
    const a = adviseThresholds(scheme, tableFromRecords(scheme, recs));
    expect(a.fits).toBe(true);
    const vip = a.proposals.filter((p) => p.tier === 'vip');
    expect(vip.find((p) => p.metric === 'cooperationYears')!.proposed).toBe(4);
    expect(a.after.rows[0]!.customers).toBeGreaterThanOrEqual(1);
    expect(a.after.rows.map((r) => r.outsideExpected)).toEqual([false, false, false, false]);
  });

  it('multi-condition rules: a condition that cannot move caps the tier, and the reason names it', () => {
    const base = getPreset('b2b-value')!;
    const scheme: Scheme = {
      ...base,
      mode: {
        kind: 'rules',
        rules: [
          { tier: 'vip', when: { all: [{ metric: 'annualSpend', op: '>=', value: 1_000_000 }, { metric: 'cooperationYears', op: 'between', value: 5, max: 50 }] } },
          { tier: 'key', when: { metric: 'annualSpend', op: '>=', value: 500_000 } },
          { tier: 'regular', when: { metric: 'annualSpend', op: '>=', value: 100_000 } },
        ],
      },
    };
    const recs = records(spends.map((s) => s * 100), () => ({ cooperationYears: 4 }));
    const a = adviseThresholds(scheme, tableFromRecords(scheme, recs));
    expect(a.fits).toBe(false);
    expect(a.after.rows[0]!.customers).toBe(0);
    const why = a.reasons.find((r) => r.tier === 'vip')!;
    expect(why.code).toBe('conditions');
    expect(why.message['zh-CN']).toContain('合作年限 5–50 年');
    expect(why.message['zh-CN']).toContain('只能占 0.0%');
    expect(why.message['en-US']).toContain('at its lowest');
  });

  it('manual overrides stay where they are and count in the mix', () => {
    const scheme = spendScheme([500_000, 300_000, 200_000], [[0.1, 0.15], [0.2, 0.3], [0.3, 0.4], [0.2, 0.4]]);
    const recs = records(spends.map((x) => x * 10)).map((r, i) => (i === 0 ? { ...r, override: 'A' } : r));
    const a = adviseThresholds(scheme, tableFromRecords(scheme, recs));
    expect(a.fits).toBe(true);
    expect(a.after.rows.map((r) => r.customers)).toEqual(counts(a.scheme, recs));
    // A aims at 2.5 customers: the overridden C1 plus 200,000 (2), the nearer of 2 and 3 to the current threshold.
    expect(a.after.rows[0]!.customers).toBe(2);
    expect(a.proposals[0]!.proposed).toBe(200_000);
  });

  it('points mode: whole-number minimum scores', () => {
    const scheme = getPreset('b2b-weighted')!;
    const recs = records(spends.map((s) => s * 60), (i) => ({ cooperationYears: i % 10, growthPotential: (i * 7) % 11 }));
    const a = adviseThresholds(scheme, tableFromRecords(scheme, recs));
    expect(a.proposals.map((p) => p.metric)).toEqual(['score', 'score', 'score']);
    expect(a.proposals.every((p) => Number.isInteger(p.proposed))).toBe(true);
    expect(a.after.rows.map((r) => r.customers)).toEqual(counts(a.scheme, recs));
    expect(a.fits).toBe(true);
  });

  it('declines RFM and schemes without bands, saying why in both languages', () => {
    const rfm = getPreset('rfm-5')!;
    const r = adviseThresholds(rfm, tableFromRecords(rfm, records(spends, (i) => ({ orderCount: i, recencyDays: i * 3 }))));
    expect(r.reasons.map((x) => x.code)).toEqual(['no-bands']);
    const banded = withBands(rfm, rfm.tiers.map(() => ({ min: 0, max: 0.5 })));
    expect(adviseThresholds(banded, tableFromRecords(banded, records(spends, (i) => ({ orderCount: i, recencyDays: i * 3 })))).reasons.map((x) => x.code)).toEqual(['mode']);
    const salon = getPreset('salon-spend')!;
    const s = adviseThresholds(salon, tableFromRecords(salon, records(spends)));
    expect(s.reasons[0]!.message['zh-CN']).toContain('期望占比');
    expect(s.reasons[0]!.message['en-US']).toContain('expected share');
  });

  it('bands that cannot add up to 100% are said so', () => {
    const scheme = spendScheme([18_000, 13_000, 7_000], [[0.3, 0.4], [0.3, 0.4], [0.3, 0.4], [0.2, 0.4]]);
    const a = adviseThresholds(scheme, tableFromRecords(scheme, records(spends)));
    expect(a.reasons.map((r) => r.code)).toEqual(['bands']);
    expect(a.reasons[0]!.message['zh-CN']).toContain('110%');
  });
});
