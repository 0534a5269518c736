// Cell value parser: what people actually paste into Excel, read as numbers, dates and booleans.
// Garbage is never silently 0: every value we cannot read comes back as a bilingual issue.
//
// Rules worth knowing (the tests pin each one):
// - Numbers: thousands groups must be exact ("1,234" yes, "1,2,3" / "12,5" no); "." is always the
//   decimal point, so "€1.200" is refused as ambiguous rather than read as 1.2. Currency marks are
//   dropped, never converted. Magnitudes: 百 千 万 亿 百万 千万 万亿, k/K = 10³, m/M = 10⁶,
//   w/W = 万 (Chinese shorthand). "%" divides by 100 and "‰" by 1000, in every column.
//   A lone "-" or "—" means "nothing" to some people and "zero" to others, so it is an error.
// - Dates: year-first forms only, except D/M/Y vs M/D/Y when the day is > 12 (or day = month).
//   Numbers are Excel serials; an 8-digit integer such as 20250301 (far beyond any serial) is read
//   as yyyymmdd. Results are always 1900-system serials, whatever the workbook uses.
// - Booleans: a fixed vocabulary (是/否, Y/N, TRUE/FALSE, 1/0, √/× …); nothing else is guessed.
import { loc } from '../i18n.ts';
import type { Localized } from '../i18n.ts';
import type { IssueCode } from '../issues.ts';
import { cleanCellText, foldFullWidth } from './fullwidth.ts';

export { foldFullWidth };

export type CellInput = string | number | boolean | Date | null | undefined;

export type Parsed<T> =
  | { ok: true; value: T | null } // null = the cell is blank
  | { ok: false; code: IssueCode; message: Localized; raw: string };

export interface NumberOptions {
  /**
   * The column holds a percentage. Reserved: "%" already divides by 100 everywhere and a plain
   * number is returned as typed, so this changes nothing today (the scheme decides the scale).
   */
  percent?: boolean;
}

export interface DateOptions {
  /** Numbers are 1904-system serials (0 = 1904-01-01). Results are still 1900-system serials. */
  date1904?: boolean;
}

type Failure = Extract<Parsed<never>, { ok: false }>;

// Shared results: the hot path returns these without allocating.
const BLANK = Object.freeze({ ok: true, value: null }) as { ok: true; value: null };
const TRUE = Object.freeze({ ok: true, value: true }) as { ok: true; value: boolean };
const FALSE = Object.freeze({ ok: true, value: false }) as { ok: true; value: boolean };

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
function excelErrorName(s: string): string | undefined {
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
function shown(raw: string): string {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (t.length <= MAX_SHOWN) return t;
  const chars = Array.from(t); // don't cut a surrogate pair in half
  return chars.length <= MAX_SHOWN ? t : chars.slice(0, MAX_SHOWN - 1).join('') + '…';
}

function fail(code: IssueCode, raw: string, message: Localized): Failure {
  return { ok: false, code, message, raw };
}

interface Expected {
  zh: string;
  en: string;
}
const WANT_NUMBER: Expected = { zh: '数字', en: 'a number' };
const WANT_DATE: Expected = { zh: '日期', en: 'a date' };
const WANT_BOOLEAN: Expected = { zh: '是/否', en: 'a yes/no value' };

function excelError(raw: string, name: string, want: Expected): Failure {
  return fail(
    'excel-error',
    raw,
    loc(`单元格是 Excel 错误值 ${name}，应为${want.zh}`, `The cell holds the Excel error ${name}; ${want.en} was expected`),
  );
}

/** Texts people type for "no value"; we still refuse them, but say how to write "no value". */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-', '--', '—', '——', '–', '/', '\\', '.', 'n/a', 'na', 'null', 'none', 'nil', '无', '暂无', '空', '待定', '未知',
]);

