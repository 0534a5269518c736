// keepValues (the page's worker): a sheet is parsed once and its values handed out again until that sheet
// is written. What each read returns must be what a fresh parse would give.
import { describe, expect, it } from 'vitest';
import { XlsxWorkbook, createWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { excelStyleWorkbook } from './fixtures.ts';

const twoSheets = () =>
  createWorkbook([
    { name: 'Customers', values: [['id', 'spend'], ['A1', 100], ['A2', 200]] },
    { name: 'Orders', values: [['id', 'amount'], ['A1', 5]] },
  ]);

describe('an open workbook that keeps the values it has read', () => {
  it('reads the same values as a fresh parse, however often and in whatever order', () => {
    const kept = XlsxWorkbook.open(excelStyleWorkbook(), { keepValues: true });
    const fresh = XlsxWorkbook.open(excelStyleWorkbook());
    for (const s of kept.listSheets()) {
      const want = fresh.readSheet(s.name).values;
      expect(kept.readSheet(s.name).values).toEqual(want);
      expect(kept.readSheet(s.name).values).toEqual(want);
    }
  });

  it('hands out copies: changing what one read returned does not change the next read', () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    const first = wb.readSheet('Customers').values;
    first[1]![1] = 'changed';
    first.push(['extra']);
    expect(wb.readSheet('Customers').values).toEqual([['id', 'spend'], ['A1', 100], ['A2', 200]]);
  });

  it('reads a sheet again after it is written, and keeps the sheets that were not', () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    expect(wb.readSheet('Customers').values[0]).toEqual(['id', 'spend']);
    expect(wb.readSheet('Orders').values).toEqual([['id', 'amount'], ['A1', 5]]);
    wb.writeColumns({ sheet: 'Customers', headerRow: 1, firstRow: 2, columns: [{ col: 2, header: 'Tier', values: ['Gold', 'Silver'] }] });
    expect(wb.readSheet('Customers').values).toEqual([['id', 'spend', 'Tier'], ['A1', 100, 'Gold'], ['A2', 200, 'Silver']]);
    wb.appendRows('Orders', [], [['A2', 7]]);
    expect(wb.readSheet('Orders').values).toEqual([['id', 'amount'], ['A1', 5], ['A2', 7]]);
    wb.replaceSheet({ name: 'Customers', tables: [{ header: ['only'], rows: [['one']] }] });
    expect(wb.readSheet('Customers').values).toEqual([['only'], ['one']]);
  });
});
