// Numbers as users read them in reasons and gaps: currency with separators, units in each language.
import type { Lang, Localized } from '../i18n.ts';
import type { Unit } from '../scheme/metrics.ts';
import type { Cadence, Operator } from '../scheme/schema.ts';

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(decimals: number, fixed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${fixed}`;
  let f = formatters.get(key);
  if (!f) {
    // Chinese and English both group by thousands with "," in business documents.
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: fixed ? decimals : 0 });
    formatters.set(key, f);
  }
  return f;
}

/** Inserts thousands separators into a string of digits. */
function group(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let out = digits.slice(0, n % 3 || 3);
  for (let i = out.length; i < n; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** Adds one unit in the last place to a string of digits ("199" → "200", "99" → "100"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57 /* 9 */) i--;
  const tail = '0'.repeat(digits.length - 1 - i);
  return i < 0 ? `1${tail}` : `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${tail}`;
}

/**
 * What Intl.NumberFormat('en-US') prints, without its cost (it dominated writing 100,000 reasons): ICU
 * rounds the shortest round-trip decimal of the double (the one String() gives) half away from zero, so
 * rounding that string digit by digit gives the same text. Null for what String() writes with an exponent.
 */
function fastFormat(x: number, decimals: number, fixed: boolean): string | null {
  const s = String(x < 0 ? -x : x);
  if (s.indexOf('e') >= 0) return null;
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > decimals) {
    const up = frac.charCodeAt(decimals) >= 53 /* 5 */;
    frac = frac.slice(0, decimals);
    if (up) {
      const next = increment(int + frac);
      int = next.slice(0, next.length - decimals);
      frac = next.slice(next.length - decimals);
    }
  }
  if (fixed) frac = frac.padEnd(decimals, '0');
  else {
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48 /* 0 */) end--;
    frac = frac.slice(0, end);
  }
  // Intl keeps the sign of negative numbers that round to zero ("-0"), and of -0 itself.
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${group(int)}${frac ? `.${frac}` : ''}`;
}

/** 1250000 → "1,250,000"; up to two decimals, none when the value is whole. */
export function formatNumber(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return fastFormat(x, decimals, false) ?? numberFormat(decimals, false).format(x);
}

export function formatValue(x: number, unit: Unit, lang: Lang, currency = '¥'): string {
  if (!Number.isFinite(x)) return lang === 'zh-CN' ? '（空）' : '(blank)';
  const zh = lang === 'zh-CN';
  switch (unit) {
    case 'currency': {
      const whole = Math.abs(x - Math.round(x)) < 1e-9;
      const ax = Math.abs(x);
      const body = whole ? formatNumber(Math.round(ax), 0) : (fastFormat(ax, 2, true) ?? numberFormat(2, true).format(ax));
      return `${x < 0 ? '-' : ''}${currency}${body}`;
    }
    case 'count':
      return zh ? `${formatNumber(x)} 次` : formatNumber(x);
    case 'days':
      return zh ? `${formatNumber(x)} 天` : `${formatNumber(x)} ${x === 1 ? 'day' : 'days'}`;
    case 'years':
      return zh ? `${formatNumber(x)} 年` : `${formatNumber(x)} ${x === 1 ? 'year' : 'years'}`;
    case 'percent':
      return `${formatNumber(x * 100)}%`;
    case 'score':
      return zh ? `${formatNumber(x)} 分` : formatNumber(x);
    case 'number':
      return formatNumber(x);
  }
}

export function formatBoth(x: number, unit: Unit, currency = '¥'): Localized {
  return { 'zh-CN': formatValue(x, unit, 'zh-CN', currency), 'en-US': formatValue(x, unit, 'en-US', currency) };
}

export const OPERATOR_SYMBOL: Record<Operator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  between: '∈',
};

/** The symbol for a comparison that did NOT hold. */
export const NEGATED_SYMBOL: Record<Exclude<Operator, 'between' | '='>, string> = {
  '>=': '<',
  '>': '≤',
  '<=': '>',
  '<': '≥',
};

export const CADENCE_TEXT: Record<Cadence, Localized> = {
  weekly: { 'zh-CN': '每周至少联系一次', 'en-US': 'contact at least weekly' },
  monthly: { 'zh-CN': '每月至少拜访一次', 'en-US': 'visit at least monthly' },
  quarterly: { 'zh-CN': '每季度至少拜访一次', 'en-US': 'visit at least quarterly' },
  'half-yearly': { 'zh-CN': '每半年至少回访一次', 'en-US': 'follow up at least every half-year' },
  yearly: { 'zh-CN': '每年至少回访一次', 'en-US': 'follow up at least yearly' },
  'as-needed': { 'zh-CN': '按需联系', 'en-US': 'contact as needed' },
};
