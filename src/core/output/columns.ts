// The columns a grading run writes to the right of the user's data. Each is recognised by its header in
// either language, so a re-run replaces them (never a second set) even after the language was switched.
import { loc, type Lang, type Localized } from '../i18n.ts';

export const OUTPUT_COLUMNS = [
  { key: 'tier', header: loc('客户等级', 'Tier') },
  { key: 'score', header: loc('等级得分', 'Score') },
  { key: 'benefits', header: loc('客户权益', 'Benefits') },
  { key: 'reason', header: loc('评级依据', 'Reason') },
  { key: 'gap', header: loc('距下一级', 'Gap to next tier') },
  { key: 'previous', header: loc('上期等级', 'Previous tier') },
  { key: 'change', header: loc('等级变动', 'Change') },
  { key: 'issues', header: loc('数据问题', 'Data issues') },
] as const satisfies readonly { key: string; header: Localized }[];

export type OutputColumnKey = (typeof OUTPUT_COLUMNS)[number]['key'];

/**
 * The output columns a scheme's mode writes: rules mode has no score (a tier follows from its conditions,
 * not from points), so it gets no 等级得分 column rather than an empty one.
 */
export function outputColumnsFor(mode: { kind: string }): OutputColumnKey[] {
  return OUTPUT_COLUMNS.map((c) => c.key).filter((k) => k !== 'score' || mode.kind !== 'rules');
}

/** Fold case, spaces and full-width forms so a header typed or copied slightly differently still matches. */
export function headerKey(text: unknown): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, '')
    .toLowerCase();
}

const BY_HEADER = new Map<string, OutputColumnKey>(
  OUTPUT_COLUMNS.flatMap((c) => [
    [headerKey(c.header['zh-CN']), c.key],
    [headerKey(c.header['en-US']), c.key],
  ]),
);

/** Which output column a header names, if any. */
export function outputColumnOf(header: unknown): OutputColumnKey | undefined {
  return BY_HEADER.get(headerKey(header));
}

export function outputHeader(key: OutputColumnKey, lang: Lang): string {
  return OUTPUT_COLUMNS.find((c) => c.key === key)!.header[lang];
}
