// Reading a sheet's values and layout through the byte walk (sheet-bytes.ts): a block of rows squared up as
// the text reader returns it, or null when the walk gave up and the text scanner must read the part.
import type { CellValue } from "../../../port/workbook.ts";
import { SheetWalk } from "./sheet-bytes.ts";
import { at, UTF8, type Extent } from "./sheet-bytes-scan.ts";
import type { ValueContext } from "./sheet-scan.ts";
import { decodePart } from "./xml.ts";

/**
 * readValues() over the bytes of a sheet part; null when the walk gives up (the caller reads the text).
 * `extent` is only changed when values are returned.
 */
export function readValuesFromBytes(
  b: Uint8Array,
  ctx: ValueContext,
  firstRow: number,
  lastRow: number,
  extent?: Extent,
): CellValue[][] | null {
  const walk = SheetWalk.over(b, ctx);
  if (!walk) return null;
  const found: Extent | null = extent
    ? { lastRow: extent.lastRow, lastCol: extent.lastCol }
    : null;
  const rows: CellValue[][] = [];
  let width = 0;
  let maxRow = firstRow - 1;
  try {
    let prevRow = 0;
    while (walk.nextRow(prevRow)) {
      const num = walk.num;
      prevRow = num;
      const inRange = num >= firstRow && num <= lastRow;
      let prevCol = -1;
      let values: CellValue[] | undefined;
      while (!walk.rowSelfClosing && walk.nextCell(prevCol, inRange)) {
        const col = walk.col;
        prevCol = col;
        if (found && walk.hasContent) {
          if (num > found.lastRow) found.lastRow = num;
          if (col > found.lastCol) found.lastCol = col;
        }
        const v = walk.value;
        if (!inRange || v === null) continue;
        if (!values) {
          // As wide as the block so far: most rows are, and then the array never grows.
          values = rows[num - firstRow] ?? new Array<CellValue>(width);
          rows[num - firstRow] = values;
        }
        values[col] = v;
        if (col + 1 > width) width = col + 1;
        if (num > maxRow) maxRow = num;
      }
      // Rows are sorted in every file we know of; keep walking only if this one is out of order.
      if (!found && num > lastRow && walk.hasR) break;
    }
  } catch {
    // UNUSUAL, or an error the text scanner may report differently (a row found damaged first): it says.
    return null;
  }
  if (extent && found) {
    extent.lastRow = found.lastRow;
    extent.lastCol = found.lastCol;
  }
  return squared(rows, firstRow, maxRow, width);
}

const NO_VALUES: ValueContext = {
  sharedStrings: () => [],
  dateStyles1904: null,
};

/**
 * The text of a sheet part without its rows: everything up to the first <sheetData> start tag and from the
 * last </sheetData> on. What the layout readers look at (columns before the rows, merges after them).
 */
export function withoutRows(b: Uint8Array): string {
  const walk = SheetWalk.over(b, NO_VALUES);
  if (walk) {
    const close = walk.tags.sheetDataClose;
    for (
      let i = b.lastIndexOf(60);
      i >= walk.rowsStart;
      i = b.lastIndexOf(60, i - 1)
    ) {
      if (at(b, i, close))
        return (
          decodePart(b.subarray(0, walk.rowsStart)) + UTF8.decode(b.subarray(i))
        );
    }
  }
  return decodePart(b);
}

/** Squares a block up in place: blank rows become rows of nulls, gaps and short rows are filled with null. */
export function squared(
  rows: CellValue[][],
  firstRow: number,
  maxRow: number,
  width: number,
): CellValue[][] {
  rows.length = maxRow - firstRow + 1;
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    if (!values) {
      rows[r] = new Array<CellValue>(width).fill(null);
      continue;
    }
    for (let c = 0; c < width; c++)
      if (values[c] === undefined) values[c] = null;
  }
  return rows;
}