function notANumber(raw: string, reason?: 'euro'): Failure {
  const q = shown(raw);
  if (reason === 'euro') {
    return fail(
      'not-a-number',
      raw,
      loc(
        `无法把“${q}”识别为数字：其中的“.”可能是小数点，也可能是千位分隔符`,
        `Cannot read "${q}" as a number: the "." could be a decimal point or a thousands separator`,
      ),
    );
  }
  if (PLACEHOLDERS.has(cleanCellText(raw).toLowerCase())) {
    return fail(
      'not-a-number',
      raw,
      loc(`无法把“${q}”识别为数字；如果没有数据，请让单元格留空`, `Cannot read "${q}" as a number; leave the cell empty if there is no value`),
    );
  }
  return fail('not-a-number', raw, loc(`无法把“${q}”识别为数字`, `Cannot read "${q}" as a number`));
}

function notADate(raw: string): Failure {
  const q = shown(raw);
  return fail(
    'not-a-date',
    raw,
    loc(
      `无法把“${q}”识别为日期（应为 2025-03-01 或 2025年3月1日 这样的格式）`,
      `Cannot read "${q}" as a date (expected e.g. 2025-03-01 or 2025年3月1日)`,
    ),
  );
}

function noSuchDay(raw: string): Failure {
  const q = shown(raw);
  return fail('not-a-date', raw, loc(`无法把“${q}”识别为日期：没有这一天`, `Cannot read "${q}" as a date: there is no such day`));
}

function ambiguousDate(raw: string, monthFirst: string, dayFirst: string): Failure {
  const q = shown(raw);
  return fail(
    'not-a-date',
    raw,
    loc(
      `无法确定“${q}”是哪一天：可能是 ${monthFirst}，也可能是 ${dayFirst}；请把年份写在前面，例如 ${monthFirst}`,
      `Cannot read "${q}" as a date: it could be ${monthFirst} or ${dayFirst}; write the year first, e.g. ${monthFirst}`,
    ),
  );
}

function serialOutOfRange(raw: string, date1904: boolean): Failure {
  const q = shown(raw);
  const lo = date1904 ? 0 : 1;
  const hi = date1904 ? MAX_SERIAL - EPOCH_1904_OFFSET : MAX_SERIAL;
  return fail(
    'not-a-date',
    raw,
    loc(
      `数字 ${q} 不是有效的 Excel 日期序号（应在 ${lo} 到 ${hi} 之间）`,
      `The number ${q} is not an Excel date serial (expected ${lo} to ${hi})`,
    ),
  );
}

function notABoolean(raw: string): Failure {
  const q = shown(raw);
  return fail(
    'not-a-boolean',
    raw,
    loc(`无法把“${q}”识别为是/否（可填 是/否、Y/N、TRUE/FALSE）`, `Cannot read "${q}" as yes/no (expected e.g. 是/否, Y/N, TRUE/FALSE)`),
  );
}

/** How a Date object is quoted in messages and `raw`. */
function dateRaw(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString();
}

// ───────────────────────────── numbers ─────────────────────────────

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Hot path: "123", "-45.6", ".5" — digits, one optional dot, optional leading minus. */
function plainDecimal(s: string): number | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) return undefined; // 400 digits: let the slow path report it
  return v === 0 ? 0 : v; // no -0
}

function isGroupSeparator(c: number): boolean {
  // comma, space, no-break space, thin space, narrow no-break space (after folding, U+3000 is a space)
  return c === 44 || c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 9;
}

function isSign(c: number): boolean {
  return c === 45 /* - */ || c === 43 /* + */ || c === 0x2212 /* − */;
}

/** Does `word` (upper-case ASCII or CJK) occur in s at `at`, ignoring ASCII case? */
function matchAt(s: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let c = s.charCodeAt(at + k);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

interface Currency {
  word: string;
  euro: boolean;
}
const cur = (word: string, euro = false): Currency => ({ word, euro });

// Longest first, so "US$" wins over "$" and "港元" over "元".
const PREFIX_CURRENCIES: readonly Currency[] = [
  cur('US$'), cur('HK$'), cur('NT$'), cur('CN¥'), cur('TWD'), cur('RMB'), cur('CNY'), cur('USD'), cur('HKD'), cur('EUR', true), cur('GBP'),
  cur('¥'), cur('$'), cur('€', true), cur('£'),
];
const SUFFIX_CURRENCIES: readonly Currency[] = [
  cur('人民币'), cur('新台币'), cur('台币'), cur('港币'), cur('港元'), cur('TWD'), cur('美元'), cur('美金'), cur('欧元', true), cur('英镑'),
  cur('RMB'), cur('CNY'), cur('USD'), cur('HKD'), cur('EUR', true), cur('GBP'),
  cur('元'), cur('圆'), cur('块'), cur('¥'), cur('$'), cur('€', true), cur('£'),
];
// Powers of ten. Compound words first: "千万" must not be read as "千" + "万".
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万亿', 12], ['千万', 7], ['百万', 6], ['亿', 8], ['万', 4], ['千', 3], ['百', 2], ['K', 3], ['M', 6], ['W', 4],
];

