// What the standalone grid reads from a workbook — number formats, fills, bold, alignment, column widths,
// merges, the 1904 flag — must be what exceljs and openpyxl wrote; and windows of rows must hold the same
// values as the port's own reader, deep in a large sheet too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../../../src/hosts/file/file-workbook.ts';
import type { GridBlock, GridLayout } from '../../../../src/hosts/file/grid-view.ts';
import { cellText } from '../../../../src/taskpane/standalone/cell-text.ts';
import { excelJsBytes, tempDir, type ExcelJS } from './helpers.ts';

/** The cell at an address as the grid would show it, in a language. */
function shown(layout: GridLayout, block: GridBlock, address: string, lang: 'zh-CN' | 'en-US' = 'en-US') {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const c = m[1]!.charCodeAt(0) - 65;
  const r = Number(m[2]) - block.firstRow;
  const look = layout.looks[block.looks[r * block.width + c]!]!;
  return { look, text: cellText(block.values[r]![c], look, lang, layout.date1904).text };
}

async function readAll(bytes: Uint8Array, name: string, sheet: string) {
  const book = FileWorkbook.open(bytes, name);
  const layout = await book.grid.layout(sheet);
  const block = await book.grid.block(sheet, 1, 50);
  return { book, layout, block };
}

describe('grid read-back of an exceljs workbook', async () => {
  const bytes = await excelJsBytes((wb) => {
    const ws = wb.addWorksheet('等级分布');
    ws.mergeCells('A1:E1');
    ws.getCell('A1').value = '等级分布 — 企业客户 2025H2';
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.getRow(2).values = ['日期', '占比', '收入', '美式日期', '等级'];
    ws.getRow(2).font = { bold: true };
    ws.getCell('A3').value = 45826;
    ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    ws.getCell('B3').value = 0.106;
    ws.getCell('B3').numFmt = '0.0%';
    ws.getCell('C3').value = 1958329.556604;
    ws.getCell('C3').numFmt = '"¥"#,##0';
    ws.getCell('D3').value = 45826;
    ws.getCell('D3').numFmt = 'mm-dd-yy'; // exceljs writes this as built-in id 14
    ws.getCell('E3').value = 'VIP客户';
    ws.getCell('E3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
    ws.getCell('E4').value = '重要客户';
    ws.getCell('E4').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.3999755851924192 } as Partial<ExcelJS.Color> };
    ws.getCell('E5').value = '普通客户';
    ws.getCell('E5').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 43 } as unknown as ExcelJS.Color };
    ws.getColumn('A').width = 14;
    ws.getColumn('C').width = 18.5;
    ws.getColumn('D').hidden = true;
  });
  const { layout, block } = await readAll(bytes, 'exceljs.xlsx', '等级分布');

  it('reads the merged title, widths and hidden columns', () => {
    expect(layout.merges).toEqual([{ firstRow: 1, lastRow: 1, firstCol: 0, lastCol: 4 }]);
    const widths = new Map(layout.widths);
    expect(widths.get(0)).toBe(14);
    expect(widths.get(2)).toBe(18.5);
    expect(widths.get(3)).toBe(0);
    expect(shown(layout, block, 'A1')).toMatchObject({ text: '等级分布 — 企业客户 2025H2', look: { bold: true, align: 'center' } });
  });

  it('formats dates, percents and currency as Excel shows them', () => {
    expect(shown(layout, block, 'A3').text).toBe('2025-06-18');
    expect(shown(layout, block, 'B3').text).toBe('10.6%');
    expect(shown(layout, block, 'C3').text).toBe('¥1,958,330');
    // Built-in id 14 follows the page's language, as in Excel.
    expect(shown(layout, block, 'D3').look).toMatchObject({ numFmtId: 14, numFmt: null });
    expect(shown(layout, block, 'D3', 'en-US').text).toBe('6/18/2025');
    expect(shown(layout, block, 'D3', 'zh-CN').text).toBe('2025/6/18');
    expect(shown(layout, block, 'B2').look.bold).toBe(true);
  });

  it('reads solid fills given as rgb, theme colour with tint and indexed colour', () => {
    expect(shown(layout, block, 'E3').look.fill).toBe('#FFC000');
    // exceljs writes the Office 2007 theme: accent1 #4F81BD lightened by 40 % is Excel's "Accent 1, Lighter 40%".
    expect(shown(layout, block, 'E4').look.fill).toBe('#95B3D7');
    expect(shown(layout, block, 'E5').look.fill).toBe('#FFFF99');
    expect(shown(layout, block, 'E2').look.fill).toBeNull();
  });
});

