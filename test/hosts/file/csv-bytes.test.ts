// The CSV byte reader (csv-bytes.ts) against the text reader (readCsv): the same cells, encodings,
// delimiters and warnings on the same bytes, and the same orders aggregate — figures and messages — when
// its coded columns replace the grid of strings. On real data: csv-bytes-online-retail.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateOrders, detectHeaderRow, orderColumns, periodWindow, type CellValue, type OrderColumns } from '../../../src/core/index.ts';
import { CsvBytes, readCsvColumns } from '../../../src/hosts/file/csv-bytes.ts';
import { encodeText } from '../../../src/hosts/file/csv-encoding.ts';
import { validUtf8 } from '../../../src/hosts/file/csv-utf8.ts';
import { readCsv, type CsvSheet } from '../../../src/hosts/file/csv.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const withBom = (b: Uint8Array): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]);
const gb18030 = (s: string): Uint8Array => {
  const e = encodeText(s, 'gb18030', false);
  if (!('bytes' in e)) throw new Error(`not in GB18030: ${e.missing.join('')}`);
  return e.bytes;
};
const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};

/** readCsv's result, or the message it throws. */
function viaText(bytes: Uint8Array): CsvSheet | string {
  try {
    return readCsv(bytes, { fileName: 'orders.csv' });
  } catch (e) {
    return (e as Error).message;
  }
}
function viaBytes(bytes: Uint8Array): CsvSheet | string {
  try {
    return new CsvBytes(bytes, { fileName: 'orders.csv' }).sheet();
  } catch (e) {
    return (e as Error).message;
  }
}

/** Every column of the byte reader's coded form, as a grid again (rows from `firstRow`, `width` columns). */
function decoded(bytes: Uint8Array, width: number, firstRow: number): CellValue[][] {
  const cols = Array.from({ length: width }, (_, c) => c);
  const coded = readCsvColumns(bytes, cols, { firstRow });
  return Array.from({ length: coded.rows }, (_, r) =>
    cols.map((c) => {
      const col = coded.columns.get(c)!;
      const code = col.codes[r]!;
      return code < 0 ? null : col.values[code]!;
    }),
  );
}

const CASES: [string, Uint8Array][] = [
  ['quotes with embedded LF, CRLF and CR', utf8('id,note\r\n1,"line one\nline two"\r\n2,"a\r\nb"\r\n3,"x\ry"\r\n')],
  ['doubled quotes, quoted delimiters, text after the closing quote', utf8('a,b,c\n"say ""hi""","1,200","q"tail\nx"y,"",z\n')],
  ['CRLF, LF and CR line endings mixed', utf8('a,b\r\n1,2\n3,4\r5,6')],
  ['UTF-8 BOM', withBom(utf8('客户编号,金额\n00123,"¥1,200"\n'))],
  ['a second BOM after the first (decoder and parser each drop one)', withBom(withBom(withBom(utf8('a,b\n1,2\n'))))],
  ['GBK / GB18030 from Chinese Excel', gb18030('客户编号,客户名称,金额\r\n00123,张三,"1,200"\r\nC002,李四,¥1.2万\r\n')],
  ['UTF-16 LE with BOM, tab-separated', utf16le('客户\t金额\r\nA\t待定\r\n')],
  ['ragged rows, empty lines in the middle, trailing empty lines', utf8('a,b,c\n1\n\n2,3,4,5\n,\n\n\n')],
  ['a last empty field at the very end', utf8('a,b,\n1,2,')],
  ['semicolons with decimal commas', utf8('id;amount\n1;1,5\n2;2,25\n')],
  ["Excel's sep= line", utf8('sep=;\r\na;b\r\n1;2\r\n')],
  ['unterminated quote', utf8('a,b\n1,"open\n2,3\n')],
  ['quoted empty field alone on the last lines', utf8('a\n1\n""\n\n')],
  ['U+FEFF at the start of a field, not of the file (text, not a BOM)', utf8('a,b\n\uFEFFx,y\n1,\uFEFF2\n\uFEFF,"\uFEFFq"\n')],
  ['U+FEFF starting a field after a BOM', withBom(utf8('a,b\n\uFEFF客户,\uFEFF' + 'long text '.repeat(5) + '\n'))],
  ['empty file', new Uint8Array(0)],
  ['only a BOM', withBom(new Uint8Array(0))],
  ['not text: NUL bytes', Uint8Array.from([0x61, 0x00, 0x62, 0x2c, 0x00, 0x0a, 0x63])],
  ['invalid bytes in no encoding we read', Uint8Array.from([0x61, 0x2c, 0xff, 0xfe, 0xfd, 0x0a, 0x80, 0x81])],
];

