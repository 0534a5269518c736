// Reading a worksheet's values straight from its inflated UTF-8 bytes, in one forward walk: no string of the
// whole part (450 MB for a full sheet), no string per attribute, only the text of string cells is decoded.
// The walk knows the shapes every writer we know of uses (<row r><c r s t><v>…</v></c>, <is><t>…</t></is>,
// <f>…</f><v>…</v>) and reads each exactly as the text scanner (sheet-scan.ts) does; a cell of any other
// shape is decoded alone and read by the text scanner itself. Anything else — a damaged row, a comment
// between rows, a bad reference — makes the walk give up (Unusual): the caller then reads the whole part as
// text, which says what is wrong in the same words as always.
import type { CellValue } from '../../../port/workbook.ts';
import { DAYS_1904 } from './date-styles.ts';
import { MAX_ROW, isoToSerial } from './refs.ts';
import { cellHasContent, cellValue, isNameEnd, newCellSpan, nextCell, type SheetTags, type ValueContext } from './sheet-scan.ts';
import { decodeOoxmlString, decodePart, rootPrefix, unescapeXml } from './xml.ts';

/** The last row and column holding anything (sheet-reader.ts's Extent). */
interface Extent {
  lastRow: number;
  lastCol: number;
}

/** The walk met something outside the shapes it knows: read the part as text instead. */
class Unusual {}
const UNUSUAL = new Unusual();

const ENC = new TextEncoder();
// ignoreBOM: a U+FEFF inside a cell's text is text (only the part's own BOM is dropped, by decodePart).
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The markup of a sheet whose elements carry prefix `p`, as bytes. */
interface ByteTags {
  text: SheetTags;
  row: Uint8Array;
  rowClose: Uint8Array;
  c: Uint8Array;
  cClose: Uint8Array;
  /** `<v>`, `<is>`: the start tags without attributes. */
  v: Uint8Array;
  vClose: Uint8Array;
  /** `</v></c>`, `<is><t`, `</t></is></c>`: the usual runs, each compared at once. */
  vcClose: Uint8Array;
  isT: Uint8Array;
  tisClose: Uint8Array;
  f: Uint8Array;
  fClose: Uint8Array;
  is: Uint8Array;
  isClose: Uint8Array;
  t: Uint8Array;
  tClose: Uint8Array;
  sheetData: Uint8Array;
  sheetDataClose: Uint8Array;
  /** What must not hide inside a cell read alone: it would end (or start) a row or the rows where the text scanner looks. */
  rowName: Uint8Array;
  rowCloseName: Uint8Array;
  sheetDataCloseName: Uint8Array;
}

const TAGS = new Map<string, ByteTags>();

function byteTags(p: string): ByteTags {
  let t = TAGS.get(p);
  if (!t) {
    const e = (s: string) => ENC.encode(s);
    t = {
      text: { p, row: `<${p}row`, rowClose: `</${p}row>`, c: `<${p}c`, cClose: `</${p}c>`, v: `<${p}v`, vClose: `</${p}v>`, f: `<${p}f`, is: `<${p}is`, isClose: `</${p}is>` },
      row: e(`<${p}row`),
      rowClose: e(`</${p}row>`),
      c: e(`<${p}c`),
      cClose: e(`</${p}c>`),
      v: e(`<${p}v>`),
      vClose: e(`</${p}v>`),
      vcClose: e(`</${p}v></${p}c>`),
      isT: e(`<${p}is><${p}t`),
      tisClose: e(`</${p}t></${p}is></${p}c>`),
      f: e(`<${p}f`),
      fClose: e(`</${p}f>`),
      is: e(`<${p}is>`),
      isClose: e(`</${p}is>`),
      t: e(`<${p}t`),
      tClose: e(`</${p}t>`),
      sheetData: e(`<${p}sheetData`),
      sheetDataClose: e(`</${p}sheetData>`),
      rowName: e(`${p}row`),
      rowCloseName: e(`/${p}row`),
      sheetDataCloseName: e(`/${p}sheetData`),
    };
    TAGS.set(p, t);
  }
  return t;
}

/** True when `pat` is at b[i]. */
function at(b: Uint8Array, i: number, pat: Uint8Array): boolean {
  if (i + pat.length > b.length) return false;
  for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) return false;
  return true;
}

/** First index of `pat` at or after `from`, or -1. */
function find(b: Uint8Array, pat: Uint8Array, from: number): number {
  const first = pat[0]!;
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) if (at(b, i, pat)) return i;
  return -1;
}

