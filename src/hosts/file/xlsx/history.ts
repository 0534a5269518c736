// Appending to a generated table sheet (history): rows whose key cell matches are dropped (the rows below
// move up), then the new rows go after the last row holding anything.
import type { CellValue } from '../../../port/workbook.ts';
import { cellXml } from './cells.ts';
import { cellRef, colName } from './refs.ts';
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
} from './sheetScan.ts';
import { NO_WRITES, patchCells } from './sheetPatcher.ts';
import { StringSink } from './sink.ts';
import { setAttr } from './xml.ts';

export interface AppendResult {
  xml: string;
  /** Last row holding anything before the append (after dropping), and after it. */
  lastRowBefore: number;
  lastRowAfter: number;
}

export function appendToSheet(
  xml: string,
  ctx: ValueContext,
  header: readonly string[],
  headerStyle: number,
  rows: readonly CellValue[][],
  replace: { col: number; key: CellValue } | undefined,
): AppendResult {
  const tags = sheetTags(xml);
  const sd = findSheetData(xml, tags);
  const row = newRowSpan();
  const cell = newCellSpan();
  const kept: string[] = [];
  const key = replace && replace.key !== null && replace.key !== '' ? String(replace.key) : null;
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
      if (cellHasContent(xml, tags, cell)) hasContent = true;
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
    let text = xml.slice(row.start, row.end);
    if (dropped > 0 || !row.hasR) text = renumberRow(text, tags.row, tags.c, num);
    kept.push(text);
    if (hasContent) lastRow = num;
  }
  const added: string[] = [];
  let r = lastRow;
  if (lastRow === 0 && header.length > 0) {
    r = 1;
    added.push(`${tags.row} r="1">${header.map((h, c) => cellXml(cellRef(1, c), h, headerStyle, tags.p)).join('')}${tags.rowClose}`);
  }
  for (const values of rows) {
    r++;
    const cells = values.map((v, c) => cellXml(cellRef(r, c), v, undefined, tags.p)).filter((x): x is string => x !== null);
    if (cells.length) added.push(`${tags.row} r="${r}">${cells.join('')}${tags.rowClose}`);
  }
  const body = kept.join('') + added.join('');
  const rebuilt = `${xml.slice(0, sd.start)}<${tags.p}sheetData>${body}</${tags.p}sheetData>${xml.slice(sd.end)}`;
  // An empty patch recomputes <dimension> from the real cells.
  const sink = new StringSink(rebuilt);
  patchCells(rebuilt, NO_WRITES, sink);
  return { xml: sink.finish(), lastRowBefore: lastRow, lastRowAfter: r };
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
