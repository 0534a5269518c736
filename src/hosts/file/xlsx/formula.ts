// Moving a formula's relative A1 references, the way Excel fills a shared formula from its master cell
// into the other cells of its range. Used only when a write replaces the master of a shared formula and
// the remaining cells must get standalone formulas of their own.
import { colName, MAX_COL, MAX_ROW } from './refs.ts';

const COL_LIMIT = MAX_COL + 1;

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Cell references (A1, $A$1), column ranges (A:C) and row ranges (1:3), not inside names, function names
 * (LOG10(), sheet prefixes (Q1!) or decimals. The character before a reference is captured (group 1)
 * rather than looked behind, for older browsers.
 */
const REF_RE =
  /(^|[^A-Za-z0-9_.$\\])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_(!.])/g;

function shiftSegment(seg: string, dRow: number, dCol: number): string {
  return seg.replace(REF_RE, (...args: unknown[]) => {
    const g = args.slice(1, 14) as (string | undefined)[];
    const v = (i: number): string => g[i] ?? '';
    const cell = g[2] !== undefined ? ([v(1), v(2), v(3), v(4)] as const) : null;
    const cols = g[6] !== undefined ? ([v(5), v(6), v(7), v(8)] as const) : null;
    const rows = g[10] !== undefined ? ([v(9), v(10), v(11), v(12)] as const) : null;
    return v(0) + shiftRef(dRow, dCol, cell, cols, rows);
  });
}

type Parts = readonly [string, string, string, string];

function shiftRef(
  dRow: number,
  dCol: number,
  cell: Parts | null,
  cols: Parts | null,
  rows: Parts | null,
): string {
  if (cell) {
    const [ca, cl, ra, rn] = cell;
    if (letters(cl) >= COL_LIMIT || Number(rn) < 1 || Number(rn) > MAX_ROW) return `${ca}${cl}${ra}${rn}`; // not a reference
    const col = ca ? letters(cl) : letters(cl) + dCol;
    const row = ra ? Number(rn) : Number(rn) + dRow;
    if (col < 0 || col >= COL_LIMIT || row < 1 || row > MAX_ROW) return '#REF!';
    return `${ca}${colName(col)}${ra}${row}`;
  }
  if (cols) {
    const [c1a, c1, c2a, c2] = cols;
    const a = c1a ? letters(c1) : letters(c1) + dCol;
    const b = c2a ? letters(c2) : letters(c2) + dCol;
    if (a < 0 || b < 0 || a >= COL_LIMIT || b >= COL_LIMIT) return '#REF!';
    return `${c1a}${colName(a)}:${c2a}${colName(b)}`;
  }
  const [r1a, r1, r2a, r2] = rows!;
  const a = r1a ? Number(r1) : Number(r1) + dRow;
  const b = r2a ? Number(r2) : Number(r2) + dRow;
  if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return '#REF!';
  return `${r1a}${a}:${r2a}${b}`;
}

/** The formula `f` (text without "=") as it reads `dRow` rows down and `dCol` columns right. */
export function shiftFormula(f: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return f;
  let out = '';
  let seg = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i]!;
    if (ch === '"' || ch === "'" || ch === '[') {
      // String literals, quoted sheet names and structured/external references are copied verbatim.
      out += shiftSegment(seg, dRow, dCol);
      seg = '';
      let j = i + 1;
      if (ch === '[') {
        let depth = 1;
        while (j < f.length && depth > 0) {
          if (f[j] === '[') depth++;
          else if (f[j] === ']') depth--;
          j++;
        }
      } else {
        for (; j < f.length; j++) {
          if (f[j] === ch) {
            if (f[j + 1] === ch) j++;
            else {
              j++;
              break;
            }
          }
        }
      }
      out += f.slice(i, j);
      i = j;
      continue;
    }
    seg += ch;
    i++;
  }
  return out + shiftSegment(seg, dRow, dCol);
}
