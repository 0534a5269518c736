// Sheets TierBook owns, written through Office.js: generated sheets laid out exactly as every host lays them
// out (core layoutTables / sheetValues), and tables rewritten in place (history, PivotTable sources) so that
// the Excel Table — and any PivotTable over it — stays bound to them.
/// <reference types="office-js" />
import { layoutTables, sheetValues, type GeneratedSheet } from '../../core/output/tables.ts';
import type { CellValue } from '../../port/workbook.ts';
import { WriteBatch, blockGrid, bulkOverhead, columnLetters, planBlocks, rowsSource, widthPoints, type BlockLimits, type RowSource } from './batch.ts';
import { equalsFormula, planFills } from './fills.ts';

/** Light grey behind generated table headers (as the file host). */
export const HEADER_FILL = '#D9D9D9';

export interface SheetEnv {
  limits: BlockLimits;
  /** Office.context.requirements.isSetSupported */
  supports(set: string, version: string): boolean;
  /** Throws when the user cancelled (checked between blocks). */
  checkCancel(): void;
  onSync(): void;
  /** A block of rows was written. */
  onBlock?(done: number, total: number): void;
}

export function newBatch(context: Excel.RequestContext, env: SheetEnv): WriteBatch {
  return new WriteBatch(context, { limits: env.limits, suspendCalc: true, suspendScreen: env.supports('ExcelApi', '1.9'), onSync: () => env.onSync() });
}

