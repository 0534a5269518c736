import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  OPERATORS,
  PRESET_IDS,
  checkScheme,
  gradeRecords,
  modeMetrics,
  parseScheme,
  schemeFromJson,
  schemeToJson,
  type CellInput,
  type Comparison,
  type Condition,
  type CustomerGrade,
  type CustomerRecord,
  type Scheme,
  type SchemeInput,
} from '../../src/core/index.ts';
import { preset, run } from './helpers.ts';

const BLANK = '';
const BAD = ['待定', '#N/A', 'n/a'] as const;
const isBlank = (c: CellInput) => c === BLANK;
const isBad = (c: CellInput) => typeof c === 'string' && (BAD as readonly string[]).includes(c);

/** Values near every preset threshold (exactly at, a cent and a unit either side) plus arbitrary ones. */
function near(thresholds: readonly number[], min: number, max: number): fc.Arbitrary<number> {
  const edges = thresholds.flatMap((t) => [t - 1, t - 0.01, t, t + 0.01, t + 1]).filter((x) => x >= min && x <= max);
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.integer({ min, max }),
    fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100),
  );
}
const METRIC_VALUES: Record<string, fc.Arbitrary<number>> = {
  annualSpend: near([5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000], 0, 3_000_000),
  cooperationYears: near([1, 3, 5, 8], 0, 30),
  orderCount: near([10], 0, 40),
  recencyDays: fc.integer({ min: 0, max: 400 }),
  growthPotential: near([4, 6, 8], 0, 10),
  avgOrderValue: near([500], 0, 5_000),
};
// Few distinct revenues, so ABC ties (and the id tie-break) happen often.
const TIED_REVENUE = fc.constantFrom(0, 10, 10, 10, 20, 100);

/** A cell: mostly a number, sometimes blank or unreadable. */
const cell = (num: fc.Arbitrary<number>, dirty: boolean): fc.Arbitrary<CellInput> =>
  dirty ? fc.oneof({ arbitrary: num, weight: 8 }, { arbitrary: fc.constant(BLANK), weight: 1 }, { arbitrary: fc.constantFrom(...BAD), weight: 1 }) : num;

/** Unique ids mixing numeric ("9", "10") and text ids ("C7", "1a"); the fixed ones sort differently as numbers and as text. */
const TRICKY_IDS = ['2', '10', '1a', '9', '100', '1b', '09', 'C1', 'C10', 'C2', '1.5', 'b'];
const ids = (maxLength: number) =>
  fc.uniqueArray(fc.oneof(fc.constantFrom(...TRICKY_IDS), fc.nat(300).map(String), fc.stringMatching(/^[A-Za-z0-9][a-z0-9]{0,3}$/)), {
    minLength: 1,
    maxLength,
  });

/** Records for a preset: every metric it reads, plus an optional override. */
function tableFor(s: Scheme, opts: { dirty: boolean; overrides: boolean; tiedRevenue?: boolean }): fc.Arbitrary<CustomerRecord[]> {
  const metrics = [...new Set([...modeMetrics(s), ...s.criteria.map((c) => c.metric)])].filter((m) => m !== 'avgOrderValue');
  const row = fc.record(
    Object.fromEntries(
      metrics.map((m) => [m, cell(opts.tiedRevenue && m === 'annualSpend' ? TIED_REVENUE : METRIC_VALUES[m]!, opts.dirty)]),
    ) as Record<string, fc.Arbitrary<CellInput>>,
  );
  const override = opts.overrides
    ? fc.option(fc.constantFrom(...s.tiers.map((t) => t.id), ...s.tiers.map((t) => t.label['zh-CN']), 'nope'), { freq: 3 })
    : fc.constant(null);
  return ids(25).chain((list) =>
    fc.tuple(...list.map(() => fc.tuple(row, override))).map((rows) =>
      rows.map(([values, o], i): CustomerRecord => ({ id: list[i]!, values, ...(o !== null ? { override: o } : {}) })),
    ),
  );
}

/** Whether a record must be unrated under its preset: a required value unreadable, or blank where blanks are unrated. */
function mustBeUnrated(s: Scheme, r: CustomerRecord): boolean {
  const needed = modeMetrics(s).flatMap((m) => (m === 'avgOrderValue' && !('avgOrderValue' in r.values) ? ['annualSpend', 'orderCount'] : [m]));
  return needed.some((m) => {
    const c = r.values[m];
    const policy = s.criteria.find((x) => x.metric === m)?.missing ?? 'unrated';
    return isBad(c) || (isBlank(c) && policy === 'unrated');
  });
}

