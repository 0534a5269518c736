// The sheet XML the writer makes, pinned byte for byte (a hash): faster cell writing must not change one
// byte of a generated sheet — plain text, numbers of every shape, styled cells, text that needs escaping.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../src/port/workbook.ts';
import { createBook } from '../../../../src/hosts/file/xlsx/index.ts';

const TEXTS = ['', 'plain', 'WHITE HANGING HEART T-LIGHT HOLDER', ' lead', 'trail ', '金卡', '中文 text', '&<>"\'', 'a_b', 'x_x000D_y', 'tab\there', 'line\nbreak', '\r\n', '\u0001', '\uffff', '😀', '\ud800', '=SUM(A1)', '+86 138', '12/1/2010 8:26', 'C536379', '85123A', 'x'.repeat(300)];
const NUMBERS = [0, -0, 1, 7, 10, 99, 100, 12345, 536365, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e21, 1.5e300, -1, -80995, 2.55, 0.1 + 0.2, -3.39, 1e-7, 123.456, Number.MIN_VALUE, Number.MAX_VALUE, NaN, Infinity, -Infinity];

/** A row of every kind of cell, varied by row so that a chunk boundary (1 MB) falls in every place. */
function row(r: number): CellValue[] {
  return [
    TEXTS[r % TEXTS.length]!,
    NUMBERS[r % NUMBERS.length]!,
    r % 7 === 0 ? null : r,
    r % 5 === 0 ? r % 2 === 0 : (r * 1.01) / 3,
    `item ${r}`,
    r % 11 === 0 ? null : TEXTS[(r * 7) % TEXTS.length]!,
    r % 3 === 0 ? -r / 8 : String(r),
  ];
}

function sheetHash(bytes: Uint8Array, part: string): string {
  const xml = unzipSync(bytes)[part];
  expect(xml).toBeDefined();
  return `${xml!.length}:${createHash('sha256').update(xml!).digest('hex')}`;
}

describe('generated sheet XML (golden)', () => {
  it('a CSV turned workbook: every kind of cell, 40,000 rows across many chunks', () => {
    const values = [['Text', 'Number', 'Row', 'Mixed', 'Item', 'More', 'Either'], ...Array.from({ length: 40_000 }, (_, r) => row(r))];
    const bytes = createBook([{ name: 'orders', values }]).save();
    expect(sheetHash(bytes, 'xl/worksheets/sheet1.xml')).toBe('14378197:e553e134f140ec6fef9e573829e6047c1f91879cefe9c0b413623fc9e219ba3d');
  });

  it('rows appended with a styled header and number formats', () => {
    const book = createBook([{ name: 'orders', values: [['a', 'b'], [1, 'x']] }]);
    const rows = Array.from({ length: 3_000 }, (_, r) => row(r));
    book.appendRows('客户', ['Text', 'Number', 'Row', 'Mixed', 'Item', 'More', 'Either'], rows, undefined, undefined, [null, '0.00', null, '#,##0', null, null, '0%']);
    book.appendRows('客户', ['Text', 'Number', 'Row', 'Mixed', 'Item', 'More', 'Either'], rows.slice(0, 50));
    const bytes = book.save();
    expect(sheetHash(bytes, 'xl/worksheets/sheet2.xml')).toBe('1114355:920c78fccf928ad47b17a5c73aa70667511d235fcfec42a15f172fe5236cc7fa');
  });
});
