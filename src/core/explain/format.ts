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

/** 1250000 → "1,250,000"; up to two decimals, none when the value is whole. */
export function formatNumber(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return numberFormat(decimals, false).format(x);
}

export function formatValue(x: number, unit: Unit, lang: Lang, currency = '¥'): string {
  if (!Number.isFinite(x)) return lang === 'zh-CN' ? '（空）' : '(blank)';
  const zh = lang === 'zh-CN';
  switch (unit) {
    case 'currency': {
      const whole = Math.abs(x - Math.round(x)) < 1e-9;
      const body = whole ? formatNumber(Math.round(Math.abs(x)), 0) : numberFormat(2, true).format(Math.abs(x));
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
