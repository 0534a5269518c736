// Patching cells into a worksheet's XML by streaming through its <row> elements. Rows without writes are
// copied as one range; in a row with writes every other <c> keeps its exact text, new cells are placed in
// column order and missing rows are created in row order. <dimension> is recomputed from the real cells.
import { XlsxError } from './errors.ts';
import { shiftFormula } from './formula.ts';
import { cellRef, rangeRef } from './refs.ts';
import {
  childIndex,
  findSheetData,
  isNameEnd,
  newCellSpan,
  newRowSpan,
  nextCell,
  nextRow,
  sheetTags,
  type CellSpan,
  type RowSpan,
  type SheetTags,
} from './sheet-scan.ts';
import type { Sink } from './sink.ts';
import { attrValueEnd, attrValueStart, escapeText, findElement, rawAttr, removeAttr, setAttr, unescapeXml } from './xml.ts';

/** The cells to write, produced row by row and written straight into the sink (no cell XML strings). */
export interface CellWrites {
  /** Rows with writes, ascending. */
  readonly rows: readonly number[];
  /** A row's writes (the object may be reused: use it before asking for the next row). */
  cells(row: number): RowWrites;
}

/** One row's writes, ascending by column. */
export interface RowWrites {
  readonly cols: readonly number[];
  /** False where the write removes the cell (nothing is written there). */
  readonly present: readonly boolean[];
  /** Writes the cell of write k (a present one). */
  write(k: number, out: Sink): void;
}

const NONE: RowWrites = { cols: [], present: [], write: () => {} };

/** Index of the first and last present write of a row, or -1. */
function firstPresent(w: RowWrites): number {
  return w.present.indexOf(true);
}

function lastPresent(w: RowWrites): number {
  return w.present.lastIndexOf(true);
}

export interface PatchResult {
  /** True when a formula cell was overwritten or removed (the calculation chain must be dropped). */
  removedFormula: boolean;
}

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

/** Bounding box of the cells in the patched sheet. */
export class Bounds {
  minRow = Infinity;
  maxRow = 0;
  minCol = Infinity;
  maxCol = -1;

  add(row: number, firstCol: number, lastCol: number): void {
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (firstCol < this.minCol) this.minCol = firstCol;
    if (lastCol > this.maxCol) this.maxCol = lastCol;
  }

  get ref(): string {
    return this.maxRow === 0 ? 'A1' : rangeRef(this.minRow, this.minCol, this.maxRow, this.maxCol);
  }
}

interface State {
  xml: string;
  tags: SheetTags;
  out: Sink;
  bounds: Bounds;
  shared: Map<string, SharedMaster>;
  removedFormula: boolean;
  /** Scratch for the row being rewritten (reused: nothing is allocated per row). */
  cell: CellSpan;
  /** Columns of the cells written so far in the row being rewritten. */
  minCol: number;
  maxCol: number;
  spans: SpansMemo;
}

/**
 * Streams `xml` into `out` with the writes applied. `head` may rewrite the part before <sheetData>
 * (<cols>); it gets that text with <dimension> already updated.
 */
