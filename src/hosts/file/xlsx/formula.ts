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
 * (LOG10(), sheet prefixes (Q1!) or decimals.
 */
const REF_RE =
  /(?<![A-Za-z0-9_.$\\])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_(!.])/g;

function shiftSegment(seg: string, dRow: number, dCol: number): string {
  return seg.replace(REF_RE, (m, ca: string, cl: string, ra: string, rn: string, c1a: string, c1: string, c2a: string, c2: string, r1a: string, r1: string, r2a: string, r2: string) => {
    if (cl !== undefined) {
      const col = ca ? letters(cl) : letters(cl) + dCol;
      const row = ra ? Number(rn) : Number(rn) + dRow;
      if (letters(cl) >= COL_LIMIT || Number(rn) < 1 || Number(rn) > MAX_ROW) return m; // not a reference
      if (col < 0 || col >= COL_LIMIT || row < 1 || row > MAX_ROW) return '#REF!';
      return `${ca}${colName(col)}${ra}${row}`;
    }
    if (c1 !== undefined) {
      const a = c1a ? letters(c1) : letters(c1) + dCol;
      const b = c2a ? letters(c2!) : letters(c2!) + dCol;
      if (a < 0 || b < 0 || a >= COL_LIMIT || b >= COL_LIMIT) return '#REF!';
      return `${c1a}${colName(a)}:${c2a}${colName(b)}`;
    }
    const a = r1a ? Number(r1) : Number(r1) + dRow;
    const b = r2a ? Number(r2) : Number(r2) + dRow;
    if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return '#REF!';
    return `${r1a}${a}:${r2a}${b}`;
  });
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