/** The namespace prefix of the root element, as rootPrefix() finds it in the decoded text; null when unsure. */
function prefixOf(b: Uint8Array): string | null {
  const HEAD = 1 << 16;
  if (b.length <= HEAD) return rootPrefix(UTF8.decode(b), 'worksheet');
  const head = UTF8.decode(b.subarray(0, HEAD));
  const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(head);
  // A match that ends well inside the head is the first in the whole text too.
  return m && m.index + m[0].length < head.length - 4 ? (m[1] ?? '') : null;
}

/** Element types of a cell's t attribute (raw text compared, as the text scanner does). */
const T_NONE = 0;
const T_N = 1;
const T_S = 2;
const T_STR = 3;
const T_INLINE = 4;
const T_B = 5;
const T_D = 6;
/** 'e' and anything else: the text, unescaped. */
const T_OTHER = 7;

const INLINE_STR = ENC.encode('inlineStr');

function typeOf(b: Uint8Array, from: number, to: number): number {
  if (from < 0) return T_NONE;
  const n = to - from;
  if (n === 1) {
    const c = b[from];
    return c === 110 ? T_N : c === 115 ? T_S : c === 98 ? T_B : c === 100 ? T_D : T_OTHER;
  }
  if (n === 3 && b[from] === 115 && b[from + 1] === 116 && b[from + 2] === 114) return T_STR;
  if (n === 9 && at(b, from, INLINE_STR)) return T_INLINE;
  return T_OTHER;
}

const fcc = String.fromCharCode;

/** ASCII bytes as a string: short ones without a decoder call (most cells are short). */
function ascii(b: Uint8Array, a: number, e: number): string {
  switch (e - a) {
    case 0:
      return '';
    case 1:
      return fcc(b[a]!);
    case 2:
      return fcc(b[a]!, b[a + 1]!);
    case 3:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!);
    case 4:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!);
    case 5:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!);
    case 6:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!);
    case 7:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!, b[a + 6]!);
    case 8:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!, b[a + 6]!, b[a + 7]!);
    case 9:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!, b[a + 6]!, b[a + 7]!, b[a + 8]!);
    case 10:
      return fcc(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!, b[a + 6]!, b[a + 7]!, b[a + 8]!, b[a + 9]!);
    default:
      return UTF8.decode(b.subarray(a, e));
  }
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in b[a, e) as `-?digits(.digits)?` with at most 15 digits, else NaN. Exactly Number()
 * of the text: the digits as an integer below 2^53 divided by a power of ten up to 10^15, both exact, is
 * one correctly rounded operation.
 */
function simpleNumber(b: Uint8Array, a: number, e: number): number {
  let i = a;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && frac < 0 && digits > 0) frac = digits;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || frac === digits) return NaN;
  const v = frac < 0 ? m : m / POW10[digits - frac]!;
  return neg ? -v : v;
}

