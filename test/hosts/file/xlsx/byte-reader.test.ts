// Issue 16: sheet values are read from the inflated bytes (sheet-bytes.ts). They must be exactly what the text
// scanner reads from the decoded part — values, extent and every error — on the files producers write, on
// every shape a cell can take, and on damaged sheets (random damage, compared both ways).
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../src/port/workbook.ts';
import { dateStyleFlags } from '../../../../src/hosts/file/xlsx/date-styles.ts';
import { parseSharedStrings } from '../../../../src/hosts/file/xlsx/shared-strings.ts';
import { GridReader, readSheetLayout } from '../../../../src/hosts/file/xlsx/grid-reader.ts';
import { readValuesFromBytes } from '../../../../src/hosts/file/xlsx/sheet-bytes-read.ts';
import { readValues, type Extent } from '../../../../src/hosts/file/xlsx/sheet-reader.ts';
import type { ValueContext } from '../../../../src/hosts/file/xlsx/sheet-scan.ts';
import { decodePart } from '../../../../src/hosts/file/xlsx/xml.ts';
import { hasSoffice } from '../../../support/libreoffice.ts';
import { openpyxlBook } from '../../../support/openpyxl.ts';
import { excelStyleWorkbook, exceljsCustomers, libreOfficeCopy } from './fixtures.ts';

const MAX = 1_048_576;
const enc = new TextEncoder();

type Outcome = { values: CellValue[][]; extent: Extent | null } | { error: string };

