// Dates as people type them, read as 1900-system Excel serials.
// Year-first forms only, except D/M/Y vs M/D/Y when the day is > 12 (or day = month).
// Numbers are Excel serials; an 8-digit integer such as 20250301 (far beyond any serial) is read
// as yyyymmdd. Results are always 1900-system serials, whatever the workbook uses.
import { loc } from '../i18n.ts';
import { cleanCellText } from './fullwidth.ts';
import { isDigit } from './number.ts';
import {
  BLANK, WANT_DATE, excelError, excelErrorName, fail, shown, type CellInput, type Failure, type Parsed,
} from './result.ts';
import {
  EPOCH_1904_OFFSET, MAX_SERIAL, MS_PER_DAY, UNIX_EPOCH_SERIAL, isValidYmd, serialOf, serialToIsoDate,
} from './serial-date.ts';

export interface DateOptions {
  /** Numbers are 1904-system serials (0 = 1904-01-01). Results are still 1900-system serials. */
  date1904?: boolean;
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
