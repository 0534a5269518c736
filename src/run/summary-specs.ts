// The summary specs of a grading run: tier mix (always) and movement (when history holds an earlier period),
// each with its PivotTable source records, the PivotTable layout, and the core's static tables as fallback.
// Host-agnostic: it only reads a RunResult, so the run (or the task pane) can hand the specs to any port's
// optional summaries(); the run hands them to a port that can build PivotTables.
import { generatedSheetName, type OwnedSheets } from '../core/output/sheets.ts';
import { historyHeader, historyRows, readHistory, type HistoryRecord } from '../core/history.ts';
import { loc, type Lang } from '../core/i18n.ts';
import { isActive, tierIndexOf } from '../core/summaries/churn.ts';
import { tierMovement } from '../core/summaries/movement.ts';
import { CHURNED_LABEL, NEW_LABEL, currencyFormat, mixTable, movementTables } from '../core/summaries/tables.ts';
import type { CellValue, SummarySpec } from '../port/workbook.ts';
import type { RunResult } from './run-result.ts';

export const MIX_SOURCE = 'TierBookMixData';
export const MOVEMENT_SOURCE = 'TierBookMovementData';

const HEADER = {
  rank: loc('等级序号', 'Tier rank'),
  tier: loc('客户等级', 'Tier'),
  id: loc('客户编号', 'Customer ID'),
  revenue: loc('收入', 'Revenue'),
  revenueForShare: loc('收入（占比）', 'Revenue (share)'),
  customers: loc('客户数', 'Customers'),
  revenueSum: loc('收入合计', 'Total revenue'),
  revenueShare: loc('收入占比', 'Share of revenue'),
  fromRank: loc('上期序号', 'Earlier rank'),
  from: loc('上期等级', 'Earlier tier'),
  to: loc('本期等级或状态', 'Tier now or status'),
  chart: loc('各等级客户数', 'Customers by tier'),
};

/** The tier mix: one record per graded customer (rank, tier, id, revenue); rows by tier, count, revenue, share. */
export function mixSpec(run: RunResult, lang: Lang, existingSheets: readonly string[] | OwnedSheets = []): SummarySpec {
  const { scheme, result, mix } = run;
  const metric = mix.revenueMetric;
  const revenue = metric ? (result.values[metric] ?? result.table.metrics[metric]?.values ?? null) : null;
  const withRevenue = revenue !== null;
  const rows: CellValue[][] = [];
  for (let i = 0; i < result.size; i++) {
    const t = result.tier[i]!;
    if (t < 0) continue;
    const row: CellValue[] = [t + 1, scheme.tiers[t]!.label[lang], result.table.ids[i]!];
    if (withRevenue) {
      const v = revenue[i]!;
      const x = Number.isFinite(v) ? v : null;
      row.push(x, x);
    }
    rows.push(row);
  }
  const money = currencyFormat(scheme.currency);
  const fallback = mixTable(mix, scheme, lang);
  return {
    key: 'mix',
    sheet: generatedSheetName('mix', existingSheets, lang).name,
    title: fallback[0]!.title ?? '',
    notes: fallback[0]!.notes ?? [],
    source: {
      sheet: MIX_SOURCE,
      tableName: MIX_SOURCE,
      header: [HEADER.rank[lang], HEADER.tier[lang], HEADER.id[lang], ...(withRevenue ? [HEADER.revenue[lang], HEADER.revenueForShare[lang]] : [])],
      rows,
      numberFormats: [null, null, null, ...(withRevenue ? [money, money] : [])],
      hidden: true,
    },
    pivot: {
      name: 'TierBookMix',
      rows: [HEADER.rank[lang], HEADER.tier[lang]],
      values: [
        { field: HEADER.id[lang], caption: HEADER.customers[lang], summarizeBy: 'count', numberFormat: '#,##0' },
        ...(withRevenue
          ? [
              { field: HEADER.revenue[lang], caption: HEADER.revenueSum[lang], summarizeBy: 'sum' as const, numberFormat: money },
              { field: HEADER.revenueForShare[lang], caption: HEADER.revenueShare[lang], summarizeBy: 'sum' as const, showAs: 'percentOfGrandTotal' as const, numberFormat: '0.0%' },
            ]
          : []),
      ],
    },
    fallback,
    chart: { name: 'TierBookMixChart', type: 'column', title: HEADER.chart[lang], fallbackValueCol: 1 },
  };
}

