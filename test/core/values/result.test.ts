// core/values/result.ts: full-width folding and Excel's error values.
import { describe, it, expect } from 'vitest';
import { foldFullWidth, isExcelError } from '../../../src/core/values/result.ts';
import { EXCEL_ERRORS } from './helpers.ts';

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
