// What every cell reader returns, and the messages they share: a value, a blank, or a bilingual
// issue quoting what was typed. Garbage is never silently 0.
import { loc } from '../i18n.ts';
import type { Localized } from '../i18n.ts';
import type { IssueCode } from '../issues.ts';
import { foldFullWidth } from './fullwidth.ts';

export { foldFullWidth };

export type CellInput = string | number | boolean | Date | null | undefined;

export type Parsed<T> =
  | { ok: true; value: T | null } // null = the cell is blank
  | { ok: false; code: IssueCode; message: Localized; raw: string };

export type Failure = Extract<Parsed<never>, { ok: false }>;

// Shared result: the hot path returns it without allocating.
export const BLANK = Object.freeze({ ok: true, value: null }) as { ok: true; value: null };

// ───────────────────────────── Excel errors ─────────────────────────────

const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
  '#TIMEOUT!',
]);

/** The canonical Excel error a text holds ("#n/a " → "#N/A"), or undefined. */
export function excelErrorName(s: string): string | undefined {
  const t = foldFullWidth(s.trim());
  if (t.charCodeAt(0) !== 35 /* # */) return undefined;
  const upper = t.toUpperCase();
  return EXCEL_ERRORS.has(upper) ? upper : undefined;
}

/** True for the texts of Excel error values: #N/A, #VALUE!, #DIV/0! … (case and padding ignored). */
export function isExcelError(s: string): boolean {
  return excelErrorName(s) !== undefined;
}

// ───────────────────────────── messages ─────────────────────────────

const MAX_SHOWN = 40;

/** The raw text as quoted in a message: one line, at most ~40 characters. */
export function shown(raw: string): string {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (t.length <= MAX_SHOWN) return t;
  const chars = Array.from(t); // don't cut a surrogate pair in half
  return chars.length <= MAX_SHOWN ? t : chars.slice(0, MAX_SHOWN - 1).join('') + '…';
}

export function fail(code: IssueCode, raw: string, message: Localized): Failure {
  return { ok: false, code, message, raw };
}

export interface Expected {
  zh: string;
  en: string;
}
export const WANT_NUMBER: Expected = { zh: '数字', en: 'a number' };
export const WANT_DATE: Expected = { zh: '日期', en: 'a date' };
export const WANT_BOOLEAN: Expected = { zh: '是/否', en: 'a yes/no value' };

export function excelError(raw: string, name: string, want: Expected): Failure {
  return fail(
    'excel-error',
    raw,
    loc(`单元格是 Excel 错误值 ${name}，应为${want.zh}`, `The cell holds the Excel error ${name}; ${want.en} was expected`),
  );
}

/** How a Date object is quoted in messages and `raw`. */
export function dateRaw(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString();
}
