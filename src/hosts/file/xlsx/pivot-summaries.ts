// Native summaries in an .xlsx (the port's `summaries` capability, as the Office host builds them in Excel):
// per summary, the records as an Excel Table on a hidden sheet TierBook owns, a PivotTable over that table
// (cache definition with records and refreshOnLoad, PivotTable part, relationships, content types, the
// workbook's <pivotCaches>), the cells the PivotTable shows, a column chart of the tier mix over a plain range
// (the static table's cells), and the static tables below for print and for readers without PivotTables.
// A re-run drops the PivotTable and chart parts of the sheet it replaces and every cache no other PivotTable
// uses, so nothing is orphaned and no cache is duplicated. Only sheets TierBook marks are touched.
import { columnWidths } from '../../../core/output/widths.ts';
import { layoutTables as placeTables, type SheetTable } from '../../../core/output/tables.ts';
import type { SheetMark } from '../../../port/marks.ts';
import type { GeneratedSheet, Progress, SummariesReport, SummaryResult, SummarySpec } from '../../../port/workbook.ts';
import { layoutTables, printNames, rowXml, tableXml, uniqueTableName, worksheetContent, type RowCell, type WriteRows } from './generated.ts';
import { CONTENT_TYPE, REL_OFFICE, REL_TYPE, relIs, type OpcPackage } from './package.ts';
import { chartDrawingXml, columnChartXml } from './pivot-chart.ts';
import { pivotLayout } from './pivot-model.ts';
import { cacheDefinitionXml, cacheRecordsContent, pivotTableXml } from './pivot-parts.ts';
import { checkSheetName, colName, quoteSheetName, rangeRef } from './refs.ts';
import type { StyleSheet } from './styles.ts';
import type { SheetEntry, WorkbookPart } from './workbook-part.ts';
import type { PartContent } from './packed-part.ts';
import { attr, findAll, findElement, setAttr } from './xml.ts';

/** What the summaries writer needs of an XlsxWorkbook (its package and the helpers it patches with). */
export interface BookInternals {
  pkg: OpcPackage;
  wb: WorkbookPart;
  styles(): StyleSheet;
  replaceSheet(sheet: GeneratedSheet): void;
  clearSheetParts(s: SheetEntry): void;
  setSheetXml(s: SheetEntry, xml: string | PartContent): void;
  mark(marks: SheetMark[]): void;
  freePartName(prefix: string, suffix: string): string;
  checkWritable(): void;
  tableInventory(): { names: Set<string>; maxId: number };
}