/** This run's snapshot as history records (what the history sheet will hold for `period`). */
export function currentRecords(run: RunResult, period: string, lang: Lang, gradedAt = new Date()): HistoryRecord[] {
  return readHistory([historyHeader(run.scheme, lang), ...historyRows(period, run.result, lang, gradedAt)], run.scheme);
}

/**
 * Movement between the previous period and this run: one record per customer (earlier rank and tier — or
 * 新客户 — and the tier now — or 流失), classified exactly as the core's movement matrix; rows by earlier tier,
 * columns by tier now or status, count. Null without an earlier period.
 */
export function movementSpec(run: RunResult, period: string, lang: Lang, existingSheets: readonly string[] | OwnedSheets = [], gradedAt?: Date): SummarySpec | null {
  if (!run.previous || !run.previousPeriod) return null;
  const { scheme } = run;
  const earlier = [...run.previous.values()];
  const later = currentRecords(run, period, lang, gradedAt);
  const m = tierMovement(scheme, earlier, later);
  const churnDays = m.churnDays;
  const k = scheme.tiers.length;
  const labelTaken = (l: string) => scheme.tiers.some((t) => t.label[lang] === l);
  const newName = labelTaken(NEW_LABEL[lang]) ? loc('新客户（上期未在册）', 'New (not listed before)')[lang] : NEW_LABEL[lang];
  const churnName = labelTaken(CHURNED_LABEL[lang]) ? loc('流失（本期已流失）', 'Churned (lost this period)')[lang] : CHURNED_LABEL[lang];
  const start = new Map(earlier.map((r) => [r.id, r]));
  const end = new Map(later.map((r) => [r.id, r]));
  const rows: CellValue[][] = [];
  for (const id of new Set([...start.keys(), ...end.keys()])) {
    const e = start.get(id);
    const l = end.get(id);
    const was = isActive(e, churnDays);
    const now = isActive(l, churnDays);
    if (!was && !now) continue;
    const from = was ? tierIndexOf(scheme, e.tier) : k;
    if (from < 0) continue;
    const to = now ? tierIndexOf(scheme, l.tier) : k;
    if (to < 0) continue;
    rows.push([from + 1, from < k ? scheme.tiers[from]!.label[lang] : newName, to < k ? scheme.tiers[to]!.label[lang] : churnName, id]);
  }
  const fallback = movementTables(m, scheme, lang);
  return {
    key: 'movement',
    sheet: generatedSheetName('movement', existingSheets, lang).name,
    title: fallback[0]!.title ?? '',
    notes: fallback[0]!.notes ?? [],
    source: {
      sheet: MOVEMENT_SOURCE,
      tableName: MOVEMENT_SOURCE,
      header: [HEADER.fromRank[lang], HEADER.from[lang], HEADER.to[lang], HEADER.id[lang]],
      rows,
      hidden: true,
    },
    pivot: { name: 'TierBookMovement', rows: [HEADER.fromRank[lang], HEADER.from[lang]], columns: [HEADER.to[lang]], values: [{ field: HEADER.id[lang], caption: HEADER.customers[lang], summarizeBy: 'count', numberFormat: '#,##0' }] },
    fallback,
  };
}

/** Every summary of a run: the mix, and the movement when a period and an earlier period exist. */
export function summarySpecs(run: RunResult, lang: Lang, options: { period?: string; existingSheets?: readonly string[] | OwnedSheets; gradedAt?: Date } = {}): SummarySpec[] {
  const specs = [mixSpec(run, lang, options.existingSheets)];
  const move = options.period ? movementSpec(run, options.period, lang, options.existingSheets, options.gradedAt) : null;
  if (move) specs.push(move);
  return specs;
}
