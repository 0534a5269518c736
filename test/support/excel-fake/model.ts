// The workbook state behind the Excel fake: sheets of cells (values, formulas, apostrophe prefixes), number
// formats, fills, conditional formats, Excel tables, PivotTables and charts. Proxies (fake.ts) only read and
// change this state while a context.sync() applies their queued commands, never before.

import { columnIndex, columnLetter } from '../../../src/core/cells.ts';

export type Scalar = string | number | boolean;

/** 0-based rectangle on a sheet. */
export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** An error shaped like OfficeExtension.Error (name "RichApi.Error", a code from Excel.ErrorCodes / OfficeExtension.ErrorCodes). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

// A1 letters come from the product's shared helpers (src/core/cells.ts): one definition of the alphabet arithmetic.
export const colLetters = columnLetter;
const colIndex = columnIndex;

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:C3" as Excel's Range.address gives it. */
export function addressOf(sheet: string, r: Rect): string {
  const tl = `${colLetters(r.c0)}${r.r0 + 1}`;
  const br = `${colLetters(r.c0 + r.cols - 1)}${r.r0 + r.rows}`;
  return `${quoteSheet(sheet)}!${r.rows === 1 && r.cols === 1 ? tl : `${tl}:${br}`}`;
}

/** "A1", "A1:C3", "D:D", "2:5", optionally prefixed "Sheet!". */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let ref = address;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, '');
  const parts = ref.split(':');
  const cell = /^([A-Za-z]{1,3})?(\d+)?$/;
  const a = cell.exec(parts[0]!);
  const b = cell.exec(parts[1] ?? parts[0]!);
  if (!a || !b || parts.length > 2) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address}".`);
  const c0 = a[1] ? colIndex(a[1]) : 0;
  const c1 = b[1] ? colIndex(b[1]) : MAX_COLS - 1;
  const r0 = a[2] ? Number(a[2]) - 1 : 0;
  const r1 = b[2] ? Number(b[2]) - 1 : MAX_ROWS - 1;
  return { sheet, rect: { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 } };
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r0 && r < outer.r0 + outer.rows && c >= outer.c0 && c < outer.c0 + outer.cols;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

export interface RectFormat {
  rect: Rect;
  fill?: string | null;
  bold?: boolean;
  wrap?: boolean;
}

export interface ConditionalFormatModel {
  rect: Rect;
  /** A custom rule's formula, e.g. =$D4="金卡" (relative to the top-left cell of `rect`). */
  formula: string;
  fill: string | null;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  rect: Rect;
  style: string;
}

export interface PivotDataModel {
  name: string;
  field: string;
  summarizeBy: string;
  showAs: string | null;
  numberFormat: string | null;
}

export interface PivotModel {
  name: string;
  sheet: SheetModel;
  /** Top-left output cell. */
  at: { r: number; c: number };
  source: { table: TableModel } | { sheet: SheetModel; rect: Rect };
  /** The fields of the PivotTable's cache: the source's headers when it was created or last refreshed. */
  fields: string[];
  rows: string[];
  columns: string[];
  filters: string[];
  data: PivotDataModel[];
  layoutType: string;
  subtotalsOff: Set<string>;
  refreshes: number;
  /** The rectangle the PivotTable occupies after its last refresh. */
  output: Rect;
  /** Where the row labels and the data body lie inside `output` (for PivotLayout). */
  rowLabels: Rect;
  dataBody: Rect;
}

/** A workbook-level defined name. */
export interface NameModel {
  name: string;
  /** The formula as NamedItem.formula gives it ("='Sheet'!$H:$H"). */
  formula: string;
  visible: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  sheet: SheetModel;
  /** The cells charted (for a PivotChart, the PivotTable's whole output). */
  source: { sheet: SheetModel; rect: Rect };
  /** Set when the chart was made over PivotTable cells: it is then a PivotChart bound to that PivotTable. */
  pivot: PivotModel | null;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string | null } | null;
}

