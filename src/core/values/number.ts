// Numbers as people paste them into Excel. Garbage is never silently 0: every value we cannot
// read comes back as a bilingual issue.
//
// Rules worth knowing (the tests pin each one): thousands groups must be exact ("1,234" yes,
// "1,2,3" / "12,5" no); "." is always the decimal point, so "€1.200" is refused as ambiguous rather
// than read as 1.2. Currency marks are dropped, never converted. Magnitudes: 百 千 万 亿 百万 千万 万亿,
// k/K = 10³, m/M = 10⁶, w/W = 万 (Chinese shorthand). "%" divides by 100 and "‰" by 1000, in every
// column. A lone "-" or "—" means "nothing" to some people and "zero" to others, so it is an error.
import { loc } from '../i18n.ts';
import { cleanCellText } from './fullwidth.ts';
import {
  BLANK, WANT_NUMBER, dateRaw, excelError, excelErrorName, fail, shown, type CellInput, type Failure, type Parsed,
} from './result.ts';

export interface NumberOptions {
  /**
   * The column holds a percentage. Reserved: "%" already divides by 100 everywhere and a plain
   * number is returned as typed, so this changes nothing today (the scheme decides the scale).
   */
  percent?: boolean;
}

/** Texts people type for "no value"; we still refuse them, but say how to write "no value". */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-', '--', '—', '——', '–', '/', '\\', '.', 'n/a', 'na', 'null', 'none', 'nil', '无', '暂无', '空', '待定', '未知',
]);

function notANumber(raw: string, reason?: 'euro'): Failure {
  const q = shown(raw);
  if (reason === 'euro') {
    return fail(
      'not-a-number',
      raw,
      loc(
        `无法把“${q}”识别为数字：其中的“.”可能是小数点，也可能是千位分隔符`,
        `Cannot read "${q}" as a number: the "." could be a decimal point or a thousands separator`,
      ),
    );
  }
  if (PLACEHOLDERS.has(cleanCellText(raw).toLowerCase())) {
    return fail(
      'not-a-number',
      raw,
      loc(`无法把“${q}”识别为数字；如果没有数据，请让单元格留空`, `Cannot read "${q}" as a number; leave the cell empty if there is no value`),
    );
  }
  return fail('not-a-number', raw, loc(`无法把“${q}”识别为数字`, `Cannot read "${q}" as a number`));
}

// ───────────────────────────── numbers ─────────────────────────────

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Hot path: "123", "-45.6", ".5" — digits, one optional dot, optional leading minus. */
function plainDecimal(s: string): number | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) return undefined; // 400 digits: let the slow path report it
  return v === 0 ? 0 : v; // no -0
}

function isGroupSeparator(c: number): boolean {
  // comma, space, no-break space, thin space, narrow no-break space (after folding, U+3000 is a space)
  return c === 44 || c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 9;
}

function isSign(c: number): boolean {
  return c === 45 /* - */ || c === 43 /* + */ || c === 0x2212 /* − */;
}

/** Does `word` (upper-case ASCII or CJK) occur in s at `at`, ignoring ASCII case? */
function matchAt(s: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let c = s.charCodeAt(at + k);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

interface Currency {
  word: string;
  euro: boolean;
}
const cur = (word: string, euro = false): Currency => ({ word, euro });

// Longest first, so "US$" wins over "$" and "港元" over "元".
const PREFIX_CURRENCIES: readonly Currency[] = [
  cur('US$'), cur('HK$'), cur('NT$'), cur('CN¥'), cur('TWD'), cur('RMB'), cur('CNY'), cur('USD'), cur('HKD'), cur('EUR', true), cur('GBP'),
  cur('¥'), cur('$'), cur('€', true), cur('£'),
];
const SUFFIX_CURRENCIES: readonly Currency[] = [
  cur('人民币'), cur('新台币'), cur('台币'), cur('港币'), cur('港元'), cur('TWD'), cur('美元'), cur('美金'), cur('欧元', true), cur('英镑'),
  cur('RMB'), cur('CNY'), cur('USD'), cur('HKD'), cur('EUR', true), cur('GBP'),
  cur('元'), cur('圆'), cur('块'), cur('¥'), cur('$'), cur('€', true), cur('£'),
];
// Powers of ten. Compound words first: "千万" must not be read as "千" + "万".
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万亿', 12], ['千万', 7], ['百万', 6], ['亿', 8], ['万', 4], ['千', 3], ['百', 2], ['K', 3], ['M', 6], ['W', 4],
];

type ScanFailure = 'bad' | 'euro';

