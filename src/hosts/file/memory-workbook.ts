// A workbook held as plain value grids: what a CSV becomes. Reads are instant (no package to parse); the
// writes are recorded so that saving as .xlsx replays them through the same xlsx writer as real workbooks.
import { sheetValues } from '../../core/index.ts';
import { XlsxError } from './xlsx/errors.ts';
import type { CellValue, ColumnsPatch, GeneratedSheet, Progress, SheetInfo, SheetValues, TierBookMarks, WorkbookPort } from '../../port/workbook.ts';

interface MemorySheet {
  name: string;
  values: CellValue[][];
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

  constructor(sheets: { name: string; values: CellValue[][] }[]) {
    this.sheets = sheets.map((s) => ({ name: s.name, values: s.values, generated: null, created: false, original: null }));
  }

  private sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new XlsxError('sheet', `工作簿中没有名为"${name}"的工作表。`, `The workbook has no sheet named "${name}".`);
    return s;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => {
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
    const s = this.sheet(name);
    const first = options?.firstRow ?? 1;
    const last = Math.min(options?.lastRow ?? s.values.length, s.values.length);
    return { sheet: name, firstRow: first, values: s.values.slice(first - 1, last) };
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
    if (existing) Object.assign(existing, { values, generated: sheet });
    else this.sheets.push({ name: sheet.name, values, generated: sheet, created: true, original: null });
    this.writes.push({ kind: 'sheet', sheet });
  }

  async appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): Promise<void> {
    let s = this.sheets.find((x) => x.name === sheet);
    if (!s) {
      s = { name: sheet, values: [header.slice()], generated: null, created: true, original: null };
      this.sheets.push(s);
    }
    if (kind) this.markSheet(sheet, kind);
    if (replace) s.values = s.values.filter((r, i) => i === 0 || String(r[replace.col] ?? '') !== String(replace.key ?? ''));
    s.values.push(...rows.map((r) => r.slice()));
    this.writes.push({ kind: 'append', sheet, header, rows, ...(replace ? { replace } : {}), ...(kind ? { mark: kind } : {}), ...(numberFormats ? { numberFormats } : {}) });
  }

  /** The sheets as they were before the first write (what an .xlsx replay starts from). */
  originalSheets(): { name: string; values: CellValue[][] }[] {
    return this.sheets.filter((s) => !s.created).map((s) => ({ name: s.name, values: s.original ?? s.values }));
  }

  /** Current values of a sheet (for CSV export). */
  values(name: string): CellValue[][] {
    return this.sheet(name).values;
  }
}
