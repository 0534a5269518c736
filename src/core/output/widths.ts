// How wide text shows, in character columns: for sheet column widths and for aligned CLI text.
// WIDE_RANGES below is a data table (Unicode's East Asian Width property), not logic.
import { formatNumber } from '../explain/format.ts';
import type { CellValue, SheetTable } from './tables.ts';

// East Asian Wide (W) and Fullwidth (F) code points of Unicode's EastAsianWidth.txt: sorted [from, to] pairs.
const WIDE_RANGES = [0x1100, 0x115f, 0x231a, 0x231a, 0x231b, 0x231b, 0x2329, 0x2329, 0x232a, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fd, 0x25fe, 0x25fe, 0x2614, 0x2614, 0x2615, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26aa, 0x26ab, 0x26ab, 0x26bd, 0x26bd, 0x26be, 0x26be, 0x26c4, 0x26c4, 0x26c5, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f2, 0x26f3, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270a, 0x270b, 0x270b, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1b, 0x2b1c, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x3029, 0x3030, 0x303e, 0x3041, 0x3098, 0x309b, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xa960, 0xa97f, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe3, 0x17000, 0x1b2ff, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f251, 0x1f300, 0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f595, 0x1f596, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d7, 0x1f6eb, 0x1f6eb, 0x1f6ec, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1faff, 0x20000, 0x3fffd];
// Combining marks, zero-width characters and variation selectors take no column of their own.
const MARK = /^[\p{Mn}\p{Me}]$/u;
const isZero = (ch: string, cp: number) => (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || MARK.test(ch);

function inWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE_RANGES[2 * mid]!) hi = mid - 1;
    else if (cp > WIDE_RANGES[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** East Asian Wide and Fullwidth characters take two columns (of a terminal, or of a sheet column's character width). */
export function isWide(ch: string): boolean {
  return inWide(ch.codePointAt(0) ?? 0);
}

/** Display width in character units: Wide and Fullwidth characters count two, combining marks none. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += inWide(cp) ? 2 : isZero(ch, cp) ? 0 : 1;
  }
  return w;
}

/** `text` padded with spaces to `width` display columns (at least one space when it is wider). */
export function padDisplay(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + pad : pad + text;
}

/**
 * Column widths (characters) that fit each column's header and cells, within [min, max]. Titles and notes
 * are left out: they sit in column A and run across the empty cells to their right.
 */
export function columnWidths(tables: readonly SheetTable[], min = 8, max = 60): number[] {
  const widths: number[] = [];
  const fit = (c: number, v: CellValue) => {
    if (v === null) return;
    // Most cells of a long column cannot widen it: skip their text when even its widest reading fits.
    const now = widths[c] ?? min;
    if (now >= max || widestReading(v) + 2 <= now) {
      widths[c] = now;
      return;
    }
    // Numbers show with separators and at most a few decimals.
    const text = typeof v === 'number' ? formatNumber(v, 1) : String(v);
    widths[c] = Math.max(widths[c] ?? min, Math.min(max, displayWidth(text) + 2));
  };
  for (const t of tables) {
    t.header.forEach((h, c) => fit(c, h));
    for (const row of t.rows) row.forEach((v, c) => fit(c, v));
  }
  return Array.from(widths, (w) => w ?? min);
}

/** At least the display width `v` shows with in columnWidths (a string's characters count two at most). */
function widestReading(v: Exclude<CellValue, null>): number {
  if (typeof v === 'string') return 2 * v.length;
  if (typeof v !== 'number' || !(Math.abs(v) < 1e15)) return Infinity;
  // Digits (one more for rounding up), thousands separators, sign, and one decimal with its point.
  const digits = Math.abs(v) < 1 ? 2 : Math.floor(Math.log10(Math.abs(v))) + 2;
  return 1 + digits + Math.floor((digits - 1) / 3) + 2;
}
