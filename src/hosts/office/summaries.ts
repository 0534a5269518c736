// Summaries inside Excel: a PivotTable per summary, built on an Excel Table TierBook keeps (so Refresh picks up
// new rows), a chart of the tier mix beside it over a small plain table of the same counts (a chart over
// PivotTable cells would be a PivotChart of every value field), and on a re-run the same PivotTable refreshed
// rather than a second one added — unless its fields no longer match the source (language switch, revenue
// appearing or going), when it is rebuilt. Without ExcelApi 1.8 (checked with Office.context.requirements.isSetSupported) the same
// summaries are written as static tables and the user is told why.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-pivottables
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
// https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime
/// <reference types="office-js" />
import { loc } from '../../core/i18n.ts';
import { layoutTables } from '../../core/output/tables.ts';
import type { Progress, SummariesReport, SummaryResult, SummarySpec } from '../../port/workbook.ts';
import { newBatch, rewriteTable, writeGenerated, writeNumberFormat, writeRows, type SheetEnv } from './sheets.ts';
import { rowsSource, widthPoints } from './batch.ts';

export interface SummaryDeps {
  env: SheetEnv;
  /** ExcelApi 1.8 (PivotTables) is available. */
  native: boolean;
  ownedSheet(name: string, env: SheetEnv, hidden?: boolean): Promise<Excel.Worksheet>;
  /** Rows of the used range (values) of a sheet. */
  readRowCount(ws: Excel.Worksheet): Promise<number>;
  onProgress?: (p: Progress) => void;
}

export const STATIC_NOTICE = loc(
  '此版本的 Excel 不支持数据透视表接口（需要 ExcelApi 1.8），汇总已写成静态表格：数字是本次评级时的结果，不能刷新，下次评级时会重写。',
  'This version of Excel has no PivotTable API (ExcelApi 1.8 is needed), so the summaries are written as static tables: they show this run’s numbers, cannot be refreshed, and are rewritten by the next run.',
);

const pivotNameOf = (spec: SummarySpec) => spec.pivot.name;
const chartNameOf = (spec: SummarySpec) => spec.chart?.name ?? `${spec.pivot.name}Chart`;

export async function writeSummaries(context: Excel.RequestContext, specs: SummarySpec[], deps: SummaryDeps): Promise<SummariesReport> {
  const results: SummaryResult[] = [];
  let done = 0;
  for (const spec of specs) {
    deps.env.checkCancel();
    results.push(deps.native ? await nativeSummary(context, spec, deps) : await staticSummary(context, spec, deps));
    deps.onProgress?.({ done: ++done, total: specs.length, stage: 'summaries' });
  }
  return { results, notice: deps.native ? null : STATIC_NOTICE };
}

/** Source table, then the PivotTable (found on its sheet and refreshed, or built), then the chart. */
async function nativeSummary(context: Excel.RequestContext, spec: SummarySpec, deps: SummaryDeps): Promise<SummaryResult> {
  const { env } = deps;
  // 1. The records, rewritten in place in their own table (on a sheet of their own, hidden by default).
  const src = spec.source;
  const found = context.workbook.worksheets.getItemOrNullObject(src.sheet);
  await context.sync();
  env.onSync();
  let sourceWs: Excel.Worksheet = found;
  let oldRows = 0;
  if (found.isNullObject) {
    sourceWs = context.workbook.worksheets.add(src.sheet);
    if (src.hidden !== false) sourceWs.visibility = 'Hidden';
  } else oldRows = Math.max(0, (await deps.readRowCount(found)) - 1);
  const width = src.header.length;
  const table = await rewriteTable(context, sourceWs, env, { tableName: src.tableName, header: src.header, rows: src.rows, from: 0, oldCount: oldRows, width, writeHeader: true });
  if (!table) return staticSummary(context, spec, deps);
  // Formats through the same measured, chunked writer as every other write (one column can pass 5 MB).
  if (src.numberFormats?.some(Boolean) && src.rows.length) {
    const batch = newBatch(context, env);
    for (const [c, f] of src.numberFormats.entries()) if (f) await writeNumberFormat(sourceWs, batch, 1, c, src.rows.length, f, env.limits);
    await batch.flush();
  }

  // 2. The PivotTable, looked up on the summary sheet (PivotTable names are unique per sheet only): refreshed
  // when its fields are still the source's headers and its values the spec's, else built anew — a refresh
  // after a language switch, or revenue appearing or going, would drop the renamed fields and show nothing.
  const summaryWs = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  await context.sync();
  env.onSync();
  let existing: Excel.PivotTable | null = null;
  if (!summaryWs.isNullObject) {
    const p = summaryWs.pivotTables.getItemOrNullObject(pivotNameOf(spec));
    await context.sync();
    env.onSync();
    if (!p.isNullObject) {
      p.hierarchies.load('items/name');
      p.dataHierarchies.load('items/name');
      await context.sync();
      env.onSync();
      const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
      if (same(p.hierarchies.items.map((h) => h.name), src.header) && same(p.dataHierarchies.items.map((h) => h.name), spec.pivot.values.map((v) => v.caption))) existing = p;
    }
  }
  let mode: SummaryResult['mode'];
  let ws: Excel.Worksheet;
  let pivot: Excel.PivotTable;
  const notes = spec.notes ?? [];
  const head = [[spec.title], ...notes.map((n) => [n])];
  if (existing) {
    ws = summaryWs;
    pivot = existing;
    pivot.refresh();
    mode = 'pivot-refreshed';
    // The title and notes follow the run (the rows above the PivotTable are TierBook's).
    await writeRows(ws, newBatch(context, env), env, 0, 0, rowsSource(head, 1));
  } else {
    // The sheet is emptied (its PivotTables and charts deleted) and the PivotTable built on the Table object:
    // a name string could resolve to another table or a defined name of that name.
    ws = await deps.ownedSheet(spec.sheet, env);
    await writeRows(ws, newBatch(context, env), env, 0, 0, rowsSource(head, 1));
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    // A blank row, then the PivotTable; rows are kept free above it for longer notes on later runs.
    const at = head.length + 3;
    pivot = ws.pivotTables.add(pivotNameOf(spec), table, ws.getRangeByIndexes(at, 0, 1, 1));
    for (const name of spec.pivot.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(name));
    for (const name of spec.pivot.columns ?? []) pivot.columnHierarchies.add(pivot.hierarchies.getItem(name));
    // One line per item: no subtotals for the outer row fields (e.g. the tier rank above the tier name).
    for (const name of spec.pivot.rows.slice(0, -1)) pivot.rowHierarchies.getItem(name).fields.getItem(name).subtotals = { automatic: false };
    for (const v of spec.pivot.values) {
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(v.field));
      data.summarizeBy = v.summarizeBy === 'count' ? 'Count' : 'Sum';
      data.name = v.caption;
      if (v.showAs === 'percentOfGrandTotal') data.showAs = { calculation: 'PercentOfGrandTotal' };
      if (v.numberFormat) data.numberFormat = v.numberFormat;
    }
    pivot.layout.layoutType = 'Tabular';
    ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = widthPoints(16);
    mode = 'pivot-created';
  }
  await context.sync();
  env.onSync();
  const chart = spec.chart ? await chartBeside(context, ws, pivot, spec, env) : false;
  return { key: spec.key, sheet: spec.sheet, mode, chart };
}