export class SheetModel {
  name: string;
  visibility = 'Visible';
  /** Values by 0-based row; undefined = blank. */
  rows: (Scalar | undefined)[][] = [];
  /** Formulas by cell key (r * MAX_COLS + c); their value is not evaluated by the fake (see README). */
  formulas = new Map<number, string>();
  /** Cells whose text was entered with a leading apostrophe (PrefixCharacter). */
  prefixed = new Set<number>();
  /** Number formats, column by column (sparse; undefined = General). */
  numberFormats = new Map<number, (string | undefined)[]>();
  formats: RectFormat[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  pageLayout: { orientation?: string; printTitleRows?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } } = {};
  private usedCache: Rect | null | undefined;

  constructor(name: string) {
    this.name = name;
  }

  static key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  touch(): void {
    this.usedCache = undefined;
  }

  get(r: number, c: number): Scalar | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, v: Scalar | undefined, formula?: string, prefixed = false): void {
    let row = this.rows[r];
    if (!row) {
      if (v === undefined && !formula) return;
      while (this.rows.length <= r) this.rows.push([]);
      row = this.rows[r]!;
    }
    row[c] = v;
    const k = SheetModel.key(r, c);
    if (formula) this.formulas.set(k, formula);
    else if (this.formulas.size) this.formulas.delete(k);
    if (prefixed) this.prefixed.add(k);
    else if (this.prefixed.size) this.prefixed.delete(k);
  }

  /** The used range counting values only (getUsedRange(true)), or null for a sheet without values. */
  usedValues(): Rect | null {
    if (this.usedCache !== undefined) return this.usedCache;
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r]!;
      let any = false;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== undefined && row[c] !== '') {
          any = true;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
      if (any) {
        if (r0 < 0) r0 = r;
        r1 = r;
      }
    }
    this.usedCache = r0 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    return this.usedCache;
  }

  numberFormatAt(r: number, c: number): string {
    return this.numberFormats.get(c)?.[r] ?? 'General';
  }

  setNumberFormat(r: number, c: number, f: string): void {
    let col = this.numberFormats.get(c);
    if (!col) this.numberFormats.set(c, (col = []));
    col[r] = f === '' || f === 'General' ? undefined : f;
  }

  /** Static formatting at a cell: the last range format applied that covers it wins. */
  formatAt(r: number, c: number, prop: 'fill' | 'bold' | 'wrap'): string | boolean | null {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i]!;
      if (f[prop] !== undefined && contains(f.rect, r, c)) return f[prop] ?? null;
    }
    return null;
  }

  /** Delete whole rows [r0, r0 + n): rows below move up; tables shrink or move. */
  deleteRows(r0: number, n: number, tables: TableModel[]): void {
    this.rows.splice(r0, n);
    const shiftKeys = <T>(m: Map<number, T> | Set<number>) => {
      const entries = [...(m instanceof Map ? m.entries() : [...m].map((k) => [k, k] as [number, unknown]))];
      m.clear();
      for (const [k, v] of entries) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if (r >= r0 && r < r0 + n) continue;
        const nk = SheetModel.key(r >= r0 + n ? r - n : r, c);
        if (m instanceof Map) (m as Map<number, T>).set(nk, v as T);
        else m.add(nk);
      }
    };
    shiftKeys(this.formulas);
    shiftKeys(this.prefixed);
    for (const col of this.numberFormats.values()) col.splice(r0, n);
    for (const t of tables) {
      if (t.sheet !== this) continue;
      const top = t.rect.r0;
      const bottom = t.rect.r0 + t.rect.rows - 1;
      if (r0 > bottom) continue;
      if (r0 + n - 1 < top) {
        t.rect = { ...t.rect, r0: t.rect.r0 - n };
        continue;
      }
      // Rows inside the table body: it shrinks (never below its header and one body row).
      const lo = Math.max(r0, top + 1);
      const hi = Math.min(r0 + n - 1, bottom);
      const removed = Math.max(0, hi - lo + 1);
      t.rect = { ...t.rect, rows: Math.max(2, t.rect.rows - removed) };
    }
    this.touch();
  }
}
