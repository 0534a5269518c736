// Survey answers (0–10 scores) → per customer: average, latest, NPS class; and the NPS of the whole base.
import type { CellValue } from '../cells.ts';
import { loc } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { parseNumber } from '../values/number.ts';
import { cellIssue, DateReader, requiredIssue, rowCustomer, type Origin } from './common.ts';
import type { PeriodWindow } from './period.ts';
import { Slots } from './slots.ts';

export interface SatisfactionColumns {
  customerId: number;
  /** Without a date column every row counts (the window is not applied) and the lowest row is the latest. */
  date?: number;
  /** 0–10; "8分" is read as 8. */
  score: number;
}

export type NpsClass = 'promoter' | 'passive' | 'detractor';

/** NPS class of a 0–10 score: 9–10 promoter, 7–8 passive, 0–6 detractor. An average of 8.5 is passive (< 9). */
export function npsClass(score: number): NpsClass | null {
  if (!(score >= 0 && score <= 10)) return null;
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export interface SatisfactionAggregate {
  ids: string[];
  /** Answers in the window. */
  responses: Float64Array;
  /** Mean score of the answers in the window; NaN when none. */
  average: Float64Array;
  /** Score of the latest answer (by date, then by row); NaN when none. */
  latest: Float64Array;
  /** Date of the latest answer; NaN when none or when there is no date column. */
  latestDate: Float64Array;
  /** NPS class of the latest (default) or average score; null for customers without answers. */
  npsClass: (NpsClass | null)[];
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors over the customers with a class, −100 … 100; NaN when no one answered. */
  nps: number;
  rowsWithoutCustomer: number;
  rowsOutsideWindow: number;
  rowsSkipped: number;
  issues: DataIssue[];
}

const SCORE_RANGE = loc('评分应在 0 到 10 之间', 'a score must be between 0 and 10');

export function aggregateSatisfaction(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  cols: SatisfactionColumns,
  window: PeriodWindow | null,
  opts: { sheet?: string; classBy?: 'latest' | 'average' } = {},
): SatisfactionAggregate {
  const origin: Origin = { firstRow, ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) };
  const lo = window === null || cols.date === undefined ? -Infinity : window.start;
  const hi = window === null || cols.date === undefined ? Infinity : window.end + 1;
  const customers = new Slots(256);
  const responses = customers.column(0);
  const sum = customers.column(0);
  const latest = customers.column(NaN);
  const latestDate = customers.column(NaN);
  const dates = new DateReader();
  const issues: DataIssue[] = [];
  let rowsWithoutCustomer = 0;
  let rowsOutsideWindow = 0;
  let rowsSkipped = 0;

  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (row === undefined) continue;
    const who = rowCustomer(row, r, cols.customerId, [cols.customerId, cols.date, cols.score], origin, issues);
    if (who.key === null) {
      if (who.counted) rowsWithoutCustomer++;
      continue;
    }
    const key = who.key;
    const c = customers.slot(key);
    let date = NaN;
    if (cols.date !== undefined) {
      const d = dates.read(row[cols.date]);
      if (!d.ok || d.value === null) {
        issues.push(requiredIssue(origin, r, cols.date, 'date', d)!);
        rowsSkipped++;
        continue;
      }
      date = d.value;
      if (!(date >= lo && date < hi)) {
        rowsOutsideWindow++;
        continue;
      }
    }
    let cell = row[cols.score];
    if (typeof cell === 'string') cell = cell.trim().replace(/分$/, '');
    const p = parseNumber(cell);
    if (!p.ok || p.value === null) {
      issues.push(requiredIssue(origin, r, cols.score, 'score', p)!);
      rowsSkipped++;
      continue;
    }
    const score = p.value;
    if (!(score >= 0 && score <= 10)) {
      issues.push(cellIssue(origin, r, cols.score, 'score', 'out-of-range', SCORE_RANGE, String(row[cols.score])));
      rowsSkipped++;
      continue;
    }
    // Later rows win ties, so without dates the lowest row is the latest answer.
    if (responses.data[c] === 0 || cols.date === undefined || date >= latestDate.data[c]!) {
      latest.data[c] = score;
      latestDate.data[c] = date;
    }
    responses.data[c]! += 1;
    sum.data[c]! += score;
  }

  const n = customers.size;
  const average = new Float64Array(n);
  const classes: (NpsClass | null)[] = new Array<NpsClass | null>(n);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const latestOut = latest.take(n);
  for (let i = 0; i < n; i++) {
    const k = responses.data[i]!;
    average[i] = k > 0 ? sum.data[i]! / k : NaN;
    const cls = npsClass(opts.classBy === 'average' ? average[i]! : latestOut[i]!);
    classes[i] = cls;
    if (cls === 'promoter') promoters++;
    else if (cls === 'passive') passives++;
    else if (cls === 'detractor') detractors++;
  }
  const classified = promoters + passives + detractors;
  return {
    ids: customers.keys,
    responses: responses.take(n),
    average,
    latest: latestOut,
    latestDate: latestDate.take(n),
    npsClass: classes,
    promoters,
    passives,
    detractors,
    nps: classified > 0 ? ((promoters - detractors) / classified) * 100 : NaN,
    rowsWithoutCustomer,
    rowsOutsideWindow,
    rowsSkipped,
    issues,
  };
}
