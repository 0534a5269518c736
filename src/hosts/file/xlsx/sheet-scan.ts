// Scanning a worksheet's XML as a string: <sheetData>, its <row>s and their <c>s are located with indexOf,
// never parsed into a tree. Every reader and patcher of sheet data goes through these few functions.
import type { CellValue } from '../../../port/workbook.ts';
import { DAYS_1904 } from './date-styles.ts';
import { XlsxError } from './errors.ts';
import { MAX_ROW, isoToSerial } from './refs.ts';
import { itemText, stringItemText } from './shared-strings.ts';
import { attrValueEnd, attrValueStart, decodeOoxmlString, rawAttr, rootPrefix, unescapeXml } from './xml.ts';

/** Qualified tag names for a sheet (its elements may carry a namespace prefix, e.g. `x:`). */
export interface SheetTags {
  p: string;
  row: string;
  rowClose: string;
  c: string;
  cClose: string;
  v: string;
  vClose: string;
  f: string;
  is: string;
  isClose: string;
}

export function sheetTags(xml: string): SheetTags {
  return tagsOf(rootPrefix(xml, 'worksheet'));
}

/** The tags of a sheet whose elements carry the prefix `p` ('' or 'x:'). */
export function tagsOf(p: string): SheetTags {
  return {
    p,
    row: `<${p}row`,
    rowClose: `</${p}row>`,
    c: `<${p}c`,
    cClose: `</${p}c>`,
    v: `<${p}v`,
    vClose: `</${p}v>`,
    f: `<${p}f`,
    is: `<${p}is`,
    isClose: `</${p}is>`,
  };
}

export interface SheetDataSpan {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  selfClosing: boolean;
}

export function findSheetData(xml: string, tags: SheetTags): SheetDataSpan {
  const open = `<${tags.p}sheetData`;
  let i = xml.indexOf(open);
  while (i >= 0 && !isNameEnd(xml.charCodeAt(i + open.length))) i = xml.indexOf(open, i + 1);
  if (i < 0) throw new XlsxError('corrupt', '工作表已损坏：没有 <sheetData>。', 'The worksheet is damaged: it has no <sheetData>.');
  const tagEnd = xml.indexOf('>', i);
  if (xml.charCodeAt(tagEnd - 1) === 47) {
    return { start: i, end: tagEnd + 1, contentStart: tagEnd + 1, contentEnd: tagEnd + 1, selfClosing: true };
  }
  const close = closeOfSheetData(xml, `</${tags.p}sheetData>`, tagEnd);
  if (close < 0) throw new XlsxError('corrupt', '工作表已损坏：<sheetData> 没有结束标记。', 'The worksheet is damaged: <sheetData> is not closed.');
  return { start: i, end: close + tags.p.length + 12, contentStart: tagEnd + 1, contentEnd: close, selfClosing: false };
}

/**
 * The one </sheetData>, looked for from the end: it sits near the end of the sheet, and a search from
 * the start walks every row (slow in a sheet with Chinese text). The text found could sit in a comment
 * (a --> follows it): then the search from the start decides.
 */
function closeOfSheetData(xml: string, close: string, from: number): number {
  const last = xml.lastIndexOf(close);
  if (last < from || xml.indexOf('-->', last) >= 0) return xml.indexOf(close, from);
  return last;
}

