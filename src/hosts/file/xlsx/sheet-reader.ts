// Reading a worksheet: its extent, a block of values and its merged ranges.
import type { CellValue } from '../../../port/workbook.ts';
import { parseRange } from './refs.ts';
import {
  cellHasContent,
  cellValue,
  findSheetData,
  newCellSpan,
  newRowSpan,
  nextCell,
  nextRow,
  sheetTags,
  type CellSpan,
  type RowSpan,
  type SheetTags,
  type ValueContext,
} from './sheet-scan.ts';
import { readValuesFromBytes, squared } from './sheet-bytes-read.ts';
import { attr, decodePart, findAll } from './xml.ts';

/** A sheet part as read: its text, or its inflated bytes (read without decoding the whole part when it can be). */
export type SheetSource = string | Uint8Array;

export interface Extent {
  /** 1-based last row holding anything (0 when empty). */
  lastRow: number;
  /** 0-based last column holding anything (-1 when empty). */
  lastCol: number;
}

/** Adds the row's cells that hold a value, inline string or formula to the extent (styled empty cells do not count). */
function addRowExtent(xml: string, tags: SheetTags, row: RowSpan, cell: CellSpan, extent: Extent): void {
  let cpos = row.contentStart;
  let prevCol = -1;
  while (nextCell(xml, tags, cpos, row.contentEnd, prevCol, cell)) {
    prevCol = cell.col;
    cpos = cell.end;
    if (cellHasContent(xml, tags, cell)) addToExtent(extent, row.num, cell.col);
  }
}

function addToExtent(extent: Extent, row: number, col: number): void {
  if (row > extent.lastRow) extent.lastRow = row;
  if (col > extent.lastCol) extent.lastCol = col;
}

/**
 * Values of rows [firstRow, lastRow] from column A, as a rectangular block as wide as the widest row read.
 * Rows past the last row holding anything are not returned. When `extent` is given, the same scan also
 * finds the sheet's extent: the last row and column holding a value, inline string or formula (styled empty
 * cells do not count). A sheet listed and then read is scanned once.
 */
export function readValues(src: SheetSource, ctx: ValueContext, firstRow: number, lastRow: number, extent?: Extent): CellValue[][] {
  if (typeof src !== 'string') return readValuesFromBytes(src, ctx, firstRow, lastRow, extent) ?? readValues(decodePart(src), ctx, firstRow, lastRow, extent);
  const xml = src;
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const row = newRowSpan();
  const cell = newCellSpan();
  const rows: CellValue[][] = [];
  let width = 0;
  let maxRow = firstRow - 1;
  let pos = sd.contentStart;
  let prevRow = 0;
  while (nextRow(xml, tags, pos, sd.contentEnd, prevRow, row)) {
    prevRow = row.num;
    pos = row.end;
    if (row.num < firstRow || row.num > lastRow) {
      if (extent) addRowExtent(xml, tags, row, cell, extent);
      // Rows are sorted in every file we know of; keep scanning only if this one is out of order.
      else if (row.num > lastRow && row.hasR) break;
      continue;
    }
    let cpos = row.contentStart;
    let prevCol = -1;
    let values: CellValue[] | undefined;
    while (nextCell(xml, tags, cpos, row.contentEnd, prevCol, cell)) {
      prevCol = cell.col;
      cpos = cell.end;
      const v = cellValue(xml, tags, cell, ctx);
      // A value implies content; a cell without one may still hold a formula or an empty string.
      if (extent && (v !== null || cellHasContent(xml, tags, cell))) addToExtent(extent, row.num, cell.col);
      if (v === null) continue;
      if (!values) {
        values = rows[row.num - firstRow] ?? [];
        rows[row.num - firstRow] = values;
      }
      values[cell.col] = v;
      if (cell.col + 1 > width) width = cell.col + 1;
      if (row.num > maxRow) maxRow = row.num;
    }
  }
  return squared(rows, firstRow, maxRow, width);
}

export interface MergeRange {
  /** 1-based rows. */
  firstRow: number;
  lastRow: number;
  /** 0-based columns (A = 0), like the port's column indexes. */
  firstCol: number;
  lastCol: number;
}

export function readMergeRanges(xml: string): MergeRange[] {
  const tags = sheetTags(xml);
  const out: MergeRange[] = [];
  const sdEnd = findSheetData(xml, tags).end;
  for (const el of findAll(xml, `${tags.p}mergeCell`, sdEnd)) {
    const r = parseRange(attr(el.attrs, 'ref') ?? '');
    if (r) out.push(r);
  }
  return out;
}
