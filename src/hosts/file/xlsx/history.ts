// Appending to a generated table sheet (history): rows whose key cell matches are dropped (the rows below
// move up), then the new rows go after the last row holding anything. The sheet is streamed into a sink
// (a 100,000-row snapshot never exists as one string) and <dimension> is computed on the way.
import type { CellValue } from '../../../port/workbook.ts';
import { cellPresent, plainCellMarkup, writeCell } from './cells.ts';
import { colName } from './refs.ts';
import {
  cellHasContent,
  cellValue,
  findSheetData,
  newCellSpan,
  newRowSpan,
  nextCell,
  nextRow,
  sheetTags,
  type ValueContext,
} from './sheet-scan.ts';
import { Bounds, addRowBounds, setDimension } from './sheet-patcher.ts';
import type { Sink } from './sink.ts';
import { setAttr } from './xml.ts';

const ENCODER = new TextEncoder();

export interface AppendResult {
  /** Last row holding anything before the append (after dropping), and after it. */
  lastRowBefore: number;
  lastRowAfter: number;
}

/** Writes the sheet `xml` with the rows appended into `out`. */
export function appendToSheet(
  xml: string,
  ctx: ValueContext,
  header: readonly string[],
  headerStyle: number,
  rows: readonly CellValue[][],
  replace: { col: number; key: CellValue } | undefined,
  out: Sink,
  /** Style index per column of the new rows (number formats), or undefined. */
  styles?: readonly (number | undefined)[],
): AppendResult {
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const row = newRowSpan();
  const cell = newCellSpan();
  const bounds = new Bounds();
  const key = replace && replace.key !== null && replace.key !== '' ? String(replace.key) : null;
  // Everything before the rows is written last, when the dimension is known.
  const headSlot = out.slot();
  // Runs of kept rows that follow each other are copied as one range.
  let runStart = 0;
  let runEnd = -1;
  const flushRun = () => {
    if (runEnd >= 0) out.orig(runStart, runEnd);
    runEnd = -1;
  };
  let dropped = 0;
  let lastRow = 0;
  let prevRow = 0;
  let pos = sd.contentStart;
  while (!sd.selfClosing && nextRow(xml, tags, pos, sd.contentEnd, prevRow, row)) {
    prevRow = row.num;
    pos = row.end;
    let hasContent = false;
    let match = false;
    let cpos = row.contentStart;
    let prevCol = -1;
    while (!row.selfClosing && nextCell(xml, tags, cpos, row.contentEnd, prevCol, cell)) {
      prevCol = cell.col;
      cpos = cell.end;
      if (!hasContent && cellHasContent(xml, tags, cell)) hasContent = true;
      if (key !== null && row.num > 1 && cell.col === replace!.col) {
        const v = cellValue(xml, tags, cell, ctx);
        if (v !== null && String(v) === key) match = true;
      }
    }
    if (match) {
      dropped++;
      continue;
    }
    const num = row.num - dropped;
    addRowBounds(xml, tags, row, num, cell, bounds);
    if (dropped > 0 || !row.hasR) {
      flushRun();
      out.str(renumberRow(xml.slice(row.start, row.end), tags.row, tags.c, num));
    } else if (runEnd === row.start) runEnd = row.end;
    else {
      flushRun();
      runStart = row.start;
      runEnd = row.end;
    }
    if (hasContent) lastRow = num;
  }
  flushRun();
  let r = lastRow;
  const letters: string[] = [];
  // `<c r="` and the column's letters, as bytes: what every cell of the column starts with.
  const opens: Uint8Array[] = [];
  const plain = plainCellMarkup(tags.p);
  const rowOpen = `${tags.row} r="`;
  // Not a closure per row: a million rows would each make one (and tsx wraps every one in __name).
  const styleOf = (values: readonly CellValue[], rowStyle: number | undefined, c: number) => rowStyle ?? (values[c] === null ? undefined : styles?.[c]);
  const newRow = (values: readonly CellValue[], rowStyle: number | undefined) => {
    let first = -1;
    let last = -1;
    for (let c = 0; c < values.length; c++) {
      if (!cellPresent(values[c]!, styleOf(values, rowStyle, c))) continue;
      if (first < 0) first = c;
      last = c;
    }
    if (first < 0) return;
    out.ascii(rowOpen);
    out.uint(r);
    out.ascii('">');
    const unstyled = rowStyle === undefined && styles === undefined;
    if (unstyled) for (let c = opens.length; c <= last; c++) opens.push(ENCODER.encode(`<${tags.p}c r="${colName(c)}`));
    for (let c = first; c <= last; c++) {
      // Plain text and numbers straight into the sink's bytes; anything else (and what follows) cell by cell.
      if (unstyled && (c = out.plainCells(values, c, last, r, opens, plain)) > last) break;
      const style = styleOf(values, rowStyle, c);
      if (cellPresent(values[c]!, style)) writeCell(out, (letters[c] ??= colName(c)), r, values[c]!, style, tags.p);
    }
    out.ascii(tags.rowClose);
    bounds.add(r, first, last);
  };
  if (lastRow === 0 && header.length > 0) {
    r = 1;
    newRow(header, headerStyle);
  }
  for (const values of rows) {
    r++;
    newRow(values, undefined);
  }
  out.str(`</${tags.p}sheetData>`);
  out.orig(sd.end, xml.length);
  out.fill(headSlot, `${setDimension(xml.slice(0, sd.start), tags, bounds.ref)}<${tags.p}sheetData>`);
  return { lastRowBefore: lastRow, lastRowAfter: r };
}

/** A row's XML moved to row `num`: its r and every cell reference's row. */
function renumberRow(text: string, rowOpen: string, cellOpen: string, num: number): string {
  const tagEnd = text.indexOf('>');
  const selfClosing = text.charCodeAt(tagEnd - 1) === 47;
  const attrs = text.slice(rowOpen.length, selfClosing ? tagEnd - 1 : tagEnd);
  const head = `${rowOpen}${setAttr(attrs, 'r', String(num))}${selfClosing ? '/>' : '>'}`;
  let body = text.slice(tagEnd + 1);
  const re = new RegExp(`(${cellOpen}(?=[\\s>/])[^>]*?\\sr\\s*=\\s*")([A-Za-z]{1,3})\\d+(")`, 'g');
  body = body.replace(re, (_m, pre: string, col: string, post: string) => `${pre}${col}${num}${post}`);
  return head + addMissingCellRefs(body, cellOpen, num);
}

/** Gives cells without r= an explicit reference (their position would otherwise shift with edits). */
function addMissingCellRefs(body: string, cellOpen: string, num: number): string {
  if (!new RegExp(`${cellOpen}(?=[\\s>/])(?![^>]*\\sr\\s*=)`).test(body)) return body;
  let col = -1;
  const re = new RegExp(`${cellOpen}(?=[\\s>/])([^>]*)`, 'g');
  return body.replace(re, (m, attrs: string) => {
    const r = /\sr\s*=\s*"([A-Za-z]{1,3})\d+"/.exec(attrs);
    if (r) {
      col = colIndex(r[1]!);
      return m;
    }
    col++;
    return `${cellOpen} r="${colName(col)}${num}"${attrs}`;
  });
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
