// What the standalone grid shows of a worksheet, read straight from its XML: per sheet the column widths,
// merged ranges and (per workbook) the table of cell formats; per window of rows the values and one format
// index per cell in a flat Uint32Array (transferable, no object per cell). A sparse index of row
// positions makes a window deep in a 100,000-row sheet as cheap as one at the top.
import type { CellValue } from '../../../port/workbook.ts';
import { parseRange } from './refs.ts';
import type { MergeRange } from './sheet-reader.ts';
import { attr, attrValueEnd, attrValueStart, findAll, findElement, rawAttr } from './xml.ts';
import { SheetWalk } from './sheet-bytes.ts';
import { withoutRows } from './sheet-bytes-read.ts';
import { decodePart } from './xml.ts';
import { cellValue, findSheetData, newCellSpan, newRowSpan, nextCell, nextRow, sheetTags, type SheetDataSpan, type ValueContext } from './sheet-scan.ts';

export interface ColumnWidths {
  /** Width in characters of the columns that have one (0-based column → width); hidden columns are 0. */
  widths: [col: number, width: number][];
  /** Width of the other columns, in characters (Excel's default is 8.43). */
  defaultWidth: number;
}

export interface SheetLayout extends ColumnWidths {
  merges: MergeRange[];
}

export interface GridBlock {
  firstRow: number;
  /** Columns per row in `looks` (and at most in `values`). */
  width: number;
  values: CellValue[][];
  /** Cell format index (the cell's s=) per cell, row-major: looks[r * width + c]. */
  looks: Uint32Array;
}

export function readColumnWidths(xml: string): ColumnWidths {
  const p = sheetTags(xml).p;
  // Both come before <sheetData>: never search the rows (megabytes in a large sheet).
  const sd = xml.indexOf(`<${p}sheetData`);
  const head = sd < 0 ? xml : xml.slice(0, sd);
  const pr = findElement(head, `${p}sheetFormatPr`);
  const dflt = pr ? Number(rawAttr(pr.attrs, 'defaultColWidth')) : NaN;
  const base = pr ? Number(rawAttr(pr.attrs, 'baseColWidth')) : NaN;
  // Without defaultColWidth Excel uses baseColWidth (8 by default) plus padding: 8.43 for Calibri 11.
  const defaultWidth = Number.isFinite(dflt) && dflt > 0 ? dflt : Number.isFinite(base) && base > 0 ? base + 0.43 : 8.43;
  const widths: [number, number][] = [];
  const cols = findElement(head, `${p}cols`);
  if (cols) {
    for (const el of findAll(head, `${p}col`, cols.contentStart, cols.contentEnd)) {
      const min = Number(rawAttr(el.attrs, 'min'));
      const max = Math.min(Number(rawAttr(el.attrs, 'max')), min + 16383);
      const hidden = rawAttr(el.attrs, 'hidden');
      const w = hidden === '1' || hidden === 'true' ? 0 : Number(rawAttr(el.attrs, 'width'));
      if (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isFinite(w)) continue;
      // A <col> may cover the whole sheet (min=1 max=16384): keep only columns a grid could show.
      for (let c = min; c <= Math.min(max, min + 1023); c++) widths.push([c - 1, w]);
    }
  }
  return { widths, defaultWidth };
}

/** Merged ranges, found after the rows from the end of the part (the rows are not scanned). */
export function readMerges(xml: string): MergeRange[] {
  const p = sheetTags(xml).p;
  const after = xml.lastIndexOf(`</${p}sheetData>`);
  const out: MergeRange[] = [];
  if (after < 0) return out;
  for (const el of findAll(xml, `${p}mergeCell`, after)) {
    const r = parseRange(attr(el.attrs, 'ref') ?? '');
    if (r) out.push(r);
  }
  return out;
}

export function readSheetLayout(src: string | Uint8Array): SheetLayout {
  // Bytes: only what is before and after the rows is decoded.
  const xml = typeof src === 'string' ? src : withoutRows(src);
  return { ...readColumnWidths(xml), merges: readMerges(xml) };
}

const CHECKPOINT = 256;

/** Reads windows of one sheet's XML; remembers where every 256th row starts for the next window. */
export class GridReader {
  private xml = '';
  /** [row number, position of its <row>] every CHECKPOINT rows, ascending. */
  private marks: [number, number][] = [];
  private sd: SheetDataSpan | null = null;
  /** The sheet's bytes when read as bytes, their row marks, and their text once the walk could not read them. */
  private bytes: Uint8Array | null = null;
  private byteMarks: [number, number][] = [];
  private decoded: string | null = null;

