// The standalone page's worker keeps each sheet's values between steps (XlsxWorkbook's keepValues). After
// output columns are written, or rows appended to the history, the kept values and extent are updated from
// the write itself instead of parsing the 100,000-row sheet again — only when a re-read is certain to give
// the same values back.
import type { CellValue, ColumnsPatch } from '../../../port/workbook.ts';
import type { Extent } from './sheet-reader.ts';
import { isEscapedOnly } from './xml.ts';

/** True when reading the written cell gives `v` back exactly (else the sheet is parsed again). */
function readsBack(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v === 'boolean') return true;
  return typeof v === 'string' && isEscapedOnly(v);
}

/**
 * The sheet's values and extent after `patch`, from those before it; null when they must be read again
 * (a value that does not read back as written, or a cleared cell on the edge of the extent).
 */
export function patchKept(values: CellValue[][], extent: Extent, patch: ColumnsPatch): { values: CellValue[][]; extent: Extent } | null {
  // Walked in place, column by column (header, then its values): no list of the 100,000s of cells written.
  let readable = true;
  const grown: Extent = { ...extent };
  eachCell(patch, (row, col, v) => {
    if (!readsBack(v)) readable = false;
    if (v === null) return;
    if (row > grown.lastRow) grown.lastRow = row;
    if (col > grown.lastCol) grown.lastCol = col;
  });
  if (!readable) return null;
  // The last row (column) stays when a written value holds it; else a cleared cell on it might have been what
  // held it (the old extent does not say which cell did).
  let heldRow = false;
  let heldCol = false;
  eachCell(patch, (row, col, v) => {
    if (v === null) return;
    if (row === grown.lastRow) heldRow = true;
    if (col === grown.lastCol) heldCol = true;
  });
  let cleared = false;
  eachCell(patch, (row, col, v) => {
    if (v === null && ((!heldRow && row >= grown.lastRow) || (!heldCol && col >= grown.lastCol))) cleared = true;
  });
  if (cleared) return null;
  const out = values;
  eachCell(patch, (row, col, v) => {
    if (v === null && (out[row - 1]?.[col] ?? null) === null) return;
    while (out.length < row) out.push([]);
    const r = out[row - 1]!;
    while (r.length <= col) r.push(null);
    r[col] = v;
  });
  // Squared as a read gives it: rows up to the last holding a value, as wide as the widest.
  let last = out.length;
  while (last > 0 && out[last - 1]!.every((v) => v === null)) last--;
  out.length = last;
  let width = 0;
  for (const r of out) for (let c = r.length - 1; c >= width; c--) if (r[c] !== null) width = c + 1;
  for (const r of out) {
    if (r.length > width) r.length = width;
    while (r.length < width) r.push(null);
  }
  return { values: out, extent: grown };
}

/**
 * The sheet's values and extent after appendToSheet (history.ts): rows whose `replace.col` cell reads as
 * `replace.key` (as text) dropped, the rows below moved up, the header on row 1 of an empty sheet, the rows
 * after the last one left. Null when a re-read could differ: a value that does not read back as written, or
 * cells the values do not show (formulas without a value) that could hold the extent.
 */
export function appendKept(
  values: CellValue[][],
  extent: Extent,
  header: readonly string[],
  rows: readonly CellValue[][],
  replace: { col: number; key: CellValue } | undefined,
): { values: CellValue[][]; extent: Extent } | null {
  const width = values[0]?.length ?? 0;
  // The extent counts cells without a value too (formulas, empty inline strings): here it must be the values'.
  if (extent.lastRow !== values.length || extent.lastCol !== width - 1) return null;
  if (!header.every(readsBack) || !rows.every((r) => r.every(readsBack))) return null;
  const key = replace && replace.key !== null && replace.key !== '' ? String(replace.key) : null;
  const out = key === null ? values : values.filter((r, i) => i === 0 || r[replace!.col] === null || r[replace!.col] === undefined || String(r[replace!.col]) !== key);
  // Rows left without a value after the last one holding one may still hold a formula: read again.
  let last = out.length;
  while (last > 0 && out[last - 1]!.every((v) => v === null)) last--;
  if (last !== out.length) return null;
  if (out.length && out.reduce((w, r) => Math.max(w, lastValueCol(r) + 1), 0) < width) return null;
  if (out.length === 0 && header.length > 0) out.push(header.slice());
  for (const r of rows) out.push(r.slice());
  // Squared as a read gives it (see patchKept).
  while (out.length > 0 && out[out.length - 1]!.every((v) => v === null)) out.length--;
  let w = 0;
  for (const r of out) w = Math.max(w, lastValueCol(r) + 1);
  for (const r of out) {
    if (r.length > w) r.length = w;
    while (r.length < w) r.push(null);
  }
  return { values: out, extent: { lastRow: out.length, lastCol: w - 1 } };
}

/** Each cell the patch writes, in its order: each column's header, then its values down the rows. */
function eachCell(patch: ColumnsPatch, f: (row: number, col: number, v: CellValue) => void): void {
  for (const c of patch.columns) {
    f(patch.headerRow, c.col, c.header);
    for (let i = 0; i < c.values.length; i++) f(patch.firstRow + i, c.col, c.values[i]!);
  }
}

function lastValueCol(row: readonly CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (row[c] !== null && row[c] !== undefined) return c;
  return -1;
}