/** True for the characters that may follow an element name in a tag. */
export function isNameEnd(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** A located <row>. Mutable and reused by the scanners: copy what you keep. */
export interface RowSpan {
  num: number;
  /** Whether the row states its number (r="…"); rows without one follow the previous row. */
  hasR: boolean;
  start: number;
  /** Attribute text of the start tag (without a closing slash). */
  attrs: string;
  contentStart: number;
  contentEnd: number;
  end: number;
  selfClosing: boolean;
}

export function newRowSpan(): RowSpan {
  return { num: 0, hasR: false, start: 0, attrs: '', contentStart: 0, contentEnd: 0, end: 0, selfClosing: false };
}

/**
 * Finds the next <row> at or after `pos` (before `limit`) into `out`; `prevNum` is the previous row's
 * number (for rows without r). Returns false when there is none.
 */
export function nextRow(xml: string, tags: SheetTags, pos: number, limit: number, prevNum: number, out: RowSpan): boolean {
  let i = pos;
  for (;;) {
    i = xml.indexOf(tags.row, i);
    if (i < 0 || i >= limit) return false;
    if (isNameEnd(xml.charCodeAt(i + tags.row.length))) break;
    i += tags.row.length;
  }
  const tagEnd = xml.indexOf('>', i);
  const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
  out.start = i;
  out.attrs = xml.slice(i + tags.row.length, selfClosing ? tagEnd - 1 : tagEnd);
  const r = rawAttr(out.attrs, 'r');
  out.hasR = r !== undefined;
  out.num = r !== undefined ? Number(r) : prevNum + 1;
  if (!Number.isInteger(out.num) || out.num < 1) throw new XlsxError('corrupt', `工作表已损坏：行号"${r}"无效。`, `The worksheet is damaged: bad row number "${r}".`);
  // Excel would not open it either; reading on would drop what that row holds without a word.
  if (out.num > MAX_ROW)
    throw new XlsxError(
      'corrupt',
      `工作表已损坏：其中有第 ${out.num} 行，超出 Excel 的最后一行（${MAX_ROW}），该行内容无法读取。`,
      `The worksheet is damaged: it has a row ${out.num}, past Excel's last row ${MAX_ROW}; its cells cannot be read.`,
    );
  out.selfClosing = selfClosing;
  out.contentStart = tagEnd + 1;
  if (selfClosing) {
    out.contentEnd = tagEnd + 1;
    out.end = tagEnd + 1;
  } else {
    const close = xml.indexOf(tags.rowClose, tagEnd);
    // A <row> opening before this one's close means its own close tag is damaged (e.g. </rwo>): reading on
    // would merge two rows, and writing would put cells inside the wrong one.
    const inner = xml.indexOf(tags.row, tagEnd);
    if (close < 0 || close > limit || (inner >= 0 && inner < close))
      throw new XlsxError('corrupt', `工作表已损坏：第 ${out.num} 行没有结束标记。`, `The worksheet is damaged: row ${out.num} is not closed.`);
    out.contentEnd = close;
    out.end = close + tags.rowClose.length;
  }
  return true;
}

/** A located <c>. Mutable and reused by the scanners: copy what you keep. */
export interface CellSpan {
  col: number;
  hasR: boolean;
  start: number;
  /** [attrStart, attrEnd) is the attribute text of the start tag (kept as positions: no copy per cell). */
  attrStart: number;
  attrEnd: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

export function newCellSpan(): CellSpan {
  return { col: 0, hasR: false, start: 0, attrStart: 0, attrEnd: 0, contentStart: 0, contentEnd: 0, end: 0 };
}

/**
 * The 0-based column of the cell reference xml[from, to) ("AB12", also "$AB$12"), or -1 when it is not a
 * reference with a column (what parseRef accepts, read in place).
 */
function refColumn(xml: string, from: number, to: number): number {
  let i = from;
  if (xml.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  let letters = 0;
  for (; i < to; i++) {
    let c = xml.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (i < to && xml.charCodeAt(i) === 36) i++;
  while (i < to) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i !== to || letters === 0 || letters > 3 ? -1 : col - 1;
}

/** Finds the next <c> in [pos, limit) into `out`; `prevCol` is the previous cell's column (for cells without r). */
export function nextCell(xml: string, tags: SheetTags, pos: number, limit: number, prevCol: number, out: CellSpan): boolean {
  let i = pos;
  for (;;) {
    i = xml.indexOf(tags.c, i);
    if (i < 0 || i >= limit) return false;
    if (isNameEnd(xml.charCodeAt(i + tags.c.length))) break;
    i += tags.c.length;
  }
  const tagEnd = xml.indexOf('>', i);
  const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
  out.start = i;
  out.attrStart = i + tags.c.length;
  out.attrEnd = selfClosing ? tagEnd - 1 : tagEnd;
  const r = attrValueStart(xml, out.attrStart, out.attrEnd, 'r');
  out.hasR = r >= 0;
  if (r >= 0) {
    const rEnd = attrValueEnd(xml, r);
    out.col = refColumn(xml, r, rEnd);
    if (out.col < 0) throw new XlsxError('corrupt', `工作表已损坏：单元格引用"${xml.slice(r, rEnd)}"无效。`, `The worksheet is damaged: bad cell reference "${xml.slice(r, rEnd)}".`);
  } else out.col = prevCol + 1;
  out.contentStart = tagEnd + 1;
  if (selfClosing) {
    out.contentEnd = tagEnd + 1;
    out.end = tagEnd + 1;
  } else {
    const close = xml.indexOf(tags.cClose, tagEnd);
    if (close < 0 || close > limit) throw new XlsxError('corrupt', '工作表已损坏：有单元格没有结束标记。', 'The worksheet is damaged: a cell is not closed.');
    out.contentEnd = close;
    out.end = close + tags.cClose.length;
  }
  return true;
}

/**
 * Index of child element `open` (e.g. "<v") inside [from, to), or -1. The search must stay bounded (an
 * unbounded indexOf for a missing child would scan the rest of the sheet): it steps from tag to tag, and
 * the cell's own end tag at `to` stops it. Nothing is copied (it runs for every cell).
 */
export function childIndex(xml: string, open: string, from: number, to: number): number {
  for (let i = xml.indexOf('<', from); i >= 0 && i + open.length <= to; i = xml.indexOf('<', i + 1)) {
    if (xml.startsWith(open, i) && i + open.length < to && isNameEnd(xml.charCodeAt(i + open.length))) return i;
  }
  return -1;
}

/** Text content of the child element starting at `i` (null when it is self-closing). */
function childText(xml: string, i: number, close: string, to: number): string | null {
  const tagEnd = xml.indexOf('>', i);
  if (tagEnd < 0 || tagEnd >= to) return null;
  if (xml.charCodeAt(tagEnd - 1) === 47) return '';
  const end = xml.indexOf(close, tagEnd);
  if (end < 0 || end > to) return null;
  return xml.slice(tagEnd + 1, end);
}

/** True when the cell holds something: a value, an inline string or a formula. */
export function cellHasContent(xml: string, tags: SheetTags, cell: CellSpan): boolean {
  if (cell.contentStart === cell.contentEnd) return false;
  return (
    childIndex(xml, tags.v, cell.contentStart, cell.contentEnd) >= 0 ||
    childIndex(xml, tags.is, cell.contentStart, cell.contentEnd) >= 0 ||
    childIndex(xml, tags.f, cell.contentStart, cell.contentEnd) >= 0
  );
}

/** True when the cell holds a formula. */
export function cellHasFormula(xml: string, tags: SheetTags, cell: CellSpan): boolean {
  return cell.contentStart !== cell.contentEnd && childIndex(xml, tags.f, cell.contentStart, cell.contentEnd) >= 0;
}

export interface ValueContext {
  sharedStrings: () => readonly string[];
  /**
   * Set for a 1904-date workbook: per cell style, whether it shows a date. Such cells are handed over as
   * 1900-system serials (what every reader of the port expects), so their days do not move.
   */
  dateStyles1904: Uint8Array | null;
}

/**
 * The value of a cell as the port hands it over: shared/inline/rich strings as text, numbers, booleans,
 * errors as their text, a formula's cached value (null without one), t="d" dates as serials.
 */
export function cellValue(xml: string, tags: SheetTags, cell: CellSpan, ctx: ValueContext): CellValue {
  if (cell.contentStart === cell.contentEnd) return null;
  const tStart = attrValueStart(xml, cell.attrStart, cell.attrEnd, 't');
  const t = tStart < 0 ? undefined : xml.slice(tStart, attrValueEnd(xml, tStart));
  if (t === 'inlineStr') {
    const i = childIndex(xml, tags.is, cell.contentStart, cell.contentEnd);
    if (i < 0) return valueOf(xml, tags, cell, 'str', ctx);
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd < 0 || tagEnd >= cell.contentEnd) return null;
    if (xml.charCodeAt(tagEnd - 1) === 47) return stringItemText('', tags.p); // <is/>
    const end = xml.indexOf(tags.isClose, tagEnd);
    return end < 0 || end > cell.contentEnd ? null : itemText(xml, tagEnd + 1, end, tags.p);
  }
  return valueOf(xml, tags, cell, t, ctx);
}

/** The integer written as 1 to 15 plain digits in xml[from, to) (the usual number or string index), else -1. */
function digitsValue(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function valueOf(xml: string, tags: SheetTags, cell: CellSpan, t: string | undefined, ctx: ValueContext): CellValue {
  const i = childIndex(xml, tags.v, cell.contentStart, cell.contentEnd);
  if (i < 0) return null;
  if (t === undefined || t === 'n' || t === 's') {
    // Plain digits, read in place: what Number() of the text gives, without copying the text out.
    const tagEnd = xml.indexOf('>', i);
    const end = tagEnd < 0 || tagEnd >= cell.contentEnd ? -1 : xml.indexOf(tags.vClose, tagEnd);
    const n = end < 0 || end > cell.contentEnd ? -1 : digitsValue(xml, tagEnd + 1, end);
    if (n >= 0) return t === 's' ? (ctx.sharedStrings()[n] ?? null) : ctx.dateStyles1904 ? from1904(xml, cell, n, ctx.dateStyles1904) : n;
  }
  const raw = childText(xml, i, tags.vClose, cell.contentEnd);
  if (raw === null) return null;
  switch (t) {
    case undefined:
    case 'n': {
      if (raw === '') return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return unescapeXml(raw);
      return ctx.dateStyles1904 ? from1904(xml, cell, n, ctx.dateStyles1904) : n;
    }
    case 's': {
      const s = ctx.sharedStrings()[Number(raw)];
      return s ?? null;
    }
    case 'b':
      return raw === '1' || raw === 'true';
    case 'd':
      return isoToSerial(unescapeXml(raw), false) ?? unescapeXml(raw);
    case 'str':
      return decodeOoxmlString(unescapeXml(raw));
    case 'e':
    default:
      return unescapeXml(raw);
  }
}

/** A number of a 1904-date workbook: a date-styled one as its 1900-system serial, any other as it is. */
function from1904(xml: string, cell: CellSpan, n: number, dateStyles: Uint8Array): number {
  const sStart = attrValueStart(xml, cell.attrStart, cell.attrEnd, 's');
  if (sStart < 0) return n;
  const style = digitsValue(xml, sStart, attrValueEnd(xml, sStart));
  return style >= 0 && dateStyles[style] === 1 ? n + DAYS_1904 : n;
}