type ScanFailure = 'bad' | 'euro';

// Plain functions, not closures: scanNumber runs per cell and must not allocate.
function skipSpaceForward(s: string, i: number, e: number): number {
  while (i < e && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function skipSpaceBack(s: string, i: number, e: number): number {
  while (e > i && isSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

function prefixCurrency(s: string, i: number, e: number): Currency | undefined {
  for (const c of PREFIX_CURRENCIES) {
    if (c.word.length <= e - i && matchAt(s, i, c.word)) return c;
  }
  return undefined;
}

/**
 * The full grammar, on cleaned text:
 *   [(] [sign] [currency] [sign | (] body [magnitude] [currency] [) …] [% | ‰]
 * with at most one sign or pair of parentheses, and "%" not mixed with currency or magnitude.
 */
function scanNumber(s: string): number | ScanFailure {
  let i = 0;
  let e = s.length;
  let negative = false;
  let signed = false;
  let euro = false;
  let hasCurrency = false;

  // "[(] [sign] [currency [(] [sign]]": at most one sign or pair of parentheses in all.
  for (let pass = 0; pass < 2; pass++) {
    // Accounting negatives: "(1,234)", "（1,234）" (folded), "¥(1,234)".
    if (!signed && e - i >= 2 && s.charCodeAt(i) === 40 && s.charCodeAt(e - 1) === 41) {
      negative = true;
      signed = true;
      i = skipSpaceForward(s, i + 1, e - 1);
      e = skipSpaceBack(s, i, e - 1);
    }
    if (i < e && isSign(s.charCodeAt(i))) {
      if (signed) return 'bad'; // "(-5)", "--5", "-¥-5"
      negative = s.charCodeAt(i) !== 43;
      signed = true;
      i = skipSpaceForward(s, i + 1, e);
    }
    // Prefix currency, only when the text doesn't start with a digit (the common case skips this).
    if (pass === 1 || i >= e || isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 46) break;
    const c = prefixCurrency(s, i, e);
    if (c === undefined) break;
    hasCurrency = true;
    euro = c.euro;
    i = skipSpaceForward(s, i + c.word.length, e);
  }

  let shift = 0;
  let percent = false;
  let magnitude = false;
  const last = e > i ? s.charCodeAt(e - 1) : 0;
  if (e > i && !isDigit(last)) {
    if (last === 37 /* % */ || last === 0x2030 /* ‰ */) {
      percent = true;
      shift = last === 37 ? -2 : -3;
      e = skipSpaceBack(s, i, e - 1);
    }
    for (const c of SUFFIX_CURRENCIES) {
      const at = e - c.word.length;
      if (at >= i && matchAt(s, at, c.word)) {
        hasCurrency = true;
        euro ||= c.euro;
        e = skipSpaceBack(s, i, at);
        break;
      }
    }
    for (const [word, power] of MAGNITUDES) {
      const at = e - word.length;
      if (at >= i && matchAt(s, at, word)) {
        magnitude = true;
        shift += power;
        e = skipSpaceBack(s, i, at);
        break;
      }
    }
  }
  if (percent && (hasCurrency || magnitude)) return 'bad'; // "¥12%", "1万%": no sensible reading

  // Body: digits with optional exact thousands groups, optional fraction, optional exponent.
  const start = i;
  let intDigits = 0;
  while (i < e && isDigit(s.charCodeAt(i))) {
    i++;
    intDigits++;
  }
  let separator = -1;
  if (i < e && intDigits > 0 && isGroupSeparator(s.charCodeAt(i))) {
    if (intDigits > 3) return 'bad'; // "1234,567"
    separator = s.charCodeAt(i);
    while (i < e && s.charCodeAt(i) === separator) {
      if (i + 3 >= e) return 'bad'; // fewer than three digits can follow
      if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2)) || !isDigit(s.charCodeAt(i + 3))) return 'bad';
      i += 4;
      if (i < e && isDigit(s.charCodeAt(i))) return 'bad'; // "1,2345"
    }
  }
  let fracDigits = 0;
  if (i < e && s.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < e && isDigit(s.charCodeAt(i))) {
      i++;
      fracDigits++;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return 'bad';
  const mantissaEnd = i;
  let exponent = 0;
  let hasExponent = false;
  if (i < e && (s.charCodeAt(i) | 32) === 101 /* e or E */) {
    if (separator !== -1) return 'bad'; // "1,234e5" is not something anyone means
    hasExponent = true;
    const expStart = ++i;
    if (i < e && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) i++;
    const digitsStart = i;
    while (i < e && isDigit(s.charCodeAt(i))) i++;
    if (i === digitsStart) return 'bad';
    exponent = Number(s.slice(expStart, i));
  }
  if (i !== e) return 'bad';
  if (euro && separator === -1 && !hasExponent && intDigits <= 3 && fracDigits === 3) return 'euro';

  let mantissa = s.slice(start, mantissaEnd);
  if (separator !== -1) mantissa = mantissa.replaceAll(String.fromCharCode(separator), '');
  // Shift the decimal point in the text, not by multiplying: "1.1k" is exactly 1100, "7.3%" exactly 0.073.
  const power = exponent + shift;
  const v = Number(power === 0 ? mantissa : `${mantissa}e${power}`);
  if (!Number.isFinite(v)) return 'bad';
  if (v === 0) return 0;
  return negative ? -v : v;
}

/**
 * Read a number. JS numbers pass through (NaN/±Infinity are errors); text may carry thousands
 * separators, currency, 万/亿/k/M magnitudes, %, accounting parentheses and full-width characters.
 */
export function parseNumber(input: CellInput, _options?: NumberOptions): Parsed<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return notANumber(String(input));
    return { ok: true, value: input === 0 ? 0 : input };
  }
  if (typeof input === 'string') {
    const quick = input.length > 0 ? plainDecimal(input) : undefined;
    if (quick !== undefined) return { ok: true, value: quick };
    const s = cleanCellText(input);
    if (s === '') return BLANK;
    if (s.charCodeAt(0) === 35 /* # */) {
      const name = excelErrorName(s);
      if (name !== undefined) return excelError(input, name, WANT_NUMBER);
    }
    const v = scanNumber(s);
    return typeof v === 'number' ? { ok: true, value: v } : notANumber(input, v === 'euro' ? 'euro' : undefined);
  }
  if (input === null || input === undefined) return BLANK;
  if (typeof input === 'boolean') return notANumber(input ? 'TRUE' : 'FALSE');
  return notANumber(dateRaw(input)); // a date-formatted cell in a number column is a mistake, not a number
}

