// The workbook port: the few batch-shaped operations a grading run needs from a workbook. The run is
// written once against this interface; the file host (xlsx/csv, Node or browser) and the Office.js host
// implement it. Every call moves whole blocks (columns, sheets), never single cells, so the Office host
// can serve each with a handful of context.sync() calls.

import type { CellValue, GeneratedSheet, SheetTable } from '../core/output/tables.ts';

export type { CellValue, GeneratedSheet, SheetTable };

export interface SheetInfo {
  name: string;
  /** 1-based index of the last row holding anything (0 for an empty sheet). */
  lastRow: number;
  /** 0-based index of the last column holding anything (-1 for an empty sheet). */
  lastCol: number;
  visible: boolean;
}

/**
 * A rectangular block of values. Row r (0-based) of `values` is sheet row `firstRow + r` (1-based);
 * column c is sheet column c (0-based, A = 0): blocks always start at column A so indexes are columns.
 */
export interface SheetValues {
  sheet: string;
  firstRow: number;
  values: CellValue[][];
}

/** One whole output column written by a run (found by its header and replaced on the next run). */
export interface ColumnWrite {
  /** 0-based column index. */
  col: number;
  /** Header text, written into the header row. */
  header: string;
  /** One value per row from `firstRow` on; null clears the cell. Strings are always stored as text. */
  values: CellValue[];
  /** Excel number format for the column's values, e.g. "¥#,##0" or "0.0". */
  numberFormat?: string;
  /** Background colour per value (#RRGGBB), or null for none. */
  fills?: (string | null)[];
  /** Column width in characters. */
  width?: number;
  /** Wrap long text. */
  wrap?: boolean;
}

export interface ColumnsPatch {
  sheet: string;
  headerRow: number;
  firstRow: number;
  columns: ColumnWrite[];
}

export interface Progress {
  /** Blocks (or steps) done so far, of `total`. */
  done: number;
  total: number;
  stage: string;
}

export interface WorkbookPort {
  /** The workbook's sheets in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Every value of a sheet's used area, from column A and row `firstRow` (default 1). */
  readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues>;
  /** Write whole output columns (values, then formats) into a user's sheet; touches no other cell. */
  writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void>;
  /** Add a generated sheet, or replace it entirely if one of that name exists. */
  replaceSheet(sheet: GeneratedSheet): Promise<void>;
  /**
   * Append rows to a generated table sheet (history), first removing the rows whose key column equals
   * `replaceKey` (re-running a period replaces its snapshot). Creates the sheet with `header` if missing.
   */
  appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }): Promise<void>;
}
