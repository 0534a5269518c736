// The business calendar of the sample data: how likely an order (or a call) falls on a given day.
// Q4 is the peak (year-end budgets: Nov ×1.3, Dec ×1.6), the Chinese New Year fortnight and the National
// Day golden week (Oct 1–7) dip to a quarter, weekends are quiet.
import { isoDateToSerial, serialToIsoDate } from '../../src/core/values/serial-date.ts';
import { cumulative, type Rng } from './random.ts';

/** Relative order volume per month, January first. */
export const MONTH_WEIGHTS = [0.85, 0.7, 1.0, 1.0, 0.95, 1.1, 0.9, 0.9, 1.05, 1.05, 1.3, 1.6] as const;

/** Chinese New Year's day (month, day) by year; years not listed use Feb 5. */
const CNY: Record<number, readonly [number, number]> = {
  2015: [2, 19], 2016: [2, 8], 2017: [1, 28], 2018: [2, 16], 2019: [2, 5], 2020: [1, 25], 2021: [2, 12], 2022: [2, 1],
  2023: [1, 22], 2024: [2, 10], 2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26], 2029: [2, 13], 2030: [2, 3],
  2031: [1, 23], 2032: [2, 11], 2033: [1, 31], 2034: [2, 19], 2035: [2, 8],
};

/** The serial of Chinese New Year's day of a year. */
export function chineseNewYear(year: number): number {
  const [m, d] = CNY[year] ?? [2, 5];
  return isoDateToSerial(year, m, d);
}

/** 0 = Sunday … 6 = Saturday (serials after 1900-03-01). */
export function weekday(serial: number): number {
  return (((serial - 45_658 + 3) % 7) + 7) % 7; // 45658 = 2025-01-01, a Wednesday
}

export interface DayWeights {
  /** Weekend days count this much (orders 0.25; calls and meetings 0.1). */
  weekend: number;
}

function ymd(serial: number): [number, number, number] {
  const iso = serialToIsoDate(serial);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** How busy a day is. */
export function dayWeight(serial: number, w: DayWeights): number {
  const [y, m, d] = ymd(serial);
  let x: number = MONTH_WEIGHTS[m - 1]!;
  const dow = weekday(serial);
  if (dow === 0 || dow === 6) x *= w.weekend;
  const cny = serial - chineseNewYear(y);
  const cnyNext = serial - chineseNewYear(y + 1); // late-December days are never near next year's holiday
  if ((cny >= -7 && cny <= 10) || (cnyNext >= -7 && cnyNext <= 10)) x *= 0.25;
  if (m === 10 && d <= 7) x *= 0.25;
  return x;
}

/** Days of a window with their cumulative weights: draw a day, or weigh a part of the window. */
export class DayTable {
  readonly start: number;
  readonly end: number;
  private readonly cum: Float64Array;

  constructor(start: number, end: number, w: DayWeights) {
    this.start = start;
    this.end = end;
    const weights: number[] = [];
    for (let s = start; s <= end; s++) weights.push(dayWeight(s, w));
    this.cum = cumulative(weights);
  }

  get total(): number {
    return this.cum[this.cum.length - 1]!;
  }

  /** The weight of the days from `from` to the end of the window. */
  weightFrom(from: number): number {
    if (from <= this.start) return this.total;
    if (from > this.end) return 0;
    return this.total - this.cum[from - this.start - 1]!;
  }

  /** A day drawn by weight, on or after `from` (default: the window start). */
  draw(rng: Rng, from = this.start): number {
    const lo0 = Math.max(0, from - this.start);
    const base = lo0 > 0 ? this.cum[lo0 - 1]! : 0;
    const x = base + rng() * (this.total - base);
    let lo = lo0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.start + lo;
  }
}

/** The weight of a whole calendar year (what a year's expected spend is spread over). */
export function yearWeight(year: number, w: DayWeights): number {
  return new DayTable(isoDateToSerial(year, 1, 1), isoDateToSerial(year, 12, 31), w).total;
}
