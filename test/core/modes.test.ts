import { describe, it, expect } from 'vitest';
import { PRESET_IDS, benefitsText, gradeRecords, percentileInc, scoreHigher, scoreLower, type CustomerRecord } from '../../src/core/index.ts';
import { crit, makeScheme, preset, records, run, tiersOf } from './helpers.ts';

describe('RFM quintiles', () => {
  it('percentileInc is Excel PERCENTILE.INC', () => {
    // {15, 20, 35, 40, 50}: rank h = (n − 1)·p = 4p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])
    const xs = [15, 20, 35, 40, 50];
    expect(percentileInc(xs, 0.2)).toBeCloseTo(19, 12); // h 0.8: 15 + 0.8·5
    expect(percentileInc(xs, 0.4)).toBeCloseTo(29, 12); // h 1.6: 20 + 0.6·15
    expect(percentileInc(xs, 0.6)).toBeCloseTo(37, 12); // h 2.4: 35 + 0.4·5
    expect(percentileInc(xs, 0.8)).toBeCloseTo(42, 12); // h 3.2: 40 + 0.2·10
    expect(percentileInc(xs, 0)).toBe(15);
    expect(percentileInc(xs, 1)).toBe(50);
    expect(percentileInc([7], 0.4)).toBe(7);
    expect(percentileInc([], 0.4)).toBeNaN();
  });

  it('scores: F/M = 1 + cut points strictly below; R = 1 + cut points strictly above', () => {
    const cuts = [20, 30, 40, 50];
    expect([10, 20, 20.5, 30, 50, 51].map((v) => scoreHigher(v, cuts))).toEqual([1, 1, 2, 2, 4, 5]);
    expect([10, 20, 20.5, 30, 50, 51].map((v) => scoreLower(v, cuts))).toEqual([5, 4, 4, 3, 1, 1]);
  });

  // Ten customers; every column is a permutation of 1…10, so each has the cut points
  // h = 9p → 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2. F/M: 1–2 → 1, 3–4 → 2 … 9–10 → 5. R (days): 1–2 → 5 … 9–10 → 1.
  const rfmRows: [string, number, number, number, string, string][] = [
    // id, days, orders, spend, expected R F M, expected segment
    ['c1', 1, 10, 10, '555', 'champions'],
    ['c2', 2, 1, 9, '515', 'new'],
    ['c3', 3, 4, 8, '424', 'potential'],
    ['c4', 5, 2, 7, '314', 'needs-attention'],
    ['c5', 6, 9, 1, '351', 'loyal'],
    ['c6', 7, 7, 2, '241', 'at-risk'],
    ['c7', 8, 8, 3, '242', 'at-risk'],
    ['c8', 9, 3, 4, '122', 'hibernating'],
    ['c9', 10, 5, 5, '133', 'at-risk'],
    ['c10', 4, 6, 6, '433', 'potential'],
  ];
  const rfmRecords: CustomerRecord[] = rfmRows.map(([id, d, o, s]) => ({ id, values: { recencyDays: d, orderCount: o, annualSpend: s } }));

  it('cut points, R/F/M scores, score code and segments of a hand-checked table', () => {
    const s = preset('rfm-5');
    const r = run(s, rfmRecords);
    for (const key of ['r', 'f', 'm'] as const) {
      const cuts = r.rfm!.cuts[key];
      [2.8, 4.6, 6.4, 8.2].forEach((c, k) => expect(cuts[k]).toBeCloseTo(c, 12));
    }
    expect(r.warnings).toEqual([]);
    const grades = gradeRecords(s, rfmRecords);
    expect(grades.map((g) => `${g.rfm!.r}${g.rfm!.f}${g.rfm!.m}`)).toEqual(rfmRows.map((x) => x[4]));
    expect(grades.map((g) => g.score)).toEqual(rfmRows.map((x) => Number(x[4])));
    expect(grades.map((g) => g.tier)).toEqual(rfmRows.map((x) => x[5]));
    expect(grades[0]!.reason['zh-CN']).toBe('R5 F5 M5（距最近消费天数 1 天，消费次数 10 次，年度消费金额 ¥10）→ 重要价值客户');
    expect(grades[0]!.reason['en-US']).toBe('R5 F5 M5 (Days since last purchase 1 day, Orders 10, Annual spend ¥10) → Champions');
    expect(grades[0]!.gap).toBeNull();
    expect(grades[1]!.gap?.tier).toBe('potential');
  });

  it('cut points land on data values: a value equal to a cut point is not above it (Excel semantics)', () => {
    // {10,20,30,40,50,60}: h = 5p = 1,2,3,4 exactly, so the cut points are 20, 30, 40, 50.
    const vals = [10, 20, 30, 40, 50, 60];
    const recs = vals.map((v, i) => ({ id: `c${i}`, values: { recencyDays: v, orderCount: v, annualSpend: v } }));
    const r = run(preset('rfm-5'), recs);
    expect(r.rfm!.cuts).toEqual({ r: [20, 30, 40, 50], f: [20, 30, 40, 50], m: [20, 30, 40, 50] });
    expect([...r.rfm!.f]).toEqual([1, 1, 2, 3, 4, 5]);
    expect([...r.rfm!.m]).toEqual([1, 1, 2, 3, 4, 5]);
    // R: fewer days is better; 10 days has all four cut points above it
    expect([...r.rfm!.r]).toEqual([5, 4, 3, 2, 1, 1]);
  });

  it('tied values share a score, and coinciding cut points are warned about', () => {
    // orders sorted: seven 1s (x0…x6), then x7 = 2, x8 = 3, x9 = 4. h = 1.8, 3.6, 5.4 → 1; h 7.2 → 2 + 0.2·(3 − 2) = 2.2
    const orders = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4];
    const recs = orders.map((o, i) => ({ id: `c${i}`, values: { recencyDays: i + 1, orderCount: o, annualSpend: i + 1 } }));
    const r = run(preset('rfm-5'), recs);
    expect(r.rfm!.cuts.f[0]).toBe(1);
    expect(r.rfm!.cuts.f[1]).toBe(1);
    expect(r.rfm!.cuts.f[2]).toBe(1);
    expect(r.rfm!.cuts.f[3]).toBeCloseTo(2.2, 12);
    // 1 has no cut point below it; 2 has three (1, 1, 1); 3 and 4 have all four
    expect([...r.rfm!.f]).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 5, 5]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!['zh-CN']).toMatch(/^F 的五分位切分点有重复/);
    expect(r.warnings[0]!['en-US']).toMatch(/^F quintile cut points coincide/);
  });

  it('all-equal spend: every customer shares M1 and the M warning is raised', () => {
    const recs = [1, 2, 3, 4, 5].map((d) => ({ id: `c${d}`, values: { recencyDays: d, orderCount: d, annualSpend: 100 } }));
    const r = run(preset('rfm-5'), recs);
    expect([...r.rfm!.m]).toEqual([1, 1, 1, 1, 1]);
    expect(r.warnings.map((w) => w['en-US'].slice(0, 2))).toEqual(['M ']);
  });

  it('unrated customers are left out of the cut points', () => {
    const recs = [
      ...[10, 20, 30, 40, 50, 60].map((v, i) => ({ id: `c${i}`, values: { recencyDays: v, orderCount: v, annualSpend: v } })),
      { id: 'blank', values: { recencyDays: 1, orderCount: 1_000, annualSpend: '' } },
    ];
    const r = run(preset('rfm-5'), recs);
    expect(r.rfm!.cuts.f).toEqual([20, 30, 40, 50]);
    const g = gradeRecords(preset('rfm-5'), recs)[6]!;
    expect(g.tier).toBeNull();
    expect(g.rfm).toBeNull();
    expect(g.score).toBeNull();
  });
});

