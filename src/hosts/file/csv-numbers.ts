// A CSV holds only text; the workbook we write from it stores numbers as numbers, as Excel does when it
// opens the file ("6" and "2.55" are not left as text flagged green). Ids, codes and phone numbers stay
// text: a column is converted only when its header names no id/code/phone and none of its numbers would
// change by it (a leading zero as in "007", more than 15 digits, 11+ digit integers such as phone numbers).
import type { CellValue } from '../../port/workbook.ts';

const ID_HEADER =
  /编号|编码|代码|号码|单号|账号|帐号|卡号|电话|手机|邮编|身份证|客户号|工号|code|phone|mobile|(^|[\s_.-])tel|zip|postal|invoice|sku|number|(^|[\s_.-])no\.?$|[a-z]No$/i;
const ID_SUFFIX = /(^|[\s_.-])id$|[a-z]I[Dd]$/i;

function isIdHeader(h: CellValue | undefined): boolean {
  if (typeof h !== 'string') return false;
  const t = h.trim();
  return ID_HEADER.test(t) || ID_SUFFIX.test(t);
}

const IGNORE = 0;
const NUMBER = 1;
const TEXT = 2;

/**
 * What a text cell says about its column, in one scan (this runs on every cell of a CSV, millions of
 * them): IGNORE when it does not look numeric (not -?digit followed by digits and dots only); NUMBER for
 * a plain decimal (-?(0|[1-9]\d*)(\.\d+)?) that keeps its meaning as a number; TEXT when it looks
 * numeric but must stay text: a leading zero ("007"), more than 15 significant digits, or an integer
 * part of 11+ digits (phone numbers).
 */
function classify(v: string): number {
  const n = v.length;
  let i = v.charCodeAt(0) === 45 ? 1 : 0; // "-"
  const first = i;
  let c = v.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return IGNORE;
  let dots = 0;
  let dotAt = -1;
  for (let k = first; k < n; k++) {
    c = v.charCodeAt(k);
    if (c === 46) {
      dots++;
      dotAt = k;
    } else if (!(c >= 48 && c <= 57)) return IGNORE;
  }
  const leadingZero = v.charCodeAt(first) === 48 && first + 1 < n && v.charCodeAt(first + 1) !== 46;
  // "0.5" is plain; "007", "0.", "1.", ".5" after the digit, "1.2.3" are not.
  const plain = !leadingZero && dots <= 1 && (dots === 0 || (dotAt > first && dotAt < n - 1));
  if (!plain) return leadingZero ? TEXT : IGNORE;
  const intLength = (dots ? dotAt : n) - first;
  if (intLength >= 11) return TEXT;
  // Significant digits: all digits but the leading zeros ("0.000123" has 3).
  i = first;
  while (i < n && (v.charCodeAt(i) === 48 || v.charCodeAt(i) === 46)) i++;
  return n - i - (dots && i <= dotAt ? 1 : 0) > 15 ? TEXT : NUMBER;
}

/**
 * The sheet with plain-number text cells as numbers, column by column; the first row is the header.
 * `inPlace`: the rows are the caller's alone, converted where they are instead of copied.
 */
export function typedCsvValues(values: CellValue[][], inPlace = false): CellValue[][] {
  if (values.length < 2) return values;
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const convert: boolean[] = [];
  for (let c = 0; c < width; c++) {
    if (isIdHeader(values[0]![c])) {
      convert.push(false);
      continue;
    }
    let ok = true;
    let any = false;
    for (let r = 1; r < values.length && ok; r++) {
      const v = values[r]![c];
      if (typeof v !== 'string') continue;
      // Looks numeric: it must convert without losing anything, or the whole column stays text.
      const k = classify(v);
      if (k === TEXT) ok = false;
      else if (k === NUMBER) any = true;
    }
    convert.push(ok && any);
  }
  if (!convert.some(Boolean)) return values;
  const out: CellValue[][] = inPlace ? values : new Array<CellValue[]>(values.length);
  out[0] = values[0]!;
  // Each distinct text of a column converted once: its cells share the number (a price repeats on many lines).
  const numbers = convert.map((c) => (c ? new Map<string, CellValue>() : null));
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    const copy = inPlace ? row : row.slice();
    for (let c = 0; c < copy.length; c++) {
      const v = copy[c];
      const memo = numbers[c];
      if (!memo || typeof v !== 'string') continue;
      let x = memo.get(v);
      if (x === undefined) memo.set(v, (x = classify(v) === NUMBER ? (Number(v) === 0 ? 0 : Number(v)) : v));
      copy[c] = x;
    }
    out[r] = copy;
  }
  return out;
}
