import { describe, expect, it } from 'vitest';
import { aggregateOrders, idKey, ordersToTable, periodWindow } from '../../../src/core/aggregate/index.ts';
import type { CellValue } from '../../../src/core/output/tables.ts';

// Serials by hand from 2025-01-01 = 45658.
const D = {
  dec20_2024: 45646,
  jan05: 45662,
  feb10: 45698,
  mar07: 45723,
  mar31: 45747,
  apr02: 45749,
};

// An orders sheet as an account manager keeps it: header on row 1, so values[0] is row 2.
// Columns: A customer, B date, C amount, D invoice.
const SHEET: CellValue[][] = [
  /* r2  */ ['C001', '2025-01-05', '100', '1001'],
  /* r3  */ ['C001', '2025-01-05', '50', '1001'], // second line of invoice 1001: still one order
  /* r4  */ ['Ｃ００１ ', '2025/2/10', '¥200', '1002'], // full-width id typed with a Chinese IME
  /* r5  */ ['17850.0', '2025-03-01', 'abc', '1003'], // unreadable amount: issue at C5, row skipped
  /* r6  */ [17850, D.mar07, 80, 1004], // the same customer as a number; a date serial; numbers
  /* r7  */ ['17850.0', '2025-03-20', '-30', 'C1005'], // a return on a cancellation invoice
  /* r8  */ [null, '2025-03-21', '999', '1006'], // no customer
  /* r9  */ [null, null, null, null], // a blank line: not counted anywhere
  /* r10 */ ['C003', '2025-03-25', '-20', '1007'], // a return without the C prefix: no order either
  /* r11 */ ['C001', '2024-12-20', '70', '1000'], // before 2025Q1
  /* r12 */ ['C004', '2025-13-01', '10', '1008'], // no 13th month: issue at B12
  /* r13 */ ['C005', '2025-04-02', '40', '1009'], // after 2025Q1
];
const COLS = { customerId: 0, date: 1, amount: 2, orderId: 3 };

describe('aggregateOrders — a hand-checked sheet', () => {
  const q1 = aggregateOrders(SHEET, 2, COLS, periodWindow('2025Q1'), { sheet: '订单' });

  it('one slot per customer, first-seen order, ids folded (full-width, floats, numbers)', () => {
    expect(q1.ids).toEqual(['C001', '17850', 'C003', 'C004', 'C005']);
  });

  it('sums spend in the window; returns reduce it', () => {
    expect(Array.from(q1.spend)).toEqual([350, 50, -20, 0, 0]); // 100+50+200; 80−30 (r5 skipped); −20
    expect(Array.from(q1.lines)).toEqual([3, 2, 1, 0, 0]);
  });

  it('counts an invoice of several lines once and returns not at all', () => {
    expect(Array.from(q1.orders)).toEqual([2, 1, 0, 0, 0]); // 1001, 1002 | 1004 (C1005 is a return) | 1007 < 0
    expect(Array.from(q1.avgOrderValue)).toEqual([175, 50, 0, 0, 0]);
  });

  it('first and last purchase, recency to the end of the window', () => {
    expect(Array.from(q1.firstOrder)).toEqual([D.jan05, D.mar07, NaN, NaN, NaN]);
    expect(Array.from(q1.lastOrder)).toEqual([D.feb10, D.mar07, NaN, NaN, NaN]);
    expect(q1.asOf).toBe(D.mar31);
    expect(Array.from(q1.recencyDays)).toEqual([49, 24, NaN, NaN, NaN]); // 45747−45698, 45747−45723
  });

  it('counts rows without a customer and outside the window', () => {
    expect(q1.rowsWithoutCustomer).toBe(1);
    expect(q1.rowsOutsideWindow).toBe(2); // r11, r13
    expect(q1.rowsSkipped).toBe(2); // r5, r12
  });

  it('reports unreadable cells with sheet, row and A1 cell, in both languages, and skips the row', () => {
    expect(q1.issues).toHaveLength(2);
    const [amount, date] = q1.issues;
    expect(amount).toMatchObject({ code: 'not-a-number', sheet: '订单', row: 5, cell: 'C5', field: 'amount', value: 'abc' });
    expect(amount!.message['zh-CN']).toBe('金额：无法把“abc”识别为数字（该行未计入）');
    expect(amount!.message['en-US']).toBe('Amount: Cannot read "abc" as a number (the row was not counted)');
    expect(date).toMatchObject({ code: 'not-a-date', sheet: '订单', row: 12, cell: 'B12', field: 'date', value: '2025-13-01' });
    expect(date!.message['zh-CN']).toMatch(/^日期：/);
    // Their customers' totals are partial, and say so.
    expect(Array.from(q1.incomplete ?? [])).toEqual([0, 1, 0, 1, 0]);
  });

  it('without a window: everything counts, recency from the latest date in the data', () => {
    const all = aggregateOrders(SHEET, 2, COLS, null);
    expect(all.ids).toEqual(q1.ids);
    expect(Array.from(all.spend)).toEqual([420, 50, -20, 0, 40]);
    expect(Array.from(all.orders)).toEqual([3, 1, 0, 0, 1]);
    expect(all.asOf).toBe(D.apr02);
    expect(Array.from(all.firstOrder)).toEqual([D.dec20_2024, D.mar07, NaN, NaN, D.apr02]);
    expect(Array.from(all.recencyDays)).toEqual([D.apr02 - D.feb10, D.apr02 - D.mar07, NaN, NaN, 0]);
    expect(all.rowsOutsideWindow).toBe(0);
    expect(all.issues.map((i) => i.cell)).toEqual(['C5', 'B12']);
    expect(all.issues[0]!.sheet).toBeUndefined();
  });

  it('without an order-id column every row with a positive amount is an order', () => {
    const all = aggregateOrders(SHEET, 2, { customerId: 0, date: 1, amount: 2 }, null);
    expect(Array.from(all.orders)).toEqual([4, 1, 0, 0, 1]); // C001: r2, r3, r4, r11
    expect(Array.from(all.avgOrderValue)).toEqual([105, 50, 0, 0, 40]);
  });

  it('asOf overrides the reference day of recency', () => {
    const a = aggregateOrders(SHEET, 2, COLS, periodWindow('2025Q1'), { asOf: D.mar31 + 10 });
    expect(Array.from(a.recencyDays)).toEqual([59, 34, NaN, NaN, NaN]);
  });
});

