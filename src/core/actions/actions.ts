// What account managers do next (行动清单): three lists of customers to call, each sorted by the value at stake.
// - 冲刺升级: every unmet condition of the next tier up is within reach (a share of its threshold, or one RFM score);
// - 降级预警: the review policy keeps them in a tier they no longer reach, or they sit just above their tier's threshold;
// - 流失预警: top-tier customers long without a purchase, or whose spend fell against the previous period.
import { explainer } from '../explain/explain.ts';
import { formatNumber, formatValue } from '../explain/format.ts';
import type { GradeResult } from '../grading/grade.ts';
import { RFM_SCORE_METRICS, segmentCondition } from '../grading/rfm.ts';
import { metricSpec } from '../grading/table.ts';
import type { HistoryRecord } from '../history.ts';
import { loc, type Localized } from '../i18n.ts';
import type { Cadence, Condition, Scheme } from '../scheme/schema.ts';
import { revenueMetricOf } from '../summaries/mix.ts';
import type { HeldTier } from '../summaries/policy.ts';
import { middleTierIndex } from '../cost/cost.ts';
import { orderedByKeys } from './order.ts';
import { allWithin, slackOf, withinShare, type Slack } from './distance.ts';

export interface ActionOptions {
  /** Close to the next tier: every unmet condition within this share of its threshold (default 15%). */
  upgradeDistance: number;
  /** … or, in RFM mode, within this many scores (default 1). */
  rfmScoreDistance: number;
  /** At risk of downgrade: at most this share above their own tier's threshold (default 10%). */
  downgradeMargin: number;
  /** At risk of churn: days since the last purchase above this share of the churn days (default 50%). */
  churnRecencyShare: number;
  /** … or spend down by more than this share against the previous period (default 30%). */
  spendDropShare: number;
}

export const DEFAULT_ACTION_OPTIONS: ActionOptions = {
  upgradeDistance: 0.15,
  rfmScoreDistance: 1,
  downgradeMargin: 0.1,
  churnRecencyShare: 0.5,
  spendDropShare: 0.3,
};

export type ActionListKey = 'upgrade' | 'downgrade' | 'churn';
export const ACTION_LISTS: readonly ActionListKey[] = ['upgrade', 'downgrade', 'churn'];

export interface ActionItem {
  /** Index of the customer in the grading result. */
  index: number;
  id: string;
  name: string | null;
  /** The tier held now (id). */
  tier: string;
  /** Upgrade: the tier within reach. */
  target?: string;
  owner: Localized | null;
  cadence: Cadence | null;
  /** The gap ("还差 ¥3,000") or the risk, in the user's units. */
  detail: Localized;
  /** Value at stake (revenue; for an upgrade, the revenue the upgrade implies), for sorting. */
  value: number;
  /** Downgrade held by the policy: periods left before the drop (null where the policy counts none). */
  periodsLeft?: number | null;
  /** Churn: days since the last purchase, when known. */
  recencyDays?: number | null;
}

export interface ActionLists {
  upgrade: ActionItem[];
  downgrade: ActionItem[];
  churn: ActionItem[];
  options: ActionOptions;
  /** The metric counted as value (revenue), or null. */
  valueMetric: string | null;
}

export interface ActionInputs {
  /** Customers the review policy kept in their tier this period. */
  held?: ReadonlyMap<number, HeldTier>;
  /** The previous period's snapshot, by customer id (spend drop). */
  previous?: ReadonlyMap<string, HistoryRecord> | null;
  options?: Partial<ActionOptions>;
  /** Days since the last purchase per customer, when the scheme does not grade on it (the run reads the orders). */
  recency?: ArrayLike<number> | null;
}

const RECENCY = 'recencyDays';

