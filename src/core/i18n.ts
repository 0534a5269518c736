// Languages the product speaks. Every user-facing string the core produces comes in both.

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

/** A string in every language we ship. */
export interface Localized {
  'zh-CN': string;
  'en-US': string;
}

export function loc(zh: string, en: string): Localized {
  return { 'zh-CN': zh, 'en-US': en };
}

/** Pick a language, accepting loose tags such as "zh", "zh-Hans", "en-GB". */
export function normalizeLang(tag: string | undefined | null): Lang {
  return tag && /^zh/i.test(tag) ? 'zh-CN' : tag && /^en/i.test(tag) ? 'en-US' : 'zh-CN';
}

/** Join localized parts with each language's own list separator. */
export function joinLocalized(parts: readonly Localized[], zhSep = '；', enSep = '; '): Localized {
  return {
    'zh-CN': parts.map((p) => p['zh-CN']).join(zhSep),
    'en-US': parts.map((p) => p['en-US']).join(enSep),
  };
}