// ───────────────────────────── dates ─────────────────────────────

/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2958465;
/** 1904-01-01 in the 1900 system: add it to a 1904-system serial. */
const EPOCH_1904_OFFSET = 1462;
/** 1970-01-01 in the 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, as "YYYY-MM-DD". */
function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const DAYS_1900_01_01 = daysFromCivil(1900, 1, 1);

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A real calendar date Excel can hold: 1900-01-01 … 9999-12-31. */
function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Serial of a valid date. Excel counts the fictional 1900-02-29 as day 60, so later days shift by one. */
function serialOf(y: number, m: number, d: number): number {
  const offset = daysFromCivil(y, m, d) - DAYS_1900_01_01;
  return offset < 59 ? offset + 1 : offset + 2;
}

/**
 * Excel 1900-system serial of a calendar date: (2025, 1, 1) → 45658. (1900, 2, 29) → 60, Excel's
 * fictional leap day. Throws RangeError for anything else that is not a date between 1900-01-01 and
 * 9999-12-31 — use parseDate for user input.
 */
export function isoDateToSerial(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return 60;
  if (!isValidYmd(y, m, d)) throw new RangeError(`Not a date Excel can hold: ${y}-${m}-${d}`);
  return serialOf(y, m, d);
}

/**
 * "YYYY-MM-DD" of a 1900-system serial; the time of day is dropped. 60 → "1900-02-29", as Excel shows
 * it. Throws RangeError outside 1 … 2958465.
 */
