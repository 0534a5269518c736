// Currency marks in amount cells (issue 13): which currency a cell shows, and which ones a column mixes.
import { describe, expect, it } from 'vitest';
import { cellCurrency, columnCurrencies } from '../../../src/core/values/currency.ts';
import { parseNumber } from '../../../src/core/values/number.ts';

describe('cellCurrency', () => {
  it.each([
    ['£1,200', '£'], ['GBP 1200', '£'], ['1200英镑', '£'], ['$5', '$'], ['US$5', '$'], ['5 USD', '$'], ['5美元', '$'],
    ['€1,200.50', '€'], ['1200 EUR', '€'], ['HK$300', 'HK$'], ['300港元', 'HK$'], ['NT$3,000', 'NT$'], ['3000新台币', 'NT$'],
    ['¥1,250,000', '¥'], ['￥98万', '¥'], ['620,000元', '¥'], ['RMB 2,300,000', '¥'], ['-£5', '£'], ['(£5)', '£'],
  ])('%s → %s', (cell, want) => {
    expect(cellCurrency(cell)).toBe(want);
  });

  it.each([[1200], ['1200'], ['98万'], [''], [null], ['待定']])('%j shows no currency', (cell) => {
    expect(cellCurrency(cell)).toBeNull();
  });

  it('NT$ amounts are read as numbers', () => {
    expect(parseNumber('NT$3,000')).toEqual({ ok: true, value: 3000 });
    expect(parseNumber('3000新台币')).toEqual({ ok: true, value: 3000 });
  });
});

describe('columnCurrencies', () => {
  it('groups the positions of each currency a column shows', () => {
    const m = columnCurrencies(['£5', 6, '£7', '$8', null, '¥9']);
    expect(Object.fromEntries(m)).toEqual({ '£': [0, 2], $: [3], '¥': [5] });
  });
});