const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
export const PIVOT_TYPES = {
  pivotTable: { rel: `${REL_OFFICE}/pivotTable`, ct: `${SML}.pivotTable+xml` },
  cache: { rel: `${REL_OFFICE}/pivotCacheDefinition`, ct: `${SML}.pivotCacheDefinition+xml` },
  records: { rel: `${REL_OFFICE}/pivotCacheRecords`, ct: `${SML}.pivotCacheRecords+xml` },
  drawing: { rel: `${REL_OFFICE}/drawing`, ct: 'application/vnd.openxmlformats-officedocument.drawing+xml' },
  chart: { rel: `${REL_OFFICE}/chart`, ct: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml' },
} as const;

/** The mark kind of the hidden sheets that hold the PivotTables' records. */
export const SOURCE_KIND = 'pivotSource';
/** Sheet-scoped names a generated sheet owns (replaced with the sheet), as replaceSheet treats them. */
const GENERATED_NAMES = ['_xlnm.Print_Area', '_xlnm.Print_Titles', '_xlnm._FilterDatabase'];
/** Rows the chart takes (it sits beside the PivotTable; the static tables start below both). */
const CHART_ROWS = 16;
const CHART_COLS = 8;

const looksChinese = (s: string) => /[\u3400-\u9fff]/.test(s);

export function writePivotSummaries(book: BookInternals, specs: readonly SummarySpec[], onProgress?: (p: Progress) => void): SummariesReport {
  book.checkWritable();
  const results: SummaryResult[] = [];
  specs.forEach((spec, i) => {
    results.push(writeOne(book, spec));
    onProgress?.({ done: i + 1, total: specs.length, stage: 'summaries' });
  });
  return { results, notice: null };
}

function writeOne(book: BookInternals, spec: SummarySpec): SummaryResult {
  const { pkg, wb } = book;
  const existing = wb.find(spec.sheet);
  const hadPivot = !!existing && existing.kind === 'worksheet' && pkg.rels(existing.part).some((r) => relIs(r.type, 'pivotTable'));
  const oldCaches = existing && existing.kind === 'worksheet' ? cachesOfSheet(pkg, existing) : [];
  const src = spec.source;
  if (src.rows.length === 0 || !headerOk(src.header)) {
    // Nothing to pivot (no graded customer): the static tables, as a host without PivotTables writes them.
    book.replaceSheet({ name: spec.sheet, kind: spec.key, tables: spec.fallback, widths: columnWidths(spec.fallback, 10, 40), print: printOf(spec) });
    dropUnusedCaches(pkg, wb, oldCaches);
    return { key: spec.key, sheet: spec.sheet, mode: 'static', chart: false };
  }

  // 1. The summary sheet, emptied of what the previous run hung on it; caches nothing else uses go.
  let entry = existing && existing.kind === 'worksheet' ? existing : null;
  if (entry) book.clearSheetParts(entry);
  else entry = wb.addWorksheet(checkSheetName(spec.sheet));
  dropUnusedCaches(pkg, wb, oldCaches);

  // 2. The records: an Excel Table on a sheet of their own (hidden, after the summary's tab), rewritten whole.
  const table: SheetTable = { header: src.header, rows: src.rows, tableName: src.tableName, ...(src.numberFormats ? { numberFormats: src.numberFormats } : {}) };
  book.replaceSheet({ name: src.sheet, kind: SOURCE_KIND, tables: [table], widths: columnWidths([table], 8, 30), freezeRows: 2 });
  const srcEntry = wb.find(src.sheet)!;
  if (src.hidden !== false) setSheetState(wb, srcEntry.name, 'hidden');
  const tableName = tableNameOn(pkg, srcEntry) ?? src.tableName;
  entry = wb.find(entry.name)!;

  // 3. The PivotTable, computed as Excel lays it out.
  const styles = book.styles();
  const first = spec.fallback[0];
  const totalCell = first?.rows[first.rows.length - 1]?.[0];
  const zh = looksChinese(spec.title);
  const grandTotal = typeof totalCell === 'string' && totalCell ? totalCell : zh ? '总计' : 'Grand Total';
  const layout = pivotLayout(spec, { grandTotal });

  const notes = spec.notes ?? [];
  const titleStyle = styles.xfIndex({ bold: true });
  const rows: string[] = [rowXml(1, [[0, spec.title, titleStyle]])];
  notes.forEach((n, i) => rows.push(rowXml(2 + i, [[0, n, undefined]])));
  const top = notes.length + 3;
  const dataStyles = layout.data.map((d) => ({ plain: d.numberFormat ? styles.xfIndex({ numberFormat: d.numberFormat }) : undefined, bold: styles.xfIndex({ bold: true, numberFormat: d.numberFormat ?? null }) }));
  const bold = styles.xfIndex({ bold: true });
  layout.grid.forEach((line, r) => {
    const cells: RowCell[] = line.map((cell, c) => [c, cell.value, cell.data === null ? (cell.bold ? bold : undefined) : cell.bold ? dataStyles[cell.data]!.bold : dataStyles[cell.data]!.plain]);
    rows.push(rowXml(top + r, cells));
  });
  const pivotWidth = Math.max(...layout.grid.map((l) => l.length));
  const pivotRef = rangeRef(top, 0, top + layout.grid.length - 1, pivotWidth - 1);

  // 4. The static tables below (the first without the title and notes written above the PivotTable).
  const staticTop = top + Math.max(layout.grid.length, spec.chart ? CHART_ROWS + 1 : 0) + 2;
  const tables = spec.fallback.map((t, i) => (i === 0 && t.title === spec.title ? { ...t, title: undefined, notes: [] } : t)) as SheetTable[];
  const placed = layoutTables(tables, styles, staticTop);
  const writeRows: WriteRows = (out, start) => {
    for (const row of rows) {
      if (!row) continue;
      start();
      out.str(row);
    }
    placed.write(out, start);
  };
  const lastRow = Math.max(placed.lastRow, top + layout.grid.length - 1);
  let lastCol = Math.max(placed.lastCol, pivotWidth - 1);

  const tableRelIds: string[] = [];
  if (placed.tables.length) {
    const { names, maxId } = book.tableInventory();
    let id = maxId;
    for (const t of placed.tables) {
      const name = uniqueTableName(t.name, names);
      names.add(name.toLowerCase());
      const part = book.freePartName('xl/tables/table', '.xml');
      pkg.setText(part, tableXml(++id, name, t.ref, t.header));
      pkg.setOverride(part, CONTENT_TYPE.table);
      tableRelIds.push(pkg.addRel(entry.part, REL_TYPE.table, part));
    }
  }

  // 5. Cache (workbook-level), records, PivotTable part.
  const cachePart = book.freePartName('xl/pivotCache/pivotCacheDefinition', '.xml');
  const recordsPart = book.freePartName('xl/pivotCache/pivotCacheRecords', '.xml');
  const recordsRel = pkg.addRel(cachePart, PIVOT_TYPES.records.rel, recordsPart);
  pkg.setText(cachePart, cacheDefinitionXml(layout, tableName, recordsRel));
  pkg.setOverride(cachePart, PIVOT_TYPES.cache.ct);
  pkg.setChunks(recordsPart, cacheRecordsContent(layout, pkg.packer()));
  pkg.setOverride(recordsPart, PIVOT_TYPES.records.ct);
  const cacheId = addPivotCache(wb, pkg.addRel(wb.path, PIVOT_TYPES.cache.rel, cachePart));
  const pivotPart = book.freePartName('xl/pivotTables/pivotTable', '.xml');
  pkg.addRel(pivotPart, PIVOT_TYPES.cache.rel, cachePart);
  const numFmtIds = layout.data.map((d) => (d.numberFormat ? styles.numFmtId(d.numberFormat) : 0));
  pkg.setText(pivotPart, pivotTableXml(layout, { name: spec.pivot.name, cacheId, ref: pivotRef, dataCaption: zh ? '值' : 'Values', grandTotal, numFmtIds }));
  pkg.setOverride(pivotPart, PIVOT_TYPES.pivotTable.ct);
  pkg.addRel(entry.part, PIVOT_TYPES.pivotTable.rel, pivotPart);

  // 6. The chart beside the PivotTable, over the static mix table's tier and value columns.
  let drawingRelId: string | undefined;
  const valueCol = spec.chart?.fallbackValueCol ?? 1;
  const staticRows = first ? first.rows.length - 1 : 0; // without the total line
  if (spec.chart && first && staticRows >= 1 && valueCol < first.header.length) {
    const header = staticTop; // the first static table has no title or notes here
    const q = quoteSheetName(entry.name);
    const col = (c: number, r0: number, r1: number) => `${q}!$${colName(c)}$${r0}:$${colName(c)}$${r1}`;
    const items = first.rows.slice(0, staticRows);
    const chartPart = book.freePartName('xl/charts/chart', '.xml');
    pkg.setText(
      chartPart,
      columnChartXml({
        title: spec.chart.title,
        name: first.header[valueCol]!,
        nameRef: `${q}!$${colName(valueCol)}$${header}`,
        catRef: col(0, header + 1, header + staticRows),
        valRef: col(valueCol, header + 1, header + staticRows),
        categories: items.map((r) => r[0] ?? null),
        values: items.map((r) => r[valueCol] ?? null),
        colors: items.map((_, i) => first.rowFills?.[i] ?? null),
        numberFormat: first.numberFormats?.[valueCol] ?? 'General',
      }),
    );
    pkg.setOverride(chartPart, PIVOT_TYPES.chart.ct);
    const drawingPart = book.freePartName('xl/drawings/drawing', '.xml');
    const chartRel = pkg.addRel(drawingPart, PIVOT_TYPES.chart.rel, chartPart);
    const left = pivotWidth + 1;
    pkg.setText(drawingPart, chartDrawingXml(spec.chart.name, chartRel, { row: top - 1, col: left }, { row: top - 1 + CHART_ROWS, col: left + CHART_COLS }));
    pkg.setOverride(drawingPart, PIVOT_TYPES.drawing.ct);
    drawingRelId = pkg.addRel(entry.part, PIVOT_TYPES.drawing.rel, drawingPart);
    lastCol = Math.max(lastCol, left + CHART_COLS - 1);
  }

  // 7. The sheet itself, its print setup, and the marks.
  const widths = new Map<number, number>();
  const gridTable: SheetTable = { header: layout.grid[layout.grid.length - 2]!.map((c) => String(c.value ?? '')), rows: layout.grid.map((l) => l.map((c) => c.value)) };
  columnWidths([gridTable, ...tables], 10, 40).forEach((w, c) => widths.set(c, w));
  const print = printOf(spec);
  const breaks = (print.breakBefore ?? []).map((i) => breakRow(tables, i, staticTop));
  book.setSheetXml(entry, worksheetContent({ lastRow, lastCol, rows: writeRows, widths, print, rowBreaks: breaks, tableRelIds, ...(drawingRelId ? { drawingRelId } : {}) }, pkg.packer()));
  wb.setSheetNames(entry.index, GENERATED_NAMES, printNames(entry.name, lastRow, lastCol, print));
  book.mark([{ sheet: entry.name, kind: spec.key }]);
  return { key: spec.key, sheet: entry.name, mode: hadPivot ? 'pivot-refreshed' : 'pivot-created', chart: drawingRelId !== undefined };
}

/** Printed one page wide in landscape (the chart sits beside the PivotTable), the list of movers on a page of its own. */
function printOf(spec: SummarySpec): NonNullable<GeneratedSheet['print']> {
  const movers = spec.key === 'movement' && spec.fallback.length > 1 && spec.fallback[spec.fallback.length - 1]!.rows.length > 0;
  return { fitToWidth: true, landscape: true, ...(movers ? { breakBefore: [spec.fallback.length - 1] } : {}) };
}

/** The row a page break goes after so that table `index` (laid out from `top`) starts a page. */
function breakRow(tables: readonly SheetTable[], index: number, top: number): number {
  const p = placeTables(tables)[index];
  if (!p) return 0;
  const notes = tables[index]!.notes?.length ?? 0;
  return (p.titleRow ?? p.headerRow - notes) - 1 + top - 1;
}

function headerOk(header: readonly string[]): boolean {
  const seen = new Set(header.map((h) => h.trim().toLowerCase()));
  return header.length > 0 && seen.size === header.length && !seen.has('');
}

/** The name of the first Excel Table on a sheet. */
function tableNameOn(pkg: OpcPackage, s: SheetEntry): string | null {
  for (const rel of pkg.rels(s.part)) {
    if (rel.external || !relIs(rel.type, 'table') || !pkg.has(rel.part)) continue;
    const m = /<(?:\w+:)?table\b[^>]*?\sname="([^"]*)"/.exec(pkg.text(rel.part));
    if (m) return m[1]!.replace(/&amp;/g, '&');
  }
  return null;
}