// Plain functions, not closures: scanNumber runs per cell and must not allocate.
function skipSpaceForward(s: string, i: number, e: number): number {
  while (i < e && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function skipSpaceBack(s: string, i: number, e: number): number {
  while (e > i && isSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

function prefixCurrency(s: string, i: number, e: number): Currency | undefined {
  for (const c of PREFIX_CURRENCIES) {
    if (c.word.length <= e - i && matchAt(s, i, c.word)) return c;
  }
  return undefined;
}

/**
 * The full grammar, on cleaned text:
 *   [(] [sign] [currency] [sign | (] body [magnitude] [currency] [) …] [% | ‰]
 * with at most one sign or pair of parentheses, and "%" not mixed with currency or magnitude.
 */
function scanNumber(s: string): number | ScanFailure {
  let i = 0;
  let e = s.length;
  let negative = false;
  let signed = false;
  let euro = false;
  let hasCurrency = false;

  // "[(] [sign] [currency [(] [sign]]": at most one sign or pair of parentheses in all.
  for (let pass = 0; pass < 2; pass++) {
    // Accounting negatives: "(1,234)", "（1,234）" (folded), "¥(1,234)".
    if (!signed && e - i >= 2 && s.charCodeAt(i) === 40 && s.charCodeAt(e - 1) === 41) {
      negative = true;
      signed = true;
      i = skipSpaceForward(s, i + 1, e - 1);
      e = skipSpaceBack(s, i, e - 1);
    }
    if (i < e && isSign(s.charCodeAt(i))) {
      if (signed) return 'bad'; // "(-5)", "--5", "-¥-5"
      negative = s.charCodeAt(i) !== 43;
      signed = true;
      i = skipSpaceForward(s, i + 1, e);
    }
    // Prefix currency, only when the text doesn't start with a digit (the common case skips this).
    if (pass === 1 || i >= e || isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 46) break;
    const c = prefixCurrency(s, i, e);
    if (c === undefined) break;
    hasCurrency = true;
    euro = c.euro;
    i = skipSpaceForward(s, i + c.word.length, e);
  }

  let shift = 0;
  let percent = false;
  let magnitude = false;
  const last = e > i ? s.charCodeAt(e - 1) : 0;
  if (e > i && !isDigit(last)) {
    if (last === 37 /* % */ || last === 0x2030 /* ‰ */) {
      percent = true;
      shift = last === 37 ? -2 : -3;
      e = skipSpaceBack(s, i, e - 1);
    }
    for (const c of SUFFIX_CURRENCIES) {
      const at = e - c.word.length;
      if (at >= i && matchAt(s, at, c.word)) {
        hasCurrency = true;
        euro ||= c.euro;
        e = skipSpaceBack(s, i, at);
        break;
      }
    }
    for (const [word, power] of MAGNITUDES) {
      const at = e - word.length;
      if (at >= i && matchAt(s, at, word)) {
        magnitude = true;
        shift += power;
        e = skipSpaceBack(s, i, at);
        break;
      }
    }
  }
  if (percent && (hasCurrency || magnitude)) return 'bad'; // "¥12%", "1万%": no sensible reading

  // Body: digits with optional exact thousands groups, optional fraction, optional exponent.
  const start = i;
  let intDigits = 0;
  while (i < e && isDigit(s.charCodeAt(i))) {
    i++;
    intDigits++;
  }
  let separator = -1;
  if (i < e && intDigits > 0 && isGroupSeparator(s.charCodeAt(i))) {
    if (intDigits > 3) return 'bad'; // "1234,567"
    separator = s.charCodeAt(i);
    while (i < e && s.charCodeAt(i) === separator) {
      if (i + 3 >= e) return 'bad'; // fewer than three digits can follow
      if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2)) || !isDigit(s.charCodeAt(i + 3))) return 'bad';
      i += 4;
      if (i < e && isDigit(s.charCodeAt(i))) return 'bad'; // "1,2345"
    }
  }
  let fracDigits = 0;
  if (i < e && s.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < e && isDigit(s.charCodeAt(i))) {
      i++;
      fracDigits++;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return 'bad';
  const mantissaEnd = i;
  let exponent = 0;
  let hasExponent = false;
  if (i < e && (s.charCodeAt(i) | 32) === 101 /* e or E */) {
    if (separator !== -1) return 'bad'; // "1,234e5" is not something anyone means
    hasExponent = true;
    const expStart = ++i;
    if (i < e && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) i++;
    const digitsStart = i;
    while (i < e && isDigit(s.charCodeAt(i))) i++;
    if (i === digitsStart) return 'bad';
    exponent = Number(s.slice(expStart, i));
  }
  if (i !== e) return 'bad';
  if (euro && separator === -1 && !hasExponent && intDigits <= 3 && fracDigits === 3) return 'euro';

  let mantissa = s.slice(start, mantissaEnd);
  if (separator !== -1) mantissa = mantissa.replaceAll(String.fromCharCode(separator), '');
  // Shift the decimal point in the text, not by multiplying: "1.1k" is exactly 1100, "7.3%" exactly 0.073.
  const power = exponent + shift;
  const v = Number(power === 0 ? mantissa : `${mantissa}e${power}`);
  if (!Number.isFinite(v)) return 'bad';
  if (v === 0) return 0;
  return negative ? -v : v;
}

/**
 * Read a number. JS numbers pass through (NaN/±Infinity are errors); text may carry thousands
 * separators, currency, 万/亿/k/M magnitudes, %, accounting parentheses and full-width characters.
 */
export function parseNumber(input: CellInput, _options?: NumberOptions): Parsed<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return notANumber(String(input));
    return { ok: true, value: input === 0 ? 0 : input };
  }
  if (typeof input === 'string') {
    const quick = input.length > 0 ? plainDecimal(input) : undefined;
    if (quick !== undefined) return { ok: true, value: quick };
    const s = cleanCellText(input);
    if (s === '') return BLANK;
    if (s.charCodeAt(0) === 35 /* # */) {
      const name = excelErrorName(s);
      if (name !== undefined) return excelError(input, name, WANT_NUMBER);
    }
    const v = scanNumber(s);
    return typeof v === 'number' ? { ok: true, value: v } : notANumber(input, v === 'euro' ? 'euro' : undefined);
  }
  if (input === null || input === undefined) return BLANK;
  if (typeof input === 'boolean') return notANumber(input ? 'TRUE' : 'FALSE');
  return notANumber(dateRaw(input)); // a date-formatted cell in a number column is a mistake, not a number
}