describe('ABC / Pareto', () => {
  const abc = (revenues: readonly (number | string)[], ids?: readonly string[]) =>
    gradeRecords(preset('abc-revenue'), records(revenues.map((v) => ({ annualSpend: v })), ids));

  it('[50, 30, 15, 5] → shares before [0, .5, .8, .95] → A, A, B, C', () => {
    const g = abc([50, 30, 15, 5]);
    expect(g.map((x) => x.cumulativeShare)).toEqual([0, 0.5, 0.8, 0.95]);
    expect(g.map((x) => x.tier)).toEqual(['A', 'A', 'B', 'C']);
    expect(g.map((x) => x.score)).toEqual([0, 50, 80, 95]);
  });

  it('sorts by revenue descending whatever the row order', () => {
    const g = abc([5, 15, 50, 30]);
    expect(g.map((x) => x.tier)).toEqual(['C', 'B', 'A', 'A']);
    expect(g.map((x) => x.cumulativeShare)).toEqual([0.95, 0.8, 0, 0.5]);
  });

  it('ties are broken by customer id ascending, numeric ids by value', () => {
    // 60 first; the tie at 20 is ordered 9 then 10 (not "10" < "9" as text) → shares 0.6 and 0.8
    const g = abc([20, 60, 20], ['10', 'top', '9']);
    expect(g.map((x) => [x.id, x.tier, x.cumulativeShare])).toEqual([
      ['10', 'B', 0.8],
      ['top', 'A', 0],
      ['9', 'A', 0.6],
    ]);
    // text ids by code unit: top (0) A, a (.75) A, b (.85) B, d (.95) C
    const text = abc([10, 75, 10, 5], ['b', 'top', 'a', 'd']);
    expect(text.map((x) => x.tier)).toEqual(['B', 'A', 'A', 'C']);
  });

  it('mixed numeric and text ids in a tie give one order, whatever the row order', () => {
    const ids = ['1a', '10', '2', 'top'];
    const revenue = [10, 10, 10, 70];
    // numeric ids first, by value, then the others: top, 2, 10, 1a
    const expected = { '2': 0.7, '10': 0.8, '1a': 0.9, top: 0 };
    for (const perm of [[0, 1, 2, 3], [2, 1, 0, 3], [1, 0, 2, 3], [3, 2, 0, 1], [1, 2, 0, 3], [0, 2, 1, 3]]) {
      const g = abc(perm.map((k) => revenue[k]!), perm.map((k) => ids[k]!));
      const share = Object.fromEntries(g.map((x) => [x.id, x.cumulativeShare]));
      expect(share, perm.join()).toEqual(expected);
    }
  });

  it('zero and negative revenue rank last and do not inflate the shares', () => {
    const g = abc([100, 0, -10]);
    expect(g.map((x) => [x.tier, x.cumulativeShare])).toEqual([['A', 0], ['C', 1], ['C', 1]]);
    const h = abc([50, 50, -60]);
    expect(h.map((x) => [x.tier, x.cumulativeShare])).toEqual([['A', 0], ['A', 0.5], ['C', 1]]);
  });

  it('a total not above 0 warns and puts everyone in the last tier, with no share', () => {
    const s = preset('abc-revenue');
    for (const revs of [[0, 0, 0], [0, -5]]) {
      const recs = records(revs.map((v) => ({ annualSpend: v })));
      const r = run(s, recs);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]!['en-US']).toContain('Total revenue is not above 0');
      const g = gradeRecords(s, recs);
      expect(g.map((x) => x.tier)).toEqual(revs.map(() => 'C'));
      expect(g.map((x) => x.cumulativeShare)).toEqual(revs.map(() => null));
      expect(g.map((x) => x.score)).toEqual(revs.map(() => null));
      for (const x of g) expect(x.reason['zh-CN'] + x.reason['en-US']).not.toContain('NaN');
    }
  });

  it('cut points are configurable (and the count sets the tiers)', () => {
    const s = makeScheme({ kind: 'abc', metric: 'rev', cuts: [0.5, 0.7, 0.9] }, [crit('rev', { unit: 'currency' })], 4);
    const recs = records([40, 20, 20, 10, 10].map((rev) => ({ rev })));
    // before: 0, .4, .6, .8, .9 → t1 t1 t2 t3 t4
    expect(tiersOf(s, recs)).toEqual(['t1', 't1', 't2', 't3', 't4']);
  });

  it('unrated customers are left out of the total', () => {
    const g = abc([50, '', 30, 20]);
    expect(g.map((x) => x.tier)).toEqual(['A', null, 'A', 'B']);
    expect(g.map((x) => x.cumulativeShare)).toEqual([0, null, 0.5, 0.8]);
  });
});

