import { describe, expect, it } from 'vitest';
import { aggregateOrders, gather, joinById } from '../../../src/core/aggregate/index.ts';

describe('joinById', () => {
  it('matches after trimming, folding full-width characters and floats; keeps case and zeros', () => {
    const base = ['C001', ' Ｃ００２', '17850', '00123', 'c004', null, 'C001'];
    const related = { ids: ['17850.0', 'C002', 'C001', '123', 'C004', 'X9'] };
    const j = joinById(base, related, { sheet: '订单' });
    expect(Array.from(j.index)).toEqual([2, 1, 0, -1, -1, -1, 2]);
    expect(j.matched).toBe(4);
    expect(j.orphans).toEqual(['123', 'C004', 'X9']);
    expect(j.issues).toHaveLength(3);
    expect(j.issues[2]).toMatchObject({ code: 'orphan-id', sheet: '订单', value: 'X9' });
    expect(j.issues[2]!.message['zh-CN']).toBe('客户编号“X9”只出现在关联表中，客户表里没有');
  });

  it('the first of duplicate related ids wins', () => {
    const j = joinById(['A'], { ids: ['A ', 'A', 'B'] });
    expect(Array.from(j.index)).toEqual([0]);
    expect(j.orphans).toEqual(['B']);
  });

  it('brings aggregated orders into the customer table order', () => {
    const orders = aggregateOrders(
      [['17850.0', '2025-01-01', '10'], ['Ｃ００１', '2025-01-02', '5'], ['ZZ', '2025-01-02', '1']],
      2,
      { customerId: 0, date: 1, amount: 2 },
      null,
    );
    const customers = ['C001', 'C002', '17850'];
    const j = joinById(customers, orders);
    expect(Array.from(gather(orders.spend, j.index))).toEqual([5, NaN, 10]);
    expect(Array.from(gather(orders.spend, j.index, 0))).toEqual([5, 0, 10]);
    expect(j.orphans).toEqual(['ZZ']);
  });
});