export function serialToIsoDate(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) {
    throw new RangeError(`Not an Excel date serial: ${serial}`);
  }
  const day = Math.floor(serial);
  if (day === 60) return '1900-02-29';
  return civilFromDays(DAYS_1900_01_01 + (day < 60 ? day - 1 : day - 2));
}

/** An integer like 20250301 read as yyyymmdd, or undefined. */
function yyyymmdd(n: number): number | undefined {
  if (!Number.isInteger(n) || n < 19000101 || n > 99991231) return undefined;
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return isValidYmd(y, m, d) ? serialOf(y, m, d) : undefined;
}

function dateFromNumber(n: number, raw: string, date1904: boolean): Parsed<number> {
  if (!Number.isFinite(n)) return notADate(raw);
  if (date1904) {
    if (n >= 0 && n < MAX_SERIAL + 1 - EPOCH_1904_OFFSET) return { ok: true, value: n + EPOCH_1904_OFFSET };
  } else if (n >= 1 && n < MAX_SERIAL + 1) {
    return { ok: true, value: n };
  }
  // Far beyond any serial, so not a guess: the number was typed as yyyymmdd.
  const ymd = yyyymmdd(n);
  return ymd !== undefined ? { ok: true, value: ymd } : serialOutOfRange(raw, date1904);
}

function dateFromJsDate(d: Date): Parsed<number> {
  const t = d.getTime();
  if (Number.isNaN(t)) return notADate('Invalid Date');
  let serial = t / MS_PER_DAY + UNIX_EPOCH_SERIAL; // UTC fields, as exceljs delivers them
  if (serial < 61) serial -= 1; // before 1900-03-01 Excel has no fictional Feb 29 to skip yet
  if (serial < 1 || serial >= MAX_SERIAL + 1) return serialOutOfRange(d.toISOString(), false);
  return { ok: true, value: serial };
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?`;
// 2025-03-01, 2025/3/1, 2025.3.1, with optional " 08:26[:00[.000]]" or "T08:26:00[Z]".
const YMD_RE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|\s+)${TIME}[Zz]?)?$`);
// 2025年3月1日 / 2025年3月1号 / 2025年3月, optional time after the day.
const CN_RE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号](?:\s*${TIME})?)?$`);
// 2025-03, 2025/3: first of the month. Not "2025.3", which is just as likely a decimal.
const YM_RE = /^(\d{4})[-/](\d{1,2})$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
// 3/1/2025, 1.3.2025: day and month order unknown.
const DMY_RE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:\s+${TIME})?$`);

/** Fraction of a day, or -1 for an impossible time. Groups: h, min, s, fraction of s. */
function timeOfDay(h?: string, min?: string, sec?: string, frac?: string): number {
  if (h === undefined || min === undefined) return 0;
  const hh = Number(h);
  const mm = Number(min);
  const ss = sec === undefined ? 0 : Number(sec) + (frac === undefined ? 0 : Number(`0.${frac}`));
  if (hh > 23 || mm > 59 || ss >= 60) return -1;
  return (hh * 3600 + mm * 60 + ss) / 86400;
}

function dateResult(raw: string, y: number, m: number, d: number, time = 0): Parsed<number> {
  if (time < 0 || !isValidYmd(y, m, d)) return noSuchDay(raw);
  return { ok: true, value: serialOf(y, m, d) + time };
}

