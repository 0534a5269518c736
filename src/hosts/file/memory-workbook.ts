// A workbook held as plain value grids: what a CSV becomes. Reads are instant (no package to parse); the
// writes are recorded so that saving as .xlsx replays them through the same xlsx writer as real workbooks.
// A CSV sheet stays bytes until something needs its every cell: an orders export is aggregated from the
// coded columns it is asked for (readColumns), and its strings are made once, if at all.
import { sheetValues, type CodedColumn, type CodedSheet } from '../../core/index.ts';
import { XlsxError } from './xlsx/errors.ts';
import type { CellValue, ColumnsPatch, GeneratedSheet, Progress, SheetInfo, SheetValues, TierBookMarks, WorkbookPort } from '../../port/workbook.ts';
import type { CsvBytes } from './csv-bytes.ts';

/** A CSV sheet not yet read as strings: its bytes and its size. */
interface CsvSource {
  bytes: CsvBytes;
  width: number;
  lastRow: number;
  lastCol: number;
}

interface MemorySheet {
  name: string;
  values: CellValue[][];
  /** The CSV the values are read from when first needed (null once they are, or for other sheets). */
  csv: CsvSource | null;
  generated: GeneratedSheet | null;
  /** Created by a write (history, generated sheets), not given when opening. */
  created: boolean;
  /** The values as given, kept from the first column write on (copy on write). */
  original: CellValue[][] | null;
}

