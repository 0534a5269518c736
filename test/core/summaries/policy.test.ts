// The downgrade policy across periods: upgrades at once; downgrades immediately, one step per review, or
// only after K consecutive periods below — over several periods with values that flap.
import { describe, expect, it } from 'vitest';
import { getPreset, type Scheme } from '../../../src/core/index.ts';
import { applyDowngradePolicy, recomputedTier, type HeldTier, type PolicyRecord } from '../../../src/core/summaries/index.ts';
import { rec } from './records.ts';

const b2b = getPreset('b2b-value')!; // vip > key > regular > potential
const withPolicy = (downgrade: Scheme['review']['downgrade'], base: Scheme = b2b): Scheme => ({ ...base, review: { ...base.review, downgrade } });
const IMMEDIATE = withPolicy({ policy: 'immediate' });
const ONE_STEP = withPolicy({ policy: 'one-step' });
const AFTER_2 = withPolicy({ policy: 'after-periods', periods: 2 });
const AFTER_3 = withPolicy({ policy: 'after-periods', periods: 3 });

const PERIODS = ['2020', '2021', '2022', '2023', '2024', '2025'];

/**
 * Grade period after period: apply the policy to each period's computed tiers, then record what it gave
 * (and, unless told not to, the computed tier) in history, as the host will.
 */
function simulate(scheme: Scheme, computed: number[][], ids: string[], recordComputed = true): { tiers: number[][]; held: HeldTier[][] } {
  const history: PolicyRecord[] = [];
  const tiers: number[][] = [];
  const held: HeldTier[][] = [];
  computed.forEach((c, k) => {
    const p = PERIODS[k]!;
    const res = applyDowngradePolicy(scheme, Int16Array.from(c), ids, history, p);
    tiers.push([...res.tier]);
    held.push(res.held);
    ids.forEach((id, i) => {
      const t = res.tier[i]!;
      const ct = c[i]!;
      history.push(
        rec(p, id, t >= 0 ? scheme.tiers[t]!.id : null, {}, recordComputed ? { computedTier: ct >= 0 ? scheme.tiers[ct]!.id : null } : {}),
      );
    });
  });
  return { tiers, held };
}

/** One customer's tiers over the periods. */
const one = (scheme: Scheme, seq: number[]) => simulate(scheme, seq.map((t) => [t]), ['C1']);

describe('immediate', () => {
  it('takes the computed tier every period, flapping with it', () => {
    const r = one(IMMEDIATE, [0, 1, 0, 1, 1, 2]);
    expect(r.tiers.flat()).toEqual([0, 1, 0, 1, 1, 2]);
    expect(r.held.flat()).toEqual([]);
  });
});

describe('one-step', () => {
  it('goes down at most one tier per review; upgrades at once', () => {
    // computed: vip, potential, potential, vip, regular
    const r = one(ONE_STEP, [0, 3, 3, 0, 2]);
    expect(r.tiers.flat()).toEqual([0, 1, 2, 0, 1]);
    expect(r.held.map((h) => h.map((x) => `${x.kept}<${x.computed} (${x.periodsBelow})`))).toEqual([
      [],
      ['key<potential (1)'],
      ['regular<potential (2)'],
      [],
      ['key<regular (1)'],
    ]);
    expect(r.held[1]![0]!.note).toEqual({
      'zh-CN': '逐级降级：本期评定为潜在客户，先降一级至重要客户',
      'en-US': 'Stepped down: graded Potential, lowered one tier to Key',
    });
  });

  it('a one-tier drop is not held', () => {
    expect(one(ONE_STEP, [0, 1, 2, 3]).tiers.flat()).toEqual([0, 1, 2, 3]);
  });
});

