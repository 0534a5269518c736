import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellValue, ColumnsPatch } from '../../../../src/port/workbook.ts';
import { XlsxWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { excelStyleWorkbook, exceljsCustomers, libreOfficeCopy } from './fixtures.ts';
import {
  ExcelJS,
  SOFFICE,
  cellModels,
  changedEntries,
  libreCsv,
  loadExcelJs,
  tempDir,
  text,
  writeFile,
  zipEntries,
} from './helpers.ts';

interface Kind {
  kind: string;
  bytes: Uint8Array;
  sheet: string;
  sheetPart: string;
  headerRow: number;
  firstRow: number;
  /** Data rows in the original (values run two rows further, creating rows). */
  dataRows: number;
  cols: [number, number, number];
}

const TRICKY = ['金卡', '=SUM(A1:A3)', '+86 138', '@x', '-5%', null, 'line\nbreak', '  pad', '_x0041_ & <b>', 'last'];

function patchFor(k: Kind, round: 1 | 2): ColumnsPatch {
  const n = k.dataRows + 2;
  const tiers: CellValue[] = TRICKY.slice(0, n).map((v) => (round === 1 || v === null ? v : `${v}·2`));
  const scores: CellValue[] = Array.from({ length: n }, (_, i) => (i === 1 ? null : (i + 1) * 10.25 * round));
  const reasons: CellValue[] = Array.from({ length: n }, (_, i) => (i % 2 ? true : `reason ${round}-${i}`));
  return {
    sheet: k.sheet,
    headerRow: k.headerRow,
    firstRow: k.firstRow,
    columns: [
      { col: k.cols[0], header: '客户等级', values: tiers, fills: tiers.map((_, i) => (i % 3 === 0 ? '#FFD700' : null)), width: 14 },
      { col: k.cols[1], header: 'Score', values: scores, numberFormat: '¥#,##0.0', width: 10.5 },
      { col: k.cols[2], header: 'Reason', values: reasons, wrap: true },
    ],
  };
}

/** Sheet addresses (e.g. "H4") a patch writes. */
function writtenAddresses(patch: ColumnsPatch): Set<string> {
  const out = new Set<string>();
  for (const c of patch.columns) {
    const letter = String.fromCharCode(65 + c.col);
    out.add(`${letter}${patch.headerRow}`);
    c.values.forEach((_, i) => out.add(`${letter}${patch.firstRow + i}`));
  }
  return out;
}

const kinds: Kind[] = [
  {
    kind: 'excel',
    bytes: excelStyleWorkbook(),
    sheet: 'Data',
    sheetPart: 'xl/worksheets/sheet1.xml',
    headerRow: 3,
    firstRow: 4,
    dataRows: 8,
    cols: [7, 8, 9],
  },
  {
    kind: 'exceljs',
    bytes: await exceljsCustomers(),
    sheet: '客户 List',
    sheetPart: 'xl/worksheets/sheet1.xml',
    headerRow: 2,
    firstRow: 3,
    dataRows: 4,
    cols: [5, 6, 7],
  },
];
if (SOFFICE) {
  kinds.push({ ...kinds[1]!, kind: 'libreoffice', bytes: await libreOfficeCopy(kinds[1]!.bytes, 'customers-lo-w') });
}

interface Patched {
  k: Kind;
  once: Uint8Array;
  twice: Uint8Array;
}

const patched: Patched[] = kinds.map((k) => {
  const wb = XlsxWorkbook.open(k.bytes);
  wb.writeColumns(patchFor(k, 1));
  const once = wb.save();
  const again = XlsxWorkbook.open(once);
  again.writeColumns(patchFor(k, 2));
  return { k, once, twice: again.save() };
});

describe.each(patched)('writeColumns into a $k.kind-written workbook', ({ k, once, twice }) => {
  const patch1 = patchFor(k, 1);
  const patch2 = patchFor(k, 2);

  it('reads back our values, and every other cell exactly as before (our reader)', () => {
    const before = XlsxWorkbook.open(k.bytes);
    for (const [bytes, patch] of [
      [once, patch1],
      [twice, patch2],
    ] as const) {
      const after = XlsxWorkbook.open(bytes);
      const got = after.readSheet(k.sheet).values;
      const orig = before.readSheet(k.sheet).values;
      for (const c of patch.columns) {
        expect(got[patch.headerRow - 1]![c.col]).toBe(c.header);
        c.values.forEach((v, i) => expect(got[patch.firstRow + i - 1]![c.col]).toEqual(v));
      }
      const written = writtenAddresses(patch);
      orig.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!written.has(`${String.fromCharCode(65 + c)}${r + 1}`)) expect(got[r]![c]).toEqual(v);
        }),
      );
      for (const s of before.listSheets()) {
        if (s.name !== k.sheet) expect(after.readSheet(s.name)).toEqual(before.readSheet(s.name));
      }
    }
  });

  it('leaves every original cell value and formula unchanged (exceljs model of every sheet)', async () => {
    const before = cellModels(await loadExcelJs(k.bytes));
    for (const [bytes, patch] of [
      [once, patch1],
      [twice, patch2],
    ] as const) {
      const after = cellModels(await loadExcelJs(bytes));
      expect([...after.keys()]).toEqual([...before.keys()]);
      const written = writtenAddresses(patch);
      for (const [sheet, cells] of before) {
        const now = after.get(sheet)!;
        for (const [addr, model] of cells) {
          if (sheet === k.sheet && written.has(addr)) continue;
          expect({ addr, ...now.get(addr) }).toEqual({ addr, ...model });
        }
        for (const addr of now.keys()) {
          if (!(sheet === k.sheet && written.has(addr))) expect(cells.has(addr), `${sheet}!${addr} appeared`).toBe(true);
        }
      }
    }
  });

  it('stores every string as text, never as a formula, with our styles (exceljs)', async () => {
    const wb = await loadExcelJs(once);
    const ws = wb.getWorksheet(k.sheet)!;
    const tierCol = k.cols[0] + 1;
    const formulaLike = ws.getCell(k.firstRow + 1, tierCol);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.value).toBe('=SUM(A1:A3)');
    expect(formulaLike.formula).toBeFalsy();
    expect(ws.getCell(k.firstRow + 2, tierCol).value).toBe('+86 138');
    expect(ws.getCell(k.headerRow, tierCol).value).toBe('客户等级');
    expect(ws.getCell(k.headerRow, tierCol).font?.bold).toBe(true);
    expect((ws.getCell(k.firstRow, tierCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFD700');
    expect(ws.getCell(k.firstRow, k.cols[1] + 1).numFmt).toBe('¥#,##0.0');
    expect(ws.getCell(k.firstRow, k.cols[2] + 1).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(tierCol).width).toBe(14);
    expect(ws.getColumn(k.cols[1] + 1).width).toBe(10.5);
  });

  it('changes only the sheet, styles.xml and workbook.xml; every other entry is byte-identical', () => {
    expect(changedEntries(k.bytes, once)).toEqual(['xl/styles.xml', 'xl/workbook.xml', k.sheetPart].sort());
    // The second run reuses the styles the first one appended.
    expect(changedEntries(once, twice)).toEqual([k.sheetPart]);
  });

  it('keeps existing style indexes: the original lists are a prefix of the new ones', () => {
    const before = text(zipEntries(k.bytes)['xl/styles.xml']);
    const after = text(zipEntries(once)['xl/styles.xml']);
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'cellStyleXfs', 'dxfs']) {
      const a = new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(before)?.[1];
      const b = new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(after)?.[1];
      if (a !== undefined) expect(b?.startsWith(a), list).toBe(true);
    }
  });

  it('leaves exactly one set of output cells after a second patch', () => {
    const xml = text(zipEntries(twice)[k.sheetPart]);
    for (const addr of writtenAddresses(patch2)) {
      const hits = xml.match(new RegExp(`<c r="${addr}"[ >/]`, 'g')) ?? [];
      expect(hits.length, addr).toBeLessThanOrEqual(1);
    }
    const header = XlsxWorkbook.open(twice).readSheet(k.sheet).values[k.headerRow - 1]!;
    expect(header.filter((v) => v === '客户等级')).toHaveLength(1);
    // Rows stay sorted and cells sorted by column inside each row.
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    for (const m of xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)) {
      const cols = [...m[1]!.matchAll(/<c r="([A-Z]+)\d+"/g)].map((c) => c[1]!.length * 100 + c[1]!.charCodeAt(c[1]!.length - 1));
      expect(cols).toEqual([...cols].sort((a, b) => a - b));
    }
  });
});