type Replay =
  | { kind: 'columns'; patch: ColumnsPatch }
  | { kind: 'sheet'; sheet: GeneratedSheet }
  | { kind: 'append'; sheet: string; header: string[]; rows: CellValue[][]; replace?: { col: number; key: CellValue }; mark?: string; numberFormats?: readonly (string | null)[] };

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: MemorySheet[];
  /** The writes made since opening, in order, for replaying into an .xlsx package. */
  readonly writes: Replay[] = [];
  private readonly marks: TierBookMarks = { columns: [], sheets: [] };

  constructor(sheets: ({ name: string; values: CellValue[][] } | { name: string; csv: CsvSource })[]) {
    this.sheets = sheets.map((s) => ({ name: s.name, values: 'values' in s ? s.values : [], csv: 'csv' in s ? s.csv : null, generated: null, created: false, original: null }));
  }

  /** The sheet, its values read (a CSV's strings made now, once). */
  private sheet(name: string): MemorySheet {
    const s = this.find(name);
    if (s.csv) {
      s.values = s.csv.bytes.sheet().values;
      s.csv = null;
    }
    return s;
  }

  private find(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new XlsxError('sheet', `工作簿中没有名为"${name}"的工作表。`, `The workbook has no sheet named "${name}".`);
    return s;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => {
      if (s.csv) return { name: s.name, lastRow: s.csv.lastRow, lastCol: s.csv.lastCol, visible: true };
      let lastRow = 0;
      let lastCol = -1;
      s.values.forEach((row, r) => {
        for (let c = row.length - 1; c >= 0; c--) {
          if (row[c] !== null && row[c] !== undefined && row[c] !== '') {
            lastRow = r + 1;
            lastCol = Math.max(lastCol, c);
            break;
          }
        }
      });
      return { name: s.name, lastRow, lastCol, visible: true };
    });
  }

  async readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues> {
    const first = options?.firstRow ?? 1;
    const lazy = this.find(name).csv;
    if (lazy && options?.lastRow !== undefined) {
      // The first rows only (the header search): read those, padded to the sheet's width.
      const head = lazy.bytes.head(options.lastRow);
      for (const r of head) while (r.length < lazy.width) r.push(null);
      return { sheet: name, firstRow: first, values: head.slice(first - 1) };
    }
    const s = this.sheet(name);
    const last = Math.min(options?.lastRow ?? s.values.length, s.values.length);
    return { sheet: name, firstRow: first, values: s.values.slice(first - 1, last) };
  }

  /**
   * The given columns of the rows from `firstRow` on, each cell a code of its column's values: straight
   * from the bytes while the CSV is unread and unwritten, else from the values.
   */
  async readColumns(name: string, cols: readonly number[], firstRow: number): Promise<CodedSheet> {
    const s = this.find(name);
    if (s.csv) return s.csv.bytes.columns(cols, firstRow);
    return codeColumns(s.values, cols, firstRow);
  }

  /** A CSV carries no marks: they are what this session wrote (and go into the .xlsx when saved as one). */
  async readMarks(): Promise<TierBookMarks> {
    return { columns: this.marks.columns.map((m) => ({ ...m })), sheets: this.marks.sheets.map((m) => ({ ...m })) };
  }

  private markSheet(sheet: string, kind: string): void {
    this.marks.sheets = this.marks.sheets.filter((m) => !(m.sheet === sheet && m.kind === kind));
    this.marks.sheets.push({ sheet, kind });
  }

  async writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void> {
    for (const c of patch.columns) {
      if (!c.key) continue;
      this.marks.columns = this.marks.columns.filter((m) => !(m.sheet === patch.sheet && m.key === c.key));
      this.marks.columns.push({ sheet: patch.sheet, key: c.key, col: c.col });
    }
    const s = this.sheet(patch.sheet);
    s.original ??= s.values.map((r) => r.slice());
    const put = (row: number, col: number, v: CellValue) => {
      while (s.values.length < row) s.values.push([]);
      const r = s.values[row - 1]!;
      while (r.length <= col) r.push(null);
      r[col] = v;
    };
    for (const c of patch.columns) {
      put(patch.headerRow, c.col, c.header);
      c.values.forEach((v, k) => put(patch.firstRow + k, c.col, v));
    }
    this.writes.push({ kind: 'columns', patch });
    onProgress?.({ done: 1, total: 1, stage: 'write' });
  }

  async replaceSheet(sheet: GeneratedSheet): Promise<void> {
    const existing = this.sheets.find((x) => x.name === sheet.name);
    const values = sheetValues(sheet);
    if (sheet.kind) this.markSheet(sheet.name, sheet.kind);
    if (existing) Object.assign(existing, { values, csv: null, generated: sheet });
    else this.sheets.push({ name: sheet.name, values, csv: null, generated: sheet, created: true, original: null });
    this.writes.push({ kind: 'sheet', sheet });
  }

  async appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): Promise<void> {
    let s = this.sheets.find((x) => x.name === sheet) && this.sheet(sheet);
    if (!s) {
      s = { name: sheet, values: [header.slice()], csv: null, generated: null, created: true, original: null };
      this.sheets.push(s);
    }
    if (kind) this.markSheet(sheet, kind);
    if (replace) s.values = s.values.filter((r, i) => i === 0 || String(r[replace.col] ?? '') !== String(replace.key ?? ''));
    s.values.push(...rows.map((r) => r.slice()));
    this.writes.push({ kind: 'append', sheet, header, rows, ...(replace ? { replace } : {}), ...(kind ? { mark: kind } : {}), ...(numberFormats ? { numberFormats } : {}) });
  }

  /** The sheets as they were before the first write (what an .xlsx replay starts from). */
  originalSheets(): { name: string; values: CellValue[][]; fresh: boolean }[] {
    // A CSV not read as strings yet is read now for the caller alone (fresh: nobody else holds it), not kept:
    // saving an orders export needs its every cell once, the run never did.
    return this.sheets
      .filter((s) => !s.created)
      .map((s) => (s.csv ? { name: s.name, values: s.csv.bytes.sheet().values, fresh: true } : { name: s.name, values: s.original ?? s.values, fresh: false }));
  }

  /** Current values of a sheet (for CSV export). */
  values(name: string): CellValue[][] {
    return this.sheet(name).values;
  }
}

/** A grid's columns as codes (one per distinct value of each column). */
function codeColumns(values: readonly (readonly CellValue[])[], cols: readonly number[], firstRow: number): CodedSheet {
  const rows = Math.max(0, values.length - (firstRow - 1));
  const columns = new Map<number, CodedColumn>();
  for (const c of cols) {
    if (columns.has(c)) continue;
    const codes = new Int32Array(rows).fill(-1);
    const distinct = new Map<CellValue, number>();
    const out: CellValue[] = [];
    for (let r = 0; r < rows; r++) {
      const v = values[firstRow - 1 + r]?.[c] ?? null;
      if (v === null) continue;
      let k = distinct.get(v);
      if (k === undefined) distinct.set(v, (k = out.push(v) - 1));
      codes[r] = k;
    }
    columns.set(c, { codes, values: out });
  }
  return { rows, columns };
}
