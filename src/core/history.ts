// Tier history (等级历史): one snapshot per period of every graded customer, so the next review can show
// the previous tier, the change, movement between tiers and churn.
import { periodWindow } from './aggregate/period.ts';
import type { GradeResult } from './grading/grade.ts';
import { normalizeKey } from './grading/ids.ts';
import { loc, type Lang, type Localized } from './i18n.ts';
import { headerKey } from './output/columns.ts';
import type { CellValue } from './cells.ts';
import { BUILTIN_METRICS } from './scheme/metrics.ts';
import type { Scheme } from './scheme/schema.ts';

export interface HistoryRecord {
  period: string;
  id: string;
  name: string | null;
  /** Tier id; null when the customer was unrated that period. */
  tier: string | null;
  /** The tier the grading mode computed that period, before the downgrade policy and manual overrides (undefined in older history). */
  computedTier?: string | null;
  score: number | null;
  metrics: Record<string, number>;
  gradedAt: string | null;
}

const FIXED = {
  period: loc('期间', 'Period'),
  id: loc('客户编号', 'Customer ID'),
  name: loc('客户名称', 'Name'),
  tierId: loc('等级标识', 'Tier id'),
  tier: loc('客户等级', 'Tier'),
  score: loc('等级得分', 'Score'),
  computedTier: loc('计算等级', 'Computed tier'),
  gradedAt: loc('评级时间', 'Graded at'),
} satisfies Record<string, Localized>;

/**
 * The metrics a snapshot keeps: every criterion, plus days since the last purchase (churn by recency needs it)
 * even when the scheme does not grade on it.
 */
function historyMetrics(scheme: Scheme): { metric: string; label: Localized }[] {
  const list = scheme.criteria.map((c) => ({ metric: c.metric, label: c.label }));
  if (!list.some((m) => m.metric === 'recencyDays')) list.push({ metric: 'recencyDays', label: BUILTIN_METRICS.recencyDays.label });
  return list;
}

/** History columns: the fixed ones, then every criterion metric of the scheme. */
export function historyHeader(scheme: Scheme, lang: Lang): string[] {
  return [
    FIXED.period[lang],
    FIXED.id[lang],
    FIXED.name[lang],
    FIXED.tierId[lang],
    FIXED.tier[lang],
    FIXED.score[lang],
    FIXED.computedTier[lang],
    ...historyMetrics(scheme).map((m) => m.label[lang]),
    FIXED.gradedAt[lang],
  ];
}

/** True when a row starts as every history sheet's header does (either language): the sheet is in our format. */
export function isHistoryHeader(row: readonly CellValue[]): boolean {
  const fixed = (['period', 'id', 'name', 'tierId', 'tier', 'score', 'computedTier'] as const).map((k) => FIXED[k]);
  return (['zh-CN', 'en-US'] as const).some((lang) => fixed.every((h, i) => typeof row[i] === 'string' && (row[i] as string).trim() === h[lang]));
}

/** Excel's date-time format for the 评级时间 column (the history's last column). */
export const GRADED_AT_FORMAT = 'yyyy-mm-dd hh:mm';

/** A moment as an Excel date-time serial in the machine's local time (what the user's clock said). */
export function localSerial(d: Date): number {
  const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return wall / 86_400_000 + 25_569;
}

/** The snapshot rows of one grading run. */
export function historyRows(period: string, result: GradeResult, lang: Lang, gradedAt: Date): CellValue[][] {
  const at = localSerial(gradedAt);
  const { scheme, table } = result;
  const rows: CellValue[][] = new Array(result.size);
  const metricCols = historyMetrics(scheme).map((m) => result.values[m.metric] ?? table.metrics[m.metric]?.values ?? null);
  for (let i = 0; i < result.size; i++) {
    const t = result.tier[i]!;
    const score = result.score?.[i];
    rows[i] = [
      period,
      table.ids[i]!,
      table.names[i] ?? null,
      t >= 0 ? scheme.tiers[t]!.id : null,
      t >= 0 ? scheme.tiers[t]!.label[lang] : null,
      score !== undefined && Number.isFinite(score) ? score : null,
      result.modeTier[i]! >= 0 ? scheme.tiers[result.modeTier[i]!]!.id : null,
      ...metricCols.map((col) => {
        const v = col?.[i];
        return v !== undefined && Number.isFinite(v) ? v : null;
      }),
      at,
    ];
  }
  return rows;
}

