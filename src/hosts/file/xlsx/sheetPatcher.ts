// Patching cells into a worksheet's XML by streaming through its <row> elements. Rows without writes are
// copied as one slice; in a row with writes every other <c> keeps its exact text, new cells are placed in
// column order and missing rows are created in row order. <dimension> is recomputed from the real cells.
import { XlsxError } from './errors.ts';
import { shiftFormula } from './formula.ts';
import { cellRef, rangeRef } from './refs.ts';
import {
  childIndex,
  findSheetData,
  newCellSpan,
  newRowSpan,
  nextCell,
  nextRow,
  sheetTags,
  type CellSpan,
  type RowSpan,
  type SheetTags,
} from './sheetScan.ts';
import { findElement, rawAttr, removeAttr, setAttr, unescapeXml, escapeText } from './xml.ts';

/** Writes per row: column → the new cell's XML, or null to remove the cell. */
export type CellWrites = Map<number, Map<number, string | null>>;

export interface PatchResult {
  xml: string;
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

export function patchCells(xml: string, writes: CellWrites): PatchResult {
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const pending = [...writes.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  const bounds = new Bounds();
  const shared = new Map<string, SharedMaster>();
  const state = { removedFormula: false };
  const row = newRowSpan();
  const cell = newCellSpan();
  let pi = 0;
  let prevRow = 0;
  let pos = sd.contentStart;
  let copyFrom = sd.selfClosing ? sd.end : sd.contentStart;
  // A self-closing <sheetData/> becomes an element with a body.
  out.push(sd.selfClosing ? `${xml.slice(0, sd.start)}<${tags.p}sheetData>` : xml.slice(0, sd.contentStart));
  if (!sd.selfClosing) copyFrom = sd.contentStart;

  const emitNewRowsBefore = (limit: number): void => {
    while (pi < pending.length && pending[pi]! < limit) {
      const num = pending[pi++]!;
      const cells = [...writes.get(num)!.entries()].filter(([, x]) => x !== null).sort((a, b) => a[0] - b[0]);
      if (cells.length === 0) continue;
      bounds.add(num, cells[0]![0], cells[cells.length - 1]![0]);
      out.push(`<${tags.p}row r="${num}">${cells.map(([, x]) => x).join('')}</${tags.p}row>`);
    }
  };

  if (!sd.selfClosing) {
    while (nextRow(xml, tags, pos, sd.contentEnd, prevRow, row)) {
      prevRow = row.num;
      pos = row.end;
      const rowWrites = writes.get(row.num);
      const needsShared = shared.size > 0 && xml.substring(row.contentStart, row.contentEnd).includes('shared');
      if (pi < pending.length && pending[pi]! < row.num) {
        out.push(xml.slice(copyFrom, row.start));
        copyFrom = row.start;
        emitNewRowsBefore(row.num);
      }
      if (!rowWrites && row.hasR && !needsShared) {
        trackBounds(xml, tags, row, cell, bounds);
        continue;
      }
      if (rowWrites && pending[pi] === row.num) pi++;
      out.push(xml.slice(copyFrom, row.start));
      out.push(patchRow(xml, tags, row, rowWrites, shared, state, bounds));
      copyFrom = row.end;
    }
    out.push(xml.slice(copyFrom, sd.contentEnd));
  }
  emitNewRowsBefore(Infinity);
  out.push(sd.selfClosing ? `</${tags.p}sheetData>${xml.slice(sd.end)}` : xml.slice(sd.contentEnd));
  let result = out.join('');
  result = setDimension(result, tags, bounds.ref);
  return { xml: result, removedFormula: state.removedFormula };
}

/** Adds an untouched row's cells to the bounds using only its first and last cell. */
function trackBounds(xml: string, tags: SheetTags, row: RowSpan, cell: CellSpan, bounds: Bounds): void {
  if (row.selfClosing || !nextCell(xml, tags, row.contentStart, row.contentEnd, -1, cell)) return;
  const first = cell.col;
  let last = first;
  if (!cell.hasR) {
    let p = cell.end;
    let prev = cell.col;
    while (nextCell(xml, tags, p, row.contentEnd, prev, cell)) {
      prev = cell.col;
      p = cell.end;
      if (cell.col > last) last = cell.col;
    }
  } else {
    // The last <c> of the row: search backwards (cell bodies never contain "<c").
    const body = xml.substring(row.contentStart, row.contentEnd);
    let i = body.lastIndexOf(tags.c);
    while (i >= 0 && !isNameEndChar(body.charCodeAt(i + tags.c.length))) i = i === 0 ? -1 : body.lastIndexOf(tags.c, i - 1);
    if (i >= 0 && nextCell(xml, tags, row.contentStart + i, row.contentEnd, first, cell) && cell.hasR) last = Math.max(first, cell.col);
    else {
      let p = row.contentStart;
      let prev = -1;
      while (nextCell(xml, tags, p, row.contentEnd, prev, cell)) {
        prev = cell.col;
        p = cell.end;
        if (cell.col > last) last = cell.col;
      }
    }
  }
  bounds.add(row.num, first, last);
}

function isNameEndChar(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Rebuilds one row: writes applied, other cells verbatim (given an r= when they had none). */
function patchRow(
  xml: string,
  tags: SheetTags,
  row: RowSpan,
  rowWrites: Map<number, string | null> | undefined,
  shared: Map<string, SharedMaster>,
  state: { removedFormula: boolean },
  bounds: Bounds,
): string {
  const news = rowWrites ? [...rowWrites.entries()].sort((a, b) => a[0] - b[0]) : [];
  const parts: string[] = [];
  let ni = 0;
  let minCol = Infinity;
  let maxCol = -1;
  const put = (col: number, text: string): void => {
    parts.push(text);
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  };
  const cell = newCellSpan();
  let p = row.contentStart;
  let prevCol = -1;
  let lastEnd = row.contentStart;
  while (!row.selfClosing && nextCell(xml, tags, p, row.contentEnd, prevCol, cell)) {
    prevCol = cell.col;
    p = cell.end;
    lastEnd = cell.end;
    while (ni < news.length && news[ni]![0] < cell.col) {
      const [c, x] = news[ni++]!;
      if (x !== null) put(c, x);
    }
    if (ni < news.length && news[ni]![0] === cell.col) {
      const [c, x] = news[ni++]!;
      noteRemoved(xml, tags, cell, row.num, shared, state);
      if (x !== null) put(c, x);
      continue;
    }
    let text = xml.slice(cell.start, cell.end);
    if (shared.size > 0) text = expandSharedDependent(xml, tags, cell, text, row.num, shared);
    if (!cell.hasR) text = `${tags.c} r="${cellRef(row.num, cell.col)}"${text.slice(tags.c.length)}`;
    put(cell.col, text);
  }
  while (ni < news.length) {
    const [c, x] = news[ni++]!;
    if (x !== null) put(c, x);
  }
  if (maxCol >= 0) bounds.add(row.num, minCol, maxCol);
  // Anything between the last cell and </row> (an extLst, whitespace) is kept.
  const tail = row.selfClosing ? '' : xml.slice(lastEnd, row.contentEnd);
  let attrs = row.attrs.replace(/\s*\/$/, '');
  if (!row.hasR) attrs = setAttr(attrs, 'r', String(row.num));
  const spans = rawAttr(attrs, 'spans');
  if (spans !== undefined && maxCol >= 0) {
    // spans is an optimisation hint: widen it when new cells fall outside, otherwise keep it as written.
    const m = /^(\d+):(\d+)$/.exec(spans);
    const lo = m ? Math.min(Number(m[1]), minCol + 1) : minCol + 1;
    const hi = m ? Math.max(Number(m[2]), maxCol + 1) : maxCol + 1;
    if (!m || lo !== Number(m[1]) || hi !== Number(m[2])) attrs = setAttr(attrs, 'spans', `${lo}:${hi}`);
  }
  return `${tags.row}${attrs}>${parts.join('')}${tail}${tags.rowClose}`;
}

/** Records what an overwritten cell loses: a formula (calc chain) or a shared formula's master. */
function noteRemoved(xml: string, tags: SheetTags, cell: CellSpan, rowNum: number, shared: Map<string, SharedMaster>, state: { removedFormula: boolean }): void {
  const fi = childIndex(xml, tags.f, cell.contentStart, cell.contentEnd);
  if (fi < 0) return;
  state.removedFormula = true;
  const f = findElement(xml, `${tags.p}f`, fi, cell.contentEnd);
  if (!f || rawAttr(f.attrs, 't') !== 'shared') return;
  const si = rawAttr(f.attrs, 'si');
  if (si === undefined || f.contentStart === f.contentEnd) return;
  shared.set(si, { formula: unescapeXml(xml.slice(f.contentStart, f.contentEnd)), row: rowNum, col: cell.col });
}

/**
 * A dependent cell of a shared formula whose master was overwritten gets a standalone formula: the
 * master's formula moved by the cell's offset (what Excel shows in that cell).
 */
function expandSharedDependent(xml: string, tags: SheetTags, cell: CellSpan, text: string, rowNum: number, shared: Map<string, SharedMaster>): string {
  const fi = childIndex(xml, tags.f, cell.contentStart, cell.contentEnd);
  if (fi < 0) return text;
  const f = findElement(xml, `${tags.p}f`, fi, cell.contentEnd);
  if (!f || rawAttr(f.attrs, 't') !== 'shared') return text;
  const master = shared.get(rawAttr(f.attrs, 'si') ?? '');
  if (!master) return text;
  if (f.contentStart !== f.contentEnd) {
    throw new XlsxError('corrupt', 'The worksheet is damaged: a shared formula has two master cells.');
  }
  const formula = shiftFormula(master.formula, rowNum - master.row, cell.col - master.col);
  let attrs = removeAttr(removeAttr(removeAttr(f.attrs, 't'), 'si'), 'ref');
  attrs = attrs.replace(/\s*\/$/, '');
  const replaced = `<${tags.p}f${attrs}>${escapeText(formula)}</${tags.p}f>`;
  const from = f.start - cell.start;
  const to = f.end - cell.start;
  return text.slice(0, from) + replaced + text.slice(to);
}

/** Sets <dimension ref> (when the sheet has a dimension element). */
function setDimension(xml: string, tags: SheetTags, ref: string): string {
  const el = findElement(xml, `${tags.p}dimension`, 0, xml.indexOf(`<${tags.p}sheetData`));
  if (!el) return xml;
  const attrs = setAttr(el.attrs, 'ref', ref);
  return `${xml.slice(0, el.start)}<${tags.p}dimension${attrs}/>${xml.slice(el.end)}`;
}