/** Lines kept clear below the chart's numbers for a scheme with fewer tiers than the last run's. */
const CHART_DATA_LINES = 100;

/**
 * The chart beside the PivotTable, over a small plain table of the same numbers (the fallback table's labels and
 * its value column) written right of the PivotTable on every run. Never over PivotTable cells: a chart made
 * there is a PivotChart of the whole PivotTable, every value field a series (OfficeDev/office-js#419).
 */
async function chartBeside(context: Excel.RequestContext, ws: Excel.Worksheet, pivot: Excel.PivotTable, spec: SummarySpec, env: SheetEnv): Promise<boolean> {
  const chartSpec = spec.chart!;
  const first = spec.fallback[0];
  const items = first ? first.rows.length - 1 : 0; // without the total line
  if (!first || items < 1) return false;
  const area = pivot.layout.getRange();
  area.load('rowIndex,columnIndex,columnCount');
  const old = ws.charts.getItemOrNullObject(chartNameOf(spec));
  await context.sync();
  env.onSync();
  const top = area.rowIndex;
  const left = area.columnIndex + area.columnCount + 1;
  const v = chartSpec.fallbackValueCol;
  const lines = [[first.header[0]!, first.header[v]!], ...first.rows.slice(0, items).map((r) => [r[0] ?? null, r[v] ?? null])];
  const batch = newBatch(context, env);
  await batch.add(100, () => ws.getRangeByIndexes(top, left, Math.max(CHART_DATA_LINES, lines.length), 2).clear('Contents'));
  await writeRows(ws, batch, env, top, left, rowsSource(lines, 2));
  const format = first.numberFormats?.[v];
  if (format) await writeNumberFormat(ws, batch, top + 1, left + 1, items, format, env.limits);
  await batch.add(300, () => {
    // Made anew: an earlier version's chart may be a PivotChart, whose data cannot be set to a range.
    if (!old.isNullObject) old.delete();
    const c = ws.charts.add(chartSpec.type === 'pie' ? 'Pie' : 'ColumnClustered', ws.getRangeByIndexes(top, left, items + 1, 2), 'Columns');
    c.name = chartNameOf(spec);
    c.title.text = chartSpec.title;
    c.setPosition(ws.getRangeByIndexes(top, left + 3, 1, 1), ws.getRangeByIndexes(top + 16, left + 10, 1, 1));
  });
  await batch.flush();
  return true;
}

/** The static tables (what the file host writes), with the tier-mix chart over the first table. */
async function staticSummary(context: Excel.RequestContext, spec: SummarySpec, deps: SummaryDeps): Promise<SummaryResult> {
  const { env } = deps;
  const ws = await deps.ownedSheet(spec.sheet, env);
  // Printed one page wide, as the file host prints the same tables (the movement in landscape).
  await writeGenerated(context, ws, { name: spec.sheet, tables: spec.fallback, print: { fitToWidth: true, landscape: spec.key === 'movement' } }, env);
  let chart = false;
  const first = spec.fallback[0];
  // Charts need adjacent columns: the label column and the value column next to it.
  if (spec.chart && first && spec.chart.fallbackValueCol === 1 && first.rows.length > 1) {
    const p = layoutTables(spec.fallback)[0]!;
    const items = first.rows.length - 1; // without the total line
    const c = ws.charts.add(spec.chart.type === 'pie' ? 'Pie' : 'ColumnClustered', ws.getRangeByIndexes(p.headerRow - 1, 0, items + 1, 2), 'Columns');
    c.name = chartNameOf(spec);
    c.title.text = spec.chart.title;
    const left = first.header.length + 1;
    c.setPosition(ws.getRangeByIndexes(p.headerRow - 1, left, 1, 1), ws.getRangeByIndexes(p.headerRow - 1 + 16, left + 7, 1, 1));
    await context.sync();
    env.onSync();
    chart = true;
  }
  return { key: spec.key, sheet: spec.sheet, mode: 'static', chart };
}