describe('writeColumns details', () => {
  it('splits a <col> range to set one width and keeps the other columns and hidden flags', async () => {
    const wb = XlsxWorkbook.open(excelStyleWorkbook());
    wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 7, header: 'H', values: [], width: 20 }] });
    const out = wb.save();
    const xml = text(zipEntries(out)['xl/worksheets/sheet1.xml']);
    const cols = /<cols>(.*?)<\/cols>/.exec(xml)?.[1];
    expect(cols).toBe(
      '<col min="1" max="1" width="14.7109375" customWidth="1"/><col min="3" max="3" width="0" hidden="1" customWidth="1"/>' +
        '<col min="4" max="7" width="11.5" style="1" customWidth="1"/><col min="8" max="8" width="20" style="1" customWidth="1"/>' +
        '<col min="9" max="9" width="11.5" style="1" customWidth="1"/>',
    );
    const ws = (await loadExcelJs(out)).getWorksheet('Data')!;
    expect([4, 5, 6, 7, 8, 9].map((c) => ws.getColumn(c).width)).toEqual([11.5, 11.5, 11.5, 11.5, 20, 11.5]);
    expect(ws.getColumn(3).hidden).toBe(true);
  });

  it('creates missing rows in order, keeps the bytes of cells without r= (nothing written before them) and updates <dimension>', () => {
    const wb = XlsxWorkbook.open(excelStyleWorkbook({ withoutRefs: true }));
    expect(wb.readSheet('Data').values[9]!.slice(0, 3)).toEqual([1, 2, 'Wang']);
    wb.writeColumns({ sheet: 'Data', headerRow: 2, firstRow: 10, columns: [{ col: 3, header: 'New', values: ['x', null, null, 'y'] }] });
    const xml = text(zipEntries(wb.save())['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<row r="2"><c r="D2" s="');
    expect(xml).toContain('<row r="10"><c><v>1</v></c><c><v>2</v></c><c t="s"><v>13</v></c><c r="D10" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(xml).toMatch(/<row r="11" spans="1:7" hidden="1">.*<\/row><row r="13"><c r="D13" t="inlineStr"><is><t>y<\/t><\/is><\/c><\/row><\/sheetData>/);
    expect(xml).toContain('<dimension ref="A1:G13"/>');
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
  });

  it('gives a cell without r= its reference when a write before it would move it', () => {
    const wb = XlsxWorkbook.open(excelStyleWorkbook({ withoutRefs: true }));
    wb.writeColumns({ sheet: 'Data', headerRow: 2, firstRow: 10, columns: [{ col: 1, header: 'New', values: ['x'] }] });
    const xml = text(zipEntries(wb.save())['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<row r="10"><c><v>1</v></c><c r="B10" t="inlineStr"><is><t>x</t></is></c><c r="C10" t="s"><v>13</v></c></row>');
    expect(XlsxWorkbook.open(wb.save()).readSheet('Data').values[9]!.slice(0, 3)).toEqual([1, 'x', 'Wang']);
  });

  it('clears cells with null (removing the <c>) and keeps the row attributes', () => {
    const wb = XlsxWorkbook.open(excelStyleWorkbook());
    wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 5, header: 'Note', values: [null, null] }] });
    const out = XlsxWorkbook.open(wb.save());
    const v = out.readSheet('Data').values;
    expect(v[3]![5]).toBeNull();
    expect(v[4]![5]).toBeNull();
    expect(v[5]![5]).toBe('Rich text!');
  });

  it('turns the dependents of an overwritten shared-formula master into their own formulas and drops calcChain', async () => {
    const orig = excelStyleWorkbook();
    const wb = XlsxWorkbook.open(orig);
    wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 3, header: 'Total', values: ['n/a', 'n/a'] }] });
    const out = wb.save();
    const entries = zipEntries(out);
    expect(entries['xl/calcChain.xml']).toBeUndefined();
    expect(text(entries['[Content_Types].xml'])).not.toContain('calcChain');
    expect(text(entries['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');
    const xml = text(entries['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<c r="D6" s="1"><f>B6*C6</f><v>0</v></c>');
    expect(xml).toContain('<c r="D7"><f>B7*C7</f><v>-29</v></c>');
    const ws = (await loadExcelJs(out)).getWorksheet('Data')!;
    expect(ws.getCell('D6').formula).toBe('B6*C6');
    expect(ws.getCell('D7').formula).toBe('B7*C7');
    expect(ws.getCell('D4').value).toBe('n/a');
  });

  it('rejects bad arguments with XlsxError', () => {
    const wb = XlsxWorkbook.open(excelStyleWorkbook());
    expect(() => wb.writeColumns({ sheet: 'Data', headerRow: 0, firstRow: 4, columns: [] })).toThrow(/header row/);
    expect(() =>
      wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 7, header: 'a', values: [1], fills: ['red'] }] }),
    ).toThrow(/colour/);
    expect(() => wb.writeColumns({ sheet: 'Data', headerRow: 5, firstRow: 4, columns: [{ col: 7, header: 'a', values: [1, 2] }] })).toThrow(
      /header row 5/,
    );
    expect(() =>
      wb.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 7, header: 'a', values: [] }, { col: 7, header: 'b', values: [] }] }),
    ).toThrow(/twice/);
    // Nothing was written by the rejected patches.
    expect(changedEntries(excelStyleWorkbook(), wb.save())).toEqual([]);
    expect(() => wb.writeColumns({ sheet: 'Nope', headerRow: 3, firstRow: 4, columns: [] })).toThrow(/Nope/);
  });
});

