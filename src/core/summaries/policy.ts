// The scheme's downgrade policy applied across periods, so a customer's tier does not flap with every
// dip: upgrades always apply at once; downgrades immediately, one tier per review, or only after K
// consecutive periods below the tier held.
import { comparePeriods, type HistoryRecord } from '../history.ts';
import type { Localized } from '../i18n.ts';
import { compare } from '../grading/conditions.ts';
import { normalizeKey } from '../grading/ids.ts';
import type { Condition, Scheme } from '../scheme/schema.ts';
import { modeMetrics } from '../scheme/validate.ts';
import { tierIndexOf } from './churn.ts';

/**
 * A history record that may carry the tier the rules computed that period, before the policy held it up
 * (and before manual overrides). The history sheet needs that column for after-periods to count periods
 * below a held tier; see computedTierOf for what is used without it.
 */
export interface PolicyRecord extends HistoryRecord {
  computedTier?: string | null;
}

export interface HeldTier {
  /** Index of the customer in `computed` / `ids`. */
  index: number;
  /** The tier id the customer gets (above the computed one). */
  kept: string;
  /** The tier id the grading computed this period. */
  computed: string;
  /** Consecutive periods computed below the tier held, this one included. */
  periodsBelow: number;
  note: Localized;
  /** What each output column says of a kept customer, so no column contradicts the tier held. */
  reason: Localized;
  gap: Localized;
  /** The change mark: 保级 / Kept for a tier held, ↓ for a one-tier step. */
  mark: Localized;
}

export interface PolicyResult {
  tier: Int16Array;
  held: HeldTier[];
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinalEn(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function holds(c: Condition, valueOf: (m: string) => number): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, valueOf));
  if ('any' in c) return c.any.some((x) => holds(x, valueOf));
  return compare(valueOf(c.metric), c);
}

/**
 * The tier the current scheme's mode gives a history record, from what the record keeps: rules from its
 * metrics, points from its score, RFM from its R·100 + F·10 + M code, ABC from its revenue share (%).
 * -1 when the record lacks what is needed.
 */
export function recomputedTier(scheme: Scheme, r: HistoryRecord): number {
  return recomputer(scheme)(r);
}

/** recomputedTier with the scheme's work done once, for many records. */
function recomputer(scheme: Scheme): (r: HistoryRecord) => number {
  const mode = scheme.mode;
  const fallback = scheme.tiers.length - 1;
  switch (mode.kind) {
    case 'rules': {
      const metrics = modeMetrics(scheme).map((m) => ({ m, zero: scheme.criteria.find((c) => c.metric === m)?.missing === 'zero' }));
      return (r) => {
        const values: Record<string, number> = {};
        for (const { m, zero } of metrics) {
          const v = r.metrics[m] ?? (zero ? 0 : undefined);
          if (v === undefined || !Number.isFinite(v)) return -1;
          values[m] = v;
        }
        const t = mode.rules.findIndex((rule) => holds(rule.when, (m) => values[m]!));
        return t < 0 ? fallback : t;
      };
    }
    case 'points':
      return ({ score }) => {
        if (score === null || !Number.isFinite(score)) return -1;
        const t = mode.tierBands.findIndex((b) => score >= b.minScore);
        return t < 0 ? fallback : t;
      };
    case 'rfm':
      return ({ score }) => {
        if (score === null || !Number.isInteger(score) || score < 111 || score > 555) return -1;
        const s = { r: Math.floor(score / 100), f: Math.floor(score / 10) % 10, m: score % 10 };
        const inRange = (range: readonly [number, number] | undefined, x: number) => !range || (x >= range[0] && x <= range[1]);
        const t = mode.segments.findIndex((g) => inRange(g.r, s.r) && inRange(g.f, s.f) && inRange(g.m, s.m));
        return t < 0 ? fallback : t;
      };
    case 'abc':
      return ({ score }) => {
        if (score === null || !Number.isFinite(score)) return -1;
        // The share is stored in percent: allow for its rounding at a cut point, as grading does.
        const t = mode.cuts.findIndex((c) => score / 100 < c - 1e-9);
        return t < 0 ? fallback : t;
      };
  }
}

/**
 * The tier computed for a record's period: its computedTier when history has that column; otherwise
 * recomputed from the record (valid while the scheme is unchanged); otherwise the tier it held — which
 * cannot tell a held period from a met one, so after-periods would never see earlier periods below.
 */
export function computedTierOf(scheme: Scheme, r: PolicyRecord, recompute: (r: HistoryRecord) => number = recomputer(scheme)): number {
  if (r.computedTier !== undefined) return tierIndexOf(scheme, r.computedTier);
  const t = recompute(r);
  return t >= 0 ? t : tierIndexOf(scheme, r.tier);
}

