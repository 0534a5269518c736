import { describe, expect, it } from 'vitest';
import { inWindow, periodLabel, periodWindow } from '../../../src/core/aggregate/index.ts';
import { isoDateToSerial } from '../../../src/core/values/serial-date.ts';

// Serials worked out by hand from 2025-01-01 = 45658 (Jan 31 + Feb 28 + Mar 31 … days).
const JAN_1 = 45658;
const MAR_31 = JAN_1 + 31 + 28 + 30; // 45747
const JUN_30 = JAN_1 + 180; // 45838
const JUL_1 = JAN_1 + 181; // 45839
const DEC_31 = JAN_1 + 364; // 46022

describe('periodWindow', () => {
  it('knows the hand-computed serials', () => {
    expect(isoDateToSerial(2025, 7, 1)).toBe(45839);
    expect(isoDateToSerial(2025, 12, 31)).toBe(46022);
  });

  it('reads years, halves, quarters and months', () => {
    expect(periodWindow('2025')).toEqual({ start: JAN_1, end: DEC_31 });
    expect(periodWindow('2025H1')).toEqual({ start: JAN_1, end: JUN_30 });
    expect(periodWindow('2025H2')).toEqual({ start: 45839, end: 46022 });
    expect(periodWindow('2025Q1')).toEqual({ start: JAN_1, end: MAR_31 });
    expect(periodWindow('2025Q2')).toEqual({ start: MAR_31 + 1, end: JUN_30 });
    expect(periodWindow('2025Q3')).toEqual({ start: JUL_1, end: JAN_1 + 272 }); // Sep 30
    expect(periodWindow('2025Q4')).toEqual({ start: JAN_1 + 273, end: DEC_31 }); // Oct 1
    expect(periodWindow('2025-03')).toEqual({ start: JAN_1 + 59, end: MAR_31 });
    expect(periodWindow('2025-02')).toEqual({ start: JAN_1 + 31, end: JAN_1 + 58 });
    expect(periodWindow('2024-02')).toEqual({ start: 45323, end: 45351 }); // leap year: Feb 29 is 45351
    expect(periodWindow('2025-12')).toEqual({ start: DEC_31 - 30, end: DEC_31 });
  });

  it('tolerates case, spaces, full-width characters and the Chinese forms', () => {
    expect(periodWindow(' 2025h2 ')).toEqual({ start: JUL_1, end: DEC_31 });
    expect(periodWindow('２０２５Ｑ１')).toEqual({ start: JAN_1, end: MAR_31 });
    expect(periodWindow('2025-Q1')).toEqual({ start: JAN_1, end: MAR_31 });
    expect(periodWindow('2025年')).toEqual({ start: JAN_1, end: DEC_31 });
    expect(periodWindow('2025年下半年')).toEqual({ start: JUL_1, end: DEC_31 });
    expect(periodWindow('2025年上半年')).toEqual({ start: JAN_1, end: JUN_30 });
    expect(periodWindow('2025年第一季度')).toEqual({ start: JAN_1, end: MAR_31 });
    expect(periodWindow('2025年Q1')).toEqual({ start: JAN_1, end: MAR_31 });
    expect(periodWindow('2025年3月')).toEqual({ start: JAN_1 + 59, end: MAR_31 });
  });

  it('refuses what is not a period', () => {
    for (const s of ['', '25', '2025Q5', '2025Q0', '2025H3', '2025-13', '2025-00', 'Q1 2025', '1899', '2025-03-01', 'abc']) {
      expect(periodWindow(s), s).toBeNull();
    }
  });
});

describe('periodLabel', () => {
  it('labels the period holding a date', () => {
    const aug15 = isoDateToSerial(2025, 8, 15) + 0.35; // a time of day changes nothing
    expect(periodLabel(aug15, 'year')).toBe('2025');
    expect(periodLabel(aug15, 'half-year')).toBe('2025H2');
    expect(periodLabel(aug15, 'quarter')).toBe('2025Q3');
    expect(periodLabel(aug15, 'month')).toBe('2025-08');
    expect(periodLabel(JUN_30, 'half-year')).toBe('2025H1');
    expect(periodLabel(JUL_1, 'half-year')).toBe('2025H2');
    expect(periodLabel(MAR_31, 'quarter')).toBe('2025Q1');
    expect(periodLabel(MAR_31 + 1, 'quarter')).toBe('2025Q2');
  });

  it('round-trips: the window of the label holds the date', () => {
    for (let d = JAN_1 - 400; d <= DEC_31 + 400; d += 7) {
      for (const kind of ['month', 'quarter', 'half-year', 'year'] as const) {
        const w = periodWindow(periodLabel(d, kind));
        expect(w !== null && d >= w.start && d <= w.end, `${d} ${kind}`).toBe(true);
      }
    }
  });
});

describe('inWindow', () => {
  it('includes the whole last day, times of day included', () => {
    const q1 = periodWindow('2025Q1');
    expect(inWindow(JAN_1, q1)).toBe(true);
    expect(inWindow(MAR_31 + 0.999, q1)).toBe(true);
    expect(inWindow(MAR_31 + 1, q1)).toBe(false);
    expect(inWindow(JAN_1 - 0.001, q1)).toBe(false);
    expect(inWindow(1, null)).toBe(true);
  });
});