describe('CsvBytes reads what readCsv reads', () => {
  it.each(CASES)('%s', (_name, bytes) => {
    const text = viaText(bytes);
    expect(viaBytes(bytes)).toEqual(text);
    if (typeof text === 'string' || text.values.length === 0) return;
    // Coded columns, back as a grid: the same cells from the second row on.
    expect(decoded(bytes, text.values[0]!.length, 2)).toEqual(text.values.slice(1));
  });

  it('any text of quotes, delimiters, line breaks, spaces and CJK (fuzz)', () => {
    const char = fc.constantFrom('a', '1', ',', ';', '\t', '"', '\r', '\n', ' ', '客', 'é', '😀', '-', '.', '\uFEFF');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), fc.boolean(), (chars, bom) => {
        const bytes = utf8(chars.join(''));
        const input = bom ? withBom(bytes) : bytes;
        const text = viaText(input);
        expect(viaBytes(input)).toEqual(text);
        if (typeof text !== 'string' && text.values.length > 0) expect(decoded(input, text.values[0]!.length, 1)).toEqual(text.values);
      }),
      { numRuns: 600 },
    );
  });

  it('some columns only: the rest of each line skipped, quotes and line ends as in the full read (fuzz)', () => {
    const char = fc.constantFrom('a', '1', ',', ',', '"', '\r', '\n', '\r\n', ' ', '客', '\uFEFF');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 80 }), fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 }), (chars, cols, firstRow) => {
        const input = utf8(chars.join(''));
        const text = viaText(input);
        expect(typeof text).not.toBe('string');
        const want = (text as CsvSheet).values.slice(firstRow - 1);
        const coded = readCsvColumns(input, cols, { firstRow });
        expect(coded.rows).toBe(want.length);
        expect(coded.warnings).toEqual((text as CsvSheet).warnings);
        for (const c of cols) {
          const col = coded.columns.get(c)!;
          expect(Array.from(col.codes, (k) => (k < 0 ? null : col.values[k]!))).toEqual(want.map((r) => r[c] ?? null));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("the outline: readCsv's rows, width and last row and column holding anything (fuzz)", () => {
    const char = fc.constantFrom('a', '', ',', ',', '"', '""', '\r', '\n', '\r\n', ' ', '客', '\uFEFF');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const input = utf8(chars.join(''));
        const text = viaText(input) as CsvSheet;
        let lastRow = 0;
        let lastCol = -1;
        text.values.forEach((r, i) =>
          r.forEach((v, c) => {
            if (v === null) return;
            lastRow = i + 1;
            lastCol = Math.max(lastCol, c);
          }),
        );
        const line = text.warnings.length ? { unterminatedQuoteLine: Number(/\d+/.exec(text.warnings[0]!['en-US'])![0]) } : {};
        expect(new CsvBytes(input).outline()).toEqual({ rows: text.values.length, width: text.values[0]?.length ?? 0, lastRow, lastCol, ...line });
      }),
      { numRuns: 1500 },
    );
  });

  it('any GB18030 text (fuzz)', () => {
    const char = fc.constantFrom('a', ',', '"', '\r\n', '\n', '客', '户', '张', '¥', '万', '待定', ' ');
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 40 }), (chars) => {
        const input = gb18030(chars.join('') + '编号');
        expect(viaBytes(input)).toEqual(viaText(input));
      }),
      { numRuns: 500 },
    );
  });

  it('validUtf8 agrees with the strict TextDecoder on any bytes, at any offset (fuzz)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const ok = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xbf, 0xa0, 0x90, 0x8f));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (bytes, offset) => {
        const b = new Uint8Array(offset + bytes.length).subarray(offset);
        b.set(bytes);
        expect(validUtf8(b)).toBe(ok(b));
      }),
      { numRuns: 5000 },
    );
    expect(validUtf8(utf8('a'.repeat(37) + '客户😀' + 'b'.repeat(41)))).toBe(true);
    expect(validUtf8(Uint8Array.from([...utf8('a'.repeat(40)), 0xed, 0xa0, 0x80]))).toBe(false); // a surrogate
  });

  it('reports the encoding, BOM and delimiter it found, as readCsv does', () => {
    for (const [, bytes] of CASES.slice(3, 11)) {
      const a = readCsv(bytes);
      const b = readCsvColumns(bytes, [0]);
      expect([b.encoding, b.bom, b.delimiter]).toEqual([a.encoding, a.bom, a.delimiter]);
    }
  });
});

