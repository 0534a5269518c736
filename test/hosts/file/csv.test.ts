import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvSheetName, decodeCsv, parseCsv, readCsv } from '../../../src/hosts/file/csv.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** UTF-16 code units as bytes (BMP and surrogate pairs alike). */
const utf16 = (s: string, littleEndian: boolean): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2 + (littleEndian ? 0 : 1)] = c & 0xff;
    out[i * 2 + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
};

// What Excel on a Chinese Windows saves as "CSV (逗号分隔)": GB18030/GBK, CRLF. Bytes made with
// `printf '客户编号,客户名称,金额\r\n00123,张三,"1,200"\r\nC002,李四 😀,€5\r\n' | iconv -f utf-8 -t gb18030`
// (客 = BF CD, 户 = BB A7, 张 = D5 C5; 😀 is a four-byte GB18030 sequence 94 39 FC 36, € = A2 E3).
const GB18030_TABLE = new Uint8Array([
  0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbd, 0xf0,
  0xb6, 0xee, 0x0d, 0x0a, 0x30, 0x30, 0x31, 0x32, 0x33, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x22, 0x31, 0x2c, 0x32, 0x30,
  0x30, 0x22, 0x0d, 0x0a, 0x43, 0x30, 0x30, 0x32, 0x2c, 0xc0, 0xee, 0xcb, 0xc4, 0x20, 0x94, 0x39, 0xfc, 0x36, 0x2c, 0xa2,
  0xe3, 0x35, 0x0d, 0x0a,
]);
const TABLE_ROWS = [
  ['客户编号', '客户名称', '金额'],
  ['00123', '张三', '1,200'],
  ['C002', '李四 😀', '€5'],
];

describe('decodeCsv', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const { text, encoding } = decodeCsv(concat([0xef, 0xbb, 0xbf], utf8('客户,金额\n')));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('客户,金额\n');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(utf8('客户,金额\n张三,1200\n'))).toEqual({ text: '客户,金额\n张三,1200\n', encoding: 'utf-8' });
  });

  it('reads GB18030 (what Chinese Excel writes) when the bytes are not UTF-8', () => {
    const { text, encoding } = decodeCsv(GB18030_TABLE);
    expect(encoding).toBe('gb18030');
    expect(text).toBe('客户编号,客户名称,金额\r\n00123,张三,"1,200"\r\nC002,李四 😀,€5\r\n');
  });

  it('two-byte GBK alone: 客户 is BF CD BB A7', () => {
    expect(decodeCsv(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7]))).toEqual({ text: '客户', encoding: 'gb18030' });
  });

  it('reads UTF-16 LE and BE with a BOM (Excel "Unicode text")', () => {
    const s = '客户\t金额\r\n张三\t1200\r\n';
    expect(decodeCsv(concat([0xff, 0xfe], utf16(s, true)))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeCsv(concat([0xfe, 0xff], utf16(s, false)))).toEqual({ text: s, encoding: 'utf-16be' });
  });

  it('an empty file is empty UTF-8', () => {
    expect(decodeCsv(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('parseCsv', () => {
  it('splits a plain comma-separated table, ignoring the trailing line break', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual({ rows: [['a', 'b', 'c'], ['1', '2', '3']], delimiter: ',' });
  });

  it('handles CRLF, LF and CR line endings', () => {
    expect(parseCsv('a,b\r\n1,2\r\n').rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2\r').rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const text = 'id,name,note\r\n1,"Smith, John","says ""hi"""\r\n2,"two\r\nlines","a\nb"\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Smith, John', 'says "hi"'],
      ['2', 'two\nlines', 'a\nb'], // a CRLF inside quotes becomes the LF of an Excel cell
    ]);
  });

  it('keeps empty fields, including leading, trailing and quoted empty ones', () => {
    expect(parseCsv('a,,c\n,b,\n"",,""\n').rows).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
      ['', '', ''],
    ]);
    expect(parseCsv('a,b,').rows).toEqual([['a', 'b', '']]);
  });

  it('keeps an empty line in the middle (row numbers match Excel) but drops trailing ones', () => {
    expect(parseCsv('a\n\nb\n\n\n').rows).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('\r\n').rows).toEqual([]);
  });

  it('detects tab-separated text, where commas are data', () => {
    const r = parseCsv('客户\t金额\n张三\t1,200\n李四\t"3,4"\n');
    expect(r.delimiter).toBe('\t');
    expect(r.rows).toEqual([['客户', '金额'], ['张三', '1,200'], ['李四', '3,4']]);
  });

  it('detects semicolons (European Excel), even with decimal commas in the data', () => {
    const r = parseCsv('Kunde;Umsatz;Rabatt\nA;1,5;0,25\nB;2;1,125\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows[1]).toEqual(['A', '1,5', '0,25']);
  });

  it('ignores delimiters inside quotes when detecting', () => {
    expect(parseCsv('"a;b;c;d",x\n"e;f;g",y\n').delimiter).toBe(',');
  });

  it('a single column is comma-separated', () => {
    expect(parseCsv('id\n1\n2\n')).toEqual({ rows: [['id'], ['1'], ['2']], delimiter: ',' });
  });

  it("honours Excel's sep= line and drops it", () => {
    expect(parseCsv('sep=;\r\na;b,c\r\n1;2,5\r\n')).toEqual({ rows: [['a', 'b,c'], ['1', '2,5']], delimiter: ';' });
  });

  it('is lenient like Excel: stray quotes, text after a closing quote, an unterminated quote', () => {
    expect(parseCsv('a,5" pipe,c\n').rows).toEqual([['a', '5" pipe', 'c']]);
    expect(parseCsv('"ab"cd,e\n').rows).toEqual([['abcd', 'e']]);
    expect(parseCsv('x,"open\nstill open').rows).toEqual([['x', 'open\nstill open']]);
  });

  it('drops a BOM left in the text', () => {
    expect(parseCsv('\uFEFFid,name\n1,a').rows[0]).toEqual(['id', 'name']);
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '\t', '"', '\n', '客', '😀'), maxLength: 6 });
    const row = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom<',' | '\t' | ';'>(',', '\t', ';'), fc.boolean(), (rows, delimiter, crlf) => {
        const text = rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(delimiter)).join(crlf ? '\r\n' : '\n');
        expect(parseCsv(text, { delimiter }).rows).toEqual(rows);
      }),
    );
  });

  it('splits 100,000 lines of 8 fields quickly', () => {
    const line = '536365,85123A,"WHITE HANGING HEART, T-LIGHT",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n';
    const text = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' + line.repeat(100_000);
    const t = performance.now();
    const { rows } = parseCsv(text);
    const ms = performance.now() - t;
    expect(rows).toHaveLength(100_001);
    expect(rows[100_000]).toEqual(['536365', '85123A', 'WHITE HANGING HEART, T-LIGHT', '6', '2010-12-01 08:26:00', '2.55', '17850.0', 'United Kingdom']);
    expect(ms).toBeLessThan(5_000); // ~0.2 s here; the bound only catches a quadratic scanner
  });
});

