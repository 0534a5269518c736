import { describe, expect, it } from 'vitest';
import { aggregateInteractions, aggregateSatisfaction, npsClass, periodWindow } from '../../../src/core/aggregate/index.ts';
import type { CellValue } from '../../../src/core/output/tables.ts';

// 2025-01-01 = 45658; 2025Q1 ends on 45747.
const MAR05 = 45721;
const MAR12 = 45728;

describe('aggregateInteractions', () => {
  // A customer, B date, C type — header on row 1.
  const LOG: CellValue[][] = [
    /* r2  */ ['C001', '2025-01-10', '电话'],
    /* r3  */ ['C001', '2025-02-01', '会议'],
    /* r4  */ ['C001', '2025-03-05', ' 电话 '],
    /* r5  */ ['C002', '2025-03-10', 'Email'],
    /* r6  */ ['C002', '2025-03-11', 'email'], // same type, other case
    /* r7  */ ['C002', '2025-03-12', null], // no type: counted in the total only
    /* r8  */ ['C003', '2024-12-01', '电话'], // before the window
    /* r9  */ ['C001', 'yesterday', '电话'], // unreadable date
    /* r10 */ [null, '2025-01-01', '电话'], // no customer
  ];
  const a = aggregateInteractions(LOG, 2, { customerId: 0, date: 1, type: 2 }, periodWindow('2025Q1'), { sheet: '拜访记录' });

  it('counts per customer and per type (as first written), last date and days since', () => {
    expect(a.ids).toEqual(['C001', 'C002', 'C003']);
    expect(Array.from(a.count)).toEqual([3, 3, 0]);
    expect([...a.byType.keys()]).toEqual(['电话', '会议', 'Email']);
    expect(Array.from(a.byType.get('电话')!)).toEqual([2, 0, 0]);
    expect(Array.from(a.byType.get('会议')!)).toEqual([1, 0, 0]);
    expect(Array.from(a.byType.get('Email')!)).toEqual([0, 2, 0]);
    expect(Array.from(a.lastDate)).toEqual([MAR05, MAR12, NaN]);
    expect(Array.from(a.daysSinceLast)).toEqual([45747 - MAR05, 45747 - MAR12, NaN]);
  });

  it('reports what it skipped', () => {
    expect(a.rowsOutsideWindow).toBe(1);
    expect(a.rowsWithoutCustomer).toBe(1);
    expect(a.rowsSkipped).toBe(1);
    expect(a.issues).toEqual([expect.objectContaining({ code: 'not-a-date', sheet: '拜访记录', row: 9, cell: 'B9', value: 'yesterday' })]);
  });

  it('without a type column: counts only', () => {
    const b = aggregateInteractions(LOG, 2, { customerId: 0, date: 1 }, null);
    expect(Array.from(b.count)).toEqual([3, 3, 1]);
    expect(b.byType.size).toBe(0);
  });
});

describe('npsClass', () => {
  it('9–10 promoter, 7–8 passive, 0–6 detractor; averages by the same bounds', () => {
    expect([10, 9, 8.99, 8, 7, 6.99, 6, 0].map(npsClass)).toEqual([
      'promoter', 'promoter', 'passive', 'passive', 'passive', 'detractor', 'detractor', 'detractor',
    ]);
    expect([-1, 10.5, NaN].map(npsClass)).toEqual([null, null, null]);
  });
});

describe('aggregateSatisfaction', () => {
  // A customer, B date, C score (0–10) — header on row 1.
  const SURVEY: CellValue[][] = [
    /* r2  */ ['C001', '2025-01-10', 10],
    /* r3  */ ['C001', '2025-03-01', '4'], // latest for C001: 4 (detractor); average 7 (passive)
    /* r4  */ ['C002', '2025-02-01', '9'], // latest for C002 (by date, not by row): promoter
    /* r5  */ ['C002', '2025-01-15', '5'], // average 7: passive
    /* r6  */ ['C003', '2025-02-02', '8分'], // "8分" is 8
    /* r7  */ ['C004', '2025-02-03', '11'], // out of range
    /* r8  */ ['C004', '2025-02-04', 'N/A'], // not a number
    /* r9  */ ['C005', '2024-11-01', '3'], // before the window
    /* r10 */ ['C006', '2025-03-03', '9.5'],
    /* r11 */ ['C006', '2025-01-05', '6'], // average 7.75: passive; latest 9.5: promoter
  ];
  const cols = { customerId: 0, date: 1, score: 2 };
  const q1 = aggregateSatisfaction(SURVEY, 2, cols, periodWindow('2025Q1'), { sheet: '满意度' });

  it('averages and latest scores per customer', () => {
    expect(q1.ids).toEqual(['C001', 'C002', 'C003', 'C004', 'C005', 'C006']);
    expect(Array.from(q1.responses)).toEqual([2, 2, 1, 0, 0, 2]);
    expect(Array.from(q1.average)).toEqual([7, 7, 8, NaN, NaN, 7.75]);
    expect(Array.from(q1.latest)).toEqual([4, 9, 8, NaN, NaN, 9.5]);
    expect(q1.latestDate[1]).toBe(45658 + 31); // 2025-02-01
  });

  it('classes the latest score by default: NPS = %promoters − %detractors of those classed', () => {
    expect(q1.npsClass).toEqual(['detractor', 'promoter', 'passive', null, null, 'promoter']);
    expect([q1.promoters, q1.passives, q1.detractors]).toEqual([2, 1, 1]);
    expect(q1.nps).toBe(25); // (2 − 1) / 4
  });

  it('or the average score', () => {
    const avg = aggregateSatisfaction(SURVEY, 2, cols, periodWindow('2025Q1'), { classBy: 'average' });
    expect(avg.npsClass).toEqual(['passive', 'passive', 'passive', null, null, 'passive']);
    expect(avg.nps).toBe(0);
  });

  it('scores outside 0–10 and unreadable ones are issues, and skipped', () => {
    expect(q1.issues.map((i) => [i.code, i.cell, i.sheet, i.field])).toEqual([
      ['out-of-range', 'C7', '满意度', 'score'],
      ['not-a-number', 'C8', '满意度', 'score'],
    ]);
    expect(q1.issues[0]!.message['zh-CN']).toBe('评分：评分应在 0 到 10 之间（该行未计入）');
    expect(q1.rowsOutsideWindow).toBe(1);
    expect(q1.rowsSkipped).toBe(2);
  });

  it('without a window every answer counts', () => {
    const all = aggregateSatisfaction(SURVEY, 2, cols, null);
    expect(all.npsClass[4]).toBe('detractor');
    expect(all.nps).toBe(0); // 2 promoters, 1 passive, 2 detractors
  });

  it('without a date column the lowest row is the latest answer and the window is not applied', () => {
    const a = aggregateSatisfaction(SURVEY, 2, { customerId: 0, score: 2 }, periodWindow('2025Q1'));
    expect(Array.from(a.latest)).toEqual([4, 5, 8, NaN, 3, 6]);
    expect(a.latestDate[0]).toBeNaN();
    expect(a.rowsOutsideWindow).toBe(0);
  });

  it('no answers: NPS is NaN, not 0', () => {
    expect(aggregateSatisfaction([], 2, cols, null).nps).toBeNaN();
  });
});