/** Excel tables need non-empty, distinct, single-line column names (else Excel renames them). */
export function tableHeaderOk(header: readonly CellValue[]): boolean {
  if (header.length === 0) return false;
  const seen = new Set<string>();
  for (const h of header) {
    const s = String(h ?? '');
    // eslint-disable-next-line no-control-regex
    if (!s.trim() || /[\u0000-\u001f]/.test(s) || s.length > 255) return false;
    const k = s.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

/**
 * Write `source` rows at sheet row `r0` (0-based), column `c0`, in blocks that each fit one request; one sync
 * per block. Returns the blocks written.
 */
export async function writeRows(ws: Excel.Worksheet, batch: WriteBatch, env: SheetEnv, r0: number, c0: number, source: RowSource): Promise<number> {
  const blocks = planBlocks(source, env.limits);
  let done = 0;
  for (const block of blocks) {
    env.checkCancel();
    await batch.add(block.bytes, () => {
      const range = ws.getRangeByIndexes(r0 + block.start, c0, block.count, source.width);
      range.values = blockGrid(source, block);
      range.untrack();
    });
    await batch.flush();
    env.onBlock?.(++done, blocks.length);
  }
  return blocks.length;
}

/** Number formats for one column over `count` rows from `r0`: a 2-D array per block (null cells stay as they are). */
export async function writeNumberFormat(ws: Excel.Worksheet, batch: WriteBatch, r0: number, col: number, count: number, format: string, limits: BlockLimits): Promise<void> {
  const perRow = format.length + 8;
  const rowsPerOp = Math.max(1, Math.min(limits.maxRows * 5, Math.floor(limits.targetBytes / perRow / 2)));
  for (let start = 0; start < count; start += rowsPerOp) {
    const n = Math.min(rowsPerOp, count - start);
    await batch.add(n * perRow + bulkOverhead(n, 1), () => {
      const range = ws.getRangeByIndexes(r0 + start, col, n, 1);
      range.numberFormat = Array.from({ length: n }, () => [format]);
      range.untrack();
    });
  }
}

/**
 * Colour `count` rows from `r0` over columns [c0, c0 + width): static fills for few runs, else one conditional
 * format per colour keyed on a column whose value decides the colour. Clears earlier fills and rules first.
 */
export async function writeFills(
  ws: Excel.Worksheet,
  batch: WriteBatch,
  r0: number,
  c0: number,
  width: number,
  count: number,
  fills: readonly (string | null)[] | undefined,
  candidates: { col: number; values: readonly CellValue[] }[],
): Promise<void> {
  if (count === 0) return;
  await batch.add(200, () => {
    const all = ws.getRangeByIndexes(r0, c0, count, width);
    all.conditionalFormats.clearAll();
    all.format.fill.clear();
    all.untrack();
  });
  const plan = planFills(fills, count, candidates.map((c) => c.values));
  if (plan.kind === 'none') return;
  if (plan.kind === 'byValue') {
    const key = columnLetters(candidates[plan.keyCol]!.col);
    for (const rule of plan.rules) {
      const formula = equalsFormula(key, r0 + 1, rule.value);
      await batch.add(formula.length * 3 + 120, () => {
        const range = ws.getRangeByIndexes(r0, c0, count, width);
        const cf = range.conditionalFormats.add('Custom');
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = rule.color;
        range.untrack();
      });
    }
    return;
  }
  for (const run of plan.runs) {
    await batch.add(120, () => {
      const range = ws.getRangeByIndexes(r0 + run.start, c0, run.count, width);
      range.format.fill.color = run.color;
      range.untrack();
    });
  }
}

/**
 * Whole rows are 16,384 cells each: Excel on the web refuses one operation over 33,554,000 cells
 * (OperationCellsExceedLimit), so more than 2,047 rows go in several deletes (each shifts the rest up).
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
export const DELETE_ROWS_PER_OP = 2_000;

export async function deleteRows(ws: Excel.Worksheet, batch: WriteBatch, r0: number, count: number): Promise<void> {
  for (let left = count; left > 0; left -= DELETE_ROWS_PER_OP) {
    const n = Math.min(DELETE_ROWS_PER_OP, left);
    await batch.add(100, () => ws.getRangeByIndexes(r0, 0, n, 1).getEntireRow().delete('Up'));
  }
}

/** Remove everything from a sheet TierBook owns: PivotTables, charts, tables, values, formats, frozen panes. */
export async function emptySheet(context: Excel.RequestContext, ws: Excel.Worksheet, env: SheetEnv): Promise<void> {
  const pivots = env.supports('ExcelApi', '1.8') ? ws.pivotTables : null;
  pivots?.load('items/name');
  ws.charts.load('items/name');
  ws.tables.load('items/name');
  await context.sync();
  env.onSync();
  for (const p of pivots?.items ?? []) p.delete();
  for (const c of ws.charts.items) c.delete();
  for (const t of ws.tables.items) t.convertToRange();
  ws.getRange().clear('All');
  ws.freezePanes.unfreeze();
}

/** Write a generated sheet onto an empty worksheet: values, then formats, tables, widths, panes, print setup. */
export async function writeGenerated(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: GeneratedSheet, env: SheetEnv): Promise<void> {
  const batch = newBatch(context, env);
  const grid = sheetValues(sheet);
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  if (grid.length && width) await writeRows(ws, batch, env, 0, 0, rowsSource(grid, width));
  const placements = layoutTables(sheet.tables);
  const freeTable = async (name: string) => {
    const t = context.workbook.tables.getItemOrNullObject(name);
    await context.sync();
    batch.synced();
    return t.isNullObject;
  };
  for (let i = 0; i < sheet.tables.length; i++) {
    const t = sheet.tables[i]!;
    const p = placements[i]!;
    const cols = t.header.length;
    if (p.titleRow !== null)
      await batch.add(100, () => {
        const title = ws.getRangeByIndexes(p.titleRow! - 1, 0, 1, 1);
        title.format.font.bold = true;
        title.untrack();
      });
    if (cols > 0)
      await batch.add(150, () => {
        const header = ws.getRangeByIndexes(p.headerRow - 1, 0, 1, cols);
        header.format.font.bold = true;
        header.format.fill.color = HEADER_FILL;
        header.untrack();
      });
    const n = t.rows.length;
    for (const [c, f] of (t.numberFormats ?? []).entries()) if (f && n) await writeNumberFormat(ws, batch, p.firstDataRow - 1, c, n, f, env.limits);
    if (t.rowFills && n) {
      const candidates = Array.from({ length: cols }, (_, c) => ({ col: c, values: t.rows.map((r) => r[c] ?? null) }));
      await writeFills(ws, batch, p.firstDataRow - 1, 0, Math.max(cols, 1), n, t.rowFills, candidates);
    }
    if (t.tableName && n > 0 && tableHeaderOk(t.header) && (await freeTable(t.tableName))) {
      await batch.add(150, () => {
        const table = ws.tables.add(ws.getRangeByIndexes(p.headerRow - 1, 0, n + 1, cols), true);
        table.name = t.tableName!;
      });
    }
  }
  for (const [c, w] of (sheet.widths ?? []).entries())
    if (w)
      await batch.add(100, () => {
        const col = ws.getRangeByIndexes(0, c, 1, 1);
        col.format.columnWidth = widthPoints(w);
        col.untrack();
      });
  if (sheet.freezeRows && sheet.freezeRows > 1) await batch.add(60, () => ws.freezePanes.freezeRows(sheet.freezeRows! - 1));
  if (sheet.print && env.supports('ExcelApi', '1.9')) {
    const { landscape, repeatRows, fitToWidth } = sheet.print;
    await batch.add(120, () => {
      if (landscape) ws.pageLayout.orientation = 'Landscape';
      // One page wide (as the file host's fitToWidth="1" fitToHeight="0"): no table is cut between columns.
      if (fitToWidth !== false) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      if (repeatRows) ws.pageLayout.setPrintTitleRows(`$${repeatRows[0]}:$${repeatRows[1]}`);
    });
  }
  await batch.flush();
}

export interface TableRewrite {
  tableName: string;
  header: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
  /** Rows before this index are already in place (0-based, after the header). */
  from: number;
  /** Data rows the sheet holds now (after the header). */
  oldCount: number;
  width: number;
  writeHeader: boolean;
}

/**
 * Rewrite a one-table sheet in place: header in row 1, rows from row 2. Rows from `from` on are written in
 * blocks, surplus old rows are deleted, and the Excel Table is created or made to fit — so a PivotTable built
 * on it stays bound and a refresh picks up the rows. Returns the table (null when none could be made).
 *
 * The table is looked up on this sheet (TierBook owns it): by `tableName`, else the sheet's one table, which
 * keeps Excel's default name when `tableName` is taken elsewhere (a table on another sheet, or a defined name:
 * tables and names share one namespace). A table grows by Table.resize (ExcelApi 1.13); before it, by
 * table.rows.add in measured blocks — a table expanding when values land below it is AutoCorrect's behaviour
 * for typing, not documented for the API.
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
 */
export async function rewriteTable(context: Excel.RequestContext, ws: Excel.Worksheet, env: SheetEnv, o: TableRewrite): Promise<Excel.Table | null> {
  ws.tables.load('items/name');
  const elsewhere = context.workbook.tables.getItemOrNullObject(o.tableName);
  const named = env.supports('ExcelApi', '1.4') ? context.workbook.names.getItemOrNullObject(o.tableName) : null;
  await context.sync();
  env.onSync();
  const items = ws.tables.items;
  let table: Excel.Table | null = items.find((t) => t.name.toLowerCase() === o.tableName.toLowerCase()) ?? items[0] ?? null;
  const nameFree = elsewhere.isNullObject && (named === null || named.isNullObject);
  const canResize = env.supports('ExcelApi', '1.13');
  // Rows the table holds now (it may have fallen behind the sheet when an earlier version relied on it growing).
  let inTable = o.oldCount;
  if (table && !canResize) {
    const body = table.getDataBodyRange();
    body.load('rowCount');
    await context.sync();
    env.onSync();
    inTable = body.rowCount;
  }
  const batch = newBatch(context, env);
  const pad = (r: readonly CellValue[]) => Array.from({ length: o.width }, (_, c) => r[c] ?? null);
  // Rows written as values (with the header, in the same blocks): all of them, or (growing without resize)
  // those inside the table.
  const grow = table !== null && !canResize && o.rows.length > inTable;
  const valueEnd = grow ? inTable : o.rows.length;
  const from = o.writeHeader ? 0 : o.from;
  const lines = [...(o.writeHeader ? [o.header] : []), ...o.rows.slice(from, Math.max(from, valueEnd))];
  if (lines.length) await writeRows(ws, batch, env, o.writeHeader ? 0 : 1 + from, 0, rowsSource(lines.map(pad), o.width));
  if (grow) {
    // Below the table: emptied, then added as table rows (rows.add would shift anything there down).
    if (o.oldCount > inTable) await batch.add(100, () => ws.getRangeByIndexes(1 + inTable, 0, o.oldCount - inTable, o.width).clear('Contents'));
    const added = rowsSource(o.rows.slice(inTable).map(pad), o.width);
    for (const block of planBlocks(added, env.limits)) {
      env.checkCancel();
      const t = table!;
      await batch.add(block.bytes, () => t.rows.add(undefined, blockGrid(added, block)));
    }
  }
  if (o.rows.length < o.oldCount) await deleteRows(ws, batch, 1 + o.rows.length, o.oldCount - o.rows.length);
  const bodyRows = Math.max(1, o.rows.length);
  if (!table) {
    if (o.rows.length > 0 && tableHeaderOk(o.header))
      await batch.add(150, () => {
        table = ws.tables.add(ws.getRangeByIndexes(0, 0, 1 + bodyRows, o.width), true);
        // The name taken elsewhere: keep Excel's default name rather than fail (the table is found by sheet).
        if (nameFree) table.name = o.tableName;
      });
  } else if (canResize) {
    const t = table;
    await batch.add(100, () => t.resize(ws.getRangeByIndexes(0, 0, 1 + bodyRows, o.width)));
  }
  await batch.flush();
  return table;
}
