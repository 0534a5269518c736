// Numbers from a CSV stay numbers in the workbook we write (issue 13); ids, codes and phone numbers stay text.
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../../src/hosts/file/file-workbook.ts';
import { typedCsvValues } from '../../../src/hosts/file/csv-numbers.ts';

const CSV = [
  'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,电话,邮编,Note',
  '536365,85123A,6,2010-12-01 08:26:00,2.55,17850.0,13812345678,010020,-5',
  '536366,71053,-12,2010-12-01 08:28:00,3.39,,13912345678,200001,1e5',
  'C536367,22633,1200,2010-12-01 08:34:00,0.5,13047.0,,,+7',
].join('\r\n');

describe('a CSV written as a workbook', () => {
  it('stores Quantity and UnitPrice as numbers; InvoiceNo, StockCode, CustomerID, 电话 and 邮编 as text', async () => {
    const book = FileWorkbook.open(new TextEncoder().encode(CSV), 'orders.csv');
    const out = FileWorkbook.open(book.toXlsx(), 'orders.xlsx');
    const { values } = await out.readSheet('orders');
    expect(values[1]).toEqual(['536365', '85123A', 6, '2010-12-01 08:26:00', 2.55, '17850.0', '13812345678', '010020', -5]);
    expect(values[2]).toEqual(['536366', '71053', -12, '2010-12-01 08:28:00', 3.39, null, '13912345678', '200001', '1e5']);
    expect(values[3]).toEqual(['C536367', '22633', 1200, '2010-12-01 08:34:00', 0.5, '13047.0', null, null, '+7']);
  });

  it('keeps a column text when one of its numbers has a leading zero or more than 15 digits', () => {
    const typed = typedCsvValues([
      ['编号', '金额', '卡号', 'Amount'],
      ['1', '100', '6222021234567890123', '10'],
      ['007', '200.50', '6222021234567890124', '0.10'],
    ]);
    expect(typed).toEqual([
      ['编号', '金额', '卡号', 'Amount'],
      ['1', 100, '6222021234567890123', 10],
      ['007', 200.5, '6222021234567890124', 0.1],
    ]);
    const codes = typedCsvValues([['Code2'], ['12'], ['012']]);
    expect(codes).toEqual([['Code2'], ['12'], ['012']]);
    const plain = typedCsvValues([['Qty'], ['12'], ['012']]);
    expect(plain).toEqual([['Qty'], ['12'], ['012']]);
  });

  it('reads each cell in one scan with the same rules: "-0" is 0, "1.2.3" and "5." are text that does not block a column, 11-digit integers do', () => {
    expect(typedCsvValues([['Qty'], ['-0'], ['0.0'], ['1.2.3'], ['5.'], ['0.000000000000001234']])).toEqual([['Qty'], [0], [0], ['1.2.3'], ['5.'], [1.234e-15]]);
    expect(typedCsvValues([['Qty'], ['1'], ['12345678901']])).toEqual([['Qty'], ['1'], ['12345678901']]);
    expect(typedCsvValues([['Qty'], ['1'], ['1234567890.12345']])).toEqual([['Qty'], [1], [1234567890.12345]]);
    expect(typedCsvValues([['Qty'], ['1'], ['1234567890.123456']])).toEqual([['Qty'], ['1'], ['1234567890.123456']]);
    expect(typedCsvValues([['Qty'], ['1'], ['-00.5']])).toEqual([['Qty'], ['1'], ['-00.5']]);
  });
});
