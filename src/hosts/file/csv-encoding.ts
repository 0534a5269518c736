// Which encoding a CSV file is in, and writing text back in it. Reading never guesses silently: a BOM
// decides; else the bytes must decode strictly (TextDecoder with fatal: true) as UTF-8, or as exactly one
// of the East Asian encodings Excel writes on a Chinese, Taiwanese or Japanese Windows — judged by how
// much of the decoded text is made of that encoding's ordinary characters (see `detectEncoding`).
// Writing is the reverse of the platform's own decoders, checked by decoding the result again.
import { loc, type Localized } from '../../core/index.ts';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis';

/** The encodings tried without a BOM, in order of preference when two read equally well. */
export const GUESSED: readonly CsvEncoding[] = ['utf-8', 'gb18030', 'big5', 'shift_jis'];
export const SUPPORTED: readonly CsvEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis'];

/** Shown to the user: the names --encoding takes. */
export const ENCODING_NAMES = 'utf-8, utf-16le, utf-16be, gb18030 (gbk), big5, shift_jis';

/** The CSV cannot be read (or written back) safely: one line in both languages. */
export class CsvError extends Error {
  readonly code: 'encoding';
  readonly text: Localized;
  constructor(text: Localized) {
    super(text['en-US']);
    this.name = 'CsvError';
    this.code = 'encoding';
    this.text = text;
  }
}

/** An --encoding name (any label the platform knows: gbk, cp936, sjis, windows-31j …) as one we read and write. */
export function encodingFromName(name: string): CsvEncoding {
  let canonical = '';
  try {
    canonical = new TextDecoder(name.trim()).encoding;
  } catch {
    canonical = '';
  }
  const mapped: Record<string, CsvEncoding> = { 'utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', gb18030: 'gb18030', gbk: 'gb18030', big5: 'big5', shift_jis: 'shift_jis' };
  const e = mapped[canonical];
  if (!e) throw new CsvError(loc(`不支持的编码"${name}"：--encoding 可用 ${ENCODING_NAMES}`, `unsupported encoding "${name}": --encoding takes ${ENCODING_NAMES}`));
  return e;
}

function strict(encoding: CsvEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

// ───────────────────────────── ordinary characters ─────────────────────────────

/** Code points of the two-byte sequences [lead, trail] of an encoding, over the given ranges. */
function decodeRange(encoding: CsvEncoding, leads: [number, number], trails: [number, number][], into: Set<number>): void {
  const d = new TextDecoder(encoding);
  const pair = new Uint8Array(2);
  for (let a = leads[0]; a <= leads[1]; a++)
    for (const [t0, t1] of trails)
      for (let b = t0; b <= t1; b++) {
        pair[0] = a;
        pair[1] = b;
        const s = d.decode(pair);
        if (s.length === 1 && s !== '\uFFFD') into.add(s.charCodeAt(0));
      }
}

const ordinaryCache = new Map<CsvEncoding, Set<number>>();

/**
 * The characters a real file in this encoding is made of: GB2312's symbols, full-width forms and its
 * 6,763 hanzi for GB18030; Big5's symbols and its two levels of hanzi (not the HKSCS/ETEN extensions);
 * JIS X 0208's symbols, kana and kanji for Shift_JIS (not half-width katakana). Text decoded in the wrong
 * encoding lands largely outside its set (Big5 trail bytes 40–7E are never GB2312, Shift_JIS leads 81–9F
 * are GBK extensions, GB bytes read as Shift_JIS become half-width katakana).
 */
function ordinary(encoding: CsvEncoding): Set<number> {
  let set = ordinaryCache.get(encoding);
  if (set) return set;
  set = new Set<number>();
  const hi: [number, number][] = [[0xa1, 0xfe]];
  const big5Trails: [number, number][] = [[0x40, 0x7e], [0xa1, 0xfe]];
  const sjisTrails: [number, number][] = [[0x40, 0x7e], [0x80, 0xfc]];
  if (encoding === 'gb18030') {
    decodeRange('gb18030', [0xa1, 0xa1], hi, set);
    decodeRange('gb18030', [0xa3, 0xa3], hi, set);
    decodeRange('gb18030', [0xb0, 0xf7], hi, set);
  } else if (encoding === 'big5') {
    decodeRange('big5', [0xa1, 0xa3], big5Trails, set);
    decodeRange('big5', [0xa4, 0xc6], big5Trails, set);
    decodeRange('big5', [0xc9, 0xf9], big5Trails, set);
  } else if (encoding === 'shift_jis') {
    decodeRange('shift_jis', [0x81, 0x83], sjisTrails, set);
    decodeRange('shift_jis', [0x88, 0x9f], sjisTrails, set);
    decodeRange('shift_jis', [0xe0, 0xea], sjisTrails, set);
  }
  ordinaryCache.set(encoding, set);
  return set;
}

/** East Asian characters: kana, CJK punctuation and ideographs, Hangul, private use, full- and half-width forms. */
function eastAsian(cp: number): boolean {
  return (cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xe000 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000;
}

/**
 * Share of the East Asian characters that are ordinary for the encoding (1 when there are none). Other
 * characters (€, emoji, accents) say nothing about which East Asian encoding it is and are not counted.
 */
function ordinaryShare(text: string, encoding: CsvEncoding): number {
  const set = ordinary(encoding);
  let counted = 0;
  let hits = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x3000 || !eastAsian(cp)) continue;
    counted++;
    if (set.has(cp)) hits++;
  }
  return counted === 0 ? 1 : hits / counted;
}