function outcome(read: (extent: Extent | undefined) => CellValue[][], withExtent: boolean): Outcome {
  const extent = withExtent ? { lastRow: 0, lastCol: -1 } : undefined;
  try {
    return { values: read(extent), extent: extent ?? null };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

/** What the text scanner reads from the decoded part, and what the byte reader reads from its bytes. */
function both(bytes: Uint8Array, ctx: ValueContext, firstRow = 1, lastRow = MAX, withExtent = true) {
  const text = outcome((x) => readValues(decodePart(bytes), ctx, firstRow, lastRow, x), withExtent);
  const viaBytes = outcome((x) => readValues(bytes, ctx, firstRow, lastRow, x), withExtent);
  // Whether the walk read the sheet itself (null: it handed the sheet to the text scanner).
  const walked = outcome((x) => readValuesFromBytes(bytes, ctx, firstRow, lastRow, x) ?? [], withExtent);
  const fast = readValuesFromBytes(bytes, ctx, firstRow, lastRow, withExtent ? { lastRow: 0, lastCol: -1 } : undefined) !== null;
  return { text, viaBytes, walked, fast };
}

const SST = ['客户', 'Acme & Co', 'tab\there', ' lead', 'Ünïcödé'];
const plain: ValueContext = { sharedStrings: () => SST, dateStyles1904: null };
// Styles 1 and 3 show dates.
const mac: ValueContext = { sharedStrings: () => SST, dateStyles1904: Uint8Array.from([0, 1, 0, 1]) };

function sheet(rows: string, p = '', head = ''): string {
  const ns = p ? `xmlns:${p.slice(0, -1)}` : 'xmlns';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
}

/** Every cell shape we know of, one per cell, in rows of varied form. */
function shapes(p = ''): string {
  const c = (attrs: string, body?: string) => (body === undefined ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${body}</${p}c>`);
  const v = (x: string) => `<${p}v>${x}</${p}v>`;
  const is = (x: string) => `<${p}is>${x}</${p}is>`;
  const t = (x: string, attrs = '') => `<${p}t${attrs}>${x}</${p}t>`;
  const row = (attrs: string, cells: string[]) => `<${p}row${attrs}>${cells.join('')}</${p}row>`;
  return [
    row(' r="1" spans="1:9"', [
      c(' r="A1" t="s"', v('0')),
      c(' r="B1" t="s"', v('1')),
      c(' r="C1" t="inlineStr"', is(t('plain'))),
      c(' r="D1" t="inlineStr"', is(t('甲公司 ¥1,250,000'))),
      c(' r="E1" t="inlineStr"', is(t('  padded ', ' xml:space="preserve"'))),
      c(' r="F1" t="inlineStr"', is(t('a &amp; b &lt;c&gt; &#x4E2D;&#25991;'))),
      c(' r="G1" t="inlineStr"', is(t('line_x000D_break and _x005F_x0041_'))),
      c(' r="H1" t="inlineStr"', is(`<${p}r>${t('Very ', ' xml:space="preserve"')}</${p}r><${p}r><${p}rPr><${p}b/></${p}rPr>${t('good')}</${p}r>`)),
      c(' r="I1" t="inlineStr"', is(`${t('漢字')}<${p}rPh sb="0" eb="1">${t('かんじ')}</${p}rPh>`)),
    ]),
    row(' r="2"', [
      c(' r="A2"', v('42')),
      c(' r="B2"', v('-7.25')),
      c(' r="C2" s="1"', v('45306')),
      c(' r="D2" s="3"', v('45306.5')),
      c(' r="E2"', v('1.5E-3')),
      c(' r="F2"', v('123456789012345678')),
      c(' r="G2" t="n"', v('0.1')),
      c(' r="H2"', v('')),
      c(' r="I2"', v('not a number &amp; text')),
      c(' r="J2"', v(' 12 ')),
      c(' r="K2"', v('-0')),
      c(' r="L2"', v('007.50')),
      // Decimals the digits alone would not round the same way (3 × 0.1 is not 0.3).
      c(' r="M2"', v('0.3')),
      c(' r="N2"', v('1234.56')),
      c(' r="O2"', v('-0.07')),
      c(' r="P2"', v('999999999999.999')),
    ]),
    row(' r="3"', [
      c(' r="A3" t="b"', v('1')),
      c(' r="B3" t="b"', v('0')),
      c(' r="C3" t="b"', v('true')),
      c(' r="D3" t="e"', v('#N/A')),
      c(' r="E3" t="d"', v('2024-01-15T00:00:00')),
      c(' r="F3" t="d"', v('not a date')),
      c(' r="G3" t="str"', `<${p}f>A1&amp;"!"</${p}f>${v('Rich &amp; text!')}`),
      c(' r="H3"', `<${p}f t="shared" ref="H3:H4" si="0">B2*2</${p}f>${v('-14.5')}`),
      c(' r="I3"', `<${p}f t="shared" si="0"/>${v('3')}`),
      c(' r="J3"', `<${p}f>NOW()</${p}f>`),
      c(' r="K3" t="s"', v('')),
      c(' r="L3" t="s"', v('99')),
      c(' r="M3" t="s"', v('1.0')),
      c(' r="N3" t="weird"', v('x&amp;y')),
      c(' r="O3" t=""', v('empty t')),
    ]),
    row(' r="4"', [
      c(' r="A4" s="2"'),
      c(' r="B4"', ''),
      c(' r="C4"', `<${p}v/>`),
      c(' r="D4" t="s"', `<${p}v/>`),
      c(' r="E4" t="inlineStr"', `<${p}is/>`),
      c(' r="F4" t="inlineStr"', is(`<${p}t/>`)),
      c(' r="G4" t="inlineStr"', v('inline without is')),
      c(' r="H4"', is(t('is without inlineStr'))),
      c(' r="I4" t="inlineStr"', `<${p}f>"x"</${p}f>${v('formula str')}`),
    ]),
    // Rows and cells without references, lowercase and absolute references, other attribute quoting.
    row('', [c('', v('1')), c('', v('2')), c(' r="$E$5"', v('5')), c('', v('6')), c(' r="h5"', v('8'))]),
    row(" r = '7' spans='1:3'", [c(" t='s' r='A7'", v('4')), c(' s = "1"  r = "B7"', v('45000')), c('\tr="C7"\nt="inlineStr"', is(t('tabbed')))]),
    row(' r="8"/', []).replace(`></${p}row>`, '>'),
    row(' r="9" ht="20"', [c(' s="0" r="A9" t="s"', v('2')), c(' r="B9" s="1" foo="x t=&quot;s&quot;"', v('3'))]),
    // A name inside another attribute's value counts, as the text scanner finds it.
    row(' r="10"', [c(" foo='a t=\"s\"' r=\"A10\"", v('4')), c(' r="B10" x:s="1"', v('45000'))]),
    row(' r="11"', [c(' r="A11" t="inlineStr"', is(t('\uFEFF leading BOM char'))), c(' r="B11"', v('1e400'))]),
    '\n  ',
    row(' r="12"', [' ', c(' r="C12"', v('12')), '\n', c(' r="D12" s="3"', v('2'))]),
  ].join('');
}

describe('the byte reader reads exactly what the text scanner reads', () => {
  it('every cell shape, with and without a namespace prefix, 1900 and 1904 dates, whole and in blocks', () => {
    for (const p of ['', 'x:']) {
      for (const ctx of [plain, mac]) {
        const bytes = enc.encode(sheet(shapes(p), p, `<${p}dimension ref="A1:O12"/>`));
        for (const [first, last, ext] of [[1, MAX, true], [1, MAX, false], [2, 4, false], [3, 3, true], [1, 0, true], [6, 9, false], [13, 20, true]] as const) {
          const r = both(bytes, ctx, first, last, ext);
          expect(r.fast, `${p} ${first}-${last}`).toBe(true);
          expect(r.walked).toEqual(r.text);
          expect(r.viaBytes).toEqual(r.text);
        }
      }
    }
    // The values themselves, for the record (a few that a wrong walk would change).
    const r = both(enc.encode(sheet(shapes())), plain);
    expect('values' in r.text).toBe(true);
    const values = (r.text as { values: CellValue[][] }).values;
    expect(values[0]!.slice(0, 9)).toEqual(['客户', 'Acme & Co', 'plain', '甲公司 ¥1,250,000', '  padded ', 'a & b <c> 中文', 'line\rbreak and _x0041_', 'Very good', '漢字']);
    expect(values[1]!.slice(0, 16)).toEqual([42, -7.25, 45306, 45306.5, 0.0015, 123456789012345680, 0.1, null, 'not a number & text', 12, -0, 7.5, 0.3, 1234.56, -0.07, 999999999999.999]);
    expect(values[10]!.slice(0, 2)).toEqual(['\uFEFF leading BOM char', Infinity]);
  });

  it('reads 1904 date styles as 1900-system serials', () => {
    const r = both(enc.encode(sheet(shapes())), mac);
    const values = (r.viaBytes as { values: CellValue[][] }).values;
    // C2 (style 1) and D2 (style 3) show dates; A2 has no style.
    expect(values[1]!.slice(0, 4)).toEqual([42, -7.25, 45306 + 1462, 45306.5 + 1462]);
  });

  it('hands damaged and unusual sheets to the text scanner, which names what is wrong', () => {
    const cases = [
      '<row r="1"><c r="A1"><v>1</v></c></rwo><row r="2"><c r="A2"><v>2</v></c></row>',
      '<row r="1"><c r="A1"><v>1</v></c>',
      '<row r="0"><c r="A1"><v>1</v></c></row>',
      '<row r="x"><c r="A1"><v>1</v></c></row>',
      '<row r="1048577"><c r="A1"><v>1</v></c></row>',
      '<row r="1"><c r="1A"><v>1</v></c></row>',
      '<row r="1"><c r="AAAA1"><v>1</v></c></row>',
      '<row r="1"><c r="A1"><v>1</v></row>',
      '<row r="1"><c r="A1"><is><t>a</t></is></row><row r="2"><c r="A2"><v>2</v></c></row>',
      '<!-- a comment --><row r="1"><c r="A1"><v>1</v></c></row>',
      '<row r="1"><c r="A1"><v>1</v></c><!-- x --><c r="B1"><v>2</v></c></row>',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&#x110000;</t></is></c></row>',
      '<row r="1"><c r="A1"><v>1</v></c></row>junk<row r="2"><c r="A2"><v>2</v></c></row>',
      '<row r="1"><c r="A1"><extLst><row r="5"/></extLst><v>1</v></c></row>',
      '<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
      '<row r="1048576"><c r="A1"><v>1</v></c></row><row><c r="A1"><v>1</v></c></row>',
    ];
    for (const rows of cases) {
      for (const [first, last, ext] of [[1, MAX, true], [2, 2, false]] as const) {
        const r = both(enc.encode(sheet(rows)), plain, first, last, ext);
        expect(r.viaBytes, rows).toEqual(r.text);
      }
    }
    // The errors are the text scanner's own: sheet, row and cell named as before.
    const bad = both(enc.encode(sheet(cases[0]!)), plain);
    expect(bad.viaBytes).toEqual({ error: expect.stringContaining('row 1 is not closed') });
    expect(both(enc.encode(sheet(cases[5]!)), plain).viaBytes).toEqual({ error: expect.stringContaining('bad cell reference "1A"') });
  });

  it('reads a UTF-16 part, bytes that are not UTF-8, and a sheet without rows as the text scanner does', () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>中文</t></is></c><c r="B1"><v>2</v></c></row>');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16.set([xml.charCodeAt(i) & 0xff, xml.charCodeAt(i) >> 8], 2 + i * 2);
    const r16 = both(utf16, plain);
    expect(r16.viaBytes).toEqual(r16.text);
    expect(r16.viaBytes).toEqual({ values: [['中文', 2]], extent: { lastRow: 1, lastCol: 1 } });
    // Invalid UTF-8 inside a text and right before a tag: U+FFFD where the whole-part decoder puts it.
    const [before, after] = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>abMARK</t></is></c><c r="B1" t="inlineStr"><is><t>\u00e9</t></is></c></row>').split('MARK');
    const broken = new Uint8Array([...enc.encode(before), 0xe4, 0xb8, ...enc.encode(after)]);
    const rb = both(broken, plain);
    expect(rb.fast).toBe(true);
    expect(rb.walked).toEqual(rb.text);
    for (const rows of ['', '<row r="1"/>', '<row r="3" spans="1:1"></row>']) {
      const r = both(enc.encode(sheet(rows)), plain);
      expect(r.viaBytes).toEqual(r.text);
    }
    const selfClosing = enc.encode(sheet('').replace('<sheetData></sheetData>', '<sheetData/>'));
    expect(both(selfClosing, plain).viaBytes).toEqual(both(selfClosing, plain).text);
  });

  it('agrees with the text scanner on thousands of randomly damaged sheets', () => {
    let seed = 16;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const tokens = ['<', '>', '/', '"', "'", ' ', '=', 'r="3"', 't="s"', 's="1"', '</row>', '<row>', '<row r="2">', '</c>', '<c>', '<v>', '</v>', '&amp;', '&#xD800;', '_x000D_', 'x:', '\n', '中', '9', '.', '-', '<f/>', '<is><t>z</t></is>', '</sheetData>'];
    const bases = [sheet(shapes()), sheet(shapes('x:'), 'x:')];
    let compared = 0;
    let fast = 0;
    for (let n = 0; n < 1500; n++) {
      let xml = bases[n % 2]!;
      const edits = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < edits; e++) {
        // Damage inside <sheetData>, where the walk reads.
        const from = xml.indexOf('sheetData>') + 10;
        const at = from + Math.floor(rnd() * (xml.lastIndexOf('</') - from));
        const op = rnd();
        if (op < 0.35) xml = xml.slice(0, at) + xml.slice(at + 1 + Math.floor(rnd() * 4));
        else if (op < 0.8) xml = xml.slice(0, at) + tokens[Math.floor(rnd() * tokens.length)]! + xml.slice(at);
        else {
          const len = Math.floor(rnd() * 40);
          xml = xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at);
        }
      }
      const bytes = enc.encode(xml);
      const first = rnd() < 0.7 ? 1 : 1 + Math.floor(rnd() * 6);
      const last = rnd() < 0.7 ? MAX : first + Math.floor(rnd() * 5);
      const r = both(bytes, n % 3 === 0 ? mac : plain, first, last, rnd() < 0.6);
      expect(r.viaBytes, xml).toEqual(r.text);
      if (r.fast) {
        expect(r.walked, xml).toEqual(r.text);
        fast++;
      }
      compared++;
    }
    expect(compared).toBe(1500);
    // Most damage still leaves a sheet the walk reads itself: the comparison covers the walk, not only the hand-over.
    expect(fast).toBeGreaterThan(300);
  });
});

/** The grid's windows and layout read from the bytes and from the text, window after window (marks reused). */
function compareGrid(bytes: Uint8Array, ctx: ValueContext, windows: [number, number, number][]): void {
  const fromBytes = new GridReader();
  const fromText = new GridReader();
  const text = decodePart(bytes);
  expect(readSheetLayout(bytes)).toEqual(readSheetLayout(text));
  for (const [first, last, width] of windows) {
    const grab = (read: () => unknown) => {
      try {
        return read();
      } catch (e) {
        return { error: String(e) };
      }
    };
    expect(grab(() => fromBytes.block(bytes, ctx, first, last, width)), `${first}-${last}×${width}`).toEqual(grab(() => fromText.block(text, ctx, first, last, width)));
  }
}

describe('the grid reads windows from the bytes as from the text', () => {
  it('every cell shape, formats, windows narrower than the rows, and damaged sheets', () => {
    const merges = '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>';
    for (const p of ['', 'x:']) {
      const xml = sheet(shapes(p), p, `<${p}cols><${p}col min="2" max="3" width="20" customWidth="1"/></${p}cols>`).replace(`</${p}worksheet>`, merges.replace(/<(\/?)m/g, `<$1${p}m`) + `</${p}worksheet>`);
      compareGrid(enc.encode(xml), mac, [[1, 12, 16], [3, 5, 4], [1, 2, 1], [9, 12, 20], [2, 2, 0]]);
    }
    expect(readSheetLayout(enc.encode(sheet('', '', '<cols><col min="2" max="2" width="20" customWidth="1"/></cols>') + '')).widths).toEqual([[1, 20]]);
    compareGrid(enc.encode(sheet('<row r="1"><c r="A1"><v>1</v></c></rwo><row r="2"><c r="A2"><v>2</v></c></row>')), plain, [[1, 2, 2]]);
    compareGrid(enc.encode(sheet('<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1" s="7"><v>1</v></c><!-- x --></row>')), plain, [[1, 2, 2]]);
  });

  it('a long sheet read in windows out of order, from marks deep in it', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>C${i % 50}</t></is></c><c r="B${i + 1}" s="${i % 3}"><v>${i * 1.5}</v></c></row>`).join('');
    compareGrid(enc.encode(sheet(rows)), plain, [[2900, 3000, 2], [1, 50, 2], [1500, 1700, 1], [257, 600, 3], [2999, 3010, 2]]);
  });
});

