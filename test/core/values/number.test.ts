// core/values/number.ts: the numbers users paste (currency, units, 万/亿, full-width digits, negatives, percents).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseNumber } from '../../../src/core/values/number.ts';
import { expectFailure, valueOf, EXCEL_ERRORS, BLANKS } from './helpers.ts';

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