/** The cache definitions the PivotTables of a sheet use. */
export function cachesOfSheet(pkg: OpcPackage, s: SheetEntry): string[] {
  const out: string[] = [];
  for (const rel of pkg.rels(s.part)) {
    if (rel.external || !relIs(rel.type, 'pivotTable') || !pkg.has(rel.part)) continue;
    for (const c of pkg.rels(rel.part)) if (!c.external && relIs(c.type, 'pivotCacheDefinition') && pkg.has(c.part)) out.push(pkg.entryName(c.part) ?? c.part);
  }
  return out;
}

/** True when a PivotTable part still in the package uses the cache. */
function cacheInUse(pkg: OpcPackage, cache: string): boolean {
  const key = cache.toLowerCase();
  return pkg
    .partNames()
    .filter((n) => /(^|\/)pivotTables\/[^/]+\.xml$/i.test(n))
    .some((n) => pkg.rels(n).some((r) => !r.external && r.part.toLowerCase() === key));
}

/** Removes caches that no PivotTable uses any more: their parts, the workbook's relationship and <pivotCache>. */
function dropUnusedCaches(pkg: OpcPackage, wb: WorkbookPart, caches: readonly string[]): void {
  for (const cache of caches) {
    if (!pkg.has(cache) || cacheInUse(pkg, cache)) continue;
    const rels = pkg.rels(wb.path).filter((r) => !r.external && r.part.toLowerCase() === cache.toLowerCase());
    const ids = new Set(rels.map((r) => r.id));
    wb.edit((xml, p) => {
      const list = findElement(xml, `${p}pivotCaches`);
      if (!list) return xml;
      const items = findAll(xml, `${p}pivotCache`, list.contentStart, list.contentEnd);
      const keep = items.filter((el) => !ids.has(relIdOf(el.attrs) ?? ''));
      if (keep.length === items.length) return xml;
      if (!keep.length) return xml.slice(0, list.start) + xml.slice(list.end);
      return `${xml.slice(0, list.contentStart)}${keep.map((el) => xml.slice(el.start, el.end)).join('')}${xml.slice(list.contentEnd)}`;
    });
    pkg.removeRels(wb.path, [...ids]);
    pkg.removePartTree(cache);
  }
}