// Exported by other systems: month names ("Mar 1, 2025", "1-Mar-2025", "01-Mar-25", "2025-Mar-01") and a
// weekday beside the date ("2025/3/1 星期六", "2025年3月1日 周六", "Sat, Mar 1, 2025"). The weekday must agree.
const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const WEEKDAY_NAMES: Readonly<Record<string, number>> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4,
  thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
  日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6,
};
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAY_EN = ['a Sunday', 'a Monday', 'a Tuesday', 'a Wednesday', 'a Thursday', 'a Friday', 'a Saturday'];
const CN_WEEKDAY_RE = /\s*\(?\s*(?:星期|周|礼拜)([一二三四五六日天])\s*\)?$/;
const EN_WEEKDAY_LEAD_RE = /^([A-Za-z]{3,9})\.?,?\s+(?=[A-Za-z\d])/;
const EN_WEEKDAY_TAIL_RE = /,?\s*\(?([A-Za-z]{3,9})\.?\)?$/;
const MDY_NAME_RE = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+${TIME})?$`);
const DMY_NAME_RE = new RegExp(String.raw`^(\d{1,2})(?:[-/ ]|\s+)([A-Za-z]{3,9})\.?(?:[-/ ,]|\s+)+(\d{4}|\d{2})(?:\s+${TIME})?$`);
const YMD_NAME_RE = /^(\d{4})[-/ ]([A-Za-z]{3,9})[-/ ](\d{1,2})$/;

/** Day of the week of a serial after 1900-02-28: 0 = Sunday. */
function weekdayOf(serial: number): number {
  return (((Math.floor(serial) - UNIX_EPOCH_SERIAL + 4) % 7) + 7) % 7;
}

function wrongWeekday(raw: string, serial: number, said: number): Failure {
  const q = shown(raw);
  const iso = serialToIsoDate(serial);
  const is = weekdayOf(serial);
  return fail(
    'not-a-date',
    raw,
    loc(
      `无法把“${q}”识别为日期：${iso} 是${WEEKDAY_ZH[is]}，不是${WEEKDAY_ZH[said]}`,
      `Cannot read "${q}" as a date: ${iso} is ${WEEKDAY_EN[is]}, not ${WEEKDAY_EN[said]}`,
    ),
  );
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 30 ? 2000 + n : 1900 + n;
}

function monthNamed(raw: string, s: string): Parsed<number> | undefined {
  let g = MDY_NAME_RE.exec(s);
  if (g) {
    const m = MONTH_NAMES[g[1]!.toLowerCase()];
    return m === undefined ? notADate(raw) : dateResult(raw, Number(g[3]), m, Number(g[2]), timeOfDay(g[4], g[5], g[6], g[7]));
  }
  g = DMY_NAME_RE.exec(s);
  if (g) {
    const m = MONTH_NAMES[g[2]!.toLowerCase()];
    return m === undefined ? notADate(raw) : dateResult(raw, fullYear(g[3]!), m, Number(g[1]), timeOfDay(g[4], g[5], g[6], g[7]));
  }
  g = YMD_NAME_RE.exec(s);
  if (g) {
    const m = MONTH_NAMES[g[2]!.toLowerCase()];
    return m === undefined ? notADate(raw) : dateResult(raw, Number(g[1]), m, Number(g[3]));
  }
  return undefined;
}

/** Text with a month name or a weekday: the weekday is taken off and checked against the date. */
function namedDate(raw: string, s: string): Parsed<number> {
  let weekday = -1;
  let text = s;
  let g = CN_WEEKDAY_RE.exec(text);
  if (g) {
    weekday = WEEKDAY_NAMES[g[1]!]!;
    text = text.slice(0, g.index);
  } else if ((g = EN_WEEKDAY_LEAD_RE.exec(text)) && WEEKDAY_NAMES[g[1]!.toLowerCase()] !== undefined) {
    weekday = WEEKDAY_NAMES[g[1]!.toLowerCase()]!;
    text = text.slice(g[0].length);
  } else if ((g = EN_WEEKDAY_TAIL_RE.exec(text)) && WEEKDAY_NAMES[g[1]!.toLowerCase()] !== undefined && g.index > 0) {
    weekday = WEEKDAY_NAMES[g[1]!.toLowerCase()]!;
    text = text.slice(0, g.index);
  }
  const r = monthNamed(raw, text) ?? (text !== '' && isDigit(text.charCodeAt(0)) ? parseDateCore(raw, text) : notADate(raw));
  if (!r.ok || r.value === null || weekday === -1 || r.value < 61) return r;
  return weekdayOf(r.value) === weekday ? r : wrongWeekday(raw, r.value, weekday);
}

function parseDateText(raw: string): Parsed<number> {
  const s = cleanCellText(raw);
  if (s === '') return BLANK;
  const first = s.charCodeAt(0);
  if (first === 35 /* # */) {
    const name = excelErrorName(s);
    return name !== undefined ? excelError(raw, name, WANT_DATE) : notADate(raw);
  }
  // Month names and weekdays only when the text does not start and end with digits (the common case skips this).
  if (!isDigit(first) || !isDigit(s.charCodeAt(s.length - 1))) return namedDate(raw, s);
  return parseDateCore(raw, s);
}

/** Digits-only forms: year first, 年月日, yyyymmdd, or day and month in an order the values make certain. */
function parseDateCore(raw: string, s: string): Parsed<number> {

  let g = YMD_RE.exec(s);
  if (g) return dateResult(raw, Number(g[1]), Number(g[3]), Number(g[4]), timeOfDay(g[5], g[6], g[7], g[8]));
  g = CN_RE.exec(s);
  if (g) return dateResult(raw, Number(g[1]), Number(g[2]), g[3] === undefined ? 1 : Number(g[3]), timeOfDay(g[4], g[5], g[6], g[7]));
  g = COMPACT_RE.exec(s);
  if (g) return dateResult(raw, Number(g[1]), Number(g[2]), Number(g[3]));
  g = YM_RE.exec(s);
  if (g) return dateResult(raw, Number(g[1]), Number(g[2]), 1);
  g = DMY_RE.exec(s);
  if (g) {
    const a = Number(g[1]);
    const b = Number(g[3]);
    const y = Number(g[4]);
    const time = timeOfDay(g[5], g[6], g[7], g[8]);
    if (a <= 12 && b <= 12 && a !== b) {
      const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
      return ambiguousDate(raw, `${y}-${pad(a)}-${pad(b)}`, `${y}-${pad(b)}-${pad(a)}`);
    }
    // One of them is > 12 (so it is the day), or both are equal.
    return a > 12 ? dateResult(raw, y, b, a, time) : dateResult(raw, y, a, b, time);
  }
  return monthNamed(raw, s) ?? notADate(raw);
}

/**
 * Read a date as a 1900-system Excel serial (1 = 1900-01-01, 45658 = 2025-01-01; the fraction is the
 * time of day). Numbers are serials (1904-system with `date1904`); Date objects are read by their UTC
 * fields; text must be year-first, or day/month order must be unambiguous.
 */
export function parseDate(input: CellInput, options?: DateOptions): Parsed<number> {
  if (typeof input === 'number') return dateFromNumber(input, String(input), options?.date1904 === true);
  if (typeof input === 'string') return parseDateText(input);
  if (input === null || input === undefined) return BLANK;
  if (typeof input === 'boolean') return notADate(input ? 'TRUE' : 'FALSE');
  return dateFromJsDate(input);
}

// ───────────────────────────── booleans ─────────────────────────────

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', '✔']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', '否', '错', '无', '×', '✗', '✘']);

/** Read yes/no: TRUE/FALSE, 是/否, Y/N, yes/no, 1/0, √/×, 对/错, 有/无 (case and full-width ignored). */
export function parseBoolean(input: CellInput): Parsed<boolean> {
  if (typeof input === 'boolean') return input ? TRUE : FALSE;
  if (typeof input === 'string') {
    const s = cleanCellText(input);
    if (s === '') return BLANK;
    const word = s.toLowerCase();
    if (TRUE_WORDS.has(word)) return TRUE;
    if (FALSE_WORDS.has(word)) return FALSE;
    const name = s.charCodeAt(0) === 35 ? excelErrorName(s) : undefined;
    return name !== undefined ? excelError(input, name, WANT_BOOLEAN) : notABoolean(input);
  }
  if (typeof input === 'number') return input === 1 ? TRUE : input === 0 ? FALSE : notABoolean(String(input));
  if (input === null || input === undefined) return BLANK;
  return notABoolean(dateRaw(input));
}