/**
 * Apply the scheme's downgrade policy to this period's computed tiers (pass the mode's tiers, before manual
 * overrides, and apply overrides afterwards). The tier held is the one history gives the customer in the
 * latest period before `period`; a customer without one (new, back after a gap, or unrated then) takes
 * the computed tier, and an unrated customer is never held.
 * - immediate: the computed tier.
 * - one-step: at most one tier below the tier held.
 * - after-periods K: the tier held until the customer has been computed below it in K consecutive periods
 *   (this one and the K − 1 before it, each below the tier held then); then straight to the computed tier,
 *   as the evidence is in by then and a further slide one step a period would hold it up for no reason.
 */
export function applyDowngradePolicy(
  scheme: Scheme,
  computed: Int16Array,
  ids: readonly string[],
  history: readonly PolicyRecord[],
  period: string,
): PolicyResult {
  const tier = Int16Array.from(computed);
  const held: HeldTier[] = [];
  const policy = scheme.review.downgrade;
  if (policy.policy === 'immediate') return { tier, held };

  // Earlier periods, latest first, each as id → record (null: a period not before this one).
  const byPeriod = new Map<string, Map<string, PolicyRecord> | null>();
  for (const r of history) {
    let snap = byPeriod.get(r.period);
    if (snap === undefined) byPeriod.set(r.period, (snap = r.period !== period && comparePeriods(r.period, period) < 0 ? new Map() : null));
    snap?.set(r.id, r);
  }
  const periods = [...byPeriod.entries()]
    .filter((e): e is [string, Map<string, PolicyRecord>] => e[1] !== null)
    .sort((a, b) => comparePeriods(b[0], a[0]))
    .map((e) => e[1]);
  if (periods.length === 0) return { tier, held };

  const label = (t: number) => scheme.tiers[t]!.label;
  const recompute = recomputer(scheme);
  for (let i = 0; i < computed.length; i++) {
    const c = computed[i]!;
    if (c < 0) continue;
    const id = normalizeKey(ids[i] ?? '');
    const last = periods[0]!.get(id);
    const p = last ? tierIndexOf(scheme, last.tier) : -1;
    if (p < 0 || c <= p) continue;

    // Consecutive earlier periods computed below the tier held then, back from the latest (after-periods
    // only needs to know whether K are reached).
    const enough = policy.policy === 'after-periods' ? policy.periods : Infinity;
    let below = 1;
    for (const snap of periods) {
      if (below >= enough) break;
      const r = snap.get(id);
      const h = r ? tierIndexOf(scheme, r.tier) : -1;
      if (!r || h < 0 || computedTierOf(scheme, r, recompute) <= h) break;
      below++;
    }

    if (policy.policy === 'one-step') {
      const step = p + 1;
      if (c <= step) continue;
      tier[i] = step;
      const note = {
        'zh-CN': `逐级降级：本期评定为${label(c)['zh-CN']}，先降一级至${label(step)['zh-CN']}`,
        'en-US': `Stepped down: graded ${label(c)['en-US']}, lowered one tier to ${label(step)['en-US']}`,
      };
      held.push({
        index: i,
        kept: scheme.tiers[step]!.id,
        computed: scheme.tiers[c]!.id,
        periodsBelow: below,
        note,
        reason: note,
        gap: {
          'zh-CN': `逐级降级：每期最多降一级，下期仍未达${label(step)['zh-CN']}标准将继续下降`,
          'en-US': `Stepped down: at most one tier per review; still below ${label(step)['en-US']} next period, it drops again`,
        },
        mark: { 'zh-CN': '↓', 'en-US': '↓' },
      });
      continue;
    }

    const k = policy.periods;
    if (below >= k) continue;
    tier[i] = p;
    const note = {
      'zh-CN': `保级：连续 ${below} 期未达标，第 ${k} 期降级`,
      'en-US': `Tier kept: below for ${below} period${below === 1 ? '' : 's'}, downgraded at the ${ordinalEn(k)}`,
    };
    const left = k - below;
    held.push({
      index: i,
      kept: scheme.tiers[p]!.id,
      computed: scheme.tiers[c]!.id,
      periodsBelow: below,
      note,
      // The reason names the tier held and the one the rules give, never the lower tier's criteria as if they were met.
      reason: {
        'zh-CN': `${note['zh-CN']}（保持${label(p)['zh-CN']}；本期按规则为${label(c)['zh-CN']}）`,
        'en-US': `${note['en-US']} (stays ${label(p)['en-US']}; the rules give ${label(c)['en-US']} this period)`,
      },
      gap: {
        'zh-CN': `保级：需重新达到${label(p)['zh-CN']}标准，否则${left === 1 ? '下期' : `再 ${left} 期后`}降级`,
        'en-US': `Tier kept: meet ${label(p)['en-US']} again, or be downgraded ${left === 1 ? 'next period' : `in ${left} periods`}`,
      },
      mark: { 'zh-CN': '保级', 'en-US': 'Kept' },
    });
  }
  return { tier, held };
}
