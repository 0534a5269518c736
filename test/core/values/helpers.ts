// Shared by the tests of core/values: a failure's code and messages, a success's value, and the inputs every
// parser must treat alike (Excel's error values, blank cells).
import { expect } from 'vitest';
import type { CellInput, Parsed } from '../../../src/core/values/result.ts';
import type { IssueCode } from '../../../src/core/issues.ts';

/** Assert a failure: its code, and that both messages quote `mention` (by default the trimmed raw text). */
export function expectFailure(r: Parsed<unknown>, code: IssueCode, mention: string): void {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(r.message['zh-CN']).toContain(mention);
  expect(r.message['en-US']).toContain(mention);
}

export function valueOf<T>(r: Parsed<T>): T | null {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.ok ? r.value : null;
}

export const EXCEL_ERRORS = [
  '#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
  '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
];

export const BLANKS: CellInput[] = [null, undefined, '', '   ', '\u3000', '\t\n', ' \u3000 ', '\u200b'];
