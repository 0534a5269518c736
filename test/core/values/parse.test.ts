import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseBoolean } from '../../../src/core/values/boolean.ts';
import { parseDate } from '../../../src/core/values/date.ts';
import { parseNumber } from '../../../src/core/values/number.ts';
import { foldFullWidth, isExcelError, type CellInput, type Parsed } from '../../../src/core/values/result.ts';
import { isoDateToSerial, serialToIsoDate } from '../../../src/core/values/serial-date.ts';
import type { IssueCode } from '../../../src/core/issues.ts';

/** Assert a failure: its code, and that both messages quote `mention` (by default the trimmed raw text). */
function expectFailure(r: Parsed<unknown>, code: IssueCode, mention: string): void {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(r.message['zh-CN']).toContain(mention);
  expect(r.message['en-US']).toContain(mention);
}

function valueOf<T>(r: Parsed<T>): T | null {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.ok ? r.value : null;
}

const EXCEL_ERRORS = [
  '#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
  '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
];

const BLANKS: CellInput[] = [null, undefined, '', '   ', '\u3000', '\t\n', ' \u3000 ', '\u200b'];

// ───────────────────────────── foldFullWidth / isExcelError ─────────────────────────────

describe('foldFullWidth', () => {
  it.each([
    ['１２，３４５', '12,345'],
    ['１２．５', '12.5'],
    ['ＡＢＣｘｙｚ！～', 'ABCxyz!~'],
    ['\u3000a\u3000', ' a '],
    ['１２。５', '12.5'],
    ['￥１００', '¥100'],
    ['（１）', '(1)'],
    ['－５', '-5'],
    ['５０％', '50%'],
    ['中文不变', '中文不变'],
  ])('%s → %s', (input, expected) => {
    expect(foldFullWidth(input)).toBe(expected);
  });

  it('returns the very same string when there is nothing to fold', () => {
    const s = 'plain ascii 12,345.6';
    expect(foldFullWidth(s)).toBe(s);
  });

  it('folds every full-width ASCII variant U+FF01–FF5E', () => {
    for (let c = 0xff01; c <= 0xff5e; c++) {
      expect(foldFullWidth(String.fromCharCode(c))).toBe(String.fromCharCode(c - 0xfee0));
    }
  });
});

describe('isExcelError', () => {
  it.each(EXCEL_ERRORS)('%s is an Excel error', (e) => {
    expect(isExcelError(e)).toBe(true);
  });
  it.each(['#n/a', ' #N/A ', '#div/0!'])('%s is one too (case and padding ignored)', (e) => {
    expect(isExcelError(e)).toBe(true);
  });
  it.each(['N/A', '#', '#hashtag', '#N/A!', 'n/a', '', '12'])('%s is not', (e) => {
    expect(isExcelError(e)).toBe(false);
  });
});

// ───────────────────────────── parseNumber ─────────────────────────────