export function patchCells(xml: string, writes: CellWrites, out: Sink, head: (s: string) => string = (s) => s): PatchResult {
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const cell = newCellSpan();
  const st: State = {
    xml,
    tags,
    out,
    bounds: new Bounds(),
    shared: new Map(),
    removedFormula: false,
    cell,
    minCol: Infinity,
    maxCol: -1,
    spans: { spans: '', first: -1, last: -1, widened: null },
  };
  const pending = writes.rows;
  const row = newRowSpan();
  let pi = 0;
  let prevRow = 0;
  let pos = sd.contentStart;
  // Everything before the rows is written last, when the dimension is known.
  const headSlot = out.slot();
  let copyFrom = sd.contentStart;

  const emitNewRowsBefore = (limit: number): void => {
    while (pi < pending.length && pending[pi]! < limit) {
      const num = pending[pi++]!;
      const w = writes.cells(num);
      const first = firstPresent(w);
      if (first < 0) continue;
      st.bounds.add(num, w.cols[first]!, w.cols[lastPresent(w)]!);
      out.str(`${tags.row} r="${num}">`);
      for (let k = first; k < w.cols.length; k++) if (w.present[k]) w.write(k, out);
      out.str(tags.rowClose);
    }
  };

  if (!sd.selfClosing) {
    while (nextRow(xml, tags, pos, sd.contentEnd, prevRow, row)) {
      prevRow = row.num;
      pos = row.end;
      if (pi < pending.length && pending[pi]! < row.num) {
        out.orig(copyFrom, row.start);
        copyFrom = row.start;
        emitNewRowsBefore(row.num);
      }
      const hasWrites = pi < pending.length && pending[pi] === row.num;
      const needsShared = st.shared.size > 0 && xml.substring(row.contentStart, row.contentEnd).includes('shared');
      if (!hasWrites && row.hasR && !needsShared) {
        trackBounds(st, row, cell);
        continue;
      }
      out.orig(copyFrom, row.start);
      patchRow(st, row, hasWrites ? writes.cells(pending[pi++]!) : NONE);
      copyFrom = row.end;
    }
    out.orig(copyFrom, sd.contentEnd);
  }
  emitNewRowsBefore(Infinity);
  out.str(sd.selfClosing ? `</${tags.p}sheetData>` : '');
  out.orig(sd.selfClosing ? sd.end : sd.contentEnd, xml.length);
  const before = setDimension(xml.slice(0, sd.start), tags, st.bounds.ref);
  const open = sd.selfClosing ? `<${tags.p}sheetData>` : xml.slice(sd.start, sd.contentStart);
  out.fill(headSlot, head(before) + open);
  return { removedFormula: st.removedFormula };
}

/**
 * Finds the last <c> of a row into `cell` by searching backwards (cell bodies never contain "<c").
 * False when the row has no cells or the last one has no r= (its column depends on the others).
 */
function lastCell(xml: string, tags: SheetTags, row: RowSpan, cell: CellSpan): boolean {
  if (row.selfClosing) return false;
  const body = xml.substring(row.contentStart, row.contentEnd);
  let i = body.lastIndexOf(tags.c);
  while (i >= 0 && !isNameEnd(body.charCodeAt(i + tags.c.length))) i = i === 0 ? -1 : body.lastIndexOf(tags.c, i - 1);
  return i >= 0 && nextCell(xml, tags, row.contentStart + i, row.contentEnd, -1, cell) && cell.hasR;
}

/** Adds an untouched row's cells to the bounds using only its first and last cell. */
function trackBounds(st: State, row: RowSpan, cell: CellSpan): void {
  addRowBounds(st.xml, st.tags, row, row.num, cell, st.bounds);
}

/** Adds the cells of a row (counted as row `num`) to `bounds`, looking at its first and last cell only. */
export function addRowBounds(xml: string, tags: SheetTags, row: RowSpan, num: number, cell: CellSpan, bounds: Bounds): void {
  if (row.selfClosing || !nextCell(xml, tags, row.contentStart, row.contentEnd, -1, cell)) return;
  const first = cell.col;
  let last = first;
  if (cell.hasR && lastCell(xml, tags, row, cell)) last = Math.max(first, cell.col);
  else {
    let p = row.contentStart;
    let prev = -1;
    while (nextCell(xml, tags, p, row.contentEnd, prev, cell)) {
      prev = cell.col;
      p = cell.end;
      if (cell.col > last) last = cell.col;
    }
  }
  bounds.add(num, first, last);
}

/**
 * The common case, cheaply: every write lies right of the row's last cell (output columns next to the
 * data), so the row's cells are copied as one range and the new ones appended. False when it does not apply.
 */
function appendToRow(st: State, row: RowSpan, w: RowWrites, cell: CellSpan): boolean {
  const { xml, tags, out } = st;
  if (st.shared.size > 0 || !row.hasR || w.cols.length === 0 || !lastCell(xml, tags, row, cell)) return false;
  if (w.cols[0]! <= cell.col) return false;
  const lastCol = cell.col;
  const lastEnd = cell.end;
  if (!nextCell(xml, tags, row.contentStart, row.contentEnd, -1, cell) || !cell.hasR) return false;
  const firstCol = cell.col;
  out.str(`${tags.row}${rowAttrs(st, row, w)}>`);
  out.orig(row.contentStart, lastEnd);
  let maxCol = lastCol;
  for (let k = 0; k < w.cols.length; k++) {
    if (!w.present[k]) continue;
    w.write(k, out);
    maxCol = w.cols[k]!;
  }
  out.orig(lastEnd, row.contentEnd);
  out.str(tags.rowClose);
  st.bounds.add(row.num, firstCol, maxCol);
  return true;
}