describe('orders aggregated from the coded columns equal orders from the grid', () => {
  /** The header on row 1, its columns found by the mapping, unless given. */
  const orders = (bytes: Uint8Array, given?: OrderColumns, window = periodWindow('2025')) => {
    const grid = readCsv(bytes, { fileName: 'orders.csv' });
    const header = given ? { row: 1, index: 0, headers: [] } : detectHeaderRow(grid.values, 1)!;
    const cols: OrderColumns = given ?? orderColumns(header.headers)!;
    const picked = Object.values(cols).filter((c): c is number => typeof c === 'number');
    const coded = new CsvBytes(bytes, { fileName: 'orders.csv' }).columns(picked, header.row + 1);
    const opts = { sheet: grid.sheetName };
    return {
      fromGrid: aggregateOrders(grid.values.slice(header.index + 1), header.row + 1, cols, window, opts),
      fromBytes: aggregateOrders(coded, coded.firstRow, cols, window, opts),
    };
  };

  it('bad cells give the same messages, naming the sheet and cell; garbage is never 0', () => {
    const csv = [
      '订单号,客户编号,下单日期,数量,单价',
      'SO1,C001,2025-01-05,2,"¥1.2万"', // a readable amount with a unit
      'SO1,C001,2025-01-05,1,待定', // unreadable: the row is skipped, C001 incomplete
      'SO2,"C002",2025/02/01,3,100',
      'SO3,C002,明天,1,50', // unreadable date
      'SO4,#N/A,2025-03-01,1,10', // an Excel error as the id
      ',,,,', // a blank line inside the data
      'SO5,,2025-03-02,1,10', // a row without a customer
      'C6,C003,2025-04-01,-1,100', // a cancellation
      'SO7,C003,2024-12-31,1,100', // outside the window
      'SO8,C003,2025-05-01,,100', // blank quantity
    ].join('\r\n');
    const { fromGrid, fromBytes } = orders(gb18030(csv));
    expect(fromBytes).toEqual(fromGrid);
    expect(fromGrid.issues.map((i) => [i.cell, i.code])).toEqual([
      ['E3', 'not-a-number'],
      ['C5', 'not-a-date'],
      ['B6', 'excel-error'],
      ['D11', 'blank'],
    ]);
    expect(fromGrid.issues[0]!.sheet).toBe('orders');
    expect(fromGrid.issues[0]!.message['zh-CN']).toContain('单价');
    expect(fromGrid.incomplete).not.toBeNull();
    expect(fromGrid.spend[0]).toBe(24_000); // 2 × 12,000; the 待定 row is not counted as 0 × 1
  });

  it('any orders sheet of ids, dates and numbers, readable or not (fuzz)', () => {
    const id = fc.constantFrom('C001', 'C002', '"C001"', ' C003 ', '', '#N/A', '00123', '123.0');
    const inv = fc.constantFrom('1001', '1001', 'C1002', '1003', '', '"1003"');
    const date = fc.constantFrom('2025-01-05', '2025-01-05 08:26:00', '2024-12-31', '2025/13/01', '', '明天', '45678');
    const num = fc.constantFrom('1', '2.55', '-3', '0', '¥1.2万', '待定', '', '"1,200"', '1e3', ' 7 ');
    const row = fc.tuple(inv, id, date, num, num).map((f) => f.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const cols = { orderId: 0, customerId: 1, date: 2, quantity: 3, unitPrice: 4 };
        const { fromGrid, fromBytes } = orders(utf8(['InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice', ...rows].join(eol)), cols);
        expect(fromBytes).toEqual(fromGrid);
      }),
      { numRuns: 300 },
    );
  });
});