/** Each worksheet of a package compared, with the package's own shared strings and date styles. */
function comparePackage(bytes: Uint8Array): number {
  const parts = unzipSync(bytes);
  const sstPart = Object.keys(parts).find((n) => /sharedStrings\.xml$/i.test(n));
  const sst = sstPart ? parseSharedStrings(decodePart(parts[sstPart]!)) : [];
  const stylesPart = Object.keys(parts).find((n) => /styles\.xml$/i.test(n));
  const dates = stylesPart ? dateStyleFlags(decodePart(parts[stylesPart]!), stylesPart) : new Uint8Array(0);
  let sheets = 0;
  for (const [name, data] of Object.entries(parts)) {
    if (!/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    for (const ctx of [{ sharedStrings: () => sst, dateStyles1904: null }, { sharedStrings: () => sst, dateStyles1904: dates }]) {
      const r = both(data, ctx);
      expect(r.fast, name).toBe(true);
      expect(r.walked, name).toEqual(r.text);
      expect(r.viaBytes, name).toEqual(r.text);
    }
    sheets++;
  }
  return sheets;
}

describe('the byte reader on files other producers wrote', () => {
  it('an Excel-style package (shared strings, shared formulas, rich text, errors), also without references', () => {
    expect(comparePackage(excelStyleWorkbook())).toBe(4);
    expect(comparePackage(excelStyleWorkbook({ withoutRefs: true, date1904: true }))).toBe(4);
  });

  it('exceljs and openpyxl workbooks', async () => {
    expect(comparePackage(await exceljsCustomers())).toBe(3);
    const py = openpyxlBook(
      [
        'ws = wb.active',
        "ws.title = '客户'",
        "ws.append(['客户编号', '客户名称', '年度消费金额', '首次合作', '备注'])",
        "ws.append(['C1', '甲 & 乙 <公司>', 1250000.75, datetime.date(2019, 5, 1), '=SUM(A1)'])",
        "ws.append(['C2', ' 前后空格 ', -3, datetime.datetime(2021, 1, 1, 12, 30), True])",
        "ws.append(['C3', 'line\\r\\nbreak', 0.1, None, '_x000D_'])",
        "ws['F2'] = '=C2*2'",
      ].join('\n'),
    );
    expect(comparePackage(py)).toBe(1);
  });

  it.runIf(hasSoffice)('the same workbook saved by LibreOffice', async () => {
    expect(comparePackage(await libreOfficeCopy(await exceljsCustomers(), 'customers'))).toBe(3);
  }, 120_000);
});