/**
 * Rewrites one row: writes applied, runs of untouched cells copied as ranges (cells without r= after a
 * write get one, dependents of a removed shared-formula master get their own formula).
 */
function patchRow(st: State, row: RowSpan, w: RowWrites): void {
  const { xml, tags, out, cell } = st;
  if (appendToRow(st, row, w, cell)) return;
  out.str(`${tags.row}${rowAttrs(st, row, w)}>`);
  st.minCol = Infinity;
  st.maxCol = -1;
  let ni = 0;
  let p = row.contentStart;
  let prevCol = -1;
  let runStart = row.contentStart;
  while (!row.selfClosing && nextCell(xml, tags, p, row.contentEnd, prevCol, cell)) {
    prevCol = cell.col;
    p = cell.end;
    let k = ni;
    while (k < w.cols.length && w.cols[k]! < cell.col) k++;
    const inserts = k > ni;
    const overwritten = k < w.cols.length && w.cols[k] === cell.col;
    let rewritten: string | null = null;
    if (!overwritten) {
      // A cell without r= sits one right of the cell before it: it needs one only when a write before it
      // (a new or removed cell) would move it; otherwise its bytes are kept.
      if (!cell.hasR && (inserts || ni > 0)) rewritten = `${tags.c} r="${cellRef(row.num, cell.col)}"${xml.slice(cell.start + tags.c.length, cell.end)}`;
      if (st.shared.size > 0) rewritten = expandSharedDependent(st, cell, row.num, rewritten) ?? rewritten;
    }
    if (!inserts && !overwritten && rewritten === null) {
      see(st, cell.col);
      continue; // stays in the current run of untouched cells
    }
    out.orig(runStart, cell.start);
    ni = emitNew(st, w, ni, cell.col);
    if (overwritten) {
      noteRemoved(st, cell, row.num);
      if (w.present[ni]) {
        w.write(ni, out);
        see(st, w.cols[ni]!);
      }
      ni++;
    } else {
      if (rewritten !== null) out.str(rewritten);
      else out.orig(cell.start, cell.end);
      see(st, cell.col);
    }
    runStart = cell.end;
  }
  // New cells after the last existing one go before anything else that follows it (an extLst, whitespace).
  const tailStart = row.selfClosing ? row.contentStart : p;
  out.orig(runStart, tailStart);
  emitNew(st, w, ni, Infinity);
  if (!row.selfClosing) out.orig(tailStart, row.contentEnd);
  out.str(tags.rowClose);
  if (st.maxCol >= 0) st.bounds.add(row.num, st.minCol, st.maxCol);
}

/** Notes a cell written in the row being rewritten. */
function see(st: State, col: number): void {
  if (col < st.minCol) st.minCol = col;
  if (col > st.maxCol) st.maxCol = col;
}

/** Writes the new cells left of column `upTo`, from write ni on; returns the index of the first one not written. */
function emitNew(st: State, w: RowWrites, ni: number, upTo: number): number {
  for (; ni < w.cols.length && w.cols[ni]! < upTo; ni++) {
    if (!w.present[ni]) continue;
    w.write(ni, st.out);
    see(st, w.cols[ni]!);
  }
  return ni;
}

/** The row's attributes with r= when it had none and spans widened to cover new cells. */
function rowAttrs(st: State, row: RowSpan, w: RowWrites): string {
  let attrs = row.attrs;
  if (!row.hasR) attrs = setAttr(attrs, 'r', String(row.num));
  const start = attrValueStart(attrs, 0, attrs.length, 'spans');
  if (start < 0) return attrs;
  const k = firstPresent(w);
  if (k < 0) return attrs;
  const end = attrValueEnd(attrs, start);
  const spans = widenedSpans(st.spans, attrs.slice(start, end), w.cols[k]!, w.cols[lastPresent(w)]!);
  if (spans === null) return removeAttr(attrs, 'spans');
  return spans === attrs.slice(start, end) ? attrs : `${attrs.slice(0, start)}${spans}${attrs.slice(end)}`;
}

