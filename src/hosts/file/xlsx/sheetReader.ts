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
  type ValueContext,
} from './sheetScan.ts';
import { attr, findAll } from './xml.ts';

export interface Extent {
  /** 1-based last row holding anything (0 when empty). */
  lastRow: number;
  /** 0-based last column holding anything (-1 when empty). */
  lastCol: number;
}

/** The real extent of a sheet: cells with a value, inline string or formula (styled empty cells do not count). */
export function sheetExtent(xml: string): Extent {
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const row = newRowSpan();
  const cell = newCellSpan();
  let lastRow = 0;
  let lastCol = -1;
  let pos = sd.contentStart;
  let prevRow = 0;
  while (nextRow(xml, tags, pos, sd.contentEnd, prevRow, row)) {
    prevRow = row.num;
    pos = row.end;
    let cpos = row.contentStart;
    let prevCol = -1;
    while (nextCell(xml, tags, cpos, row.contentEnd, prevCol, cell)) {
      prevCol = cell.col;
      cpos = cell.end;
      if (cellHasContent(xml, tags, cell)) {
        if (row.num > lastRow) lastRow = row.num;
        if (cell.col > lastCol) lastCol = cell.col;
      }
    }
  }
  return { lastRow, lastCol };
}

/**
 * Values of rows [firstRow, lastRow] from column A, as a rectangular block as wide as the widest row read.
 * Rows past the last row holding anything are not returned.
 */
export function readValues(xml: string, ctx: ValueContext, firstRow: number, lastRow: number): CellValue[][] {
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
    if (row.num < firstRow) continue;
    if (row.num > lastRow) {
      // Rows are sorted in every file we know of; keep scanning only if this one is out of order.
      if (row.hasR) break;
      continue;
    }
    let cpos = row.contentStart;
    let prevCol = -1;
    let values: CellValue[] | undefined;
    while (nextCell(xml, tags, cpos, row.contentEnd, prevCol, cell)) {
      prevCol = cell.col;
      cpos = cell.end;
      const v = cellValue(xml, tags, cell, ctx);
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
  const out: CellValue[][] = new Array<CellValue[]>(maxRow - firstRow + 1);
  for (let r = 0; r < out.length; r++) {
    const src = rows[r];
    const dst = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) dst[c] = src?.[c] ?? null;
    out[r] = dst;
  }
  return out;
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