describe('weighted points', () => {
  const s = makeScheme(
    {
      kind: 'points',
      criteria: [
        { metric: 'x', weight: 2, bands: [{ min: 20, points: 100 }, { min: 10, max: 20, points: 50 }, { min: 0, max: 10, points: 10 }] },
        { metric: 'y', weight: 1, bands: [{ max: 5, points: 40 }, { min: 5, points: 100 }] },
      ],
      tierBands: [{ tier: 't1', minScore: 80 }, { tier: 't2', minScore: 40 }],
    },
    [crit('x'), crit('y')],
    3,
  );
  const score = (x: number, y: number) => gradeRecords(s, records([{ x, y }]))[0]!;

  it('bands are half-open [min, max): a value equal to min earns the band', () => {
    // score = (2·px + 1·py) / 3
    expect(score(10, 5).score).toBeCloseTo(200 / 3, 6); // (2·50 + 100) / 3
    expect(score(9.99, 5).score).toBe(40); // (2·10 + 100) / 3
    expect(score(20, 5).score).toBe(100);
    expect(score(19.99, 4.99).score).toBeCloseTo(140 / 3, 6); // (2·50 + 40) / 3: 4.99 < 5 is in the [−∞, 5) band
    expect(score(-0.01, 5).score).toBeCloseTo(100 / 3, 6); // x in no band: 0 points
  });

  it('tier bands: score ≥ minScore qualifies', () => {
    expect(score(20, 4).tier).toBe('t1'); // (200 + 40) / 3 = 80
    expect(score(20, 4).score).toBe(80);
    expect(score(9.99, 5).tier).toBe('t2'); // 40
    expect(score(0, 0).tier).toBe('t3'); // (20 + 40) / 3 = 20
    expect(score(0, 0).gap?.tier).toBe('t2');
    expect(score(20, 5).gap).toBeNull();
  });
});

