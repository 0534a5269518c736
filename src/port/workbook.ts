// The workbook port: the few batch-shaped operations a grading run needs from a workbook. The run is
// written once against this interface; the file host (xlsx/csv, Node or browser) and the Office.js host
// implement it. Every call moves whole blocks (columns, sheets), never single cells, so the Office host
// can serve each with a handful of context.sync() calls.

import type { CodedSheet } from '../core/aggregate/coded.ts';
import type { Localized } from '../core/i18n.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../core/output/tables.ts';
import type { TierBookMarks } from './marks.ts';

export type { CellValue, CodedSheet, GeneratedSheet, SheetTable, TierBookMarks };

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

/** One whole output column written by a run (found by its mark and replaced on the next run). */
export interface ColumnWrite {
  /**
   * The output column's key: the host marks the column as TierBook's under it (moving the sheet's mark
   * of that key here), so that the next run replaces this column and no other.
   */
  key?: string;
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
  /**
   * Optional: the given columns (0-based) of a sheet's rows from `firstRow` on, each cell a code of its
   * column's values (core/aggregate/coded.ts). A host that holds a sheet as bytes (the file host's CSV)
   * serves an orders export this way without a string per cell; without it the run reads the sheet.
   */
  readColumns?(sheet: string, cols: readonly number[], firstRow: number): Promise<CodedSheet>;
  /** What TierBook marked as its own: output columns and generated sheets (see marks.ts). */
  readMarks(): Promise<TierBookMarks>;
  /** Write whole output columns (values, then formats) into a user's sheet; touches no other cell. */
  writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void>;
  /** Add a generated sheet, or replace it entirely if one of that name exists; marked as `sheet.kind` when given. */
  replaceSheet(sheet: GeneratedSheet): Promise<void>;
  /**
   * Append rows to a generated table sheet (history), first removing the rows whose key column equals
   * `replaceKey` (re-running a period replaces its snapshot). Creates the sheet with `header` if missing;
   * marks it as generated sheet `kind` when given. `numberFormats` (by column) formats the new rows' cells,
   * e.g. the date-time of 评级时间.
   */
  appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): Promise<void>;
  /**
   * Optional: write summaries (tier mix, movement) the host's own way — native PivotTables and a chart in
   * Excel, the static `fallback` tables elsewhere. A host without it is written to with replaceSheet.
   */
  summaries?(specs: SummarySpec[], onProgress?: (p: Progress) => void): Promise<SummariesReport>;
  /**
   * Optional: a count of the writes to sheet `name` (without a name: to the whole workbook — any sheet, its
   * marks or the list of sheets). While it stays the same, a read gives the same values, so a session may keep
   * what it read and aggregated. Only a host that makes every write itself may offer it (the file host); Excel,
   * where the user edits at any time, does not, and is read again each step.
   */
  revision?(name?: string): number;
}

// ---------- summaries (optional capability) ----------

/** One value field of a PivotTable: a source column summarised, under its own caption. */
export interface PivotValue {
  /** Header of the source column. */
  field: string;
  /** Caption shown in the PivotTable (must differ from every source header). */
  caption: string;
  summarizeBy: 'count' | 'sum';
  /** Show the value as a share of the grand total instead of the value itself. */
  showAs?: 'percentOfGrandTotal';
  numberFormat?: string;
}

/**
 * A summary sheet, described so that any host can write it: the records it is computed from, the
 * PivotTable over them, and the same numbers as static tables for hosts (or Excel versions) without
 * PivotTables. The host owns `sheet` and `source.sheet` entirely.
 */
export interface SummarySpec {
  /** Stable key ('mix', 'movement'): names the PivotTable and chart so a re-run finds and refreshes them. */
  key: string;
  /** The summary sheet (a generated sheet, e.g. 等级分布). */
  sheet: string;
  /** Title line and notes above the PivotTable (the static tables carry their own). */
  title: string;
  notes?: string[];
  /**
   * The records, one per customer: kept as an Excel Table named `tableName` on `sheet`, rewritten in place
   * on every run so that a PivotTable over it stays bound to it and a refresh picks up added rows.
   */
  source: { sheet: string; tableName: string; header: string[]; rows: CellValue[][]; numberFormats?: (string | null)[]; hidden?: boolean };
  pivot: { name: string; rows: string[]; columns?: string[]; values: PivotValue[] };
  /** The same summary as static tables (core mixTable / movementTables), for hosts without PivotTables. */
  fallback: SheetTable[];
  /**
   * A chart beside the summary: categories are the PivotTable's last row field (or the fallback table's
   * first column), values its first value field (or the fallback table's column `fallbackValueCol`);
   * the grand total / total row is left out.
   */
  chart?: { name: string; type: 'column' | 'pie'; title: string; fallbackValueCol: number };
}

export interface SummaryResult {
  key: string;
  sheet: string;
  /** A native PivotTable (created now, or found and refreshed), or the static tables. */
  mode: 'pivot-created' | 'pivot-refreshed' | 'static';
  chart: boolean;
}

export interface SummariesReport {
  results: SummaryResult[];
  /** Why summaries are static, in the user's languages (e.g. PivotTables need ExcelApi 1.8); null when native. */
  notice: Localized | null;
}
