// The fast paths of the xlsx host against the plain versions they stand in for: cells written straight
// into bytes, string items read in place, bounded attribute lookups, and the Node zlib codec.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inflateSync, unzipSync } from 'fflate';
import type { CellValue } from '../../../../src/port/workbook.ts';
import { NODE_ZIP } from '../../../../src/hosts/file/node-zip.ts';
import { XlsxWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { cellPresent, cellXml, plainCellMarkup, writeCell } from '../../../../src/hosts/file/xlsx/cells.ts';
import { itemText, stringItemText } from '../../../../src/hosts/file/xlsx/shared-strings.ts';
import { ByteSink } from '../../../../src/hosts/file/xlsx/sink.ts';
import { attrValueStart, rawAttr } from '../../../../src/hosts/file/xlsx/xml.ts';
import { FFLATE } from '../../../../src/hosts/file/xlsx/zip.ts';
import { concat } from '../../../../src/hosts/file/xlsx/packed-part.ts';
import { excelStyleWorkbook } from './fixtures.ts';

const text = (chunks: Uint8Array[]) => new TextDecoder().decode(concat(chunks));

describe('writeCell', () => {
  const tricky = fc.constantFrom('', ' a', 'a ', '中文', 'x_x000D_y', '&<>"\'', '\r\n', '\t', '\u0001', '\uffff', '\u3000前', '😀', '\ud800');
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ unit: 'grapheme' }),
    fc.array(fc.oneof(tricky, fc.string()), { maxLength: 4 }).map((parts) => parts.join('')),
  );

  it('writes the bytes of cellXml(), for every kind of value, style and prefix', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 0, 1, 12, 345), fc.constantFrom('', 'x:'), fc.constantFrom('A', 'AB', 'XFD'), fc.integer({ min: 1, max: 1_048_576 }), (v, style, p, letters, row) => {
        const want = cellXml(`${letters}${row}`, v, style, p);
        expect(cellPresent(v, style)).toBe(want !== null);
        if (want === null) return;
        const sink = new ByteSink('', null);
        writeCell(sink, letters, row, v, style, p);
        expect(text(sink.finish())).toBe(new TextDecoder().decode(new TextEncoder().encode(want)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes every UTF-16 code unit as cellXml() does, alone, at either end of a text and in its middle', () => {
    // One sink for all: what a refused fast path left beyond its position must not show in what follows.
    const sink = new ByteSink('', null);
    let want = '';
    for (let u = 0; u < 0x10000; u++) {
      const ch = String.fromCharCode(u);
      for (const v of [ch, `${ch}中`, `中${ch}`, `a${ch}b`]) {
        writeCell(sink, 'B', u + 1, v, u % 3 === 0 ? 7 : undefined, '');
        want += cellXml(`B${u + 1}`, v, u % 3 === 0 ? 7 : undefined, '')!;
      }
    }
    // The encoder writes U+FFFD for a lone surrogate: compare UTF-8 with UTF-8.
    expect(Buffer.from(concat(sink.finish())).equals(Buffer.from(new TextEncoder().encode(want)))).toBe(true);
  });

  it('writes the same bytes through plainCells as cell by cell, Chinese, escaped and tricky text alike', () => {
    const m = plainCellMarkup('');
    const opens = ['A', 'B', 'C', 'D'].map((l) => new TextEncoder().encode(`<c r="${l}`));
    const cell = fc.oneof(fc.constant(null), fc.double(), fc.constantFrom('中文 ¥1,000 < ¥2,000', 'R&D', 'a_b', ' 前', '😀', '\ud800', '\u3000', 'x'.repeat(5000)), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 1_048_576 }), (values, row) => {
        const fast = new ByteSink('', null);
        for (let c = 0; c <= 3; c++) {
          c = fast.plainCells(values, c, 3, row, opens, m);
          if (c > 3) break;
          if (cellPresent(values[c]!, undefined)) writeCell(fast, 'ABCD'[c]!, row, values[c]!, undefined, '');
        }
        const slow = values.map((v, c) => cellXml(`${'ABCD'[c]}${row}`, v, undefined, '') ?? '').join('');
        expect(Buffer.from(concat(fast.finish())).equals(Buffer.from(new TextEncoder().encode(slow)))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('handles text longer than a chunk', () => {
    const sink = new ByteSink('', null);
    const long = '中'.repeat(600_000);
    writeCell(sink, 'A', 1, long, undefined, '');
    expect(text(sink.finish())).toBe(cellXml('A1', long, undefined, ''));
  });
});

describe('string items read in place', () => {
  it('give what stringItemText gives', () => {
    const bodies = [
      '<t>plain</t>',
      '<t xml:space="preserve"> padded </t>',
      '<t>a &amp; b_x000D_</t>',
      '<t/>',
      '',
      '<r><t>A</t></r><r><rPr><b/></rPr><t>B</t></r>',
      '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>',
      '<t>x</t><phoneticPr fontId="1"/>',
    ];
    for (const p of ['', 'x:']) {
      for (const b of bodies) {
        const body = b.replace(/<(\/?)(t|r|rPr|b|rPh|phoneticPr)([ />])/g, `<$1${p}$2$3`);
        const xml = `<si>${body}</si>`;
        expect(itemText(xml, 4, 4 + body.length, p), body).toBe(stringItemText(body, p));
      }
    }
  });
});

describe('bounded attribute lookups', () => {
  it('find attributes inside the range only', () => {
    const xml = '<c r="B2" s="3"><v>1</v></c><c r="C2" t="s"><v>0</v></c>';
    expect(attrValueStart(xml, 2, 15, 't')).toBe(-1); // the t= of the next cell is out of range
    expect(xml.slice(attrValueStart(xml, 2, 15, 's'), attrValueStart(xml, 2, 15, 's') + 1)).toBe('3');
    expect(rawAttr(' r="A1" t="inlineStr"', 't')).toBe('inlineStr');
    expect(rawAttr(' rt="1" r = "A1"', 'r')).toBe('A1');
    expect(rawAttr(" r='A1'", 'r')).toBe('A1');
    expect(rawAttr(' r="A1', 'r')).toBeUndefined();
  });
});

describe('NODE_ZIP', () => {
  const sample = (n: number) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = (i * 7 + (i >> 9)) % 61;
    return b;
  };

  // (toEqual on megabytes of bytes is far too slow.)
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

  it('deflates chunks of any size into one stream fflate inflates, with the same CRC', () => {
    for (const sizes of [[], [0], [1], [5, 0, 7], [300_000, 10, 10, 2_000_000], Array.from({ length: 40 }, (_, k) => 50_000 + k)]) {
      const chunks = sizes.map(sample);
      const all = concat(chunks.length ? chunks : [new Uint8Array(0)]);
      for (const level of [1, 6]) expect(same(inflateSync(concat(NODE_ZIP.deflate(chunks, level))), all)).toBe(true);
      expect(NODE_ZIP.crc32(chunks)).toBe(FFLATE.crc32(chunks));
      const raw = concat(FFLATE.deflate(chunks, 6));
      expect(same(NODE_ZIP.inflate(raw, all.length), all)).toBe(true);
    }
  });

  it('saves the same parts as the fflate codec', () => {
    const bytes = excelStyleWorkbook();
    const parts = (codec: typeof NODE_ZIP | undefined) => {
      const wb = XlsxWorkbook.open(bytes, { codec });
      wb.writeColumns({ sheet: wb.listSheets()[0]!.name, headerRow: 1, firstRow: 2, columns: [{ col: 9, header: '客户等级', values: ['A', null, 3] }] });
      return unzipSync(wb.save());
    };
    expect(parts(NODE_ZIP)).toEqual(parts(undefined));
  });
});
