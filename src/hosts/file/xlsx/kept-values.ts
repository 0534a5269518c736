// The standalone page's worker keeps each sheet's values between steps (XlsxWorkbook's keepValues). After
// output columns are written, the kept values and extent are updated from the patch itself instead of
// parsing the 100,000-row sheet again — only when a re-read is certain to give the same values back.
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
  const cells: [row: number, col: number, value: CellValue][] = [];
  for (const c of patch.columns) {
    cells.push([patch.headerRow, c.col, c.header]);
    c.values.forEach((v, i) => cells.push([patch.firstRow + i, c.col, v]));
  }
  if (!cells.every(([, , v]) => readsBack(v))) return null;
  const grown: Extent = { ...extent };
  for (const [row, col, v] of cells) {
    if (v === null) continue;
    if (row > grown.lastRow) grown.lastRow = row;
    if (col > grown.lastCol) grown.lastCol = col;
  }
  // The last row (column) stays when a written value holds it; else a cleared cell on it might have been what
  // held it (the old extent does not say which cell did).
  const heldRow = cells.some(([row, , v]) => v !== null && row === grown.lastRow);
  const heldCol = cells.some(([, col, v]) => v !== null && col === grown.lastCol);
  if (cells.some(([row, col, v]) => v === null && ((!heldRow && row >= grown.lastRow) || (!heldCol && col >= grown.lastCol)))) return null;
  const out = values;
  for (const [row, col, v] of cells) {
    if (v === null && (out[row - 1]?.[col] ?? null) === null) continue;
    while (out.length < row) out.push([]);
    const r = out[row - 1]!;
    while (r.length <= col) r.push(null);
    r[col] = v;
  }
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