/** The r:id of an element, whatever prefix the relationships namespace has there. */
function relIdOf(attrs: string): string | undefined {
  return /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
}

/** Adds <pivotCache> to workbook.xml (creating <pivotCaches> in its schema place); returns the new cacheId. */
function addPivotCache(wb: WorkbookPart, relId: string): number {
  let cacheId = 0;
  wb.edit((xml, p) => {
    const r = p === 'r:' ? 'rel' : 'r';
    const list = findElement(xml, `${p}pivotCaches`);
    const ids = list ? findAll(xml, `${p}pivotCache`, list.contentStart, list.contentEnd).map((el) => Number(attr(el.attrs, 'cacheId')) || 0) : [];
    // The lowest free id: a re-run gives the summary its id back.
    cacheId = 1;
    while (ids.includes(cacheId)) cacheId++;
    const el = `<${p}pivotCache cacheId="${cacheId}" xmlns:${r}="${REL_OFFICE}" ${r}:id="${relId}"/>`;
    if (list) {
      if (list.contentStart === list.contentEnd) return `${xml.slice(0, list.start)}<${p}pivotCaches>${el}</${p}pivotCaches>${xml.slice(list.end)}`;
      return xml.slice(0, list.contentEnd) + el + xml.slice(list.contentEnd);
    }
    // CT_Workbook: … calcPr, oleSize, customWorkbookViews, pivotCaches, smartTagPr, smartTagTypes, webPublishing, fileRecoveryPr, webPublishObjects, extLst.
    let at = xml.lastIndexOf(`</${p}workbook>`);
    for (const name of ['smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']) {
      const after = findElement(xml, `${p}${name}`);
      if (after && after.start < at) at = after.start;
    }
    return `${xml.slice(0, at)}<${p}pivotCaches>${el}</${p}pivotCaches>${xml.slice(at)}`;
  });
  return cacheId;
}

function setSheetState(wb: WorkbookPart, name: string, state: 'hidden' | 'visible'): void {
  wb.edit((xml, p) => {
    const list = findElement(xml, `${p}sheets`);
    if (!list) return xml;
    for (const el of findAll(xml, `${p}sheet`, list.contentStart, list.contentEnd)) {
      if (attr(el.attrs, 'name') !== name) continue;
      const tagEnd = xml.indexOf('>', el.start);
      const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
      const attrs = state === 'visible' ? el.attrs.replace(/\sstate\s*=\s*"[^"]*"/, '') : setAttr(el.attrs.replace(/\s*\/$/, ''), 'state', state);
      return `${xml.slice(0, el.start)}<${p}sheet${attrs}${selfClosing ? '/>' : '>'}${xml.slice(tagEnd + 1)}`;
    }
    return xml;
  });
}