describe('aggregateOrders — details', () => {
  it('amount = quantity × unit price; a bad price is reported at its own cell', () => {
    // A InvoiceNo, B CustomerID, C Quantity, D UnitPrice, E InvoiceDate — from row 10.
    const rows: CellValue[][] = [
      ['536365', '17850.0', '6', '2.55', '2010-12-01 08:26:00'],
      ['536365', '17850.0', '8', '2.75', '2010-12-01 08:26:00'],
      ['C536379', '17850.0', '-1', '27.50', '2010-12-01 09:41:00'],
      ['536366', '13047.0', '2', 'n/a', '2010-12-01 09:00:00'],
      ['536367', '13047.0', '3', '1.5', '2010-12-02 10:00:00'],
    ];
    const a = aggregateOrders(rows, 10, { orderId: 0, customerId: 1, quantity: 2, unitPrice: 3, date: 4 }, null);
    expect(a.ids).toEqual(['17850', '13047']);
    expect(a.spend[0]).toBeCloseTo(6 * 2.55 + 8 * 2.75 - 27.5, 10); // 9.8
    expect(a.spend[1]).toBe(4.5);
    expect(Array.from(a.orders)).toEqual([1, 1]);
    expect(a.issues).toHaveLength(1);
    expect(a.issues[0]).toMatchObject({ code: 'not-a-number', row: 13, cell: 'D13', field: 'unitPrice' });
    expect(a.issues[0]!.message['en-US']).toMatch(/^Unit price: /);
    // Recency in whole days from the latest date (2010-12-02 10:00): the times of day do not matter.
    expect(Array.from(a.recencyDays)).toEqual([1, 0]);
  });

  it('the amount column wins over quantity × price', () => {
    const a = aggregateOrders([['A', '2025-01-01', '100', '2', '3']], 2, { customerId: 0, date: 1, amount: 2, quantity: 3, unitPrice: 4 }, null);
    expect(a.spend[0]).toBe(100);
  });

  it('a blank amount or date is an issue, never 0', () => {
    const a = aggregateOrders([['A', '2025-01-01', null], ['A', null, '5'], ['A', '2025-01-02', '7']], 2, { customerId: 0, date: 1, amount: 2 }, null);
    expect(a.issues.map((i) => [i.code, i.cell])).toEqual([['blank', 'C2'], ['blank', 'B3']]);
    expect(a.spend[0]).toBe(7);
    expect(a.orders[0]).toBe(1);
    expect(a.rowsSkipped).toBe(2);
  });

  it('an Excel error as customer id is a row without customer, reported', () => {
    const a = aggregateOrders([['#N/A', '2025-01-01', '5'], ['A', '2025-01-01', '6']], 2, { customerId: 0, date: 1, amount: 2 }, null);
    expect(a.ids).toEqual(['A']);
    expect(a.rowsWithoutCustomer).toBe(1);
    expect(a.issues[0]).toMatchObject({ code: 'excel-error', cell: 'A2', field: 'customerId' });
  });

  it('a date on the last day of the window counts, whatever the time', () => {
    const a = aggregateOrders([['A', '2025-03-31 23:59', '5'], ['A', '2025-04-01 00:00', '6']], 2, { customerId: 0, date: 1, amount: 2 }, periodWindow('2025Q1'));
    expect(a.spend[0]).toBe(5);
    expect(a.recencyDays[0]).toBe(0);
    expect(a.rowsOutsideWindow).toBe(1);
  });

  it('"C" + digits is a cancellation only where most order ids are plain digits', () => {
    // This shop numbers every order C…: they are orders, not cancellations.
    const rows: CellValue[][] = [
      ['A', '2025-01-01', '10', 'C0001'],
      ['A', '2025-01-02', '20', 'C0002'],
      ['A', '2025-01-03', '30', 'C0003'],
    ];
    expect(aggregateOrders(rows, 2, { customerId: 0, date: 1, amount: 2, orderId: 3 }, null).orders[0]).toBe(3);
    // Mostly numeric ids: the C invoice with a positive total is still a cancellation (Online Retail's convention).
    const mixed: CellValue[][] = [...rows.map((r, i) => [r[0]!, r[1]!, r[2]!, `${1000 + i}`]), ['A', '2025-01-04', '5', 'C1000']];
    expect(aggregateOrders(mixed, 2, { customerId: 0, date: 1, amount: 2, orderId: 3 }, null).orders[0]).toBe(3);
  });

  it('float noise is not money: a fully refunded invoice is no order and spends exactly 0', () => {
    const rows: CellValue[][] = [
      ['A', '2025-01-01', '0.1', '1'],
      ['A', '2025-01-01', '0.2', '1'],
      ['A', '2025-01-02', '-0.3', '1'],
    ];
    const a = aggregateOrders(rows, 2, { customerId: 0, date: 1, amount: 2, orderId: 3 }, null);
    expect(a.spend[0]).toBe(0);
    expect(a.orders[0]).toBe(0);
    expect(a.lastOrder[0]).toBeNaN();
  });

  it('the same invoice number for two customers is two orders', () => {
    const rows: CellValue[][] = [['A', '2025-01-01', '1', '7'], ['B', '2025-01-01', '2', '7']];
    expect(Array.from(aggregateOrders(rows, 2, { customerId: 0, date: 1, amount: 2, orderId: 3 }, null).orders)).toEqual([1, 1]);
  });

  it('grows past its initial capacity', () => {
    const rows: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [`K${i % 3000}`, 45658 + (i % 90), `${i}`]);
    const a = aggregateOrders(rows, 2, { customerId: 0, date: 1, amount: 2 }, null);
    expect(a.ids).toHaveLength(3000);
    expect(a.spend[0]).toBe(0 + 3000);
    expect(a.spend[2999]).toBe(2999);
    expect(a.orders[0]).toBe(1); // row 0 has amount 0: no order
    expect(a.orders[1]).toBe(2);
  });

  it('needs an amount or quantity and unit price', () => {
    expect(() => aggregateOrders([], 2, { customerId: 0, date: 1, quantity: 2 }, null)).toThrow(RangeError);
  });

  it('an empty sheet gives empty results', () => {
    const a = aggregateOrders([], 2, COLS, null);
    expect(a.ids).toEqual([]);
    expect(a.asOf).toBeNaN();
    expect(a.incomplete).toBeNull();
  });
});

