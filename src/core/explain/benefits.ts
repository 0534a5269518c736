// What a tier brings: its benefit lines, then who serves it and how often.
import type { Lang, Localized } from '../i18n.ts';
import type { Tier } from '../scheme/schema.ts';
import { CADENCE_TEXT } from './format.ts';

const both = (f: (lang: Lang) => string): Localized => ({ 'zh-CN': f('zh-CN'), 'en-US': f('en-US') });

/** The tier's benefit lines, then who serves it and how often. */
export function benefitsText(tier: Tier): Localized {
  const b = tier.benefits;
  return both((lang) => {
    const lines = b.lines.map((l) => l[lang]).join(lang === 'zh-CN' ? '、' : '; ');
    const service = [b.owner?.[lang], b.cadence ? CADENCE_TEXT[b.cadence][lang] : undefined, b.channel?.[lang]]
      .filter(Boolean)
      .join(lang === 'zh-CN' ? '，' : ', ');
    if (!service) return lines;
    if (!lines) return service;
    return lang === 'zh-CN' ? `${lines}（${service}）` : `${lines} (${service})`;
  });
}
