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

// The A1 helpers moved to cells.ts, their home; re-exported for the callers that import them from here.
export { a1, columnIndex, columnLetter } from './cells.ts';
