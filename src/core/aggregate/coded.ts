// A sheet's columns as codes: each row holds the number of a value of its column, and rows with equal
// codes hold equal values. Transaction sheets repeat the same few texts on every line (a customer, an
// invoice, a date, a price), so the aggregations read and check each coded value once, and a reader that
// never builds a string per cell (the CSV byte reader) hands its columns over in this form.
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

/**
 * A grid's column as codes: one code per run of equal neighbouring values (the lines of an invoice share
 * its customer, date and number). No lookup table: equal values further apart get codes of their own,
 * which only costs reading that value once more.
 */
export function codeColumn(rows: readonly (readonly CellValue[] | undefined)[], col: number): CodedColumn {
  const codes = new Int32Array(rows.length);
  const values: CellValue[] = [];
  let last: CellValue | undefined;
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r]?.[col];
    if (v === null || v === undefined) {
      codes[r] = -1;
      continue;
    }
    if (v !== last || values.length === 0) {
      values.push(v);
      last = v;
    }
    codes[r] = values.length - 1;
  }
  return { codes, values };
}

/** The given columns of a grid as a coded sheet. */
export function codeSheet(rows: readonly (readonly CellValue[] | undefined)[], cols: readonly (number | undefined)[]): CodedSheet {
  const columns = new Map<number, CodedColumn>();
  for (const c of cols) if (c !== undefined && !columns.has(c)) columns.set(c, codeColumn(rows, c));
  return { rows: rows.length, columns };
}

/** True when the value is blank: null, or text of spaces only. */
export function isBlankValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
