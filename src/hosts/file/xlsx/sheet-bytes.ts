// Reading a worksheet's values straight from its inflated UTF-8 bytes, in one forward walk: no string of the
// whole part (450 MB for a full sheet), no string per attribute, only the text of string cells is decoded.
// The walk knows the shapes every writer we know of uses (<row r><c r s t><v>…</v></c>, <is><t>…</t></is>,
// <f>…</f><v>…</v>) and reads each exactly as the text scanner (sheet-scan.ts) does; a cell of any other
// shape is decoded alone and read by the text scanner itself. Anything else — a damaged row, a comment
// between rows, a bad reference — makes the walk give up (Unusual): the caller then reads the whole part as
// text, which says what is wrong in the same words as always.
import type { CellValue } from "../../../port/workbook.ts";
import { DAYS_1904 } from "./date-styles.ts";
import { MAX_ROW, isoToSerial } from "./refs.ts";
import {
  cellHasContent,
  cellValue,
  isNameEnd,
  newCellSpan,
  nextCell,
  type ValueContext,
} from "./sheet-scan.ts";
import { unescapeXml } from "./xml.ts";
import { ByteText } from "./sheet-bytes-text.ts";
import {
  UNUSUAL,
  UTF8,
  byteTags,
  at,
  find,
  prefixOf,
  T_NONE,
  T_N,
  T_S,
  T_STR,
  T_INLINE,
  T_B,
  T_D,
  typeOf,
  simpleNumber,
  digitsValue,
  refColumn,
  TAG_BYTE,
  isSpace,
} from "./sheet-bytes-scan.ts";
import type { ByteTags } from "./sheet-bytes-scan.ts";

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
  /** Texts of the cells, decoded from the bytes (and interned). */
  private readonly texts: ByteText;

  private constructor(
    readonly b: Uint8Array,
    p: string,
    rowsStart: number,
    private readonly ctx: ValueContext,
  ) {
    this.tags = byteTags(p);
    this.texts = new ByteText(b);
    this.rowsStart = rowsStart;
    this.pos = rowsStart;
  }

  /** A walk over the rows of `b`, or null when the part is not in a shape the walk reads (UTF-16, no rows). */
  static over(b: Uint8Array, ctx: ValueContext): SheetWalk | null {
    if (
      b.length >= 2 &&
      ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))
    )
      return null;
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
        if (c === 60 || c === undefined)
          return this.alone(start, tagEnd, prevCol, evaluate);
        fe++;
      }
      if (b[fe - 1] === 47) k = fe + 1;
      else {
        k = b.indexOf(60, fe + 1);
        if (k < 0 || !at(b, k, t.fClose))
          return this.alone(start, tagEnd, prevCol, evaluate);
        k += t.fClose.length;
      }
      hasF = true;
    }
    if (at(b, k, t.v)) {
      const vFrom = k + t.v.length;
      const vTo = this.texts.scan(vFrom);
      if (vTo < 0 || !at(b, vTo, t.vcClose))
        return this.alone(start, tagEnd, prevCol, evaluate);
      this.pos = vTo + t.vcClose.length;
      this.hasContent = true;
      if (evaluate) this.value = this.valueText(type, vFrom, vTo);
      return true;
    }
    if (!hasF && at(b, k, t.isT))
      return this.inline(
        start,
        tagEnd,
        k + t.isT.length,
        type,
        prevCol,
        evaluate,
      );
    // <f> alone: no value (a formula not yet calculated).
    if (!hasF || !at(b, k, t.cClose))
      return this.alone(start, tagEnd, prevCol, evaluate);
    this.pos = k + t.cClose.length;
    this.hasContent = true;
    return true;
  }

  /** <is><t>text</t></is></c> from `k` (just after `<is><t`); any other inline string is read alone. */
  private inline(
    start: number,
    tagEnd: number,
    k: number,
    type: number,
    prevCol: number,
    evaluate: boolean,
  ): boolean {
    const b = this.b;
    const t = this.tags;
    // As itemText() reads a single <t>: `<t>` or `<t attrs>` (xml:space), not <t/>.
    const after = b[k];
    let te: number;
    if (after === 62) te = k;
    else if (after === 32) {
      te = k;
      while (b[te] !== 62) {
        if (b[te] === 60 || te >= b.length)
          return this.alone(start, tagEnd, prevCol, evaluate);
        te++;
      }
      if (b[te - 1] === 47) return this.alone(start, tagEnd, prevCol, evaluate);
    } else return this.alone(start, tagEnd, prevCol, evaluate);
    const a = te + 1;
    const e = this.texts.scan(a);
    if (e < 0 || !at(b, e, t.tisClose))
      return this.alone(start, tagEnd, prevCol, evaluate);
    this.pos = e + t.tisClose.length;
    this.hasContent = true;
    // Another t with an <is>: the text scanner looks for a <v> there, and finds none.
    if (evaluate && type === T_INLINE) this.value = this.texts.text(a, e);
    return true;
  }

  /**
   * A cell of another shape (rich text, <v/>, extensions …): decoded alone and read by the text scanner,
   * unless the row's end or another row could hide in it.
   */
  private alone(
    start: number,
    tagEnd: number,
    prevCol: number,
    evaluate: boolean,
  ): boolean {
    const b = this.b;
    const t = this.tags;
    const close = find(b, t.cClose, tagEnd);
    if (close < 0) throw UNUSUAL;
    for (
      let i = b.indexOf(60, tagEnd + 1);
      i >= 0 && i < close;
      i = b.indexOf(60, i + 1)
    ) {
      if (
        at(b, i + 1, t.rowName) ||
        at(b, i + 1, t.rowCloseName) ||
        at(b, i + 1, t.sheetDataCloseName)
      )
        throw UNUSUAL;
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
            const raw = this.texts.raw(a, e);
            n = Number(raw);
            if (Number.isNaN(n)) return unescapeXml(raw);
          }
        }
        return this.ctx.dateStyles1904
          ? this.from1904(n, this.ctx.dateStyles1904)
          : n;
      }
      case T_S: {
        const sst = this.sst ?? (this.sst = this.ctx.sharedStrings());
        const n = digitsValue(b, a, e);
        return (n >= 0 ? sst[n] : sst[Number(this.texts.raw(a, e))]) ?? null;
      }
      case T_B:
        return (
          (e - a === 1 && b[a] === 49) ||
          (e - a === 4 &&
            b[a] === 116 &&
            b[a + 1] === 114 &&
            b[a + 2] === 117 &&
            b[a + 3] === 101)
        );
      case T_STR:
      case T_INLINE:
        return this.texts.text(a, e);
      case T_D: {
        const s = unescapeXml(this.texts.raw(a, e));
        return isoToSerial(s, false) ?? s;
      }
      default:
        return unescapeXml(this.texts.raw(a, e));
    }
  }

  /** The cell's format index (its s attribute) as the grid reads it: 0 when absent or not a number. */
  styleIndex(): number {
    if (this.sS < 0) return 0;
    const n = digitsValue(this.b, this.sS, this.sE);
    return n >= 0
      ? n
      : Number(UTF8.decode(this.b.subarray(this.sS, this.sE))) || 0;
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
