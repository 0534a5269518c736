// Worksheets TierBook owns entirely (rules, history, summaries, handbook) are written from scratch: tables
// laid out top to bottom, widths, frozen rows, print setup and optional Excel table parts.
import type { CellValue, GeneratedSheet, SheetTable } from '../../../port/workbook.ts';
import { cellPresent, cellXml, plainCellMarkup, writeCell } from './cells.ts';
import { colsXml } from './cols.ts';
import { cellRef, colName, quoteSheetName, rangeRef } from './refs.ts';
import { concat, type PartContent, type PartPacker } from './packed-part.ts';
import { ByteSink, type Sink } from './sink.ts';
import type { StyleSheet } from './styles.ts';
import { XML_DECL, decodePart, escapeAttr } from './xml.ts';

const ENCODER = new TextEncoder();

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Light grey behind generated table headers. */
export const HEADER_FILL = '#D9D9D9';

export type RowCell = [col: number, value: CellValue, style: number | undefined];

export function rowXml(row: number, cells: readonly RowCell[]): string {
  const body = cells.map(([c, v, s]) => cellXml(cellRef(row, c), v, s)).filter((x): x is string => x !== null);
  return body.length ? `<row r="${row}">${body.join('')}</row>` : '';
}

/** An Excel table to create over a laid-out header and its rows. */
export interface TablePlacement {
  name: string;
  ref: string;
  header: string[];
}

/**
 * Rows written straight into a part's bytes (a million-row table makes no string per row); `start()` comes
 * before the first row written, and a sheet whose rows write nothing has `<sheetData/>`.
 */
export type WriteRows = (out: Sink, start: () => void) => void;

export interface Layout {
  /** The rows, as rowXml() would make them. */
  write: WriteRows;
  lastRow: number;
  lastCol: number;
  tables: TablePlacement[];
}

/** Lays the tables out top to bottom from `firstRow`: title, notes, header, rows; one blank row between tables. */
export function layoutTables(tables: readonly SheetTable[], styles: StyleSheet, firstRow = 1): Layout {
  const title = styles.xfIndex({ bold: true });
  const header = styles.xfIndex({ bold: true, fill: HEADER_FILL });
  const placements: TablePlacement[] = [];
  // First the sizes and every cell's style (styles are added in the order cells meet them, as before);
  // the XML is made when the rows are read.
  const styleOfTable: StyleOf[] = [];
  const plainOfTable: boolean[] = [];
  let r = firstRow;
  let lastCol = -1;
  tables.forEach((t, ti) => {
    if (ti > 0) r++;
    if (t.title !== undefined && t.title !== '') {
      r++;
      lastCol = Math.max(lastCol, 0);
    }
    for (const _ of t.notes ?? []) {
      r++;
      lastCol = Math.max(lastCol, 0);
    }
    const headerRow = r++;
    let width = t.header.length;
    const styleCache = new Map<string, number | undefined>();
    const styleOf = (c: number, fill: string | null): number | undefined => {
      const key = `${c}|${fill ?? ''}`;
      if (styleCache.has(key)) return styleCache.get(key);
      const numberFormat = t.numberFormats?.[c] ?? null;
      const s = numberFormat || fill ? styles.xfIndex({ numberFormat, fill }) : undefined;
      styleCache.set(key, s);
      return s;
    };
    styleOfTable.push(styleOf);
    const fills = t.rowFills;
    // Without fills or formats every cell's style is undefined: nothing to look up per cell.
    const plain = !fills?.some(Boolean) && !t.numberFormats?.some(Boolean);
    plainOfTable.push(plain);
    t.rows.forEach((values, i) => {
      const fill = fills?.[i] ?? null;
      if (!plain) {
        const n = Math.max(values.length, fill ? t.header.length : 0);
        for (let c = 0; c < n; c++) styleOf(c, fill);
      }
      width = Math.max(width, values.length);
      r++;
    });
    lastCol = Math.max(lastCol, width - 1);
    if (t.tableName && t.rows.length > 0 && tableHeaderOk(t.header)) {
      placements.push({ name: t.tableName, ref: rangeRef(headerRow, 0, r - 1, t.header.length - 1), header: t.header });
    }
  });
  const titleStyle = () => title;
  const headerStyle = () => header;
  function write(out: Sink, start: () => void): void {
    const w = new RowWriter(out, start);
    let r = firstRow;
    for (let ti = 0; ti < tables.length; ti++) {
      const t = tables[ti]!;
      if (ti > 0) r++;
      if (t.title !== undefined && t.title !== '') w.row(r++, [t.title], 1, titleStyle, null);
      for (const note of t.notes ?? []) w.row(r++, [note], 1, null, null);
      w.row(r++, t.header, t.header.length, headerStyle, null);
      const styleOf = plainOfTable[ti] ? null : styleOfTable[ti]!;
      for (let i = 0; i < t.rows.length; i++) {
        const values = t.rows[i]!;
        const fill = t.rowFills?.[i] ?? null;
        w.row(r++, values, Math.max(values.length, fill ? t.header.length : 0), styleOf, fill);
      }
    }
  }
  return { write, lastRow: r - 1, lastCol, tables: placements };
}

type StyleOf = (c: number, fill: string | null) => number | undefined;

/** Writes rows of cells into a sink, byte for byte as rowXml() makes them. */
class RowWriter {
  private readonly letters: string[] = [];
  /** `<c r="` and the column's letters, as bytes (for plainCells). */
  private readonly opens: Uint8Array[] = [];
  private readonly plain = plainCellMarkup('');

  constructor(
    private readonly out: Sink,
    private readonly start: () => void,
  ) {}

