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
} from './sheetScan.ts';
import type { Sink } from './sink.ts';
import { escapeText, findElement, rawAttr, removeAttr, setAttr, unescapeXml } from './xml.ts';

/** The cells to write, produced row by row (so a 100,000-row patch never holds all its cell XML at once). */
export interface CellWrites {
  /** Rows with writes, ascending. */
  readonly rows: readonly number[];
  /** A row's writes, ascending by column: the new cell's XML, or null to remove the cell. */
  cells(row: number): [col: number, xml: string | null][];
}

export const NO_WRITES: CellWrites = { rows: [], cells: () => [] };

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
class Bounds {
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
}

/**
 * Streams `xml` into `out` with the writes applied. `head` may rewrite the part before <sheetData>
 * (<cols>); it gets that text with <dimension> already updated.
 */
export function patchCells(xml: string, writes: CellWrites, out: Sink, head: (s: string) => string = (s) => s): PatchResult {
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const st: State = { xml, tags, out, bounds: new Bounds(), shared: new Map(), removedFormula: false };
  const pending = writes.rows;
  const row = newRowSpan();
  const cell = newCellSpan();
  let pi = 0;
  let prevRow = 0;
  let pos = sd.contentStart;
  // Everything before the rows is written last, when the dimension is known.
  const headSlot = out.slot();
  let copyFrom = sd.contentStart;

  const emitNewRowsBefore = (limit: number): void => {
    while (pi < pending.length && pending[pi]! < limit) {
      const num = pending[pi++]!;
      const cells = writes.cells(num).filter(([, x]) => x !== null);
      if (cells.length === 0) continue;
      st.bounds.add(num, cells[0]![0], cells[cells.length - 1]![0]);
      out.str(`${tags.row} r="${num}">`);
      for (const [, x] of cells) out.str(x!);
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
      patchRow(st, row, hasWrites ? writes.cells(pending[pi++]!) : []);
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
function lastCell(st: State, row: RowSpan, cell: CellSpan): boolean {
  const { xml, tags } = st;
  if (row.selfClosing) return false;
  const body = xml.substring(row.contentStart, row.contentEnd);
  let i = body.lastIndexOf(tags.c);
  while (i >= 0 && !isNameEnd(body.charCodeAt(i + tags.c.length))) i = i === 0 ? -1 : body.lastIndexOf(tags.c, i - 1);
  return i >= 0 && nextCell(xml, tags, row.contentStart + i, row.contentEnd, -1, cell) && cell.hasR;
}

/** Adds an untouched row's cells to the bounds using only its first and last cell. */
function trackBounds(st: State, row: RowSpan, cell: CellSpan): void {
  const { xml, tags } = st;
  if (row.selfClosing || !nextCell(xml, tags, row.contentStart, row.contentEnd, -1, cell)) return;
  const first = cell.col;
  let last = first;
  if (cell.hasR && lastCell(st, row, cell)) last = Math.max(first, cell.col);
  else {
    let p = row.contentStart;
    let prev = -1;
    while (nextCell(xml, tags, p, row.contentEnd, prev, cell)) {
      prev = cell.col;
      p = cell.end;
      if (cell.col > last) last = cell.col;
    }
  }
  st.bounds.add(row.num, first, last);
}

/**
 * The common case, cheaply: every write lies right of the row's last cell (output columns next to the
 * data), so the row's cells are copied as one range and the new ones appended. False when it does not apply.
 */
function appendToRow(st: State, row: RowSpan, news: [number, string | null][], cell: CellSpan): boolean {
  const { xml, tags, out } = st;
  if (st.shared.size > 0 || !row.hasR || news.length === 0 || !lastCell(st, row, cell)) return false;
  if (news[0]![0] <= cell.col) return false;
  const lastCol = cell.col;
  const lastEnd = cell.end;
  if (!nextCell(xml, tags, row.contentStart, row.contentEnd, -1, cell) || !cell.hasR) return false;
  const firstCol = cell.col;
  out.str(`${tags.row}${rowAttrs(row, news)}>`);
  out.orig(row.contentStart, lastEnd);
  let maxCol = lastCol;
  let added = '';
  for (const [c, x] of news) {
    if (x === null) continue;
    added += x;
    maxCol = c;
  }
  if (lastEnd === row.contentEnd) out.str(added + tags.rowClose);
  else {
    out.str(added);
    out.orig(lastEnd, row.contentEnd);
    out.str(tags.rowClose);
  }
  st.bounds.add(row.num, firstCol, maxCol);
  return true;
}

/**
 * Rewrites one row: writes applied, runs of untouched cells copied as ranges (cells without r= get one,
 * dependents of a removed shared-formula master get their own formula).
 */
function patchRow(st: State, row: RowSpan, news: [number, string | null][]): void {
  const { xml, tags, out } = st;
  const cell = newCellSpan();
  if (appendToRow(st, row, news, cell)) return;
  out.str(`${tags.row}${rowAttrs(row, news)}>`);
  let minCol = Infinity;
  let maxCol = -1;
  const see = (col: number): void => {
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  };
  let ni = 0;
  const emitNew = (upTo: number): void => {
    while (ni < news.length && news[ni]![0] < upTo) {
      const [c, x] = news[ni++]!;
      if (x !== null) {
        out.str(x);
        see(c);
      }
    }
  };
  let p = row.contentStart;
  let prevCol = -1;
  let runStart = row.contentStart;
  while (!row.selfClosing && nextCell(xml, tags, p, row.contentEnd, prevCol, cell)) {
    prevCol = cell.col;
    p = cell.end;
    let k = ni;
    while (k < news.length && news[k]![0] < cell.col) k++;
    const inserts = k > ni;
    const overwritten = k < news.length && news[k]![0] === cell.col;
    let rewritten: string | null = null;
    if (!overwritten) {
      if (!cell.hasR) rewritten = `${tags.c} r="${cellRef(row.num, cell.col)}"${xml.slice(cell.start + tags.c.length, cell.end)}`;
      if (st.shared.size > 0) rewritten = expandSharedDependent(st, cell, row.num, rewritten) ?? rewritten;
    }
    if (!inserts && !overwritten && rewritten === null) {
      see(cell.col);
      continue; // stays in the current run of untouched cells
    }
    out.orig(runStart, cell.start);
    emitNew(cell.col);
    if (overwritten) {
      const [c, x] = news[ni++]!;
      noteRemoved(st, cell, row.num);
      if (x !== null) {
        out.str(x);
        see(c);
      }
    } else {
      if (rewritten !== null) out.str(rewritten);
      else out.orig(cell.start, cell.end);
      see(cell.col);
    }
    runStart = cell.end;
  }
  // New cells after the last existing one go before anything else that follows it (an extLst, whitespace).
  const tailStart = row.selfClosing ? row.contentStart : p;
  out.orig(runStart, tailStart);
  emitNew(Infinity);
  if (!row.selfClosing) out.orig(tailStart, row.contentEnd);
  out.str(tags.rowClose);
  if (maxCol >= 0) st.bounds.add(row.num, minCol, maxCol);
}

/** The row's attributes with r= when it had none and spans widened to cover new cells. */
function rowAttrs(row: RowSpan, news: readonly [number, string | null][]): string {
  let attrs = row.attrs;
  if (!row.hasR) attrs = setAttr(attrs, 'r', String(row.num));
  const spans = rawAttr(attrs, 'spans');
  if (spans === undefined) return attrs;
  let first = -1;
  let last = -1;
  for (const [c, x] of news) {
    if (x === null) continue;
    if (first < 0) first = c;
    last = c;
  }
  if (first < 0) return attrs;
  // spans is an optimisation hint: widen it when new cells fall outside, otherwise keep it as written.
  const m = /^(\d+):(\d+)$/.exec(spans);
  if (!m) return removeAttr(attrs, 'spans');
  const lo = Math.min(Number(m[1]), first + 1);
  const hi = Math.max(Number(m[2]), last + 1);
  return lo === Number(m[1]) && hi === Number(m[2]) ? attrs : setAttr(attrs, 'spans', `${lo}:${hi}`);
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
    throw new XlsxError('corrupt', 'The worksheet is damaged: a shared formula has two master cells.');
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
function setDimension(head: string, tags: SheetTags, ref: string): string {
  const el = findElement(head, `${tags.p}dimension`);
  if (!el) return head;
  return `${head.slice(0, el.start)}<${tags.p}dimension${setAttr(el.attrs, 'ref', ref)}/>${head.slice(el.end)}`;
}