describe('after-periods', () => {
  it('K = 2: keeps the tier for the first period below, drops at the second; a period back up resets the count', () => {
    // computed: vip, key, vip, key, key, regular
    const r = one(AFTER_2, [0, 1, 0, 1, 1, 2]);
    expect(r.tiers.flat()).toEqual([0, 0, 0, 0, 1, 1]);
    expect(r.held.map((h) => h.map((x) => `${x.kept}<${x.computed} (${x.periodsBelow})`))).toEqual([
      [],
      ['vip<key (1)'],
      [],
      ['vip<key (1)'],
      [],
      ['key<regular (1)'],
    ]);
    expect(r.held[1]![0]).toMatchObject({
      index: 0,
      kept: 'vip',
      computed: 'key',
      periodsBelow: 1,
      note: { 'zh-CN': '保级：连续 1 期未达标，第 2 期降级', 'en-US': 'Tier kept: below for 1 period, downgraded at the 2nd' },
    });
  });

  it('K = 2: drops straight to the computed tier, however far below', () => {
    expect(one(AFTER_2, [0, 1, 3]).tiers.flat()).toEqual([0, 0, 3]);
    expect(one(AFTER_2, [0, 3, 3]).tiers.flat()).toEqual([0, 0, 3]);
  });

  it('K = 3: two periods held, dropped at the third; then held again from the new tier', () => {
    // computed: vip, regular, regular, regular, potential
    const r = one(AFTER_3, [0, 2, 2, 2, 3]);
    expect(r.tiers.flat()).toEqual([0, 0, 0, 2, 2]);
    expect(r.held[2]![0]!.note).toEqual({ 'zh-CN': '保级：连续 2 期未达标，第 3 期降级', 'en-US': 'Tier kept: below for 2 periods, downgraded at the 3rd' });
    expect(r.held[4]![0]).toMatchObject({ kept: 'regular', computed: 'potential', periodsBelow: 1 });
  });

  it('K = 3 with values that flap every period: never two below in a row, never dropped', () => {
    expect(one(AFTER_3, [0, 1, 0, 1, 0, 1]).tiers.flat()).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('every policy', () => {
  it.each([
    ['immediate', IMMEDIATE],
    ['one-step', ONE_STEP],
    ['after-periods 2', AFTER_2],
  ])('%s: upgrades apply at once', (_name, s) => {
    expect(one(s, [3, 0, 0]).tiers.flat()).toEqual([3, 0, 0]);
    expect(one(s, [2, 1, 1]).tiers.flat()).toEqual([2, 1, 1]);
  });

  it.each([
    ['one-step', ONE_STEP],
    ['after-periods 2', AFTER_2],
  ])('%s: an unrated customer is never held', (_name, s) => {
    const r = one(s, [0, -1, 1]);
    expect(r.tiers.flat()).toEqual([0, -1, 1]);
    expect(r.held.flat()).toEqual([]);
  });

  it('customers are held one by one, by their index; a new customer or one back after a gap takes the computed tier', () => {
    const history = [rec('2024', 'A', 'vip'), rec('2024', 'B', 'key'), rec('2023', 'D', 'vip')];
    const res = applyDowngradePolicy(AFTER_2, Int16Array.from([1, 3, 2, 3]), ['A', 'B', 'C', 'D'], history, '2025');
    expect([...res.tier]).toEqual([0, 1, 2, 3]);
    expect(res.held.map((h) => [h.index, h.kept, h.computed])).toEqual([
      [0, 'vip', 'key'],
      [1, 'key', 'potential'],
    ]);
  });

  it('matches ids as history stores them (full-width and spaces folded); the period being graded is ignored in history', () => {
    const history = [rec('2024', 'C001', 'vip'), rec('2025', 'C001', 'potential')];
    const res = applyDowngradePolicy(AFTER_2, Int16Array.from([1]), ['Ｃ００１ '], history, '2025');
    expect([...res.tier]).toEqual([0]);
  });

  it('periods are ordered in time, not as text (2025H2 after 2025Q1)', () => {
    const history = [rec('2025Q1', 'A', 'key', {}, { computedTier: 'key' }), rec('2025Q2', 'A', 'vip', {}, { computedTier: 'vip' })];
    // The latest before 2025H2 is 2025Q2 (vip), whatever the text order says.
    const res = applyDowngradePolicy(AFTER_2, Int16Array.from([1]), ['A'], history, '2025H2');
    expect(res.held[0]).toMatchObject({ kept: 'vip', periodsBelow: 1 });
  });
});

describe('without a computed-tier column in history', () => {
  it('rules: recomputed from the metrics history keeps, so after-periods still counts', () => {
    const m = (spend: number, years: number) => ({ annualSpend: spend, cooperationYears: years });
    const history = [rec('2023', 'A', 'vip', m(1_200_000, 6)), rec('2024', 'A', 'vip', m(800_000, 6))];
    // 2024 was held (its metrics say key); 2025 is below again → second period below → dropped.
    const res = applyDowngradePolicy(AFTER_2, Int16Array.from([1]), ['A'], history, '2025');
    expect([...res.tier]).toEqual([1]);
  });

  it('with neither the column nor the metrics it can only see the tier held, so the customer stays held', () => {
    const r = simulate(AFTER_2, [[0], [1], [1], [1]], ['A'], false);
    expect(r.tiers.flat()).toEqual([0, 0, 0, 0]);
  });

  it('recomputedTier: rules from metrics, points from the score, RFM from its code, ABC from the share', () => {
    const m = (metrics: Record<string, number>) => rec('2024', 'A', null, metrics);
    expect(recomputedTier(b2b, m({ annualSpend: 1_000_000, cooperationYears: 5 }))).toBe(0);
    expect(recomputedTier(b2b, m({ annualSpend: 999_999, cooperationYears: 9 }))).toBe(1);
    expect(recomputedTier(b2b, m({ annualSpend: 99_999, cooperationYears: 9 }))).toBe(3);
    expect(recomputedTier(b2b, m({ annualSpend: 2_000_000 }))).toBe(-1);

    const scored = (id: string, score: number) => recomputedTier(getPreset(id)!, rec('2024', 'A', null, {}, { score }));
    expect([85, 80, 79.9, 60, 35, 34.9].map((x) => scored('b2b-weighted', x))).toEqual([0, 0, 1, 1, 2, 3]);
    // rfm-5: 545 champions; 315 needs attention (R3 F1); 155 at risk (R1 F5); 211 hibernating (no segment).
    expect([545, 315, 155, 211].map((x) => scored('rfm-5', x))).toEqual([0, 4, 5, 6]);
    // abc-revenue: share of those ranked above, in percent: A below 80, B below 95.
    expect([0, 79.99, 80, 94.9, 95, 100].map((x) => scored('abc-revenue', x))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(recomputedTier(getPreset('b2b-weighted')!, rec('2024', 'A', null))).toBe(-1);
  });
});
