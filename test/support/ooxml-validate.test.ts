// The OOXML validator the fuzz suite relies on: Markup Compatibility stripped as ECMA-376 Part 3 says, and
// jing finding a malformed part while passing what Excel-compatible writers produce.
import ExcelJS from 'exceljs';
import { zipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ooxmlValidationUnavailable, schemaParts, stripMarkupCompatibility, validateParts } from './ooxml-validate.ts';

const unavailable = ooxmlValidationUnavailable;
if (unavailable) console.warn(unavailable);

describe('stripMarkupCompatibility', () => {
  it('drops what mc:Ignorable lists and takes the Fallback of AlternateContent', () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:q="urn:q" mc:Ignorable="x14ac q"><sheetData><row r="1" x14ac:dyDescent="0.25"><q:extra><c/></q:extra><c r="A1"><v>1</v></c></row></sheetData><mc:AlternateContent><mc:Choice Requires="x14"><x14ac:a/></mc:Choice><mc:Fallback><legacyDrawing/></mc:Fallback></mc:AlternateContent></worksheet>`;
    const out = stripMarkupCompatibility(xml);
    expect(out).not.toMatch(/dyDescent|Ignorable|q:extra|AlternateContent|Choice|x14ac:a/);
    expect(out).toContain('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(out).toContain('<legacyDrawing/>');
  });

  it('resolves prefixes by scope, not by spelling', () => {
    const xml = `<a xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:n="urn:keep" mc:Ignorable="z"><b xmlns:z="urn:keep" n:k="1"/></a>`;
    // "z" is not declared where mc:Ignorable names it, so nothing is ignorable: urn:keep stays.
    expect(stripMarkupCompatibility(xml)).toContain('n:k="1"');
  });

  it('throws on XML that is not well-formed', () => {
    expect(() => stripMarkupCompatibility('<a><b></a>')).toThrow();
  });
});

describe('validatePackage (jing, ECMA-376 Transitional)', () => {
  const book = async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.getCell('A1').value = '客户编号';
    ws.getCell('B2').value = { formula: 'A1', result: 1 } as ExcelJS.CellFormulaValue;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };

  it('finds every part with a schema, the OPC parts included', async () => {
    const parts = schemaParts(unzipSync(await book())).map((p) => p.part);
    expect(parts).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']));
  });

  it('passes a workbook exceljs writes and names the part and error of a broken one', async () => {
    const good = await book();
    const entries = unzipSync(good);
    entries['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(new TextDecoder().decode(entries['xl/worksheets/sheet1.xml']).replace('<sheetData>', '<sheetData><bogus/>'));
    entries['xl/workbook.xml'] = new TextEncoder().encode(new TextDecoder().decode(entries['xl/workbook.xml']).replace('r:id=', 'q:id='));
    const bad = zipSync(entries);
    // Both packages in one batch: one jing run per schema.
    const items = [
      ...schemaParts(unzipSync(good)).map((p) => ({ key: `good:${p.part}`, schema: p.schema, xml: p.xml })),
      ...schemaParts(unzipSync(bad)).map((p) => ({ key: `bad:${p.part}`, schema: p.schema, xml: p.xml })),
    ];
    const result = unavailable ? 'skipped' : [...(await validateParts(items)).keys()].sort();
    expect(result).toEqual(unavailable ? 'skipped' : ['bad:xl/workbook.xml', 'bad:xl/worksheets/sheet1.xml']);
  }, 120_000);
});