/** The last spans widened (rows of a sheet mostly share theirs, and the writes fall in the same columns). */
interface SpansMemo {
  spans: string;
  first: number;
  last: number;
  widened: string | null;
}

/**
 * spans ("1:12") widened to cover columns first..last (0-based); null when it is not of that form (the
 * attribute is dropped). spans is an optimisation hint: widened when new cells fall outside, else kept.
 */
function widenedSpans(memo: SpansMemo, spans: string, first: number, last: number): string | null {
  if (memo.spans === spans && memo.first === first && memo.last === last) return memo.widened;
  const m = /^(\d+):(\d+)$/.exec(spans);
  let widened: string | null = null;
  if (m) {
    const lo = Math.min(Number(m[1]), first + 1);
    const hi = Math.max(Number(m[2]), last + 1);
    widened = lo === Number(m[1]) && hi === Number(m[2]) ? spans : `${lo}:${hi}`;
  }
  Object.assign(memo, { spans, first, last, widened });
  return widened;
}

/** Records what an overwritten cell loses: a formula (calc chain) or a shared formula's master. */
function noteRemoved(st: State, cell: CellSpan, rowNum: number): void {
  const { xml, tags } = st;
  const fi = childIndex(xml, tags.f, cell.contentStart, cell.contentEnd);
  if (fi < 0) return;
  st.removedFormula = true;
  const f = findElement(xml, `${tags.p}f`, fi, cell.contentEnd);
  if (!f || rawAttr(f.attrs, 't') !== 'shared') return;
  const si = rawAttr(f.attrs, 'si');
  if (si === undefined || f.contentStart === f.contentEnd) return;
  st.shared.set(si, { formula: unescapeXml(xml.slice(f.contentStart, f.contentEnd)), row: rowNum, col: cell.col });
}

/**
 * A dependent cell of a shared formula whose master was overwritten gets a standalone formula: the
 * master's formula moved by the cell's offset (what Excel shows in that cell). Returns the cell's new
 * text, or null when the cell is not such a dependent. `text` is the cell's text if already rewritten.
 */
function expandSharedDependent(st: State, cell: CellSpan, rowNum: number, text: string | null): string | null {
  const { xml, tags } = st;
  const fi = childIndex(xml, tags.f, cell.contentStart, cell.contentEnd);
  if (fi < 0) return null;
  const f = findElement(xml, `${tags.p}f`, fi, cell.contentEnd);
  if (!f || rawAttr(f.attrs, 't') !== 'shared') return null;
  const master = st.shared.get(rawAttr(f.attrs, 'si') ?? '');
  if (!master) return null;
  if (f.contentStart !== f.contentEnd) {
    throw new XlsxError('corrupt', '工作表已损坏：一个共享公式有两个主单元格。', 'The worksheet is damaged: a shared formula has two master cells.');
  }
  const formula = shiftFormula(master.formula, rowNum - master.row, cell.col - master.col);
  const attrs = removeAttr(removeAttr(removeAttr(f.attrs, 't'), 'si'), 'ref');
  const replaced = `<${tags.p}f${attrs}>${escapeText(formula)}</${tags.p}f>`;
  const original = xml.slice(cell.start, cell.end);
  const base = text ?? original;
  const shift = base.length - original.length; // an added r= sits before the <f>
  const from = f.start - cell.start + shift;
  const to = f.end - cell.start + shift;
  return base.slice(0, from) + replaced + base.slice(to);
}

/** Sets <dimension ref> (when the sheet has a dimension element) in the text before <sheetData>. */
export function setDimension(head: string, tags: SheetTags, ref: string): string {
  const el = findElement(head, `${tags.p}dimension`);
  if (!el) return head;
  return `${head.slice(0, el.start)}<${tags.p}dimension${setAttr(el.attrs, 'ref', ref)}/>${head.slice(el.end)}`;
}