describe('every customer gets exactly one tier', () => {
  it.each([...PRESET_IDS])('%s', (id) => {
    const s = preset(id);
    fc.assert(
      fc.property(tableFor(s, { dirty: true, overrides: true }), (recs) => {
        const r = run(s, recs);
        const g = gradeRecords(s, recs);
        expect(g.map((x) => x.id)).toEqual(recs.map((x) => x.id));
        recs.forEach((rec, i) => {
          const unrated = mustBeUnrated(s, rec);
          const mode = r.modeTier[i]!;
          if (unrated) expect(mode).toBe(-1);
          else expect(mode >= 0 && mode < s.tiers.length).toBe(true);
          const o = rec.override ? s.tiers.findIndex((t) => t.id === rec.override || t.label['zh-CN'] === rec.override) : -1;
          expect(r.tier[i]).toBe(o >= 0 ? o : mode);
          expect(g[i]!.overridden).toBe(o >= 0);
          expect(g[i]!.tier).toBe(r.tier[i]! >= 0 ? s.tiers[r.tier[i]!]!.id : null);
          if (rec.override && o < 0) expect(g[i]!.issues.map((x) => x.code)).toContain('unknown-override');
          if (unrated) expect(g[i]!.issues.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 150 },
    );
  });
});

/** What must not depend on row order, keyed by customer id (issue indices do, so only codes are compared). */
function byId(g: readonly CustomerGrade[]) {
  return Object.fromEntries(
    g.map((x) => [
      x.id,
      { tier: x.tier, modeTier: x.modeTier, score: x.score, rfm: x.rfm, share: x.cumulativeShare, reason: x.reason, gap: x.gap?.text ?? null, issues: x.issues.map((i) => i.code) },
    ]),
  );
}

describe('results do not depend on row order', () => {
  it.each([...PRESET_IDS])('%s', (id) => {
    const s = preset(id);
    const tables = tableFor(s, { dirty: true, overrides: true, tiedRevenue: id === 'abc-revenue' });
    const withPermutation = tables.chain((recs) => fc.tuple(fc.constant(recs), fc.shuffledSubarray(recs, { minLength: recs.length, maxLength: recs.length })));
    fc.assert(
      fc.property(withPermutation, ([recs, shuffled]) => {
        expect(byId(gradeRecords(s, shuffled))).toEqual(byId(gradeRecords(s, recs)));
        expect(run(s, shuffled).warnings).toEqual(run(s, recs).warnings);
      }),
      { numRuns: 150 },
    );
  });
});

describe('with only ≥ conditions, raising a metric never lowers the tier', () => {
  it.each(['salon-spend', 'b2b-value', 'b2b-weighted'])('%s', (id) => {
    const s = preset(id);
    const metrics = s.criteria.map((c) => c.metric);
    const customer = fc.record(Object.fromEntries(metrics.map((m) => [m, METRIC_VALUES[m]!])) as Record<string, fc.Arbitrary<number>>);
    const rank = (g: CustomerGrade) => s.tiers.findIndex((t) => t.id === g.tier);
    fc.assert(
      fc.property(customer, fc.constantFrom(...metrics), fc.oneof(fc.constantFrom(0.01, 1), fc.double({ min: 0, max: 2_000_000, noNaN: true })), (values, m, delta) => {
        const raised = { ...values, [m]: m === 'growthPotential' ? Math.min(10, values[m]! + delta) : values[m]! + delta };
        const [before, after] = gradeRecords(s, [{ id: 'a', values }, { id: 'b', values: raised }]);
        expect(rank(before!)).toBeGreaterThanOrEqual(0);
        expect(rank(after!)).toBeLessThanOrEqual(rank(before!));
        if (before!.score !== null) expect(after!.score!).toBeGreaterThanOrEqual(before!.score);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------- random rules schemes ----------

const METRICS = ['m0', 'm1', 'm2'] as const;
// Thresholds and values share a small pool, so "equal to the threshold" happens constantly.
const POOL = [-1, 0, 0.5, 1, 2, 3, 10, 1_000_000];
const number = fc.oneof(fc.constantFrom(...POOL), fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)));

const leaf: fc.Arbitrary<Condition> = fc
  .record({ metric: fc.constantFrom(...METRICS), op: fc.constantFrom(...OPERATORS), a: number, b: number })
  .map(({ metric, op, a, b }): Comparison => (op === 'between' ? { metric, op, value: Math.min(a, b), max: Math.max(a, b) } : { metric, op, value: a }));

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    leaf,
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all): Condition => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any })),
  ),
}));

const text = fc.string({ maxLength: 12 });
const localized = fc.record({ 'zh-CN': text, 'en-US': text });
const tierId = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,10}$/);

