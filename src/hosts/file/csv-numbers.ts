// A CSV holds only text; the workbook we write from it stores numbers as numbers, as Excel does when it
// opens the file ("6" and "2.55" are not left as text flagged green). Ids, codes and phone numbers stay
// text: a column is converted only when its header names no id/code/phone and none of its numbers would
// change by it (a leading zero as in "007", more than 15 digits, 11+ digit integers such as phone numbers).
import type { CellValue } from '../../port/workbook.ts';

/** Plain decimals only: no sign but "-", no "+", no exponent, no grouping, no leading zeros ("0.5" is fine). */
const PLAIN = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const ID_HEADER =
  /编号|编码|代码|号码|单号|账号|帐号|卡号|电话|手机|邮编|身份证|客户号|工号|code|phone|mobile|(^|[\s_.-])tel|zip|postal|invoice|sku|number|(^|[\s_.-])no\.?$|[a-z]No$/i;
const ID_SUFFIX = /(^|[\s_.-])id$|[a-z]I[Dd]$/i;

function isIdHeader(h: CellValue | undefined): boolean {
  if (typeof h !== 'string') return false;
  const t = h.trim();
  return ID_HEADER.test(t) || ID_SUFFIX.test(t);
}

/** Would this text keep its meaning as a number? "-1" no leading zero issue; "007" and "13812345678" would not. */
function keepsAsNumber(s: string): boolean {
  const digits = s.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) return false;
  const intPart = s.replace(/^-/, '').split('.')[0]!;
  if (intPart.length >= 11) return false;
  return /^-?0\d/.test(s) === false;
}

/** The sheet with plain-number text cells as numbers, column by column; the first row is the header. */
export function typedCsvValues(values: CellValue[][]): CellValue[][] {
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
      if (/^-?\d/.test(v) && /^-?[\d.]+$/.test(v)) {
        // Looks numeric: it must convert without losing anything, or the whole column stays text.
        if (!PLAIN.test(v) ? /^-?0\d/.test(v) : !keepsAsNumber(v)) ok = false;
        else any = true;
      }
    }
    convert.push(ok && any);
  }
  if (!convert.some(Boolean)) return values;
  return values.map((row, r) =>
    r === 0
      ? row
      : row.map((v, c) => (convert[c] && typeof v === 'string' && PLAIN.test(v) ? (Number(v) === 0 ? 0 : Number(v)) : v)),
  );
}
