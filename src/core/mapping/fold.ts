// Header text as the matcher sees it: full-width folded, brackets unified, lower case, the unit part
// ("（万元）", "[k]", "/万元", "%") split off, and the rest reduced to a key without spaces or separators.
import { cleanCellText } from '../values/fullwidth.ts';

export interface FoldedHeader {
  /** Everything, folded: cleaned, brackets unified to (), lower case, no whitespace. */
  full: string;
  /** Without the unit parts and separators: what synonyms are compared with ("销售额", "annualspend"). */
  key: string;
  /** Like key, with words kept apart by one space ("annual spend"): for whole-word English matching. */
  words: string;
  /** Unit texts found in the header, in the order to try them ("万元", "k", "%", "months"). */
  units: string[];
}

// After cleanCellText the full-width （）［］｛｝ are already ASCII; these are the CJK brackets left.
const OPEN = /[[{【〔〖〈《]/g;
const CLOSE = /[\]}】〕〗〉》]/g;
/** Characters that only separate words or mark a column: "customer_id", "Last-order date", "客户名称*". */
const SEPARATORS = /[\s_\-.:;,，、|/\\·•#*※★'"“”‘’]+/g;
/** A unit written without brackets at the end of a Chinese header: "销售额万元". */
const CJK_MONEY_SUFFIX = /(百万元|千万元|十万元|万元|千元|亿元)$/;

/** Fold a header cell (or a synonym, or a --map value) for matching. */
export function foldHeader(raw: string, isUnit: (text: string) => boolean = () => false): FoldedHeader {
  let s = cleanCellText(raw).replace(OPEN, '(').replace(CLOSE, ')');
  s = s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(); // "CustomerID" → "customer id"
  const full = s.replace(/\s+/g, '');
  const units: string[] = [];
  let base = s.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    const u = inner.trim();
    if (u) units.push(u);
    return ' ';
  });
  base = base.replace(/[()]/g, ' ').trim();
  const pct = /\s*([%‰])$/.exec(base);
  if (pct) {
    units.push(pct[1]!);
    base = base.slice(0, pct.index).trim();
  }
  const sep = /^(.*\S)\s*[/_|\\]\s*([^/_|\\]+)$/.exec(base);
  if (sep && isUnit(sep[2]!.trim())) {
    units.push(sep[2]!.trim());
    base = sep[1]!.trim();
  }
  const money = CJK_MONEY_SUFFIX.exec(base);
  if (money && money.index > 0) {
    units.push(money[1]!);
    base = base.slice(0, money.index).trim();
  }
  const words = base.replace(SEPARATORS, ' ').trim();
  return { full, key: words.replace(/ /g, ''), words, units };
}

/** A header for messages: trimmed, inner line breaks and runs of spaces shown as one space. */
export function displayHeader(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** True when the (folded) text holds a CJK character, so substring matching is safe without word bounds. */
export function hasNonAscii(text: string): boolean {
  return /[^ -~]/.test(text);
}

/** Whether `needle` occurs in `hay` as whole words (both in the `words` form: lower case, single spaces). */
export function containsWords(hay: string, needle: string): boolean {
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : hay.charAt(at - 1);
    const after = hay.charAt(at + needle.length);
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}
