// core/values/boolean.ts: yes/no cells in Chinese and English (是/否, √/×, TRUE/FALSE).
import { describe, it, expect } from 'vitest';
import { parseBoolean } from '../../../src/core/values/boolean.ts';
import type { CellInput } from '../../../src/core/values/result.ts';
import { expectFailure, valueOf, EXCEL_ERRORS, BLANKS } from './helpers.ts';

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