  /** Row `r`: cells 0..n-1 of `values`, styled by `styleOf` (null: no cell has a style). */
  row(r: number, values: readonly CellValue[], n: number, styleOf: StyleOf | null, fill: string | null): void {
    let first = -1;
    let last = -1;
    for (let c = 0; c < n; c++) {
      if (!cellPresent(values[c] ?? null, styleOf?.(c, fill))) continue;
      if (first < 0) first = c;
      last = c;
    }
    if (first < 0) return;
    const out = this.out;
    this.start();
    out.ascii('<row r="');
    out.uint(r);
    out.ascii('">');
    if (!styleOf) for (let c = this.opens.length; c <= last; c++) this.opens.push(ENCODER.encode(`<c r="${colName(c)}`));
    for (let c = first; c <= last; c++) {
      // Plain text and numbers straight into the sink's bytes; anything else (and what follows) cell by cell.
      if (!styleOf && (c = out.plainCells(values, c, last, r, this.opens, this.plain)) > last) break;
      const v = values[c] ?? null;
      const style = styleOf?.(c, fill);
      if (cellPresent(v, style)) writeCell(out, (this.letters[c] ??= colName(c)), r, v, style, '');
    }
    out.ascii('</row>');
  }
}

/** Excel tables need non-empty, distinct, single-line column names. */
function tableHeaderOk(header: readonly string[]): boolean {
  if (header.length === 0) return false;
  const seen = new Set<string>();
  for (const h of header) {
    // eslint-disable-next-line no-control-regex
    if (!h.trim() || /[\u0000-\u001f]/.test(h) || h.length > 255) return false;
    const k = h.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

export interface WorksheetParts {
  lastRow: number;
  lastCol: number;
  /** Row XML, in order ('' for a row with nothing to write), or rows written into the part's bytes. */
  rows: Iterable<string> | WriteRows;
  widths?: ReadonlyMap<number, number>;
  freezeRows?: number;
  print?: GeneratedSheet['print'];
  /** Manual page breaks after these rows (1-based). */
  rowBreaks?: readonly number[];
  /** Relationship ids of table parts. */
  tableRelIds?: readonly string[];
  /** Relationship id of a drawing part (charts). */
  drawingRelId?: string;
}

/** A complete worksheet part, as text. */
export function worksheetXml(w: WorksheetParts): string {
  const sink = new ByteSink('', null);
  writeWorksheet(w, sink);
  return decodePart(concat(sink.finish()));
}

/**
 * The same part as UTF-8 chunks, or deflated as it is written when there is a packer (Node): a big sheet's
 * rows go out one by one and are never joined into one string.
 */
export function worksheetContent(w: WorksheetParts, packer: PartPacker | null): PartContent {
  const sink = new ByteSink('', null, packer);
  writeWorksheet(w, sink);
  return sink.finishPart();
}

function writeWorksheet(w: WorksheetParts, out: Sink): void {
  const fit = w.print && w.print.fitToWidth !== false;
  let xml = `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">`;
  if (fit) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  xml += `<dimension ref="${w.lastRow > 0 && w.lastCol >= 0 ? rangeRef(1, 0, w.lastRow, w.lastCol) : 'A1'}"/>`;
  const freeze = w.freezeRows && w.freezeRows > 1 ? w.freezeRows : 0;
  if (freeze) {
    const top = `A${freeze}`;
    xml +=
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze - 1}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  } else xml += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  xml += '<sheetFormatPr defaultRowHeight="15"/>';
  if (w.widths) xml += colsXml(w.widths);
  let open = false;
  const start = () => {
    if (open) return;
    out.str(`${xml}<sheetData>`);
    open = true;
  };
  if (typeof w.rows === 'function') w.rows(out, start);
  else
    for (const row of w.rows) {
      if (!row) continue;
      start();
      out.str(row);
    }
  if (open) xml = '</sheetData>';
  else xml += '<sheetData/>';
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (w.print) {
    const orientation = w.print.landscape ? 'landscape' : 'portrait';
    xml += `<pageSetup paperSize="9" orientation="${orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  }
  const breaks = w.rowBreaks?.filter((r) => r > 0) ?? [];
  if (breaks.length) xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  if (w.drawingRelId) xml += `<drawing r:id="${w.drawingRelId}"/>`;
  const ids = w.tableRelIds ?? [];
  if (ids.length) xml += `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
  out.str(`${xml}</worksheet>`);
}

/** The print area and print titles of a generated sheet, as defined-name values. */
export function printNames(sheetName: string, lastRow: number, lastCol: number, print: NonNullable<GeneratedSheet['print']>): Map<string, string> {
  const q = quoteSheetName(sheetName);
  const names = new Map<string, string>();
  if (lastRow > 0 && lastCol >= 0) names.set('_xlnm.Print_Area', `${q}!$A$1:$${colName(lastCol)}$${lastRow}`);
  if (print.repeatRows) {
    const [a, b] = print.repeatRows;
    names.set('_xlnm.Print_Titles', `${q}!$${Math.min(a, b)}:$${Math.max(a, b)}`);
  }
  return names;
}

/** An Excel table part. */
export function tableXml(id: number, name: string, ref: string, header: readonly string[]): string {
  const cols = header.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h)}"/>`).join('');
  return (
    `${XML_DECL}<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${header.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** A valid, workbook-unique table name derived from `wanted` (taken: lower-cased names in use). */
export function uniqueTableName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted.replace(/[^\p{L}\p{N}_.\\]/gu, '_');
  if (!/^[\p{L}_\\]/u.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RC]$/i.test(base) || /^R\d*C\d*$/i.test(base)) base = `_${base}`;
  base = base.slice(0, 250);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}
