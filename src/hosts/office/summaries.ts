// Summaries inside Excel: a PivotTable per summary, built on an Excel Table TierBook keeps (so Refresh picks up
// new rows), a chart of the tier mix beside it, and on a re-run the same PivotTable refreshed rather than a
// second one added. Without ExcelApi 1.8 (checked with Office.context.requirements.isSetSupported) the same
// summaries are written as static tables and the user is told why.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-pivottables
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
// https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime
/// <reference types="office-js" />
import { loc } from '../../core/i18n.ts';
import { layoutTables } from '../../core/output/tables.ts';
import type { Progress, SummariesReport, SummaryResult, SummarySpec } from '../../port/workbook.ts';
import { newBatch, rewriteTable, writeGenerated, type SheetEnv } from './sheets.ts';
import { toCellInput } from './cells.ts';
import { widthPoints } from './batch.ts';

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

/** Source table, then the PivotTable (found and refreshed, or created), then the chart. */
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
  await rewriteTable(context, sourceWs, env, { tableName: src.tableName, header: src.header, rows: src.rows, from: 0, oldCount: oldRows, width, writeHeader: true });
  if (src.numberFormats?.some(Boolean) && src.rows.length) {
    const batch = newBatch(context, env);
    for (const [c, f] of src.numberFormats.entries())
      if (f)
        await batch.add(100 + src.rows.length * (f.length + 6), () => {
          const range = sourceWs.getRangeByIndexes(1, c, src.rows.length, 1);
          range.numberFormat = src.rows.map(() => [f]);
          range.untrack();
        });
    await batch.flush();
  }

  // 2. The PivotTable: refreshed when it is there, else built on an emptied summary sheet.
  const existing = context.workbook.pivotTables.getItemOrNullObject(pivotNameOf(spec));
  const summaryWs = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  await context.sync();
  env.onSync();
  let mode: SummaryResult['mode'];
  let ws: Excel.Worksheet;
  let pivot: Excel.PivotTable;
  const notes = spec.notes ?? [];
  if (!existing.isNullObject && !summaryWs.isNullObject) {
    ws = summaryWs;
    pivot = existing;
    pivot.refresh();
    mode = 'pivot-refreshed';
    // The title and notes follow the run (the rows above the PivotTable are TierBook's).
    const head = [[toCellInput(spec.title)], ...notes.map((n) => [toCellInput(n)])];
    ws.getRangeByIndexes(0, 0, head.length, 1).values = head;
  } else {
    if (!existing.isNullObject) existing.delete();
    ws = await deps.ownedSheet(spec.sheet, env);
    const head = [[toCellInput(spec.title)], ...notes.map((n) => [toCellInput(n)])];
    ws.getRangeByIndexes(0, 0, head.length, 1).values = head;
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    // A blank row, then the PivotTable; rows are kept free above it for longer notes on later runs.
    const at = head.length + 3;
    pivot = ws.pivotTables.add(pivotNameOf(spec), src.tableName, ws.getRangeByIndexes(at, 0, 1, 1));
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

  // 3. The chart: categories = the last row field, values = the first value field, without the grand total.
  let chart = false;
  if (spec.chart) {
    const labels = pivot.layout.getRowLabelRange();
    const body = pivot.layout.getDataBodyRange();
    labels.load('rowIndex,columnIndex,rowCount,columnCount');
    body.load('rowIndex,columnIndex,rowCount,columnCount');
    const old = ws.charts.getItemOrNullObject(chartNameOf(spec));
    await context.sync();
    env.onSync();
    const items = labels.rowCount - 1;
    const catCol = labels.columnIndex + labels.columnCount - 1;
    if (items >= 1 && body.columnIndex === catCol + 1) {
      const source = ws.getRangeByIndexes(labels.rowIndex - 1, catCol, items + 1, 2);
      if (old.isNullObject) {
        const c = ws.charts.add(spec.chart.type === 'pie' ? 'Pie' : 'ColumnClustered', source, 'Columns');
        c.name = chartNameOf(spec);
        c.title.text = spec.chart.title;
        const left = body.columnIndex + body.columnCount + 1;
        c.setPosition(ws.getRangeByIndexes(Math.max(0, labels.rowIndex - 1), left, 1, 1), ws.getRangeByIndexes(Math.max(0, labels.rowIndex - 1) + 16, left + 7, 1, 1));
      } else {
        old.setData(source, 'Columns');
        old.title.text = spec.chart.title;
      }
      chart = true;
      await context.sync();
      env.onSync();
    }
  }
  return { key: spec.key, sheet: spec.sheet, mode, chart };
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
