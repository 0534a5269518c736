// The byte-level pieces of the sheet walk (sheet-bytes.ts): tags as bytes, comparisons in place, numbers and
// references read without a string, the per-byte tables that let the walk skip ordinary text at once.
import { tagsOf, type SheetTags } from "./sheet-scan.ts";
import { rootPrefix } from "./xml.ts";

/** The last row and column holding anything (sheet-reader.ts's Extent). */
export interface Extent {
  lastRow: number;
  lastCol: number;
}

/** The walk met something outside the shapes it knows: read the part as text instead. */
export class Unusual {}
export const UNUSUAL = new Unusual();

export const ENC = new TextEncoder();
// ignoreBOM: a U+FEFF inside a cell's text is text (only the part's own BOM is dropped, by decodePart).
export const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** The markup of a sheet whose elements carry prefix `p`, as bytes. */
export interface ByteTags {
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

export const TAGS = new Map<string, ByteTags>();

export function byteTags(p: string): ByteTags {
  let t = TAGS.get(p);
  if (!t) {
    const e = (s: string) => ENC.encode(s);
    t = {
      text: tagsOf(p),
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
export function at(b: Uint8Array, i: number, pat: Uint8Array): boolean {
  if (i + pat.length > b.length) return false;
  for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) return false;
  return true;
}

/** First index of `pat` at or after `from`, or -1. */
export function find(b: Uint8Array, pat: Uint8Array, from: number): number {
  const first = pat[0]!;
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1))
    if (at(b, i, pat)) return i;
  return -1;
}

/** The namespace prefix of the root element, as rootPrefix() finds it in the decoded text; null when unsure. */
export function prefixOf(b: Uint8Array): string | null {
  const HEAD = 1 << 16;
  if (b.length <= HEAD) return rootPrefix(UTF8.decode(b), "worksheet");
  const head = UTF8.decode(b.subarray(0, HEAD));
  const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(head);
  // A match that ends well inside the head is the first in the whole text too.
  return m && m.index + m[0].length < head.length - 4 ? (m[1] ?? "") : null;
}

/** Element types of a cell's t attribute (raw text compared, as the text scanner does). */
export const T_NONE = 0;
export const T_N = 1;
export const T_S = 2;
export const T_STR = 3;
export const T_INLINE = 4;
export const T_B = 5;
export const T_D = 6;
/** 'e' and anything else: the text, unescaped. */
export const T_OTHER = 7;

export const INLINE_STR = ENC.encode("inlineStr");

export function typeOf(b: Uint8Array, from: number, to: number): number {
  if (from < 0) return T_NONE;
  const n = to - from;
  if (n === 1) {
    const c = b[from];
    return c === 110
      ? T_N
      : c === 115
        ? T_S
        : c === 98
          ? T_B
          : c === 100
            ? T_D
            : T_OTHER;
  }
  if (n === 3 && b[from] === 115 && b[from + 1] === 116 && b[from + 2] === 114)
    return T_STR;
  if (n === 9 && at(b, from, INLINE_STR)) return T_INLINE;
  return T_OTHER;
}

export const fcc = String.fromCharCode;

/** ASCII bytes as a string: short ones without a decoder call (most cells are short). */
export function ascii(b: Uint8Array, a: number, e: number): string {
  switch (e - a) {
    case 0:
      return "";
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
      return fcc(
        b[a]!,
        b[a + 1]!,
        b[a + 2]!,
        b[a + 3]!,
        b[a + 4]!,
        b[a + 5]!,
        b[a + 6]!,
      );
    case 8:
      return fcc(
        b[a]!,
        b[a + 1]!,
        b[a + 2]!,
        b[a + 3]!,
        b[a + 4]!,
        b[a + 5]!,
        b[a + 6]!,
        b[a + 7]!,
      );
    case 9:
      return fcc(
        b[a]!,
        b[a + 1]!,
        b[a + 2]!,
        b[a + 3]!,
        b[a + 4]!,
        b[a + 5]!,
        b[a + 6]!,
        b[a + 7]!,
        b[a + 8]!,
      );
    case 10:
      return fcc(
        b[a]!,
        b[a + 1]!,
        b[a + 2]!,
        b[a + 3]!,
        b[a + 4]!,
        b[a + 5]!,
        b[a + 6]!,
        b[a + 7]!,
        b[a + 8]!,
        b[a + 9]!,
      );
    default:
      return UTF8.decode(b.subarray(a, e));
  }
}

export const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
  1e15,
];

/**
 * The number written in b[a, e) as `-?digits(.digits)?` with at most 15 digits, else NaN. Exactly Number()
 * of the text: the digits as an integer below 2^53 divided by a power of ten up to 10^15, both exact, is
 * one correctly rounded operation.
 */
export function simpleNumber(b: Uint8Array, a: number, e: number): number {
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
export function digitsValue(b: Uint8Array, from: number, to: number): number {
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
export function refColumn(b: Uint8Array, from: number, to: number): number {
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
export const TEXT_BYTE = new Uint8Array(256);
TEXT_BYTE[60] = 1;
TEXT_BYTE[38] = TEXT_BYTE[95] = 2;
TEXT_BYTE.fill(4, 0x80);

/** Per byte in a start tag: 1 `>`, 2 `<`, and the attributes startTag() looks for: 3 r, 4 t, 5 s. */
export const TAG_BYTE = new Uint8Array(256);
TAG_BYTE[62] = 1;
TAG_BYTE[60] = 2;
TAG_BYTE[114] = 3;
TAG_BYTE[116] = 4;
TAG_BYTE[115] = 5;

export const CACHE_MASK = (1 << 14) - 1;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
