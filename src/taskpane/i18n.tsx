// The pane's own words in both languages, and number formats per locale. Reasons, headers and data-issue
// messages come from the core already in both languages; this file holds only what the UI itself says.
import { createContext, useContext } from 'react';
import type { Lang, Localized } from '../core/index.ts';
import { STRINGS, type StringKey } from './strings.ts';

export const LangContext = createContext<Lang>('zh-CN');

export interface Translator {
  lang: Lang;
  /** A UI string, with {name} placeholders filled. */
  t(key: StringKey, vars?: Record<string, string | number>): string;
  /** Text the core gave in both languages. */
  l(text: Localized | { 'zh-CN': string; 'en-US': string }): string;
  num(n: number, digits?: number): string;
  pct(share: number, digits?: number): string;
  money(n: number, currency: string): string;
}

export function translator(lang: Lang): Translator {
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return {
    lang,
    t(key, vars) {
      let s: string = STRINGS[key][lang];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, typeof v === 'number' ? nf.format(v) : v);
      return s;
    },
    l: (text) => text[lang],
    num: (n, digits = 0) => (Number.isFinite(n) ? new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n) : '—'),
    pct: (share, digits = 1) => (Number.isFinite(share) ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share) : '—'),
    money: (n, currency) => {
      if (!Number.isFinite(n)) return '—';
      // The scheme's currency symbol (¥, $ …) with the locale's grouping; large sums shortened the way each language reads them.
      const abs = Math.abs(n);
      if (lang === 'zh-CN' && abs >= 1e8) return `${currency}${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n / 1e8)}亿`;
      if (lang === 'zh-CN' && abs >= 1e4) return `${currency}${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1e4)}万`;
      if (lang === 'en-US' && abs >= 1e6) return `${currency}${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n / 1e6)}M`;
      return `${currency}${nf.format(n)}`;
    },
  };
}

export function useT(): Translator {
  return translator(useContext(LangContext));
}
