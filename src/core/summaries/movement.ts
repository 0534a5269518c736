// Movement between periods (等级变动): where each tier's customers went from one history snapshot to the
// next — a migration matrix, upgrades and downgrades, and the customers who moved with what drove the move.
import type { HistoryRecord } from '../history.ts';
import { compareIds } from '../grading/ids.ts';
import { BUILTIN_METRICS, isBuiltinMetric, type Direction } from '../scheme/metrics.ts';
import type { Scheme } from '../scheme/schema.ts';
import { modeMetrics } from '../scheme/validate.ts';
import { hasRecency, isActive, oneSnapshot, tierIndexOf } from './churn.ts';

/**
 * Labels of the extra matrix row and column. Parenthesised because they can never be tier ids (ids start
 * with a letter), while 'new' can: the rfm-5 preset has a tier called new.
 */
export const NEW_ROW = '(new)';
export const CHURNED_COL = '(churned)';

export interface MoveDriver {
  metric: string;
  before: number;
  after: number;
  /** Relative change (after − before) ÷ |before|; ±Infinity for a change away from 0. */
  change: number;
}

export interface TierMove {
  id: string;
  name: string | null;
  from: string;
  to: string;
  direction: 'up' | 'down';
  driver: MoveDriver | null;
}

export interface TierMovement {
  /** The earlier and later periods (null for an empty snapshot). */
  from: string | null;
  to: string | null;
  /** Rows: tier at the start (best first) then NEW_ROW; columns: tier at the end then CHURNED_COL. */
  matrix: number[][];
  rowLabels: string[];
  colLabels: string[];
  /** Moved to a better tier (below the diagonal: column index < row index, as tiers are best first). */
  upgrades: number;
  /** Moved to a worse tier (above the diagonal). */
  downgrades: number;
  unchanged: number;
  /** Active at the end but not at the start, with a tier at the end (the NEW_ROW total). */
  newCustomers: number;
  /** Active at the start with a tier, churned by the end (the CHURNED_COL total); as in churnByTier. */
  churned: number;
  /** Downgrades first (the ones to act on), then upgrades; each by tier, then customer id. */
  moves: TierMove[];
  /** Left out: active at both ends but without a tier at one of them (unrated, or a tier the scheme lost). */
  unrated: number;
  /** Left out: listed in a snapshot but lapsed (no purchase for more than churnDays) at both ends. */
  lapsed: number;
  /** The churn threshold used (null: recency not considered). */
  churnDays: number | null;
  /** Whether the snapshots carry recencyDays; without it churn is told by absence alone. */
  recencyKnown: boolean;
}

export interface MovementOptions {
  /** Days without a purchase after which a listed customer counts as churned; null turns it off. Default: review.churnDays. */
  churnDays?: number | null;
}

function directionOf(scheme: Scheme, metric: string): Direction {
  const declared = scheme.criteria.find((c) => c.metric === metric);
  if (declared) return declared.direction;
  return isBuiltinMetric(metric) ? BUILTIN_METRICS[metric].direction : 'higher';
}

/**
 * What drove a move: among the metrics the grading mode uses, the one whose relative change between the two
 * snapshots went furthest in the direction of the move (a rise of a higher-is-better metric, a fall of
 * recency, for an upgrade; the reverse for a downgrade). Relative, so that money, counts and years compare.
 * A change away from 0 counts as the largest. Null when no metric with values at both ends moved that way.
 */
export function moveDriver(scheme: Scheme, before: HistoryRecord, after: HistoryRecord, direction: 'up' | 'down'): MoveDriver | null {
  let best: MoveDriver | null = null;
  let bestGain = 0;
  for (const metric of modeMetrics(scheme)) {
    const b = before.metrics[metric];
    const a = after.metrics[metric];
    if (b === undefined || a === undefined || !Number.isFinite(b) || !Number.isFinite(a) || a === b) continue;
    const change = b !== 0 ? (a - b) / Math.abs(b) : a > b ? Infinity : -Infinity;
    const better = directionOf(scheme, metric) === 'higher' ? change : -change;
    const gain = direction === 'up' ? better : -better;
    // Strictly greater: on a tie the metric listed first in the scheme wins.
    if (gain > bestGain) {
      best = { metric, before: b, after: a, change };
      bestGain = gain;
    }
  }
  return best;
}

/**
 * The migration between two snapshots (one period each). A customer is active in a snapshot when listed and
 * not lapsed (recencyDays ≤ churnDays, or no recency recorded). Active at the start and not at the end:
 * churned; active at the end and not at the start: new (including a customer back after skipping a period).
 */
export function tierMovement(
  scheme: Scheme,
  earlier: readonly HistoryRecord[],
  later: readonly HistoryRecord[],
  opts: MovementOptions = {},
): TierMovement {
  const start = oneSnapshot(earlier, 'tierMovement earlier');
  const end = oneSnapshot(later, 'tierMovement later');
  const churnDays = opts.churnDays === undefined ? scheme.review.churnDays : opts.churnDays;
  const k = scheme.tiers.length;
  const matrix = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  const moves: (TierMove & { fromIndex: number; toIndex: number })[] = [];
  let upgrades = 0;
  let downgrades = 0;
  let unchanged = 0;
  let unrated = 0;
  let lapsed = 0;
  const ids = new Set([...start.byId.keys(), ...end.byId.keys()]);
  for (const id of ids) {
    const e = start.byId.get(id);
    const l = end.byId.get(id);
    const wasActive = isActive(e, churnDays);
    const isNowActive = isActive(l, churnDays);
    if (!wasActive && !isNowActive) {
      lapsed++;
      continue;
    }
    const from = wasActive ? tierIndexOf(scheme, e.tier) : k;
    if (from < 0) {
      unrated++;
      continue;
    }
    if (!isNowActive) {
      matrix[from]![k]!++;
      continue;
    }
    const to = tierIndexOf(scheme, l.tier);
    if (to < 0) {
      unrated++;
      continue;
    }
    matrix[from]![to]!++;
    if (from === k) continue;
    if (to === from) {
      unchanged++;
      continue;
    }
    const direction = to < from ? 'up' : 'down';
    if (direction === 'up') upgrades++;
    else downgrades++;
    moves.push({
      id,
      name: l.name ?? e!.name,
      from: scheme.tiers[from]!.id,
      to: scheme.tiers[to]!.id,
      direction,
      driver: moveDriver(scheme, e!, l, direction),
      fromIndex: from,
      toIndex: to,
    });
  }
  moves.sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'down' ? -1 : 1) ||
      a.fromIndex - b.fromIndex ||
      a.toIndex - b.toIndex ||
      compareIds(a.id, b.id),
  );
  const tierIds = scheme.tiers.map((t) => t.id);
  let churned = 0;
  for (let t = 0; t < k; t++) churned += matrix[t]![k]!;
  return {
    from: start.period,
    to: end.period,
    matrix,
    rowLabels: [...tierIds, NEW_ROW],
    colLabels: [...tierIds, CHURNED_COL],
    upgrades,
    downgrades,
    unchanged,
    newCustomers: matrix[k]!.reduce((s, x) => s + x, 0),
    churned,
    moves: moves.map(({ fromIndex: _f, toIndex: _t, ...m }) => m),
    unrated,
    lapsed,
    churnDays,
    recencyKnown: churnDays !== null && hasRecency(start.byId, end.byId),
  };
}