/** A valid rules scheme over m0…m2, with the optional fields filled at random. */
const rulesScheme: fc.Arbitrary<SchemeInput> = fc
  .record({
    ids: fc.uniqueArray(tierId, { minLength: 2, maxLength: 6 }),
    labels: fc.array(localized, { minLength: 6, maxLength: 6 }),
    colors: fc.array(fc.stringMatching(/^#[0-9A-Fa-f]{6}$/), { minLength: 6, maxLength: 6 }),
    conditions: fc.array(condition, { minLength: 5, maxLength: 5 }),
    lines: fc.array(localized, { maxLength: 3 }),
    cadence: fc.option(fc.constantFrom('weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'as-needed' as const), { nil: undefined }),
    missing: fc.array(fc.constantFrom('zero' as const, 'unrated' as const), { minLength: 3, maxLength: 3 }),
    unit: fc.constantFrom('currency', 'count', 'days', 'years', 'percent', 'score', 'number' as const),
    range: fc.option(fc.tuple(number, number).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const), { nil: undefined }),
    share: fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { nil: undefined }),
    description: fc.option(localized, { nil: undefined }),
    currency: fc.constantFrom('¥', '$', 'HK$', '€'),
    churnDays: fc.integer({ min: 1, max: 1000 }),
  })
  .map((r): SchemeInput => ({
    id: 'random',
    name: { 'zh-CN': '随机', 'en-US': 'Random' },
    ...(r.description ? { description: r.description } : {}),
    currency: r.currency,
    tiers: r.ids.map((id, i) => ({
      id,
      label: r.labels[i]!,
      color: r.colors[i]!,
      benefits: { lines: r.lines, ...(i === 0 && r.cadence ? { cadence: r.cadence } : {}) },
      ...(i === 0 && r.share ? { expectedShare: { min: Math.min(...r.share), max: Math.max(...r.share) } } : {}),
    })),
    criteria: METRICS.map((metric, k) => ({
      metric,
      label: { 'zh-CN': `指标${k}`, 'en-US': `Metric ${k}` },
      unit: k === 0 ? r.unit : 'number',
      missing: r.missing[k]!,
      ...(k === 1 && r.range ? { min: r.range[0], max: r.range[1] } : {}),
    })),
    mode: { kind: 'rules', rules: r.ids.slice(0, -1).map((tier, i) => ({ tier, when: r.conditions[i]! })) },
    review: { period: 'quarter', churnDays: r.churnDays, downgrade: { policy: 'after-periods', periods: 2 } },
  }));

/** An independent oracle: the first rule whose condition holds, else the fallback; NaN never matches. */
function oracle(c: Condition, v: Record<string, number>): boolean {
  if ('all' in c) return c.all.every((x) => oracle(x, v));
  if ('any' in c) return c.any.some((x) => oracle(x, v));
  const x = v[c.metric]!;
  if (Number.isNaN(x)) return false;
  if (c.op === 'between') return c.value <= x && x <= c.max!;
  return { '>=': x >= c.value, '>': x > c.value, '<=': x <= c.value, '<': x < c.value, '=': x === c.value }[c.op];
}

describe('compiled and interpreted kernels agree on random schemes', () => {
  const valueCell = fc.oneof({ arbitrary: number, weight: 10 }, { arbitrary: fc.constantFrom<CellInput>(BLANK, '待定'), weight: 1 });
  const recordsArb = fc.array(fc.record({ m0: valueCell, m1: valueCell, m2: valueCell }), { minLength: 1, maxLength: 20 });

  it('same tiers, and both equal an independent evaluation of the conditions', () => {
    fc.assert(
      fc.property(rulesScheme, recordsArb, (input, rows) => {
        const s = parseScheme(input);
        if (s.mode.kind !== 'rules') throw new Error('rules expected');
        const rules = s.mode.rules;
        const recs = rows.map((values, i) => ({ id: `c${i}`, values }));
        const compiled = run(s, recs, { kernel: 'compiled' });
        const interpreted = run(s, recs, { kernel: 'interpreted' });
        expect(compiled.kernel).toBe('compiled');
        expect(interpreted.kernel).toBe('interpreted');
        expect([...compiled.tier]).toEqual([...interpreted.tier]);
        // Effective values worked out here, not read back from the core: blanks per policy, range checks.
        const read = modeMetrics(s);
        const expected = rows.map((row) => {
          const v: Record<string, number> = {};
          for (const m of read) {
            const c = s.criteria.find((x) => x.metric === m)!;
            const cellValue = row[m as keyof typeof row];
            if (isBad(cellValue) || (isBlank(cellValue) && c.missing === 'unrated')) return -1;
            if (isBlank(cellValue)) {
              v[m] = 0; // the 'zero' policy: a blank counts as 0 (the valid range applies to typed values)
              continue;
            }
            const x = cellValue as number;
            if ((c.min !== undefined && x < c.min) || (c.max !== undefined && x > c.max)) return -1;
            v[m] = x;
          }
          const t = rules.findIndex((r) => oracle(r.when, v));
          return t >= 0 ? t : s.tiers.length - 1;
        });
        expect([...compiled.tier]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scheme JSON round-trips', () => {
  it('for random valid rules schemes', () => {
    fc.assert(
      fc.property(rulesScheme, (input) => {
        const checked = checkScheme(input);
        expect(checked.ok, JSON.stringify(checked)).toBe(true);
        const s = parseScheme(input);
        const text = schemeToJson(s);
        expect(schemeFromJson(text)).toStrictEqual(s);
        expect(schemeToJson(schemeFromJson(text))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