describe.skipIf(!SOFFICE)('LibreOffice reads the patched workbooks', () => {
  it('shows our values as literal text and every other cell as before', { timeout: 240_000 }, () => {
    const dir = tempDir('lo-write');
    const files = patched.flatMap(({ k, once, twice }) => [
      writeFile(dir, `${k.kind}-orig.xlsx`, k.bytes),
      writeFile(dir, `${k.kind}-once.xlsx`, once),
      writeFile(dir, `${k.kind}-twice.xlsx`, twice),
    ]);
    const csv = libreCsv(files);
    for (const { k } of patched) {
      const orig = csv.get(path.join(dir, `${k.kind}-orig.xlsx`))!;
      expect(orig.size, `${k.kind}: sheets exported`).toBeGreaterThan(0);
      for (const [round, patch] of [
        ['once', patchFor(k, 1)],
        ['twice', patchFor(k, 2)],
      ] as const) {
        const got = csv.get(path.join(dir, `${k.kind}-${round}.xlsx`))!;
        expect([...got.keys()]).toEqual([...orig.keys()]);
        for (const [sheet, rows] of orig) {
          const now = got.get(sheet)!;
          if (sheet !== k.sheet) {
            expect(now).toEqual(rows);
            continue;
          }
          const written = writtenAddresses(patch);
          const height = Math.max(rows.length, now.length);
          for (let r = 0; r < height; r++) {
            const width = Math.max(rows[r]?.length ?? 0, now[r]?.length ?? 0);
            for (let c = 0; c < width; c++) {
              const addr = `${String.fromCharCode(65 + c)}${r + 1}`;
              if (written.has(addr)) continue;
              expect(`${addr}=${now[r]?.[c] ?? ''}`).toBe(`${addr}=${rows[r]?.[c] ?? ''}`);
            }
          }
          for (const col of patch.columns) {
            expect(now[patch.headerRow - 1]![col.col]).toBe(col.header);
            col.values.forEach((v, i) => {
              const shown = now[patch.firstRow - 1 + i]?.[col.col] ?? '';
              if (typeof v === 'string') expect(shown).toBe(v);
              if (v === null) expect(shown).toBe('');
              if (typeof v === 'boolean') expect(shown).toBe(v ? 'TRUE' : 'FALSE');
              if (typeof v === 'number') expect(Number(shown)).toBeCloseTo(v, 6);
            });
          }
        }
      }
    }
  });
});

