// The handbook names each tier with the scheme's label, one spelling throughout: never "VIP客户（战略客户）"
// beside "VIP客户(战略客户)" (full-width and ASCII brackets are different text to a reader and to search).
import { describe, expect, it } from 'vitest';
import { handbookMarkdown, handbookSheet, listPresets, sheetValues, type Lang } from '../../../src/core/index.ts';

/** Full-width brackets and colons folded to ASCII, so a variant spelling of a label is found. */
const fold = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')');

function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

describe('tier labels in the handbook', () => {
  for (const scheme of listPresets())
    for (const lang of ['zh-CN', 'en-US'] as Lang[])
      it(`${scheme.id} (${lang}): every mention of a tier is its label exactly`, () => {
        const sheet = sheetValues(handbookSheet(scheme, lang))
          .flat()
          .filter((v) => typeof v === 'string')
          .join('\n');
        for (const text of [handbookMarkdown(scheme, lang), sheet, scheme.description?.[lang] ?? ''])
          for (const t of scheme.tiers) {
            const label = t.label[lang];
            expect(count(fold(text), fold(label)), `${label} in ${text.slice(0, 40)}…`).toBe(count(text, label));
          }
      });
});