describe('idKey', () => {
  it('folds floats, full-width characters and spaces; keeps zeros and case', () => {
    expect(idKey('17850.0')).toBe('17850');
    expect(idKey('17850.00')).toBe('17850');
    expect(idKey(17850)).toBe('17850');
    expect(idKey('00123.0')).toBe('00123');
    expect(idKey('00123')).toBe('00123');
    expect(idKey('17850.5')).toBe('17850.5');
    expect(idKey('17850.')).toBe('17850.');
    expect(idKey('A1.0')).toBe('A1.0');
    expect(idKey(' Ｃ００１　')).toBe('C001');
    expect(idKey('１７８５０.０')).toBe('17850');
    expect(idKey('c001')).toBe('c001');
    expect(idKey('')).toBeNull();
    expect(idKey('  ')).toBeNull();
    expect(idKey(null)).toBeNull();
  });
});

describe('ordersToTable', () => {
  it('gives grading the built-in metrics, incomplete customers marked invalid', () => {
    const agg = aggregateOrders(SHEET, 2, COLS, periodWindow('2025Q1'));
    const t = ordersToTable(agg);
    expect(t.size).toBe(5);
    expect(t.ids).toEqual(agg.ids);
    expect(t.rows).toBeNull();
    expect(Array.from(t.metrics.annualSpend!.values)).toEqual([350, 50, -20, 0, 0]);
    expect(Array.from(t.metrics.orderCount!.values)).toEqual([2, 1, 0, 0, 0]);
    expect(Array.from(t.metrics.recencyDays!.invalid ?? [])).toEqual([0, 1, 0, 1, 0]);
    expect(t.issues).toHaveLength(2);
  });
});
