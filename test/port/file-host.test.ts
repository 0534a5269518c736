// The workbook-port contract on the file host: an .xlsx package and a CSV held in memory.
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import type { CellValue } from '../../src/port/workbook.ts';
import { portContract } from './contract.ts';

portContract('file host, .xlsx', async (values) => FileWorkbook.open(createWorkbook([{ name: 'Data', values }]), 'data.xlsx'));

/** CSV: the text a user exports, then the same workbook after a save and re-open as .xlsx. */
function csv(values: CellValue[][]): Uint8Array {
  const field = (v: CellValue) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return new TextEncoder().encode(values.map((r) => r.map(field).join(',')).join('\r\n'));
}
portContract('file host, CSV', async (values) => {
  const book = FileWorkbook.open(csv(values), 'Data.csv');
  // A CSV holds text only: numbers come back as the text they were written as, so compare through a numeric view.
  return {
    listSheets: () => book.listSheets(),
    readMarks: () => book.readMarks(),
    readSheet: async (name, options) => {
      const r = await book.readSheet(name, options);
      return { ...r, values: r.values.map((row) => row.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v))) };
    },
    writeColumns: (p, onProgress) => book.writeColumns(p, onProgress),
    replaceSheet: (s) => book.replaceSheet(s),
    appendRows: (s, h, r, k, m) => book.appendRows(s, h, r, k, m),
  };
});

portContract('file host, .xlsx saved and re-opened after every write', async (values) => {
  let book = FileWorkbook.open(createWorkbook([{ name: 'Data', values }]), 'data.xlsx');
  const reopen = () => {
    book = FileWorkbook.open(book.toXlsx(), 'data.xlsx');
  };
  return {
    listSheets: () => book.listSheets(),
    readMarks: () => book.readMarks(),
    readSheet: (name, options) => book.readSheet(name, options),
    writeColumns: async (p, onProgress) => {
      await book.writeColumns(p, onProgress);
      reopen();
    },
    replaceSheet: async (s) => {
      await book.replaceSheet(s);
      reopen();
    },
    appendRows: async (s, h, r, k, m) => {
      await book.appendRows(s, h, r, k, m);
      reopen();
    },
  };
});

// The page's worker keeps each sheet's values between steps: the same contract must hold.
portContract('file host, .xlsx with values kept', async (values) => FileWorkbook.open(createWorkbook([{ name: 'Data', values }]), 'data.xlsx', { keepValues: true }));
