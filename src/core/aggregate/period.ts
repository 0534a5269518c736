// Reporting periods as windows of Excel serial days: "2025", "2025H2", "2025Q1", "2025-03" (and the
// Chinese forms account managers type: 2025年, 2025年下半年, 2025年第一季度, 2025年3月).
import { foldFullWidth } from '../values/fullwidth.ts';
import { isoDateToSerial, serialToIsoDate } from '../values/serial-date.ts';

/** Excel serial days, both inclusive: `end` is the last day of the period (a whole-day serial). */
export interface PeriodWindow {
  start: number;
  end: number;
}

export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'year';

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function validYear(y: number): boolean {
  return y >= 1900 && y <= 9999;
}

/** Months [first, last] (1-based, inclusive) of a year, as a window. */
function months(y: number, first: number, last: number): PeriodWindow | null {
  if (!validYear(y)) return null;
  const start = isoDateToSerial(y, first, 1);
  const end = last === 12 ? isoDateToSerial(y + 1, 1, 1) - 1 : isoDateToSerial(y, last + 1, 1) - 1;
  return { start, end };
}

/**
 * The window of a period label, or null when the label is not one: "2025" (year), "2025H1" /
 * "2025H2" (half-years), "2025Q1" … "2025Q4", "2025-03" (a month). Case, spaces, full-width
 * characters and a dash before H/Q ("2025-Q1") are tolerated, and so are 2025年, 2025年上半年 /
 * 下半年, 2025年第一季度 / 2025年Q1, 2025年3月.
 */
export function periodWindow(label: string): PeriodWindow | null {
  const s = foldFullWidth(label).replace(/\s+/g, '').toUpperCase();
  let g = /^(\d{4})年?$/.exec(s);
  if (g) return months(Number(g[1]), 1, 12);
  g = /^(\d{4})(?:-|年)?H([12])$/.exec(s);
  if (g) return g[2] === '1' ? months(Number(g[1]), 1, 6) : months(Number(g[1]), 7, 12);
  g = /^(\d{4})年?([上下])半年$/.exec(s);
  if (g) return g[2] === '上' ? months(Number(g[1]), 1, 6) : months(Number(g[1]), 7, 12);
  g = /^(\d{4})(?:-|年)?Q([1-4])$/.exec(s) ?? /^(\d{4})年?第?([1-4一二三四])季度?$/.exec(s);
  if (g) {
    const q = CN_DIGIT[g[2]!]!;
    return months(Number(g[1]), q * 3 - 2, q * 3);
  }
  g = /^(\d{4})[-/](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (g) {
    const m = Number(g[2]);
    return m >= 1 && m <= 12 ? months(Number(g[1]), m, m) : null;
  }
  return null;
}

/**
 * The label of the period of a kind that holds a date (an Excel serial; the time of day is ignored):
 * 'year' → "2025", 'half-year' → "2025H2", 'quarter' → "2025Q3", 'month' → "2025-08".
 * periodWindow(periodLabel(d, kind)) is the window holding d.
 */
export function periodLabel(serial: number, kind: PeriodKind): string {
  const iso = serialToIsoDate(serial); // throws RangeError for a serial that is no date
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  switch (kind) {
    case 'year':
      return y;
    case 'half-year':
      return `${y}H${m <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${y}Q${Math.ceil(m / 3)}`;
    case 'month':
      return iso.slice(0, 7);
  }
}

/** Whether a date serial (time of day allowed) falls on a day of the window; every date is in a null window. */
export function inWindow(serial: number, window: PeriodWindow | null): boolean {
  return window === null || (serial >= window.start && serial < window.end + 1);
}

/** Today as an Excel serial day (1900 system). */
export function todaySerial(now = new Date()): number {
  return Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) / 86_400_000) + 25_569;
}
