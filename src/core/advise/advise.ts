// 建议门槛 — the threshold advisor: thresholds for the scheme's criteria that put the tier mix inside the
// expected bands on the user's data, rounded as a handbook would write them; where ties or multi-condition
// rules make a band unreachable, the closest mix and why. Before and after are both graded by grade(), so
// "after" is exactly what the preview and the run will show once the advice is accepted.
import { formatValue } from '../explain/format.ts';
import { loc, type Localized } from '../i18n.ts';
import { grade, matchTier, type GradeResult } from '../grading/grade.ts';
import { normalizeKey } from '../grading/ids.ts';
import { pointsScores } from '../grading/points.ts';
import { prepare } from '../grading/prepare.ts';
import { metricSpec, type CustomerTable } from '../grading/table.ts';
import type { Scheme } from '../scheme/schema.ts';
import { revenueMetricOf, tierMixOf, type TierMix } from '../summaries/mix.ts';
import { analyse, type AdviceReason } from './reasons.ts';

export type { AdviceReason };
import { searchThresholds, type ShareBand } from './search.ts';
import { SCORE_METRIC, schemeWith, thresholdsOf, tierConditions, withValue, type Threshold } from './thresholds.ts';

export type { ShareBand };

export interface AdviseOptions {
  /** Expected share per tier (best first), instead of the scheme's own; null = no band for that tier. */
  bands?: readonly (ShareBand | null)[];
}

export interface Proposal {
  /** Tier id. */
  tier: string;
  metric: string;
  label: Localized;
  op: Threshold['op'];
  unit: Threshold['unit'];
  current: number;
  proposed: number;
}

export interface Advice {
  /** The scheme with the proposed thresholds (and the bands advised against as expected shares). */
  scheme: Scheme;
  proposals: Proposal[];
  before: TierMix;
  after: TierMix;
  /** Customers whose tier changes: up = to a better tier. */
  moves: { up: number; down: number; same: number };
  /** Whether every tier's share lies inside its band after the advice. */
  fits: boolean;
  /** Whether the current thresholds already fit (nothing to change). */
  fitsNow: boolean;
  reasons: AdviceReason[];
}

/** The scheme with the given bands as its tiers' expected shares. */
export function withBands(scheme: Scheme, bands: readonly (ShareBand | null)[]): Scheme {
  return {
    ...scheme,
    tiers: scheme.tiers.map((t, i) => {
      const b = bands[i];
      const { expectedShare: _old, ...rest } = t;
      return b ? { ...rest, expectedShare: { min: b.min, max: b.max } } : rest;
    }),
  };
}

const fitsAll = (mix: TierMix) => mix.graded > 0 && mix.rows.every((r) => !r.outsideExpected);

