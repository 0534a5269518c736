// The small pieces on their own: formula shifting, references, string escapes, <cols>, the zip container,
// namespace prefixes and a few workbook behaviours that need no LibreOffice.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { XlsxWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { setColumnWidths } from '../../../../src/hosts/file/xlsx/cols.ts';
import { shiftFormula } from '../../../../src/hosts/file/xlsx/formula.ts';
import { isoToSerial, parseRef, quoteSheetName } from '../../../../src/hosts/file/xlsx/refs.ts';
import { decodeOoxmlString, encodeOoxmlString, setAttr } from '../../../../src/hosts/file/xlsx/xml.ts';
import { readZip } from '../../../../src/hosts/file/xlsx/zip.ts';
import { EXPECTED_DATA, excelStyleParts, excelStyleWorkbook, zipParts } from './fixtures.ts';
import { excelJsBytes, loadExcelJs, text, zipEntries } from './helpers.ts';

describe('shiftFormula', () => {
  it('moves relative references and keeps absolute ones, strings, sheet names and functions', () => {
    expect(shiftFormula('B4*C4', 2, 0)).toBe('B6*C6');
    expect(shiftFormula('$B4*C$4+$D$1', 1, 1)).toBe('$B5*D$4+$D$1');
    expect(shiftFormula('SUM(A1:A3)&"A1"', 1, 0)).toBe('SUM(A2:A4)&"A1"');
    expect(shiftFormula("'My Sheet'!A1+Sheet2!B2+LOG10(C3)", 1, 0)).toBe("'My Sheet'!A2+Sheet2!B3+LOG10(C4)");
    expect(shiftFormula('SUM(A:A)+SUM(2:3)', 1, 1)).toBe('SUM(B:B)+SUM(3:4)');
    expect(shiftFormula('Table1[Spend]*A1', 1, 0)).toBe('Table1[Spend]*A2');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
    expect(shiftFormula('1.5*A1', 0, 0)).toBe('1.5*A1');
  });
});

describe('references and strings', () => {
  it('parses references', () => {
    expect(parseRef('A1')).toEqual({ row: 1, col: 0 });
    expect(parseRef('$XFD$1048576')).toEqual({ row: 1_048_576, col: 16_383 });
    expect(parseRef('AB')).toEqual({ row: 0, col: 27 });
    expect(parseRef('A1B')).toBeNull();
  });

  it('quotes sheet names in formulas only when needed', () => {
    expect(quoteSheetName('Data')).toBe('Data');
    expect(quoteSheetName('Tier Rules')).toBe("'Tier Rules'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('等级历史')).toBe("'等级历史'");
    expect(quoteSheetName('A1')).toBe("'A1'");
  });

  it('converts ISO dates to serials in both date systems', () => {
    expect(isoToSerial('2024-01-15T00:00:00', false)).toBe(45306);
    expect(isoToSerial('2024-01-15T12:00:00Z', false)).toBe(45306.5);
    expect(isoToSerial('1900-02-28', false)).toBe(59);
    expect(isoToSerial('1900-03-01', false)).toBe(61);
    expect(isoToSerial('2024-01-15', true)).toBe(45306 - 1462);
  });

  it('round-trips the _xHHHH_ escapes of string items', () => {
    for (const s of ['a\r\nb', 'x_x0041_y', 'bell\u0007', 'plain 中文']) expect(decodeOoxmlString(encodeOoxmlString(s))).toBe(s);
    expect(encodeOoxmlString('_x0041_')).toBe('_x005F_x0041_');
  });

  it('sets attributes without touching the others', () => {
    expect(setAttr(' r="1" spans="1:3" ht="20"', 'spans', '1:9')).toBe(' r="1" spans="1:9" ht="20"');
    expect(setAttr(" r='1'", 'r', '2')).toBe(" r='2'");
    expect(setAttr(' r="1"', 'hidden', '1')).toBe(' r="1" hidden="1"');
  });
});

describe('setColumnWidths', () => {
  const head = (cols: string): string => `<worksheet><dimension ref="A1"/>${cols}<sheetData/></worksheet>`;

  it('adds <cols> when missing, in column order', () => {
    expect(setColumnWidths(head(''), '', new Map([[3, 9], [1, 12.345]]))).toBe(
      head('<cols><col min="2" max="2" width="12.35" customWidth="1"/><col min="4" max="4" width="9" customWidth="1"/></cols>'),
    );
  });

  it('splits a LibreOffice-style wide range and keeps its attributes', () => {
    const lo = '<cols><col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="1025" min="1" style="0" width="11.52"/></cols>';
    expect(setColumnWidths(head(lo), '', new Map([[0, 20], [2, 8]]))).toBe(
      head(
        '<cols><col collapsed="false" customWidth="1" hidden="false" outlineLevel="0" max="1" min="1" style="0" width="20"/>' +
          '<col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="2" min="2" style="0" width="11.52"/>' +
          '<col collapsed="false" customWidth="1" hidden="false" outlineLevel="0" max="3" min="3" style="0" width="8"/>' +
          '<col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="1025" min="4" style="0" width="11.52"/></cols>',
      ),
    );
  });

  it('fills a self-closing <cols/>', () => {
    expect(setColumnWidths(head('<cols/>'), '', new Map([[0, 5]]))).toBe(head('<cols><col min="1" max="1" width="5" customWidth="1"/></cols>'));
  });
});

describe('the zip container', () => {
  it('writes unchanged entries with their original compressed bytes', () => {
    const original = excelStyleWorkbook();
    const wb = XlsxWorkbook.open(original);
    wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 7, header: 'T', values: ['x'] }] });
    const saved = wb.save();
    const before = new Map(readZip(original).map((e) => [e.name, e]));
    const changed = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml']);
    for (const e of readZip(saved)) {
      const b = before.get(e.name)!;
      if (changed.has(e.name)) continue;
      expect([e.crc, e.size, e.compressedSize], e.name).toEqual([b.crc, b.size, b.compressedSize]);
      expect(Buffer.from(e.raw!).equals(Buffer.from(b.raw!)), e.name).toBe(true);
    }
    // fflate (an independent reader) checks every CRC.
    expect(Object.keys(unzipSync(saved))).toHaveLength(before.size);
  });
});