describe('grid read-back of an openpyxl workbook (1904 dates)', () => {
  const dir = tempDir('grid-openpyxl');
  const file = path.join(dir, 'openpyxl.xlsx');
  execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      `
import sys, datetime
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904
wb = Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Tier Mix"
ws.merge_cells("A1:C2")
ws["A1"] = "Tier mix — enterprise customers"
ws["A1"].font = Font(bold=True)
ws["A3"] = datetime.date(2025, 6, 18)
ws["A3"].number_format = "yyyy-mm-dd"
ws["B3"] = 0.25
ws["B3"].number_format = "0%"
ws["C3"] = -1234.5
ws["C3"].number_format = '#,##0.00;[Red]-#,##0.00'
ws["D3"] = "Gold"
ws["D3"].fill = PatternFill(fill_type="solid", start_color="FF00B050", end_color="FF00B050")
ws["D3"].alignment = Alignment(horizontal="right", wrap_text=True)
ws["E3"] = "Striped"
ws["E3"].fill = PatternFill(fill_type="darkGrid", start_color="FFFF0000")
ws.column_dimensions["A"].width = 12
ws.column_dimensions["D"].width = 30
wb.save(sys.argv[1])
`,
      file,
    ],
    { stdio: 'pipe' },
  );
  const bytes = new Uint8Array(fs.readFileSync(file));

  it('reads the 1904 flag and shows the date as written', async () => {
    const { layout, block } = await readAll(bytes, 'openpyxl.xlsx', 'Tier Mix');
    // The file stores 1904-system serials (1,462 days smaller); the host hands date cells over as 1900-system
    // serials, as to every reader of the port, so the grid formats them as 1900 dates.
    expect(layout.date1904).toBe(false);
    expect(block.values[2]![0]).toBe(45826);
    expect(shown(layout, block, 'A3').text).toBe('2025-06-18');
  });

  it('reads formats, fill, bold, alignment, widths and merges', async () => {
    const { layout, block } = await readAll(bytes, 'openpyxl.xlsx', 'Tier Mix');
    expect(layout.merges).toEqual([{ firstRow: 1, lastRow: 2, firstCol: 0, lastCol: 2 }]);
    expect(new Map(layout.widths).get(0)).toBe(12);
    expect(new Map(layout.widths).get(3)).toBe(30);
    expect(shown(layout, block, 'A1')).toMatchObject({ text: 'Tier mix — enterprise customers', look: { bold: true } });
    expect(shown(layout, block, 'B3').text).toBe('25%');
    expect(shown(layout, block, 'C3').text).toBe('-1,234.50');
    expect(cellText(-1234.5, shown(layout, block, 'C3').look, 'en-US', false).color).toBe('red');
    expect(shown(layout, block, 'D3').look).toMatchObject({ fill: '#00B050', align: 'right', wrap: true });
    // Only solid fills are drawn: a pattern is not a background colour.
    expect(shown(layout, block, 'E3').look.fill).toBeNull();
  });
});

describe('grid windows', () => {
  it('hold the values the port reads, at the top and deep in a large sheet, read in any order', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('客户');
      ws.addRow(['编号', '名称', '金额']);
      for (let i = 1; i <= 3000; i++) ws.addRow([i, `客户${i}`, i * 1.5]);
      ws.getColumn(3).numFmt = '#,##0.00';
    });
    const book = FileWorkbook.open(bytes, 'big.xlsx');
    const all = (await book.readSheet('客户')).values;
    for (const [first, last] of [
      [2801, 3001],
      [1, 200],
      [1201, 1400],
      [2999, 3050],
    ] as const) {
      const block = await book.grid.block('客户', first, last);
      expect(block.values).toEqual(all.slice(first - 1, Math.min(last, all.length)));
      expect(block.looks.length).toBe(block.values.length * 3);
    }
    const layout = await book.grid.layout('客户');
    const deep = await book.grid.block('客户', 2001, 2001);
    expect(cellText(deep.values[0]![2], layout.looks[deep.looks[2]!]!, 'en-US', false).text).toBe('3,000.00');
  });

  it('a CSV shows its values, and what was written into it with its formats', async () => {
    const book = FileWorkbook.open(new TextEncoder().encode('编号,金额\n1,100\n2,200\n'), 'c.csv');
    const sheet = (await book.listSheets())[0]!.name;
    const before = await book.grid.block(sheet, 1, 10);
    expect(before.values).toEqual([
      ['编号', '金额'],
      ['1', '100'],
      ['2', '200'],
    ]);
    await book.writeColumns({ sheet, headerRow: 1, firstRow: 2, columns: [{ col: 2, header: '占比', values: [0.25, 0.75], numberFormat: '0.0%', fills: ['#FFC000', null] }] });
    const layout = await book.grid.layout(sheet);
    const after = await book.grid.block(sheet, 1, 10);
    expect(shown(layout, after, 'C2')).toMatchObject({ text: '25.0%', look: { fill: '#FFC000' } });
    expect(shown(layout, after, 'C1').look.bold).toBe(true);
    expect(book.takeWritten()).toEqual([{ kind: 'columns', sheet, row: 1, cols: [2] }]);
    expect(book.takeWritten()).toEqual([]);
  });
});