// ───────────────────────────── detection ─────────────────────────────

export interface Decoded {
  text: string;
  encoding: CsvEncoding;
  /** The file started with a byte-order mark (written back the same way). */
  bom: boolean;
}

/** Below this share of ordinary characters a decoding is not trusted. */
const TRUSTED = 0.9;
/** Decodings within this share of the best one are a tie, settled by the order of GUESSED. */
const TIE = 0.05;

/**
 * Decode a CSV file's bytes.
 * 1. A BOM decides: UTF-8, UTF-16 LE/BE, GB18030's 84 31 95 33.
 * 2. NUL bytes mark UTF-16 without a BOM (tried strictly, LE or BE by where the NULs fall); else
 *    valid UTF-8 (strict) is UTF-8.
 * 3. Else each of GB18030, Big5 and Shift_JIS is decoded strictly; of those that decode, the one whose
 *    text is most made of its own ordinary characters (share ≥ 90%) wins; a tie (within 5 points) goes to
 *    the earlier of GB18030, Big5, Shift_JIS — TierBook's users are mainland first, and GB2312 text is
 *    also valid Big5 far more often than the reverse.
 * 4. Otherwise a CsvError names the encodings tried and --encoding.
 * With `encoding` given, the bytes must decode strictly in it: text we could not read is never graded or
 * written back.
 */