describe('parseNumber', () => {
  describe('JS values', () => {
    it.each([0, 1, -1, 0.12, 1e21, -123.456, Number.MAX_VALUE, Number.MIN_VALUE])('passes %d through', (n) => {
      expect(valueOf(parseNumber(n))).toBe(n);
    });
    it('turns -0 into 0', () => {
      expect(Object.is(valueOf(parseNumber(-0)), 0)).toBe(true);
      expect(Object.is(valueOf(parseNumber('-0')), 0)).toBe(true);
      expect(Object.is(valueOf(parseNumber('(0)')), 0)).toBe(true);
    });
    it.each([
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
    ])('rejects %d', (n, raw) => {
      const r = parseNumber(n);
      expectFailure(r, 'not-a-number', raw);
      expect(!r.ok && r.raw).toBe(raw);
    });
    it.each([
      [true, 'TRUE'],
      [false, 'FALSE'],
    ])('rejects the boolean %s', (b, raw) => {
      expectFailure(parseNumber(b), 'not-a-number', raw);
    });
    it('rejects a Date (a date-formatted cell in a number column)', () => {
      expectFailure(parseNumber(new Date(Date.UTC(2025, 0, 1))), 'not-a-number', '2025-01-01');
      expectFailure(parseNumber(new Date(NaN)), 'not-a-number', 'Invalid Date');
    });
  });

  it.each(BLANKS)('blank %j → null', (input) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: null });
  });

  describe('accepted text', () => {
    it.each<[string, number]>([
      // plain
      ['0', 0],
      ['12', 12],
      ['-12', -12],
      ['+12', 12],
      ['12.5', 12.5],
      ['.5', 0.5],
      ['-.5', -0.5],
      ['5.', 5],
      ['007', 7],
      ['  42  ', 42],
      ['\t42\n', 42],
      ['\u00a042\u3000', 42],
      // full-width
      ['１２，３４５', 12345],
      ['１２．５', 12.5],
      ['１２３', 123],
      ['－１２', -12],
      ['１２。５', 12.5],
      // thousands separators
      ['1,234', 1234],
      ['12,345.50', 12345.5],
      ['1,234,567', 1234567],
      ['-1,234,567.891', -1234567.891],
      ['12 345', 12345],
      ['1 234 567.5', 1234567.5],
      ['1\u00a0234\u00a0567.5', 1234567.5],
      ['1\u202f234', 1234],
      ['1\u2009234', 1234],
      ['1\u3000234', 1234],
      // currency, prefix or suffix, optional space
      ['¥12,345.50', 12345.5],
      ['￥12,345', 12345],
      ['¥ 12,345', 12345],
      ['12,345元', 12345],
      ['12345 元', 12345],
      ['12,345.00元', 12345],
      ['RMB 5000', 5000],
      ['RMB5000', 5000],
      ['rmb 5000', 5000],
      ['CNY 5000', 5000],
      ['5000 CNY', 5000],
      ['5000人民币', 5000],
      ['$1,200', 1200],
      ['US$1,200', 1200],
      ['US$ 1,200', 1200],
      ['USD 1,200', 1200],
      ['1,200 USD', 1200],
      ['1200美元', 1200],
      ['HK$1,200', 1200],
      ['1200港币', 1200],
      ['1200港元', 1200],
      ['€1,200', 1200],
      ['€1.5', 1.5],
      ['€1234.567', 1234.567],
      ['1200欧元', 1200],
      ['£99', 99],
      ['100$', 100],
      // magnitudes
      ['1.2万', 12000],
      ['3亿', 300000000],
      ['5千', 5000],
      ['2百', 200],
      ['1.5万元', 15000],
      ['¥1.2万', 12000],
      ['3.5 万', 35000],
      ['3千万', 30000000],
      ['2百万', 2000000],
      ['1.5万亿', 1.5e12],
      ['5万美元', 50000],
      ['12k', 12000],
      ['1.5K', 1500],
      ['2M', 2000000],
      ['2m', 2000000],
      ['$2.5M', 2500000],
      ['3w', 30000],
      ['1.2W', 12000],
      ['1.1k', 1100], // exact: the decimal point is shifted, not multiplied (1.1 * 1000 = 1100.0000000000002)
      // percent: always divides, whatever the column
      ['12%', 0.12],
      ['12 %', 0.12],
      ['１２％', 0.12],
      ['7.3%', 0.073],
      ['-5%', -0.05],
      ['100%', 1],
      ['0.5%', 0.005],
      ['5‰', 0.005],
      ['(12%)', -0.12],
      // negatives
      ['-1,234', -1234],
      ['\u22121,234', -1234],
      ['(1,234)', -1234],
      ['（1,234）', -1234],
      ['( 1,234 )', -1234],
      ['-¥1,234', -1234],
      ['¥-1,234', -1234],
      ['(¥1,234)', -1234],
      ['¥(1,234)', -1234],
      ['-$1,200', -1200],
      ['-1.2万', -12000],
      // scientific
      ['1.5e3', 1500],
      ['1.5E3', 1500],
      ['1e-3', 0.001],
      ['2.5e+2', 250],
      ['-1e21', -1e21],
      ['1.7976931348623157e+308', Number.MAX_VALUE],
      ['5e-324', Number.MIN_VALUE],
    ])('%j → %d', (input, expected) => {
      expect(valueOf(parseNumber(input))).toBe(expected);
    });

    it('ignores zero-width characters pasted from the web', () => {
      expect(valueOf(parseNumber('12\u200b345'))).toBe(12345);
      expect(valueOf(parseNumber('\ufeff1,234'))).toBe(1234);
    });

    it('the percent option changes nothing today', () => {
      expect(valueOf(parseNumber('12%', { percent: true }))).toBe(0.12);
      expect(valueOf(parseNumber('0.12', { percent: true }))).toBe(0.12);
      expect(valueOf(parseNumber('12', { percent: true }))).toBe(12);
      expect(valueOf(parseNumber(12, { percent: true }))).toBe(12);
    });
  });

  describe('Excel errors', () => {
    it.each(EXCEL_ERRORS)('%s → excel-error naming it', (e) => {
      const r = parseNumber(e);
      expectFailure(r, 'excel-error', e);
      expect(!r.ok && r.raw).toBe(e);
    });
    it('says what was expected', () => {
      const r = parseNumber('#N/A');
      expect(!r.ok && r.message).toEqual({
        'zh-CN': '单元格是 Excel 错误值 #N/A，应为数字',
        'en-US': 'The cell holds the Excel error #N/A; a number was expected',
      });
    });
    it('recognises padded and lower-case errors', () => {
      expectFailure(parseNumber(' #n/a '), 'excel-error', '#N/A');
    });
    it('a "#" text that is not an Excel error is just not a number', () => {
      expectFailure(parseNumber('#12'), 'not-a-number', '#12');
    });
  });

  describe('rejected text', () => {
    it.each([
      // words and placeholders
      '五千', 'n/a', 'N/A', 'NA', '待定', '-', '—', '–', '--', 'abc', 'null', 'NaN', 'Infinity', '无',
      // junk around numbers
      '12abc', 'abc12', '1.2.3', '12-', '1,234-', '1 2 3', '12..5', '0x10', '1_000', '½',
      // malformed groups
      '1,2,3', '12,5', '0,5', '1,23', '1,2345', '1234,567', ',123', '1,,234', '1, 234', '12 34', '1,234 567',
      '1,234e5',
      // signs and parentheses
      '--5', '+-5', '-(5)', '(-5)', '(5', '5)', '()', '-¥-5', '(12)%',
      // mixtures that have no sensible reading
      '1万2千', '万', '¥', '%', '¥12%', '1万%', '12k%', '1e', '1e+', 'e5', '5mm', '1e400', '12 元元',
      // ambiguous euro decimals
      '€1.200', '€12.345', '1.200 EUR', '1.200欧元',
    ])('%j → not-a-number', (input) => {
      const r = parseNumber(input);
      expectFailure(r, 'not-a-number', input);
      expect(!r.ok && r.raw).toBe(input);
    });

    it('quotes the text in a readable sentence', () => {
      const r = parseNumber('待定');
      expect(!r.ok && r.message['zh-CN']).toMatch(/^无法把“待定”识别为数字/);
      expect(!r.ok && r.message['en-US']).toMatch(/^Cannot read "待定" as a number/);
    });

    it('suggests leaving the cell empty for placeholders like "-"', () => {
      const r = parseNumber('-');
      expect(!r.ok && r.message['zh-CN']).toContain('留空');
      expect(!r.ok && r.message['en-US']).toContain('leave the cell empty');
      const other = parseNumber('abc');
      expect(!other.ok && other.message['en-US']).not.toContain('leave the cell empty');
    });

    it('explains the ambiguous euro decimal', () => {
      const r = parseNumber('€1.200');
      expect(!r.ok && r.message['en-US']).toContain('decimal point or a thousands separator');
    });

    it('truncates long text in the message but keeps it whole in raw', () => {
      const long = 'x'.repeat(100);
      const r = parseNumber(long);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.raw).toBe(long);
      expect(r.message['en-US']).toContain(`"${'x'.repeat(39)}…"`);
      expect(r.message['en-US'].length).toBeLessThan(80);
    });

    it('shows multi-line text on one line and keeps raw as typed', () => {
      const r = parseNumber(' 12\n34 ');
      expectFailure(r, 'not-a-number', '12 34');
      expect(!r.ok && r.raw).toBe(' 12\n34 ');
    });

    it('does not cut an emoji in half when truncating', () => {
      const r = parseNumber('😀'.repeat(50));
      expect(!r.ok && r.message['en-US']).toContain('😀'.repeat(39) + '…');
    });
  });

  describe('properties', () => {
    it('String(x) round-trips for every finite double', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          expect(valueOf(parseNumber(String(x)))).toBe(x === 0 ? 0 : x);
        }),
        { numRuns: 2000 },
      );
    });

    it('the same text padded or typed full-width reads the same', () => {
      const toFullWidth = (s: string): string =>
        s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          const expected = x === 0 ? 0 : x;
          expect(valueOf(parseNumber(` ${String(x)}\u3000`))).toBe(expected);
          expect(valueOf(parseNumber(toFullWidth(String(x))))).toBe(expected);
        }),
      );
    });

    it('integers with thousands separators round-trip', () => {
      fc.assert(
        fc.property(fc.maxSafeInteger(), (n) => {
          const en = n.toLocaleString('en-US');
          expect(valueOf(parseNumber(en))).toBe(n);
          expect(valueOf(parseNumber(en.replaceAll(',', ' ')))).toBe(n);
          expect(valueOf(parseNumber(en.replaceAll(',', '\u00a0')))).toBe(n);
          expect(valueOf(parseNumber(`¥${en}`))).toBe(n);
          expect(valueOf(parseNumber(`${en}元`))).toBe(n);
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws, and an ok value is always a finite number or null', () => {
      const numberish = fc.string({
        unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '-', '+', '(', ')', '%', 'e', '万', '¥', '元', 'k', '#', '１', '，', '\u00a0'),
        maxLength: 12,
      });
      fc.assert(
        fc.property(fc.oneof(fc.string(), numberish), (s) => {
          const r = parseNumber(s);
          if (r.ok) {
            expect(r.value === null || Number.isFinite(r.value)).toBe(true);
            if (r.value === null) expect(s.replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')).toBe('');
          } else {
            expect(['not-a-number', 'excel-error']).toContain(r.code);
            expect(r.raw).toBe(s);
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('text without a single digit is never a number', () => {
      fc.assert(
        fc.property(fc.string(), (s) => {
          fc.pre(!/[0-9０-９]/.test(s));
          const r = parseNumber(s);
          expect(r.ok ? r.value : 'failed').not.toEqual(expect.any(Number));
        }),
      );
    });
  });
});

// ───────────────────────────── dates ─────────────────────────────

describe('isoDateToSerial / serialToIsoDate', () => {
  it.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 1, 31, 31],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's fictional leap day
    [1900, 3, 1, 61],
    [1904, 1, 1, 1462],
    [1970, 1, 1, 25569],
    [2000, 2, 29, 36585],
    [2025, 1, 1, 45658],
    [2025, 3, 1, 45717],
    [9999, 12, 31, 2958465],
  ])('%d-%d-%d ⇄ %d', (y, m, d, serial) => {
    expect(isoDateToSerial(y, m, d)).toBe(serial);
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    expect(serialToIsoDate(serial)).toBe(iso);
  });

  it('drops the time of day', () => {
    expect(serialToIsoDate(45658.999)).toBe('2025-01-01');
  });

  it.each<[number, number, number]>([
    [2025, 2, 29],
    [2025, 2, 30],
    [2025, 4, 31],
    [2025, 13, 1],
    [2025, 0, 1],
    [2025, 1, 0],
    [1899, 12, 31],
    [10000, 1, 1],
    [2025.5, 1, 1],
    [NaN, 1, 1],
  ])('isoDateToSerial(%d, %d, %d) throws', (y, m, d) => {
    expect(() => isoDateToSerial(y, m, d)).toThrow(RangeError);
  });

  it.each([0, 0.5, -1, 2958466, NaN, Infinity])('serialToIsoDate(%d) throws', (s) => {
    expect(() => serialToIsoDate(s)).toThrow(RangeError);
  });
});

describe('parseDate', () => {
  describe('numbers are serials', () => {
    it.each([1, 59, 60, 61, 45658, 45658.25, 2958465, 2958465.5])('%d passes through', (n) => {
      expect(valueOf(parseDate(n))).toBe(n);
    });
    it('an 8-digit integer far beyond any serial is yyyymmdd', () => {
      expect(valueOf(parseDate(20250301))).toBe(45717);
      expect(valueOf(parseDate(20250301, { date1904: true }))).toBe(45717);
    });
    it.each([0, 0.5, -1, 2958466, 3000000, 20250230, 20251301, 19000100])('%d is out of range', (n) => {
      const r = parseDate(n);
      expectFailure(r, 'not-a-date', String(n));
      expect(!r.ok && r.message['en-US']).toContain('2958465');
    });
    it.each([NaN, Infinity, -Infinity])('%d is not a date', (n) => {
      expectFailure(parseDate(n), 'not-a-date', String(n));
    });
    it('date1904: serial 0 is 1904-01-01, returned as a 1900-system serial', () => {
      expect(valueOf(parseDate(0, { date1904: true }))).toBe(1462);
      expect(valueOf(parseDate(44196, { date1904: true }))).toBe(45658);
      expect(valueOf(parseDate(44196.5, { date1904: true }))).toBe(45658.5);
      expectFailure(parseDate(-1, { date1904: true }), 'not-a-date', '-1');
      expectFailure(parseDate(2957004, { date1904: true }), 'not-a-date', '2957004');
      expect(valueOf(parseDate(2957003, { date1904: true }))).toBe(2958465);
    });
  });

  describe('Date objects use their UTC fields', () => {
    it.each<[Date, number]>([
      [new Date(Date.UTC(2025, 0, 1)), 45658],
      [new Date(Date.UTC(2025, 0, 1, 18)), 45658.75],
      [new Date(Date.UTC(1900, 0, 1)), 1],
      [new Date(Date.UTC(1900, 1, 28)), 59],
      [new Date(Date.UTC(1900, 1, 28, 12)), 59.5],
      [new Date(Date.UTC(1900, 2, 1)), 61],
      [new Date(Date.UTC(9999, 11, 31)), 2958465],
    ])('%s → %d', (d, serial) => {
      expect(valueOf(parseDate(d))).toBe(serial);
    });
    it('ignores date1904 (a Date is already absolute)', () => {
      expect(valueOf(parseDate(new Date(Date.UTC(2025, 0, 1)), { date1904: true }))).toBe(45658);
    });
    it('rejects invalid and out-of-range Dates', () => {
      expectFailure(parseDate(new Date(NaN)), 'not-a-date', 'Invalid Date');
      expectFailure(parseDate(new Date(Date.UTC(1899, 11, 31))), 'not-a-date', '1899-12-31');
    });
  });

  it.each(BLANKS)('blank %j → null', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, value: null });
  });

  it.each([true, false])('rejects the boolean %s', (b) => {
    expectFailure(parseDate(b), 'not-a-date', b ? 'TRUE' : 'FALSE');
  });

  describe('accepted text', () => {
    const march1 = 45717;
    const t0826 = (8 * 60 + 26) / (24 * 60);
    it.each<[string, number]>([
      ['2025-03-01', march1],
      ['2025-3-1', march1],
      ['2025/3/1', march1],
      ['2025/03/01', march1],
      ['2025.3.1', march1],
      ['20250301', march1],
      ['2025年3月1日', march1],
      ['2025年03月01日', march1],
      ['2025 年 3 月 1 日', march1],
      ['2025年3月1号', march1],
      ['2025年3月', march1],
      ['2025-03', march1],
      ['2025/3', march1],
      ['２０２５－０３－０１', march1],
      ['２０２５年３月１日', march1],
      ['  2025-03-01  ', march1],
      ['2025-03-01 08:26:00', march1 + t0826],
      ['2025-03-01T08:26:00', march1 + t0826],
      ['2025-03-01T08:26:00Z', march1 + t0826],
      ['2025-03-01T08:26:00.000Z', march1 + t0826],
      ['2025-03-01 08:26', march1 + t0826],
      ['2025/3/1 8:26', march1 + t0826],
      ['2025-03-01 12:00:30.5', march1 + (12 * 3600 + 30.5) / 86400],
      ['2025年3月1日 08:26', march1 + t0826],
      ['2024-02-29', 45351],
      ['1900-01-01', 1],
      ['1900-02-28', 59],
      ['1900-03-01', 61],
      ['9999-12-31', 2958465],
      // day/month order is clear when one of them is > 12, or they are equal
      ['13/1/2025', 45670],
      ['1/13/2025', 45670],
      ['31.12.2025', 46022],
      ['12/31/2025', 46022],
      ['5/5/2025', 45782],
      ['13/1/2025 08:26', 45670 + t0826],
    ])('%j → %d', (input, expected) => {
      const v = valueOf(parseDate(input));
      expect(v).toBeCloseTo(expected, 9);
      expect(Math.floor(v ?? NaN)).toBe(Math.floor(expected));
    });
  });

  describe('rejected text', () => {
    it.each([
      'next week', '下周', '2025', '45658', '3月1日', '2025-13-01', '2025/0/1', '25-03-01', '2025-03-01 25:00',
      '2025-03-01 08:60', '2025-03-01 08:26:61', '2025-03-01T08:26:00+08:00', '2025-03-01 8:26 AM', '2025.3',
      '1/3/25', '2025-03/01', '2025-03-01abc', 'Smarch 1, 2025', '1 Mar', '-', '—', '待定', '32/1/2025',
      '13/13/2025', '2025年', '202531', '2025031',
    ])('%j → not-a-date', (input) => {
      const r = parseDate(input);
      expectFailure(r, 'not-a-date', input);
      expect(!r.ok && r.raw).toBe(input);
    });

    it('names the expected forms', () => {
      const r = parseDate('next week');
      expect(!r.ok && r.message['en-US']).toBe('Cannot read "next week" as a date (expected e.g. 2025-03-01 or 2025年3月1日)');
      expect(!r.ok && r.message['zh-CN']).toContain('2025年3月1日');
    });

    it.each(['2025-02-30', '2025-02-29', '2025-04-31', '2025年2月30日', '20250230', '1900-02-29', '31/2/2025'])(
      '%j is not a real day',
      (input) => {
        const r = parseDate(input);
        expectFailure(r, 'not-a-date', input);
        expect(!r.ok && r.message['en-US']).toContain('no such day');
      },
    );

    it.each<[string, string, string]>([
      ['3/1/2025', '2025-03-01', '2025-01-03'],
      ['1/3/2025', '2025-01-03', '2025-03-01'],
      ['1.3.2025', '2025-01-03', '2025-03-01'],
      ['12-11-2025', '2025-12-11', '2025-11-12'],
    ])('%j is ambiguous', (input, a, b) => {
      const r = parseDate(input);
      expectFailure(r, 'not-a-date', input);
      for (const lang of ['zh-CN', 'en-US'] as const) {
        expect(!r.ok && r.message[lang]).toContain(a);
        expect(!r.ok && r.message[lang]).toContain(b);
      }
    });

    it.each(EXCEL_ERRORS)('%s → excel-error', (e) => {
      const r = parseDate(e);
      expectFailure(r, 'excel-error', e);
      expect(!r.ok && r.message['zh-CN']).toContain('应为日期');
      expect(!r.ok && r.message['en-US']).toContain('a date was expected');
    });
  });

  describe('properties', () => {
    const validDate = fc
      .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
      .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));

    it('y-m-d parses to isoDateToSerial(y, m, d), which matches an independent calendar', () => {
      fc.assert(
        fc.property(validDate, ({ y, m, d }) => {
          const serial = isoDateToSerial(y, m, d);
          expect(valueOf(parseDate(`${y}-${m}-${d}`))).toBe(serial);
          expect(valueOf(parseDate(`${y}年${m}月${d}日`))).toBe(serial);
          expect(serial).toBe((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
          expect(valueOf(parseDate(new Date(Date.UTC(y, m - 1, d))))).toBe(serial);
        }),
        { numRuns: 1000 },
      );
    });

    it('serialToIsoDate inverts isoDateToSerial', () => {
      fc.assert(
        fc.property(validDate, ({ y, m, d }) => {
          const iso = serialToIsoDate(isoDateToSerial(y, m, d));
          expect(iso).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        }),
        { numRuns: 1000 },
      );
    });

    it('every serial survives serialToIsoDate → parseDate', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
          fc.pre(serial !== 60); // the fictional 1900-02-29 is shown but not accepted as text
          expect(valueOf(parseDate(serialToIsoDate(serial)))).toBe(serial);
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws on arbitrary text', () => {
      fc.assert(
        fc.property(fc.string(), (s) => {
          const r = parseDate(s);
          if (r.ok) expect(r.value === null || (r.value >= 1 && r.value < 2958466)).toBe(true);
        }),
      );
    });
  });
});

