// A sheet's columns as codes: each row holds the number of a value of its column, and rows with equal
// codes hold equal values. Transaction sheets repeat the same few texts on every line (a customer, an
// invoice, a date, a price), so the orders aggregation reads and checks each coded value once; the CSV
// byte reader, which never builds a string per cell, hands its columns over in this form.
import type { CellValue } from '../cells.ts';

/** One column: row r holds values[codes[r]], or nothing (null) when codes[r] < 0. Values may repeat. */
export interface CodedColumn {
  codes: Int32Array;
  values: readonly CellValue[];
}

/** The columns an aggregation reads, of `rows` rows; a column not in the map is blank. */
export interface CodedSheet {
  rows: number;
  columns: ReadonlyMap<number, CodedColumn>;
}

/** True when the value is blank: null, or text of spaces only. */
export function isBlankValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