export function detectEncoding(bytes: Uint8Array, encoding?: CsvEncoding): Decoded {
  const b = bytes;
  const bomOf = (): { encoding: CsvEncoding; length: number } | null => {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
    if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
    if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
    if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { encoding: 'gb18030', length: 4 };
    return null;
  };
  const bom = bomOf();
  const unreadable = (enc: CsvEncoding) =>
    new CsvError(
      loc(`文件不是有效的 ${enc} 编码文本，无法读取（不会评级，也不会写回）。请用 --encoding 指定正确的编码：${ENCODING_NAMES}`, `The file is not valid ${enc} text and cannot be read (nothing is graded or written back). Give the right one with --encoding: ${ENCODING_NAMES}`),
    );
  if (encoding) {
    const skip = bom && bom.encoding === encoding ? bom.length : 0;
    const text = strict(encoding, b.subarray(skip));
    if (text === null) throw unreadable(encoding);
    return { text, encoding, bom: skip > 0 };
  }
  if (bom) {
    const text = strict(bom.encoding, b.subarray(bom.length));
    if (text === null) throw unreadable(bom.encoding);
    return { text, encoding: bom.encoding, bom: true };
  }
  // NUL bytes are no text in UTF-8, GB18030, Big5 or Shift_JIS: they mark UTF-16 without a BOM, whose
  // NULs fall on the high byte of each ASCII unit (odd positions little-endian, even big-endian).
  let even = 0;
  let odd = 0;
  // indexOf is native: most files have no NUL and need no count.
  for (let i = b.indexOf(0); i !== -1 && i < b.length; i++) {
    if (b[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  if (even + odd > 0) {
    // Real UTF-16 text has its NULs on one side (CJK units with a 00 low byte are few): ≥ 4 to 1, and on ≥ 20% of units.
    const guess: CsvEncoding = odd >= even ? 'utf-16le' : 'utf-16be';
    const [major, minor] = odd >= even ? [odd, even] : [even, odd];
    const looksUtf16 = b.length % 2 === 0 && major >= 4 * minor && major >= 0.2 * (b.length / 2);
    const text = looksUtf16 ? strict(guess, b) : null;
    if (text !== null && !text.includes('\0')) return { text, encoding: guess, bom: false };
    throw new CsvError(
      loc(`文件中含有空字符（NUL），不像文本 CSV。若是 UTF-16，请用 --encoding utf-16le 或 utf-16be`, 'The file holds NUL characters and does not look like a text CSV. If it is UTF-16, give --encoding utf-16le or utf-16be'),
    );
  }
  const utf8 = strict('utf-8', b);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  const read: { encoding: CsvEncoding; text: string; share: number }[] = [];
  for (const e of GUESSED) {
    const text = e === 'utf-8' ? null : strict(e, b);
    if (text !== null) read.push({ encoding: e, text, share: ordinaryShare(text, e) });
  }
  const best = Math.max(0, ...read.map((r) => r.share));
  const pick = best >= TRUSTED ? read.find((r) => r.share >= best - TIE) : undefined;
  if (!pick)
    throw new CsvError(
      loc(
        `无法确定文件的编码（试过 ${GUESSED.join('、')}，${read.length ? `能解码的 ${read.map((r) => r.encoding).join('、')} 都不可靠` : '都无法解码'}）。请在 Excel 中另存为"CSV UTF-8"后再打开，或在命令行用 --encoding 指定：${ENCODING_NAMES}`,
        `Cannot tell the file's encoding (tried ${GUESSED.join(', ')}; ${read.length ? `${read.map((r) => r.encoding).join(', ')} decode but not convincingly` : 'none decodes'}). Save it from Excel as "CSV UTF-8" and open it again, or on the command line give --encoding: ${ENCODING_NAMES}`,
      ),
    );
  return { text: pick.text, encoding: pick.encoding, bom: false };
}

// ───────────────────────────── encoding ─────────────────────────────

const reverseCache = new Map<CsvEncoding, Map<number, number>>();

/** Code point → byte sequence (packed big-endian in a number) for a multi-byte encoding, first mapping wins. */
function reverse(encoding: CsvEncoding): Map<number, number> {
  let map = reverseCache.get(encoding);
  if (map) return map;
  map = new Map();
  const d = new TextDecoder(encoding, { fatal: true });
  const add = (seq: number[]) => {
    let s: string;
    try {
      s = d.decode(Uint8Array.from(seq));
    } catch {
      return;
    }
    const cp = s.codePointAt(0)!;
    if (s.length !== (cp > 0xffff ? 2 : 1) || map!.has(cp)) return;
    map!.set(cp, seq.reduce((acc, x) => acc * 256 + x, 0));
  };
  for (let a = 0; a < 0x80; a++) add([a]);
  if (encoding === 'shift_jis') for (let a = 0xa1; a <= 0xdf; a++) add([a]);
  // Big5: the standard leads first, so the HKSCS duplicates (leads 81–A0) never win.
  const leads = encoding === 'big5' ? [...range(0xa1, 0xfe), ...range(0x81, 0xa0)] : range(0x81, 0xfe);
  for (const a of leads) for (let t = 0x40; t <= 0xfe; t++) add([a, t]);
  if (encoding === 'gb18030') {
    // Four-byte sequences of the BMP (first byte 81–84); beyond it GB18030 is linear (below).
    for (let a = 0x81; a <= 0x84; a++)
      for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let e = 0x30; e <= 0x39; e++) add([a, b, c, e]);
  }
  reverseCache.set(encoding, map);
  return map;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** GB18030's four bytes for a code point beyond the BMP (a linear mapping from 90 30 81 30). */
function gbSupplementary(cp: number): number[] {
  let n = cp - 0x10000;
  const e = 0x30 + (n % 10);
  n = Math.floor(n / 10);
  const c = 0x81 + (n % 126);
  n = Math.floor(n / 126);
  const b = 0x30 + (n % 10);
  const a = 0x90 + Math.floor(n / 10);
  return [a, b, c, e];
}

/** Characters the encoding cannot hold, in `text` (for the message), or the bytes. */
export function encodeText(text: string, encoding: CsvEncoding, bom: boolean): { bytes: Uint8Array } | { missing: string[] } {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!bom) return { bytes: body };
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return { bytes: out };
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
    const view = new DataView(out.buffer);
    const little = encoding === 'utf-16le';
    let at = 0;
    if (bom) {
      view.setUint16(0, 0xfeff, little);
      at = 2;
    }
    for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), little);
    return { bytes: out };
  }
  const map = reverse(encoding);
  const out: number[] = bom && encoding === 'gb18030' ? [0x84, 0x31, 0x95, 0x33] : [];
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const seq = map.get(cp);
    if (seq !== undefined) {
      if (seq > 0xffffff) out.push(seq >>> 24, (seq >>> 16) & 0xff, (seq >>> 8) & 0xff, seq & 0xff);
      else if (seq > 0xff) out.push(seq >>> 8, seq & 0xff);
      else out.push(seq);
    } else if (encoding === 'gb18030' && cp > 0xffff) out.push(...gbSupplementary(cp));
    else missing.add(ch);
  }
  if (missing.size) return { missing: [...missing] };
  const bytes = Uint8Array.from(out);
  // Proof, not trust: what we write must read back as exactly the text.
  const back = strict(encoding, bom && encoding === 'gb18030' ? bytes.subarray(4) : bytes);
  if (back !== text) return { missing: ['?'] };
  return { bytes };
}

/** Stand-ins for characters of our own text that an encoding lacks (≥ is not in Shift_JIS; ≧ is). */
export const STAND_INS: Readonly<Record<string, string>> = { '≥': '≧', '≤': '≦', '¥': '￥', '·': '・', '—': '―', '–': '－' };