// ───────────────────────────── booleans ─────────────────────────────

describe('parseBoolean', () => {
  it.each<[CellInput, boolean]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['TRUE', true],
    ['FALSE', false],
    ['true', true],
    ['False', false],
    ['是', true],
    ['否', false],
    ['Y', true],
    ['N', false],
    ['y', true],
    ['n', false],
    ['yes', true],
    ['no', false],
    ['YES', true],
    ['No', false],
    ['1', true],
    ['0', false],
    ['√', true],
    ['×', false],
    ['✓', true],
    ['✗', false],
    ['对', true],
    ['错', false],
    ['有', true],
    ['无', false],
    ['ＹＥＳ', true],
    ['１', true],
    [' 是 ', true],
  ])('%j → %s', (input, expected) => {
    expect(valueOf(parseBoolean(input))).toBe(expected);
  });

  it.each(BLANKS)('blank %j → null', (input) => {
    expect(parseBoolean(input)).toEqual({ ok: true, value: null });
  });

  it.each(['maybe', '也许', '2', '-1', 'x', 'X', 'ok', '是的', 'yes!', '-', '1.0', 'tru'])('%j → not-a-boolean', (input) => {
    const r = parseBoolean(input);
    expectFailure(r, 'not-a-boolean', input);
    expect(!r.ok && r.raw).toBe(input);
  });

  it.each<[number, string]>([
    [2, '2'],
    [0.5, '0.5'],
    [NaN, 'NaN'],
  ])('the number %d → not-a-boolean', (n, raw) => {
    expectFailure(parseBoolean(n), 'not-a-boolean', raw);
  });

  it('rejects a Date', () => {
    expectFailure(parseBoolean(new Date(Date.UTC(2025, 0, 1))), 'not-a-boolean', '2025-01-01');
  });

  it.each(EXCEL_ERRORS)('%s → excel-error', (e) => {
    expectFailure(parseBoolean(e), 'excel-error', e);
  });
});