describe('rules: all / any / between / = / < / ≤, first match wins, last tier fallback', () => {
  const s = makeScheme(
    {
      kind: 'rules',
      rules: [
        { tier: 't1', when: { any: [{ metric: 'a', op: '<', value: 30 }, { all: [{ metric: 'b', op: '=', value: 10 }, { metric: 'c', op: '>', value: 3 }] }] } },
        { tier: 't2', when: { metric: 'b', op: 'between', value: 5, max: 8 } },
        { tier: 't3', when: { metric: 'a', op: '<=', value: 90 } },
      ],
    },
    [crit('a'), crit('b'), crit('c')],
    4,
  );
  const rows: [string, Record<string, number>, string][] = [
    ['a < 30', { a: 29.99, b: 0, c: 0 }, 't1'],
    ['a = 30 is not < 30; b = 10 and c = 4', { a: 30, b: 10, c: 4 }, 't1'],
    ['b = 10 but c = 3 is not > 3 → next rules', { a: 30, b: 10, c: 3 }, 't3'],
    ['b = 10.01 is not = 10', { a: 100, b: 10.01, c: 9 }, 't4'],
    ['between includes the lower end', { a: 100, b: 5, c: 0 }, 't2'],
    ['between includes the upper end', { a: 100, b: 8, c: 0 }, 't2'],
    ['between excludes 8.01', { a: 100, b: 8.01, c: 0 }, 't4'],
    ['between excludes 4.99', { a: 100, b: 4.99, c: 0 }, 't4'],
    ['first match wins: t2 and t3 both hold', { a: 50, b: 6, c: 0 }, 't2'],
    ['a ≤ 90 at the edge', { a: 90, b: 0, c: 0 }, 't3'],
    ['a = 90.01 falls through to the fallback', { a: 90.01, b: 0, c: 0 }, 't4'],
  ];
  it.each(rows)('%s', (_n, values, tier) => {
    for (const kernel of ['compiled', 'interpreted'] as const) expect(tiersOf(s, records([values]), { kernel })).toEqual([tier]);
  });
});

