// Where <sheetData> ends: found from the end of the sheet (issue 16), the same place as a search from the start.
import { describe, expect, it } from 'vitest';
import { findSheetData, sheetTags } from '../../../../src/hosts/file/xlsx/sheet-scan.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const span = (xml: string) => findSheetData(xml, sheetTags(xml));

describe('findSheetData', () => {
  it('ends at the one </sheetData>, with and without a prefix', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>客户</t></is></c></row>';
    const xml = `<worksheet ${NS}><sheetData>${rows}</sheetData><pageMargins left="0.7"/></worksheet>`;
    const s = span(xml);
    expect(xml.slice(s.contentStart, s.contentEnd)).toBe(rows);
    expect(xml.slice(s.end)).toBe('<pageMargins left="0.7"/></worksheet>');
    const px = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows.replaceAll('<row', '<x:row').replaceAll('</row', '</x:row')}</x:sheetData></x:worksheet>`;
    expect(px.slice(span(px).end)).toBe('</x:worksheet>');
  });

  it('a comment after the rows that holds the closing tag does not move the end', () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"/></sheetData><!-- </sheetData> --></worksheet>`;
    const s = span(xml);
    expect(xml.slice(s.contentStart, s.contentEnd)).toBe('<row r="1"/>');
  });

  it('a self-closing sheetData is empty, and a sheet without its end is refused', () => {
    const empty = `<worksheet ${NS}><sheetData/></worksheet>`;
    expect(span(empty).selfClosing).toBe(true);
    expect(() => span(`<worksheet ${NS}><sheetData><row r="1"/></worksheet>`)).toThrow(/not closed/);
  });
});