/** The integer written as 1 to 15 plain digits in b[from, to), else -1 (digitsValue of the text scanner). */
function digitsValue(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The 0-based column of the reference in b[from, to), or -1 (refColumn of the text scanner). */
function refColumn(b: Uint8Array, from: number, to: number): number {
  let i = from;
  if (b[i] === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < to; i++) {
    let c = b[i]!;
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (i < to && b[i] === 36) i++;
  while (i < to) {
    const c = b[i]!;
    if (c < 48 || c > 57) break;
    i++;
  }
  return i !== to || letters === 0 || letters > 3 ? -1 : col - 1;
}

/** Per byte in text: 1 `<` (its end), 2 `&` or `_` (decoded by the text scanner's rules), 4 non-ASCII. */
const TEXT_BYTE = new Uint8Array(256);
TEXT_BYTE[60] = 1;
TEXT_BYTE[38] = TEXT_BYTE[95] = 2;
TEXT_BYTE.fill(4, 0x80);

/** Per byte in a start tag: 1 `>`, 2 `<`, and the attributes startTag() looks for: 3 r, 4 t, 5 s. */
const TAG_BYTE = new Uint8Array(256);
TAG_BYTE[62] = 1;
TAG_BYTE[60] = 2;
TAG_BYTE[114] = 3;
TAG_BYTE[116] = 4;
TAG_BYTE[115] = 5;

const CACHE_MASK = (1 << 14) - 1;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A sheet's rows, walked in its bytes. Reused per read: every field describes the row or cell just read. */
export class SheetWalk {
  readonly tags: ByteTags;
  /** Where the rows start; where the walk is now. */
  readonly rowsStart: number;
  pos: number;
  // The row just read.
  num = 0;
  hasR = false;
  rowStart = 0;
  rowSelfClosing = false;
  // The cell just read.
  col = -1;
  value: CellValue = null;
  hasContent = false;
  private sst: readonly string[] | null = null;
  /** The cell's attribute values: [start, end) of r, t and s (-1 when absent). */
  private rS = -1;
  private rE = -1;
  private tS = -1;
  private tE = -1;
  private sS = -1;
  private sE = -1;
  /** The text just scanned: 4 when it has a non-ASCII byte, 2 when &, _ (entities, _xHHHH_); a hash of its bytes. */
  private textFlags = 0;
  private textHash = 0;
  /** Strings made lately, by a hash of their bytes: where their bytes are, how many, the string. */
  private readonly cacheFrom = new Int32Array(CACHE_MASK + 1).fill(-1);
  private readonly cacheLength = new Int32Array(CACHE_MASK + 1);
  private readonly cacheText: string[] = new Array<string>(CACHE_MASK + 1).fill('');

  private constructor(
    readonly b: Uint8Array,
    p: string,
    rowsStart: number,
    private readonly ctx: ValueContext,
  ) {
    this.tags = byteTags(p);
    this.rowsStart = rowsStart;
    this.pos = rowsStart;
  }

  /** A walk over the rows of `b`, or null when the part is not in a shape the walk reads (UTF-16, no rows). */
  static over(b: Uint8Array, ctx: ValueContext): SheetWalk | null {
    if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return null;
    const p = prefixOf(b);
    if (p === null) return null;
    const tags = byteTags(p);
    let i = 0;
    for (;;) {
      i = find(b, tags.sheetData, i);
      if (i < 0) return null;
      if (isNameEnd(b[i + tags.sheetData.length] ?? 0)) break;
      i += tags.sheetData.length;
    }
    const tagEnd = b.indexOf(62, i);
    if (tagEnd < 0 || b[tagEnd - 1] === 47) return null;
    return new SheetWalk(b, p, tagEnd + 1, ctx);
  }

  /**
   * Reads the next row's start tag at `pos`: false at </sheetData>. Throws UNUSUAL for anything but
   * whitespace before it, and for a row number the text scanner would refuse.
   */
  nextRow(prevNum: number): boolean {
    const b = this.b;
    const t = this.tags;
    let i = this.pos;
    while (isSpace(b[i]!)) i++;
    if (b[i] !== 60) throw UNUSUAL;
    if (b[i + 1] === 47 && at(b, i, t.sheetDataClose)) return false;
    if (!at(b, i, t.row) || !isNameEnd(b[i + t.row.length] ?? 0)) throw UNUSUAL;
    this.rowStart = i;
    const tagEnd = this.startTag(i + t.row.length, 1);
    this.rowSelfClosing = b[tagEnd - 1] === 47;
    this.hasR = this.rS >= 0;
    if (this.hasR) {
      const n = this.rE - this.rS > 7 ? -1 : digitsValue(b, this.rS, this.rE);
      if (n < 1) throw UNUSUAL;
      this.num = n;
    } else this.num = prevNum + 1;
    if (this.num > MAX_ROW) throw UNUSUAL;
    this.pos = tagEnd + 1;
    return true;
  }

  /**
   * Reads the next cell of the row at `pos` (value only when `evaluate`): false at </row>, which is then
   * passed. Throws UNUSUAL for anything else.
   */
  nextCell(prevCol: number, evaluate: boolean): boolean {
    const b = this.b;
    const t = this.tags;
    let i = this.pos;
    while (isSpace(b[i]!)) i++;
    if (b[i] !== 60) throw UNUSUAL;
    if (b[i + 1] === 47) {
      if (!at(b, i, t.rowClose)) throw UNUSUAL;
      this.pos = i + t.rowClose.length;
      return false;
    }
    if (!at(b, i, t.c) || !isNameEnd(b[i + t.c.length] ?? 0)) throw UNUSUAL;
    const start = i;
    const tagEnd = this.startTag(i + t.c.length, 7);
    const selfClosing = b[tagEnd - 1] === 47;
    if (this.rS >= 0) {
      this.col = refColumn(b, this.rS, this.rE);
      if (this.col < 0) throw UNUSUAL;
    } else this.col = prevCol + 1;
    this.value = null;
    this.hasContent = false;
    if (selfClosing) {
      this.pos = tagEnd + 1;
      return true;
    }
    let k = tagEnd + 1;
    if (b[k] === 60 && b[k + 1] === 47 && at(b, k, t.cClose)) {
      this.pos = k + t.cClose.length;
      return true;
    }
    const type = typeOf(b, this.tS, this.tE);
    let hasF = false;
    if (at(b, k, t.f) && isNameEnd(b[k + t.f.length] ?? 0)) {
      let fe = k + t.f.length;
      for (;;) {
        const c = b[fe];
        if (c === 62) break;
        if (c === 60 || c === undefined) return this.alone(start, tagEnd, prevCol, evaluate);
        fe++;
      }
      if (b[fe - 1] === 47) k = fe + 1;
      else {
        k = b.indexOf(60, fe + 1);
        if (k < 0 || !at(b, k, t.fClose)) return this.alone(start, tagEnd, prevCol, evaluate);
        k += t.fClose.length;
      }
      hasF = true;
    }
    if (at(b, k, t.v)) {
      const vFrom = k + t.v.length;
      const vTo = this.scanText(vFrom);
      if (vTo < 0 || !at(b, vTo, t.vcClose)) return this.alone(start, tagEnd, prevCol, evaluate);
      this.pos = vTo + t.vcClose.length;
      this.hasContent = true;
      if (evaluate) this.value = this.valueText(type, vFrom, vTo);
      return true;
    }
    if (!hasF && at(b, k, t.isT)) return this.inline(start, tagEnd, k + t.isT.length, type, prevCol, evaluate);
    // <f> alone: no value (a formula not yet calculated).
    if (!hasF || !at(b, k, t.cClose)) return this.alone(start, tagEnd, prevCol, evaluate);
    this.pos = k + t.cClose.length;
    this.hasContent = true;
    return true;
  }

  /** <is><t>text</t></is></c> from `k` (just after `<is><t`); any other inline string is read alone. */
  private inline(start: number, tagEnd: number, k: number, type: number, prevCol: number, evaluate: boolean): boolean {
    const b = this.b;
    const t = this.tags;
    // As itemText() reads a single <t>: `<t>` or `<t attrs>` (xml:space), not <t/>.
    const after = b[k];
    let te: number;
    if (after === 62) te = k;
    else if (after === 32) {
      te = k;
      while (b[te] !== 62) {
        if (b[te] === 60 || te >= b.length) return this.alone(start, tagEnd, prevCol, evaluate);
        te++;
      }
      if (b[te - 1] === 47) return this.alone(start, tagEnd, prevCol, evaluate);
    } else return this.alone(start, tagEnd, prevCol, evaluate);
    const a = te + 1;
    const e = this.scanText(a);
    if (e < 0 || !at(b, e, t.tisClose)) return this.alone(start, tagEnd, prevCol, evaluate);
    this.pos = e + t.tisClose.length;
    this.hasContent = true;
    // Another t with an <is>: the text scanner looks for a <v> there, and finds none.
    if (evaluate && type === T_INLINE) this.value = this.text(a, e);
    return true;
  }

  /**
   * A cell of another shape (rich text, <v/>, extensions …): decoded alone and read by the text scanner,
   * unless the row's end or another row could hide in it.
   */
  private alone(start: number, tagEnd: number, prevCol: number, evaluate: boolean): boolean {
    const b = this.b;
    const t = this.tags;
    const close = find(b, t.cClose, tagEnd);
    if (close < 0) throw UNUSUAL;
    for (let i = b.indexOf(60, tagEnd + 1); i >= 0 && i < close; i = b.indexOf(60, i + 1)) {
      if (at(b, i + 1, t.rowName) || at(b, i + 1, t.rowCloseName) || at(b, i + 1, t.sheetDataCloseName)) throw UNUSUAL;
    }
    const end = close + t.cClose.length;
    const xml = UTF8.decode(b.subarray(start, end));
    const tags = this.tags.text;
    const cell = newCellSpan();
    if (!nextCell(xml, tags, 0, xml.length, prevCol, cell)) throw UNUSUAL;
    this.hasContent = cellHasContent(xml, tags, cell);
    if (evaluate) this.value = cellValue(xml, tags, cell, this.ctx);
    this.pos = end;
    return true;
  }

  /** Scans text from `a` to the next `<` (returned; -1 at the end), noting its bytes for text(). */
  private scanText(a: number): number {
    const b = this.b;
    let flags = 0;
    let h = 0x811c9dc5;
    let i = a;
    for (;;) {
      const c = b[i]!;
      const k = TEXT_BYTE[c];
      if (k !== 0) {
        if (k === 1) break;
        if (k === undefined) return -1;
        flags |= k;
      }
      h = Math.imul(h ^ c, 0x01000193);
      i++;
    }
    this.textFlags = flags;
    this.textHash = h;
    return i;
  }

  /** The text just scanned (b[a, e)) as the text scanner reads a string: entities and _xHHHH_ decoded. */
  private text(a: number, e: number): string {
    if (this.textFlags & 2) return decodeOoxmlString(unescapeXml(UTF8.decode(this.b.subarray(a, e))));
    return this.interned(a, e);
  }

  /**
   * The string of b[a, e), the one made before when the same bytes came up lately (ids, products, cities
   * repeat down a column): fewer strings to make, keep and collect.
   */
  private interned(a: number, e: number): string {
    const b = this.b;
    const n = e - a;
    const slot = (this.textHash ^ n) & CACHE_MASK;
    const from = this.cacheFrom[slot]!;
    if (from >= 0 && this.cacheLength[slot] === n) {
      let k = 0;
      while (k < n && b[from + k] === b[a + k]) k++;
      if (k === n) return this.cacheText[slot]!;
    }
    const s = this.textFlags === 0 ? ascii(b, a, e) : UTF8.decode(b.subarray(a, e));
    this.cacheFrom[slot] = a;
    this.cacheLength[slot] = n;
    this.cacheText[slot] = s;
    return s;
  }

  /** The raw text b[a, e) as the text scanner slices it. */
  private raw(a: number, e: number): string {
    return this.textFlags & 4 ? UTF8.decode(this.b.subarray(a, e)) : ascii(this.b, a, e);
  }

  /** A cell's value from its <v> text b[a, e), by its type (valueOf of the text scanner). */
  private valueText(type: number, a: number, e: number): CellValue {
    const b = this.b;
    switch (type) {
      case T_NONE:
      case T_N: {
        let n = digitsValue(b, a, e);
        if (n < 0) {
          if (e === a) return null;
          n = simpleNumber(b, a, e);
          if (Number.isNaN(n)) {
            const raw = this.raw(a, e);
            n = Number(raw);
            if (Number.isNaN(n)) return unescapeXml(raw);
          }
        }
        return this.ctx.dateStyles1904 ? this.from1904(n, this.ctx.dateStyles1904) : n;
      }
      case T_S: {
        const sst = this.sst ?? (this.sst = this.ctx.sharedStrings());
        const n = digitsValue(b, a, e);
        return (n >= 0 ? sst[n] : sst[Number(this.raw(a, e))]) ?? null;
      }
      case T_B:
        return (e - a === 1 && b[a] === 49) || (e - a === 4 && b[a] === 116 && b[a + 1] === 114 && b[a + 2] === 117 && b[a + 3] === 101);
      case T_STR:
      case T_INLINE:
        return this.text(a, e);
      case T_D: {
        const s = unescapeXml(this.raw(a, e));
        return isoToSerial(s, false) ?? s;
      }
      default:
        return unescapeXml(this.raw(a, e));
    }
  }

  /** The cell's format index (its s attribute) as the grid reads it: 0 when absent or not a number. */
  styleIndex(): number {
    if (this.sS < 0) return 0;
    const n = digitsValue(this.b, this.sS, this.sE);
    return n >= 0 ? n : Number(UTF8.decode(this.b.subarray(this.sS, this.sE))) || 0;
  }

  private from1904(n: number, dateStyles: Uint8Array): number {
    if (this.sS < 0) return n;
    const style = digitsValue(this.b, this.sS, this.sE);
    return style >= 0 && dateStyles[style] === 1 ? n + DAYS_1904 : n;
  }

  /**
   * Scans a start tag from `from` (just after its name) to its `>`, returned, finding attributes r (bit 1),
   * t (2) and s (4) on the way as attrValueStart() finds each in the tag's text: the first name after
   * whitespace followed by `=` and a quote; a value whose closing quote is not in the tag counts as absent.
   * A tag with a `<` in it, or at the end, is UNUSUAL.
   */
  private startTag(from: number, want: number): number {
    const b = this.b;
    this.rS = this.rE = this.tS = this.tE = this.sS = this.sE = -1;
    let need = want;
    let i = from;
    for (; ; i++) {
      const k = TAG_BYTE[b[i]!];
      if (k === 0) continue;
      if (k === 1) break;
      if (k === 2 || k === undefined) throw UNUSUAL;
      const bit = k === 3 ? 1 : k === 4 ? 2 : 4;
      if ((bit & need) === 0) continue;
      if (i !== from && !isSpace(b[i - 1]!)) continue;
      // No bound needed below: a tag's `>` (or its `/>`) stops each of these loops.
      let j = i + 1;
      while (b[j] === 32) j++;
      if (b[j] !== 61) continue;
      j++;
      while (b[j] === 32) j++;
      const q = b[j];
      if (q !== 34 && q !== 39) continue;
      let e = j + 1;
      let spaced = false;
      for (;;) {
        const d = b[e];
        if (d === q || d === 62 || d === undefined) break;
        if (d! <= 32 && isSpace(d!)) spaced = true;
        e++;
      }
      need &= ~bit;
      if (b[e] !== q) continue;
      if (bit === 1) {
        this.rS = j + 1;
        this.rE = e;
      } else if (bit === 2) {
        this.tS = j + 1;
        this.tE = e;
      } else {
        this.sS = j + 1;
        this.sE = e;
      }
      // No name inside a value without whitespace follows whitespace: go on after it.
      if (!spaced) i = e;
    }
    return i;
  }
}

/**
 * readValues() over the bytes of a sheet part; null when the walk gives up (the caller reads the text).
 * `extent` is only changed when values are returned.
 */
export function readValuesFromBytes(b: Uint8Array, ctx: ValueContext, firstRow: number, lastRow: number, extent?: Extent): CellValue[][] | null {
  const walk = SheetWalk.over(b, ctx);
  if (!walk) return null;
  const found: Extent | null = extent ? { lastRow: extent.lastRow, lastCol: extent.lastCol } : null;
  const rows: CellValue[][] = [];
  let width = 0;
  let maxRow = firstRow - 1;
  try {
    let prevRow = 0;
    while (walk.nextRow(prevRow)) {
      const num = walk.num;
      prevRow = num;
      const inRange = num >= firstRow && num <= lastRow;
      let prevCol = -1;
      let values: CellValue[] | undefined;
      while (!walk.rowSelfClosing && walk.nextCell(prevCol, inRange)) {
        const col = walk.col;
        prevCol = col;
        if (found && walk.hasContent) {
          if (num > found.lastRow) found.lastRow = num;
          if (col > found.lastCol) found.lastCol = col;
        }
        const v = walk.value;
        if (!inRange || v === null) continue;
        if (!values) {
          // As wide as the block so far: most rows are, and then the array never grows.
          values = rows[num - firstRow] ?? new Array<CellValue>(width);
          rows[num - firstRow] = values;
        }
        values[col] = v;
        if (col + 1 > width) width = col + 1;
        if (num > maxRow) maxRow = num;
      }
      // Rows are sorted in every file we know of; keep walking only if this one is out of order.
      if (!found && num > lastRow && walk.hasR) break;
    }
  } catch {
    // UNUSUAL, or an error the text scanner may report differently (a row found damaged first): it says.
    return null;
  }
  if (extent && found) {
    extent.lastRow = found.lastRow;
    extent.lastCol = found.lastCol;
  }
  return squared(rows, firstRow, maxRow, width);
}

const NO_VALUES: ValueContext = { sharedStrings: () => [], dateStyles1904: null };

/**
 * The text of a sheet part without its rows: everything up to the first <sheetData> start tag and from the
 * last </sheetData> on. What the layout readers look at (columns before the rows, merges after them).
 */
export function withoutRows(b: Uint8Array): string {
  const walk = SheetWalk.over(b, NO_VALUES);
  if (walk) {
    const close = walk.tags.sheetDataClose;
    for (let i = b.lastIndexOf(60); i >= walk.rowsStart; i = b.lastIndexOf(60, i - 1)) {
      if (at(b, i, close)) return decodePart(b.subarray(0, walk.rowsStart)) + UTF8.decode(b.subarray(i));
    }
  }
  return decodePart(b);
}

/** Squares a block up in place: blank rows become rows of nulls, gaps and short rows are filled with null. */
export function squared(rows: CellValue[][], firstRow: number, maxRow: number, width: number): CellValue[][] {
  rows.length = maxRow - firstRow + 1;
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    if (!values) {
      rows[r] = new Array<CellValue>(width).fill(null);
      continue;
    }
    for (let c = 0; c < width; c++) if (values[c] === undefined) values[c] = null;
  }
  return rows;
}