describe('readCsv', () => {
  it('hands over text as text (ids keep their zeros), empty fields as null, rows padded to the widest', () => {
    const sheet = readCsv(utf8('id,amount,note\n00123,1200,\n0042,"1,200.50"\n,,\n7\n'), { fileName: 'C:\\data\\订单 2025.csv' });
    expect(sheet.sheetName).toBe('订单 2025');
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.delimiter).toBe(',');
    expect(sheet.values).toEqual([
      ['id', 'amount', 'note'],
      ['00123', '1200', null],
      ['0042', '1,200.50', null],
      [null, null, null],
      ['7', null, null],
    ]);
  });

  it('reads a GB18030 file end to end', () => {
    const sheet = readCsv(GB18030_TABLE);
    expect(sheet.encoding).toBe('gb18030');
    expect(sheet.values).toEqual(TABLE_ROWS);
    expect(sheet.sheetName).toBe('Sheet1');
  });

  it('reads a UTF-8 BOM tab-separated file with CRLF', () => {
    const sheet = readCsv(concat([0xef, 0xbb, 0xbf], utf8('客户\t金额\r\n张三\t\r\n')));
    expect(sheet).toEqual({ sheetName: 'Sheet1', values: [['客户', '金额'], ['张三', null]], encoding: 'utf-8', bom: true, delimiter: '\t', warnings: [] });
  });

  it('names the sheet as Excel does: base name, no forbidden characters, at most 31 characters', () => {
    expect(csvSheetName('/tmp/a[1].csv')).toBe('a_1_');
    expect(csvSheetName('x'.repeat(40) + '.csv')).toBe('x'.repeat(31));
    expect(csvSheetName(undefined)).toBe('Sheet1');
  });
});