/** Read history rows back (columns found by header in either language). `values[0]` is the header row. */
export function readHistory(values: CellValue[][], scheme: Scheme): HistoryRecord[] {
  const header = values[0] ?? [];
  const colOf = (l: Localized) => header.findIndex((h) => headerKey(h) === headerKey(l['zh-CN']) || headerKey(h) === headerKey(l['en-US']));
  const c = {
    period: colOf(FIXED.period),
    id: colOf(FIXED.id),
    name: colOf(FIXED.name),
    tierId: colOf(FIXED.tierId),
    tier: colOf(FIXED.tier),
    score: colOf(FIXED.score),
    computedTier: colOf(FIXED.computedTier),
    gradedAt: colOf(FIXED.gradedAt),
  };
  if (c.period < 0 || c.id < 0) return [];
  const metricCols = historyMetrics(scheme).map((m) => ({ metric: m.metric, col: colOf(m.label) })).filter((m) => m.col >= 0);
  // A history holds a handful of distinct tier texts in many rows: each is matched once.
  const tierOfText = new Map<string, string | undefined>();
  const tierByLabel = (text: string) => {
    if (tierOfText.has(text)) return tierOfText.get(text);
    const key = headerKey(text);
    const id = scheme.tiers.find((t) => headerKey(t.id) === key || headerKey(t.label['zh-CN']) === key || headerKey(t.label['en-US']) === key)?.id;
    tierOfText.set(text, id);
    return id;
  };
  const out: HistoryRecord[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    const period = row[c.period];
    const id = row[c.id];
    if (period === null || period === undefined || id === null || id === undefined || String(id).trim() === '') continue;
    const tierText = c.tierId >= 0 ? row[c.tierId] : c.tier >= 0 ? row[c.tier] : null;
    const metrics: Record<string, number> = {};
    for (const m of metricCols) {
      const v = row[m.col];
      if (typeof v === 'number') metrics[m.metric] = v;
    }
    const score = c.score >= 0 ? row[c.score] : null;
    out.push({
      period: String(period).trim(),
      id: normalizeKey(String(id)),
      name: c.name >= 0 && row[c.name] != null ? String(row[c.name]) : null,
      // A tier the current scheme no longer knows is kept by its text, so movement still shows it.
      tier: tierText === null || tierText === undefined || String(tierText).trim() === '' ? null : (tierByLabel(String(tierText)) ?? String(tierText)),
      score: typeof score === 'number' ? score : null,
      ...(c.computedTier >= 0 ? { computedTier: textOrNull(row[c.computedTier]) === null ? null : (tierByLabel(String(row[c.computedTier])) ?? String(row[c.computedTier])) } : {}),
      metrics,
      gradedAt: c.gradedAt >= 0 && row[c.gradedAt] != null ? String(row[c.gradedAt]) : null,
    });
  }
  return out;
}

function textOrNull(v: CellValue | undefined): string | null {
  return v === null || v === undefined || String(v).trim() === '' ? null : String(v);
}

/** Order periods in time where their labels say it (2025Q4 < 2026H1), else by text. */
export function comparePeriods(a: string, b: string): number {
  const wa = periodWindow(a);
  const wb = periodWindow(b);
  if (wa && wb && wa.start !== wb.start) return wa.start - wb.start;
  if (wa && wb && wa.end !== wb.end) return wa.end - wb.end;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function periodsOf(records: readonly HistoryRecord[]): string[] {
  return [...new Set(records.map((r) => r.period))].sort(comparePeriods);
}

/** The latest period before `current` (or the latest of all when current is null or not yet recorded). */
export function previousPeriod(periods: readonly string[], current: string | null): string | null {
  const earlier = current === null ? [...periods] : periods.filter((p) => p !== current && comparePeriods(p, current) < 0);
  return earlier.length ? earlier[earlier.length - 1]! : null;
}

/** One period's snapshot as id → record. */
export function snapshot(records: readonly HistoryRecord[], period: string): Map<string, HistoryRecord> {
  const map = new Map<string, HistoryRecord>();
  for (const r of records) if (r.period === period) map.set(r.id, r);
  return map;
}

/** The change sign written next to the tier: ↑ up, ↓ down, = same, 新/New for a customer without a previous grade. */
export function changeMark(scheme: Scheme, previous: string | null | undefined, current: string | null, lang: Lang): string | null {
  if (current === null) return null;
  if (previous === undefined || previous === null) return lang === 'zh-CN' ? '新' : 'New';
  const a = scheme.tiers.findIndex((t) => t.id === previous);
  const b = scheme.tiers.findIndex((t) => t.id === current);
  if (a < 0) return lang === 'zh-CN' ? '新' : 'New';
  return b < a ? '↑' : b > a ? '↓' : '=';
}
