// Cell values across the Office.js boundary.
//
// Writing: Range.values parses strings the way Excel parses typed input — "=…" (and "+…", "-…", "@…") becomes a
// formula, "12%" a number, "2025-01-01" a date, "TRUE" a boolean. The port promises that strings are stored as
// text, so every string Excel would not keep as it is gets a leading apostrophe (Excel's prefix character):
// the cell then holds exactly the text after it, and Range.values reads it back without the apostrophe. We
// chose the apostrophe over numberFormat "@" because it needs no second request, does not change how the cell
// behaves when the user later types into it, and a formula cannot be revived by a later format change.
// null becomes "" (clear the cell): in Range.values a null means "leave this cell unchanged".
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
//
// Reading: Excel returns "" for a blank cell; the port's CellValue uses null.
import type { CellValue } from '../../port/workbook.ts';

// Text Excel would read as something else: formulas and operators, numbers (with signs, separators, currency,
// percent, exponents, full-width digits), dates and times, booleans, error literals, or an existing apostrophe.
const RISKY_START = /^[\s]*[=+\-@'0-9０-９.．$¥￥€£(（#%]/;
const WORDS = /^\s*(true|false|真|假)\s*$/i;
const MONTH_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[\s\-/.]*\d/i;

/** Whether Excel would read this string as anything but the same text. */
export function needsTextPrefix(s: string): boolean {
  const c = s.charCodeAt(0);
  // Fast path for the common case: text starting with a CJK ideograph other than 真/假 is always text.
  if (c >= 0x4e00 && c <= 0x9fff && c !== 0x771f && c !== 0x5047) return false;
  return RISKY_START.test(s) || WORDS.test(s) || MONTH_DATE.test(s);
}

/** A port value as Range.values input: text kept as text, null clears. */
export function toCellInput(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return v !== '' && needsTextPrefix(v) ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

/** A value read from Range.values as a port value ("" → null). */
export function fromCellOutput(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** UTF-8 bytes of a string, without allocating (what a JSON request of it costs on the wire). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** The bytes a grid of inputs costs as JSON (the payload Excel on the web counts). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}