describe('manual overrides win over every mode', () => {
  const fullWidth = (t: string) => t.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
  // A small table every preset can grade: the mode decides customers C1–C4, the override is on C5.
  const rows = [
    { annualSpend: 1_250_000, cooperationYears: 6, orderCount: 12, recencyDays: 10, growthPotential: 7 },
    { annualSpend: 9_700, cooperationYears: 2, orderCount: 8, recencyDays: 200, growthPotential: 3 },
    { annualSpend: 600_000, cooperationYears: 4, orderCount: 20, recencyDays: 5, growthPotential: 9 },
    { annualSpend: 120_000, cooperationYears: 1, orderCount: 2, recencyDays: 60, growthPotential: 5 },
    { annualSpend: 300, cooperationYears: 0, orderCount: 1, recencyDays: 400, growthPotential: 0 },
  ];

  for (const id of PRESET_IDS) {
    it(`${id}: by id, zh label, en label, full width and any case; unknown → issue and normal grading`, () => {
      const s = preset(id);
      const plain = gradeRecords(s, records(rows));
      const target = s.tiers[1]!;
      const spellings = [target.id.toUpperCase(), target.label['zh-CN'], target.label['en-US'].toLowerCase(), ` ${fullWidth(target.label['en-US'])}\u3000`, fullWidth(target.id)];
      for (const text of spellings) {
        const recs = records(rows).map((r, i) => (i === 4 ? { ...r, override: text, overrideReason: '老客户' } : r));
        const g = gradeRecords(s, recs);
        expect(g[4]!.tier, text).toBe(target.id);
        expect(g[4]!.tierLabel).toEqual(target.label);
        expect(g[4]!.overridden).toBe(true);
        expect(g[4]!.overrideReason).toBe('老客户');
        expect(g[4]!.modeTier).toBe(plain[4]!.tier);
        expect(g[4]!.reason['zh-CN']).toMatch(new RegExp(`^手动指定为${target.label['zh-CN'].replace(/[()]/g, '\\$&')}（原因：老客户）；按规则应为`));
        expect(g[4]!.reason['en-US']).toMatch(/^Set by hand to .+ \(reason: 老客户\); the rules say /);
        expect(g[4]!.benefits).toEqual(benefitsText(target));
        expect(g[4]!.benefits['zh-CN']).not.toBe('');
        // the other customers are graded exactly as without the override (RFM/ABC still count C5's data)
        expect(g.slice(0, 4).map((x) => [x.tier, x.score])).toEqual(plain.slice(0, 4).map((x) => [x.tier, x.score]));
      }
      const recs = records(rows).map((r, i) => (i === 4 ? { ...r, override: 'Platinum' } : r));
      const g = gradeRecords(s, recs);
      expect(g[4]!.overridden).toBe(false);
      expect(g[4]!.tier).toBe(plain[4]!.tier);
      expect(g[4]!.issues.map((x) => [x.code, x.value])).toEqual([['unknown-override', 'Platinum']]);
      expect(g[4]!.issues[0]!.message['zh-CN']).toContain('"Platinum"');
      expect(g[4]!.issues[0]!.message['en-US']).toContain('graded by the rules instead');
    });
  }

  it('an override also grades a customer the mode cannot (blank data)', () => {
    const g = gradeRecords(preset('salon-spend'), [{ id: 'x', values: { annualSpend: '' }, override: 'gold' }])[0]!;
    expect(g.tier).toBe('gold');
    expect(g.modeTier).toBeNull();
    expect(g.overridden).toBe(true);
    expect(g.issues.map((i) => i.code)).toEqual(['blank']);
    expect(g.reason['zh-CN']).toBe('手动指定为金卡会员');
  });

  it('a blank override is no override', () => {
    const g = gradeRecords(preset('salon-spend'), [{ id: 'x', values: { annualSpend: 100 }, override: ' \u3000' }])[0]!;
    expect([g.tier, g.overridden, g.issues]).toEqual(['regular', false, []]);
  });
});

