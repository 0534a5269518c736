// Manual overrides: a tier id or label typed by the user wins over every mode. The text is folded the
// way matchTier() folds it (full-width forms, white-space runs, trimmed, lower case) and compared with
// the tiers' keys, which we fold here and write as string literals.
import { normalizeKey } from '../grading/ids.ts';
import type { Scheme } from '../scheme/schema.ts';
import type { Dialect } from './dialect.ts';

const FULL_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, k) => String.fromCharCode(0xff01 + k)).join('');
const ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, k) => String.fromCharCode(0x21 + k)).join('');

/** The key of the override text, as SQL. */
export function overrideKeySql(d: Dialect, text: string): string {
  return `LOWER(${d.trimSpaces(d.collapseSpaces(`TRANSLATE(${text}, ${d.str(FULL_WIDTH)}, ${d.str(ASCII)})`))})`;
}

/** Index of the tier the override names, NULL when it names none (then the mode's tier stands). */
export function overrideTierSql(d: Dialect, scheme: Scheme, text: string): string {
  const seen = new Set<string>();
  const whens: string[] = [];
  scheme.tiers.forEach((t, i) => {
    // The first tier a key names wins, as findIndex does.
    for (const key of [t.id.toLowerCase(), normalizeKey(t.label['zh-CN']).toLowerCase(), normalizeKey(t.label['en-US']).toLowerCase()]) {
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      whens.push(`WHEN ${d.str(key)} THEN ${i}`);
    }
  });
  return `CASE ${overrideKeySql(d, text)}\n      ${whens.join('\n      ')}\n    END`;
}