  block(src: string | Uint8Array, ctx: ValueContext, firstRow: number, lastRow: number, width: number): GridBlock {
    if (typeof src === 'string') return this.textBlock(src, ctx, firstRow, lastRow, width);
    if (src !== this.bytes) {
      this.bytes = src;
      this.byteMarks = [];
      this.decoded = null;
    }
    if (this.decoded === null) {
      const block = this.byteBlock(src, ctx, firstRow, lastRow, width);
      if (block) return block;
      this.decoded = decodePart(src);
    }
    return this.textBlock(this.decoded, ctx, firstRow, lastRow, width);
  }

  /** The window read from the bytes (see sheet-bytes.ts); null when the walk gives up (the text scanner reads it). */
  private byteBlock(b: Uint8Array, ctx: ValueContext, firstRow: number, lastRow: number, width: number): GridBlock | null {
    const walk = SheetWalk.over(b, ctx);
    if (!walk) return null;
    const rowCount = Math.max(0, lastRow - firstRow + 1);
    const values: CellValue[][] = Array.from({ length: rowCount }, () => new Array<CellValue>(width).fill(null));
    const looks = new Uint32Array(rowCount * width);
    const marks = this.byteMarks;
    let prevRow = 0;
    const mark = nearest(marks, firstRow);
    if (mark) {
      prevRow = mark[0] - 1;
      walk.pos = mark[1];
    }
    let lastMark = marks.at(-1)?.[0] ?? 0;
    try {
      while (walk.nextRow(prevRow)) {
        const num = walk.num;
        if (num <= prevRow) lastMark = Infinity;
        if (num >= lastMark + CHECKPOINT && num > prevRow) {
          marks.push([num, walk.rowStart]);
          lastMark = num;
        }
        prevRow = num;
        const inRange = num >= firstRow && num <= lastRow;
        const r = num - firstRow;
        let prevCol = -1;
        // Cells past the window's width are walked over, not read.
        let past = false;
        while (!walk.rowSelfClosing && walk.nextCell(prevCol, inRange && !past)) {
          prevCol = walk.col;
          if (!inRange || past) continue;
          if (walk.col >= width) {
            past = true;
            continue;
          }
          looks[r * width + walk.col] = walk.styleIndex();
          values[r]![walk.col] = walk.value;
        }
        if (num > lastRow && walk.hasR) break;
      }
    } catch {
      return null;
    }
    return { firstRow, width, values, looks };
  }

  private textBlock(xml: string, ctx: ValueContext, firstRow: number, lastRow: number, width: number): GridBlock {
    if (xml !== this.xml || !this.sd) {
      this.xml = xml;
      this.marks = [];
      // Finding </sheetData> scans the whole part: once per version of the sheet, not per window.
      this.sd = findSheetData(xml, sheetTags(xml));
    }
    const tags = sheetTags(xml);
    const sd = this.sd;
    const rowCount = Math.max(0, lastRow - firstRow + 1);
    const values: CellValue[][] = Array.from({ length: rowCount }, () => new Array<CellValue>(width).fill(null));
    const looks = new Uint32Array(rowCount * width);
    const row = newRowSpan();
    const cell = newCellSpan();
    let pos = sd.contentStart;
    let prevRow = 0;
    const mark = this.nearestMark(firstRow);
    if (mark) {
      prevRow = mark[0] - 1;
      pos = mark[1];
    }
    let lastMark = this.marks.at(-1)?.[0] ?? 0;
    while (nextRow(xml, tags, pos, sd.contentEnd, prevRow, row)) {
      // Rows out of order (rare, but valid) make the marks unreliable: stop recording them.
      if (row.num <= prevRow) lastMark = Infinity;
      if (row.num >= lastMark + CHECKPOINT && row.num > prevRow) {
        this.marks.push([row.num, row.start]);
        lastMark = row.num;
      }
      prevRow = row.num;
      pos = row.end;
      if (row.num < firstRow) continue;
      if (row.num > lastRow) {
        if (row.hasR) break;
        continue;
      }
      const r = row.num - firstRow;
      const rowValues = values[r]!;
      let cpos = row.contentStart;
      let prevCol = -1;
      while (nextCell(xml, tags, cpos, row.contentEnd, prevCol, cell)) {
        prevCol = cell.col;
        cpos = cell.end;
        if (cell.col >= width) break;
        const s = attrValueStart(xml, cell.attrStart, cell.attrEnd, 's');
        if (s >= 0) looks[r * width + cell.col] = Number(xml.slice(s, attrValueEnd(xml, s))) || 0;
        rowValues[cell.col] = cellValue(xml, tags, cell, ctx);
      }
    }
    return { firstRow, width, values, looks };
  }

  private nearestMark(row: number): [number, number] | null {
    return nearest(this.marks, row);
  }
}

/** The last mark at or before `row`. */
function nearest(marks: readonly [number, number][], row: number): [number, number] | null {
  let lo = 0;
  let hi = marks.length - 1;
  let best: [number, number] | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = marks[mid]!;
    if (m[0] <= row) {
      best = m;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