describe('missing and unreadable values', () => {
  const s = makeScheme(
    { kind: 'rules', rules: [{ tier: 't1', when: { metric: 'a', op: '>=', value: 10 } }, { tier: 't2', when: { metric: 'b', op: '>=', value: 10 } }] },
    [crit('a', { missing: 'zero' }), crit('b', { missing: 'unrated' })],
    3,
  );
  const one = (a: string | number, b: string | number) => gradeRecords(s, records([{ a, b }]))[0]!;

  it("'zero': a blank counts as 0 without an issue", () => {
    const g = one('', 20);
    expect([g.tier, g.issues]).toEqual(['t2', []]);
    expect(one('  ', 5).tier).toBe('t3');
  });

  it("'unrated': a blank leaves the customer unrated with a 'blank' issue, even when another rule would match", () => {
    const g = one(50, '');
    expect(g.tier).toBeNull();
    expect(g.issues.map((i) => [i.code, i.field])).toEqual([['blank', 'b']]);
    expect(g.reason['zh-CN']).toBe('未评级：b为空，无法评级（该指标设为空值不评级）');
    expect(g.gap).toBeNull();
    expect(g.benefits).toEqual({ 'zh-CN': '', 'en-US': '' });
  });

  it.each([
    ['待定', 'not-a-number'],
    ['#N/A', 'excel-error'],
    ['-', 'not-a-number'],
    ['abc', 'not-a-number'],
  ])("unreadable %s is never 0, even under 'zero': unrated with a %s issue", (text, code) => {
    const g = one(text, 50);
    expect(g.tier).toBeNull();
    expect(g.issues.map((i) => [i.code, i.field, i.value])).toEqual([[code, 'a', text]]);
    expect(g.reason['zh-CN']).toMatch(/^未评级：a：/);
  });

  it('the same holds in points, RFM and ABC modes', () => {
    const pts = gradeRecords(preset('b2b-weighted'), records([{ annualSpend: '#N/A', cooperationYears: 5, growthPotential: 5 }]))[0]!;
    expect([pts.tier, pts.score]).toEqual([null, null]);
    const rfm = gradeRecords(preset('rfm-5'), records([{ recencyDays: '待定', orderCount: 3, annualSpend: 10 }, { recencyDays: 3, orderCount: 3, annualSpend: 10 }]));
    expect(rfm.map((g) => g.tier === null)).toEqual([true, false]);
    const abcZero = makeScheme({ kind: 'abc', metric: 'rev', cuts: [0.8] }, [crit('rev', { missing: 'zero' })], 2);
    const g = gradeRecords(abcZero, records([{ rev: '' }, { rev: 'n/a' }, { rev: 10 }]));
    expect(g.map((x) => [x.tier, x.cumulativeShare])).toEqual([['t2', 1], [null, null], ['t1', 0]]);
  });
});
