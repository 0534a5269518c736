// Customer and order ids as keys: the same id written differently must land in one slot.
import type { CellValue } from '../cells.ts';
import { normalizeKey } from '../grading/ids.ts';

/** Printable ASCII without spaces: nothing for normalizeKey to fold or trim. */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

/** "17850.0" / "17850.00" → "17850": an integer id that went through a float (pandas, some exports). */
function foldFloat(s: string): string {
  const dot = s.indexOf('.');
  if (dot <= 0 || dot === s.length - 1) return s;
  for (let i = 0; i < dot; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return s;
  }
  for (let i = dot + 1; i < s.length; i++) if (s.charCodeAt(i) !== 48) return s;
  return s.slice(0, dot);
}

/**
 * The key of an id cell, or null when the cell is blank: full-width characters and spaces folded and
 * trimmed (normalizeKey), and integers written as floats folded ("17850.0" = 17850 = "17850").
 * Leading zeros are kept: "00123" and "123" are different ids. Case is kept: "c001" ≠ "C001".
 */
export function idKey(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const s = isPlainAscii(cell) ? cell : normalizeKey(cell);
  return s === '' ? null : foldFloat(s);
}