export function adviseThresholds(input: Scheme, table: CustomerTable, options: AdviseOptions = {}): Advice {
  const scheme = options.bands ? withBands(input, options.bands) : input;
  const bands = scheme.tiers.map((t) => t.expectedShare ?? null);
  const before = grade(scheme, table);
  const beforeMix = tierMixOf(before);
  const reasons: AdviceReason[] = [];
  const unchanged = (why: AdviceReason[]): Advice => ({
    scheme,
    proposals: proposalsOf(scheme, scheme),
    before: beforeMix,
    after: beforeMix,
    moves: { up: 0, down: 0, same: beforeMix.graded },
    fits: fitsAll(beforeMix),
    fitsNow: fitsAll(beforeMix),
    reasons: why,
  });
  if (bands.every((b) => b === null))
    return unchanged([{ tier: null, code: 'no-bands', message: loc('方案没有设定各等级的期望占比：请在"等级与权益"中填写期望占比（或在命令行用 --shares）', 'The scheme states no expected share per tier: set them under "Tiers" (or pass --shares on the command line)') }]);
  if (scheme.mode.kind === 'rfm' || scheme.mode.kind === 'abc') {
    const why =
      scheme.mode.kind === 'rfm'
        ? loc('RFM 方案按五分位打分，分界随数据而定，没有可调的门槛', 'An RFM scheme scores by quintiles of the data itself: it has no thresholds to move')
        : loc('ABC 方案按累计收入占比（切分点）分类，没有按指标的门槛', 'An ABC scheme classes by cumulative revenue share (its cut points), not by thresholds on a metric');
    return unchanged([{ tier: null, code: 'mode', message: why }]);
  }
  const sumMin = bands.reduce((s, b) => s + (b?.min ?? 0), 0);
  const sumMax = bands.reduce((s, b) => s + (b?.max ?? 1), 0);
  if (sumMin > 1 + 1e-9 || sumMax < 1 - 1e-9) {
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    reasons.push({
      tier: null,
      code: 'bands',
      message:
        sumMin > 1 + 1e-9
          ? loc(`各等级期望占比的下限之和为 ${pct(sumMin)}，超过 100%：无法同时满足`, `The expected shares' minimums add up to ${pct(sumMin)}, over 100%: they cannot all be met`)
          : loc(`各等级期望占比的上限之和只有 ${pct(sumMax)}，不到 100%：无法同时满足`, `The expected shares' maximums add up to only ${pct(sumMax)}, under 100%: they cannot all be met`),
    });
  }

  // The grading's own inputs: effective values (blank policy applied), who is unrated, who is overridden.
  const { values, unrated } = prepare(scheme, table);
  const cols: Record<string, Float64Array> = { ...values };
  if (scheme.mode.kind === 'points') cols[SCORE_METRIC] = pointsScores(scheme.mode, values, table.size);
  const overridden = new Array<number>(scheme.tiers.length).fill(0);
  const eligible: number[] = [];
  for (let i = 0; i < table.size; i++) {
    const text = table.overrides?.[i];
    const t = text != null && normalizeKey(text) !== '' ? matchTier(scheme, text) : -1;
    if (t >= 0) overridden[t]!++;
    else if (!unrated || unrated[i] === 0) eligible.push(i);
  }
  const conditions = tierConditions(scheme);
  const thresholds = thresholdsOf(scheme);
  const driverMetric = scheme.mode.kind === 'points' ? SCORE_METRIC : revenueMetricOf(scheme);
  const search = { conditions, thresholds, cols, eligible, overridden, graded: beforeMix.graded, bands, driverMetric };
  // Handbook numbers first; finer ones only when they make every tier fit.
  const coarse = searchThresholds(search, true);
  const fine = coarse.deviation > 0 ? searchThresholds(search) : coarse;
  const found = fine.deviation === 0 ? fine : coarse;
  const proposed = schemeWith(
    scheme,
    conditions.map((c, k) => thresholds[k]!.reduce((x, t, j) => withValue(x, t.path, found.values[k]?.[j] ?? t.current), c)),
  );
  const after = grade(proposed, table);
  const afterMix = tierMixOf(after);
  const fits = fitsAll(afterMix);
  if (!fits && !reasons.length) reasons.push(...analyse({ scheme: proposed, after, afterMix, conditions: tierConditions(proposed), thresholds: thresholdsOf(proposed), cols, eligible, overridden, driverMetric }));
  return {
    scheme: proposed,
    proposals: proposalsOf(scheme, proposed),
    before: beforeMix,
    after: afterMix,
    moves: movesOf(before, after),
    fits,
    fitsNow: fitsAll(beforeMix),
    reasons,
  };
}

function proposalsOf(before: Scheme, after: Scheme): Proposal[] {
  const now = thresholdsOf(after);
  return thresholdsOf(before).flatMap((ts, k) =>
    ts.map((t, j) => ({
      tier: before.tiers[k]!.id,
      metric: t.metric === SCORE_METRIC ? 'score' : t.metric,
      label: t.metric === SCORE_METRIC ? loc('等级得分', 'Score') : metricSpec(before, t.metric).label,
      op: t.op,
      unit: t.unit,
      current: t.current,
      proposed: now[k]![j]!.current,
    })),
  );
}

function movesOf(before: GradeResult, after: GradeResult): Advice['moves'] {
  const moves = { up: 0, down: 0, same: 0 };
  for (let i = 0; i < before.size; i++) {
    const a = before.tier[i]!;
    const b = after.tier[i]!;
    if (a < 0 || b < 0) continue;
    if (b < a) moves.up++;
    else if (b > a) moves.down++;
    else moves.same++;
  }
  return moves;
}

/** A proposal as a manager reads it: "年度消费金额 ≥ ¥500,000 → ≥ ¥800,000". */
export function proposalText(p: Proposal, currency: string, lang: 'zh-CN' | 'en-US'): string {
  const sym = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[p.op];
  return `${p.label[lang]} ${sym} ${formatValue(p.current, p.unit, lang, currency)} → ${sym} ${formatValue(p.proposed, p.unit, lang, currency)}`;
}