describe('workbook behaviours', () => {
  it('reads what it just wrote, before saving', () => {
    const wb = XlsxWorkbook.open(excelStyleWorkbook());
    wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 7, header: 'Tier', values: ['金卡', null, 'x'] }] });
    expect(wb.listSheets()[0]).toEqual({ name: 'Data', lastRow: 11, lastCol: 7, visible: true });
    expect(wb.readSheet('Data', { firstRow: 3, lastRow: 6 }).values.map((r) => r[7])).toEqual(['Tier', '金卡', null, 'x']);
  });

  it('reads and patches sheets whose elements carry a namespace prefix', () => {
    const parts = excelStyleParts();
    parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml']!
      .replace(/<(\/?)(?!\?)([A-Za-z]+)([\s>/])/g, '<$1x:$2$3')
      .replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x=');
    const wb = XlsxWorkbook.open(zipParts(parts));
    expect(wb.readSheet('Data').values).toEqual(EXPECTED_DATA);
    wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 7, header: 'Tier', values: ['金卡'], width: 9 }] });
    const out = wb.save();
    const xml = text(zipEntries(out)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<x:c r="H4" t="inlineStr"><x:is><x:t>金卡</x:t></x:is></x:c></x:row>');
    expect(xml).toContain('<x:dimension ref="A1:H11"/>');
    const back = XlsxWorkbook.open(out).readSheet('Data').values;
    expect(back[3]![7]).toBe('金卡');
    expect(back.map((r) => r.slice(0, 7))).toEqual(EXPECTED_DATA);
  });

  it('renames an Excel table column when our header lands in its header row', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addTable({
        name: 'Customers',
        ref: 'A1',
        headerRow: true,
        columns: [{ name: 'Name' }, { name: 'Spend' }, { name: 'Tier' }],
        rows: [
          ['甲', 1, 'old'],
          ['乙', 2, 'old'],
        ],
      });
    });
    const wb = XlsxWorkbook.open(bytes);
    wb.writeColumns({ sheet: 'Data', headerRow: 1, firstRow: 2, columns: [{ col: 2, header: '客户等级', values: ['金卡', '银卡'] }] });
    const out = wb.save();
    const table = text(zipEntries(out)['xl/tables/table1.xml']);
    expect(table).toContain('<tableColumn id="3" name="客户等级"');
    expect(table).toContain('name="Spend"');
    const ws = (await loadExcelJs(out)).getWorksheet('Data')!;
    expect(ws.getCell('C1').value).toBe('客户等级');
    expect(ws.getCell('C3').value).toBe('银卡');
  });
});