/** The three lists for a grading result. */
export function actionLists(result: GradeResult, inputs: ActionInputs = {}): ActionLists {
  const steps = actionListsSteps(result, inputs);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** Customers between two yields of actionListsSteps (a few milliseconds of work). */
const CUSTOMERS_PER_STEP = 4_096;

/**
 * actionLists, yielding every few thousand customers: a million take seconds, and a caller on a UI thread
 * (the Excel pane) gives the thread back between the parts.
 */
export function* actionListsSteps(result: GradeResult, inputs: ActionInputs = {}): Generator<void, ActionLists> {
  const options = { ...DEFAULT_ACTION_OPTIONS, ...inputs.options };
  const { scheme } = result;
  const held = inputs.held ?? new Map<number, HeldTier>();
  const valueMetric = revenueMetricOf(scheme);
  const column = (m: string | null) => (m ? (result.values[m] ?? result.table.metrics[m]?.values ?? null) : null);
  const revenue = column(valueMetric);
  const valueAt = (i: number) => {
    const v = revenue ? revenue[i]! : NaN;
    return Number.isFinite(v) ? v : 0;
  };
  const explain = lazyExplainer(result);
  const item = (i: number, t: number, detail: Localized, value: number, extra: Partial<ActionItem> = {}): ActionItem => {
    const b = scheme.tiers[t]!.benefits;
    return { index: i, id: result.table.ids[i]!, name: result.table.names?.[i] ?? null, tier: scheme.tiers[t]!.id, owner: b.owner ?? null, cadence: b.cadence ?? null, detail, value, ...extra };
  };
  const upgrade: ActionItem[] = [];
  const downgrade: ActionItem[] = [];
  const churn: ActionItem[] = [];
  const near = nearChecks(result, options);
  const k = scheme.tiers.length;
  const top = middleTierIndex(k);
  const recency = column(RECENCY) ?? inputs.recency ?? null;
  for (let i = 0; i < result.size; i++) {
    if (i % CUSTOMERS_PER_STEP === 0 && i > 0) yield;
    const t = result.tier[i]!;
    if (t < 0) continue;
    const h = held.get(i);
    // What the rules say (not a hand-set or policy-kept tier) is what the distances are measured from.
    const graded = !result.overridden[i] && !h && result.modeTier[i] === t;
    if (graded && t > 0 && near.upgrade(i, t)) {
      const gap = explain(i).gap;
      if (gap) {
        const extra = gap.items.filter((x) => x.metric === valueMetric && x.delta !== null && x.delta > 0).reduce((s, x) => s + x.delta!, 0);
        upgrade.push(item(i, t, gap.text, valueAt(i) + extra, { target: gap.tier }));
      }
    }
    if (h) downgrade.push(item(i, t, heldText(scheme, h), valueAt(i), { periodsLeft: periodsLeft(scheme, h) }));
    else if (graded && t < k - 1) {
      const risk = near.downgrade(i, t);
      if (risk) downgrade.push(item(i, t, risk, valueAt(i), { periodsLeft: null }));
    }
    if (t <= top) {
      const risk = churnRisk(scheme, options, recency?.[i] ?? NaN, valueMetric, valueAt(i), inputs.previous?.get(result.table.ids[i]!));
      if (risk) churn.push(item(i, t, risk.text, risk.value, { recencyDays: Number.isFinite(recency?.[i] ?? NaN) ? recency![i]! : null }));
    }
  }
  const byValue = (a: ActionItem, b: ActionItem) => b.value - a.value || a.index - b.index;
  // Upgrades to the same tier imply the same revenue (its threshold): the one with the smaller gap goes first.
  const byImplied = (a: ActionItem, b: ActionItem) => b.value - a.value || valueAt(b.index) - valueAt(a.index) || a.index - b.index;
  yield;
  const upgrades = orderedByKeys(upgrade, [(x) => x.value, (x) => valueAt(x.index)], byImplied);
  yield;
  const downgrades = orderedByKeys(downgrade, [(x) => x.value], byValue);
  yield;
  return { upgrade: upgrades, downgrade: downgrades, churn: orderedByKeys(churn, [(x) => x.value], byValue), options, valueMetric };
}

/** The explainer, built only when a customer is on a list (most are not). */
function lazyExplainer(result: GradeResult) {
  let e: ReturnType<typeof explainer> | null = null;
  return (i: number) => (e ??= explainer(result))(i);
}

interface NearChecks {
  upgrade(i: number, t: number): boolean;
  /** The risk text when the customer is within the margin above its tier's threshold, else null. */
  downgrade(i: number, t: number): Localized | null;
}

function nearChecks(result: GradeResult, o: ActionOptions): NearChecks {
  const { scheme } = result;
  const mode = scheme.mode;
  const valueOf = (i: number) => (m: string) => {
    const rfm = result.rfm;
    if (rfm && m === RFM_SCORE_METRICS.r) return rfm.r[i]!;
    if (rfm && m === RFM_SCORE_METRICS.f) return rfm.f[i]!;
    if (rfm && m === RFM_SCORE_METRICS.m) return rfm.m[i]!;
    return result.values[m]?.[i] ?? NaN;
  };
  switch (mode.kind) {
    case 'rules': {
      const conds = mode.rules.map((r) => r.when);
      return {
        upgrade: (i, t) => allWithin(conds[t - 1]!, valueOf(i), withinShare(o.upgradeDistance)),
        downgrade: (i, t) => marginText(scheme, conds[t]!, valueOf(i), o.downgradeMargin),
      };
    }
    case 'rfm': {
      const conds: Condition[] = mode.segments.map(segmentCondition);
      return {
        upgrade: (i, t) => allWithin(conds[t - 1]!, valueOf(i), (_c, gap) => gap <= o.rfmScoreDistance),
        // Scores move in whole steps: "just above" says nothing a score of its own does not.
        downgrade: () => null,
      };
    }
    case 'points': {
      const score = result.score!;
      const min = (t: number) => mode.tierBands[t]?.minScore ?? NaN;
      return {
        upgrade: (i, t) => min(t - 1) - score[i]! <= o.upgradeDistance * min(t - 1) + 1e-9,
        downgrade: (i, t) => {
          const room = score[i]! - min(t);
          if (!(min(t) > 0) || room > o.downgradeMargin * min(t)) return null;
          const s = formatNumber(score[i]!);
          const m = formatNumber(min(t));
          return loc(`总分 ${s} 仅高出本级分数线 ${m} ${pct(room / min(t))}`, `Score ${s} only ${pct(room / min(t))} above the tier's line ${m}`);
        },
      };
    }
    case 'abc': {
      const values = result.values[mode.metric]!;
      // The lowest value that made each tier: the bar a customer below must reach.
      const floors = scheme.tiers.map(() => Infinity);
      for (let i = 0; i < result.size; i++) {
        const t = result.modeTier[i]!;
        if (t >= 0 && values[i]! < floors[t]!) floors[t] = values[i]!;
      }
      const share = result.cumulativeShare!;
      return {
        upgrade: (i, t) => Number.isFinite(floors[t - 1]!) && floors[t - 1]! - values[i]! <= o.upgradeDistance * Math.abs(floors[t - 1]!) + 1e-9,
        downgrade: (i, t) => {
          const cut = mode.cuts[t];
          const s = share[i]!;
          if (cut === undefined || !Number.isFinite(s) || cut - s > o.downgradeMargin * cut) return null;
          return loc(
            `排在其前的客户累计占比 ${pct(s)}，接近本级分界 ${pct(cut)}`,
            `Customers ranked above hold ${pct(s)}, close to the tier's cut ${pct(cut)}`,
          );
        },
      };
    }
  }
}

function pct(x: number): string {
  return `${formatNumber(x * 100, 1)}%`;
}

/** "年度消费金额 ¥1,050,000 仅高出门槛 ¥1,000,000 5.0%" for the tightest comparison within the margin. */
function marginText(scheme: Scheme, cond: Condition, valueOf: (m: string) => number, margin: number): Localized | null {
  // Years of cooperation only grow: sitting at its threshold is no risk of falling below it.
  const s: Slack | null = slackOf(cond, (m) => (metricSpec(scheme, m).unit === 'years' ? Infinity : valueOf(m)));
  if (!s || s.share > margin) return null;
  const spec = metricSpec(scheme, s.leaf.metric);
  const f = (x: number, lang: 'zh-CN' | 'en-US') => formatValue(x, spec.unit, lang, scheme.currency);
  const above = s.leaf.op === '>=' || s.leaf.op === '>';
  return loc(
    `${spec.label['zh-CN']} ${f(s.value, 'zh-CN')} 仅${above ? '高出' : '低于'}门槛 ${f(s.leaf.value, 'zh-CN')} ${pct(s.share)}`,
    `${spec.label['en-US']} ${f(s.value, 'en-US')} only ${pct(s.share)} ${above ? 'above' : 'below'} the threshold ${f(s.leaf.value, 'en-US')}`,
  );
}

/** Periods a held customer may still stay below before the drop; null where the policy counts none. */
function periodsLeft(scheme: Scheme, h: HeldTier): number | null {
  const d = scheme.review.downgrade;
  return d.policy === 'after-periods' ? Math.max(0, d.periods - h.periodsBelow) : null;
}

function heldText(scheme: Scheme, h: HeldTier): Localized {
  const computed = scheme.tiers.find((t) => t.id === h.computed)?.label ?? loc(h.computed, h.computed);
  const left = periodsLeft(scheme, h);
  return loc(
    `保级中：本期计算等级为${computed['zh-CN']}，已连续 ${h.periodsBelow} 期未达标${left !== null ? `，再 ${left} 期未达标将降级` : ''}`,
    `Kept by the review policy: computed ${computed['en-US']} this period, ${h.periodsBelow} period${h.periodsBelow === 1 ? '' : 's'} below${left !== null ? `; ${left} more and the tier drops` : ''}`,
  );
}

function churnRisk(
  scheme: Scheme,
  o: ActionOptions,
  days: number,
  valueMetric: string | null,
  now: number,
  before: HistoryRecord | undefined,
): { text: Localized; value: number } | null {
  const parts: Localized[] = [];
  let value = now;
  const churnDays = scheme.review.churnDays;
  if (Number.isFinite(days) && days > o.churnRecencyShare * churnDays) {
    const d = formatNumber(days);
    parts.push(
      days > churnDays
        ? loc(`已 ${d} 天未消费（超过流失判定 ${churnDays} 天）`, `${d} days without a purchase (past the ${churnDays}-day churn rule)`)
        : loc(`已 ${d} 天未消费（流失判定 ${churnDays} 天）`, `${d} days without a purchase (churn rule: ${churnDays} days)`),
    );
  }
  const was = valueMetric ? before?.metrics[valueMetric] : undefined;
  if (was !== undefined && Number.isFinite(was) && was > 0 && (was - now) / was > o.spendDropShare) {
    const f = (x: number, lang: 'zh-CN' | 'en-US') => formatValue(x, 'currency', lang, scheme.currency);
    const drop = pct((was - now) / was);
    parts.push(loc(`消费较上期下降 ${drop}（${f(was, 'zh-CN')} → ${f(now, 'zh-CN')}）`, `spend down ${drop} on the previous period (${f(was, 'en-US')} → ${f(now, 'en-US')})`));
    value = Math.max(value, was);
  }
  if (!parts.length) return null;
  return { text: loc(parts.map((p) => p['zh-CN']).join('；'), capitalise(parts.map((p) => p['en-US']).join('; '))), value };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
