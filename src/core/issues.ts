// Data issues: what we could not read or grade, and where. Never a silent 0.
import type { Localized } from './i18n.ts';

export type IssueCode =
  | 'blank' // a required value is missing
  | 'excel-error' // #N/A, #VALUE! …
  | 'not-a-number' // text we cannot read as a number
  | 'not-a-date'
  | 'not-a-boolean'
  | 'wrong-unit' // a unit in the cell the criterion cannot use ("30天" for years)
  | 'out-of-range' // e.g. a score outside 0–10
  | 'unknown-override' // the override names no tier
  | 'duplicate-id'
  | 'missing-column'
  | 'orphan-id'; // an id found only in a related sheet

export interface DataIssue {
  code: IssueCode;
  /** 0-based position of the customer in the graded table, when the issue belongs to one. */
  index?: number;
  /** 1-based sheet row, when the issue belongs to a row. */
  row?: number;
  /** A1 reference of the cell, when known (hosts fill it in). */
  cell?: string;
  /** Sheet name, when known. */
  sheet?: string;
  /** The metric or column the issue is about. */
  field?: string;
  /** What the user typed, as text. */
  value?: string;
  message: Localized;
}

/** 0-based column index to Excel letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel letters to 0-based column index: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 1-based row and 0-based column to an A1 reference. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
