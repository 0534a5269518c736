// A rewrite of an ASCII sheet copies its unchanged ranges from the part's bytes (ByteSink.orig), not by
// encoding the decoded text again: textAndAsciiBytes gives those bytes even after the sheet was read from
// them (readable), which is how every run reads a sheet before writing its output columns.
import { describe, expect, it } from 'vitest';
import { OpcPackage } from '../../../../src/hosts/file/xlsx/package.ts';
import { excelStyleWorkbook } from './fixtures.ts';

describe('textAndAsciiBytes', () => {
  it('gives the bytes of an ASCII sheet read first through readable(), and null once the text is all that is left', () => {
    const pkg = OpcPackage.open(excelStyleWorkbook());
    const part = 'xl/worksheets/sheet1.xml';
    const read = pkg.readable(part);
    expect(read).toBeInstanceOf(Uint8Array);
    const { text, ascii } = pkg.textAndAsciiBytes(part);
    expect(ascii).not.toBeNull();
    expect(new TextDecoder().decode(ascii!)).toBe(text);
    // The text is kept, the bytes are not: a later rewrite encodes (as before) rather than keep both.
    expect(pkg.textAndAsciiBytes(part).ascii).toBeNull();
  });

  it('gives no bytes for a sheet whose text is not ASCII (string offsets would not be byte offsets)', () => {
    const pkg = OpcPackage.open(excelStyleWorkbook());
    const part = 'xl/worksheets/sheet1.xml';
    pkg.setText(part, pkg.text(part).replace('</sheetData>', '</sheetData><!-- 中文 -->'));
    expect(pkg.textAndAsciiBytes(part).ascii).toBeNull();
  });
});
