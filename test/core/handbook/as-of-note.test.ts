// The as-of rule (issue 13) is written where users read the scheme: the rules sheet and the handbook.
import { describe, expect, it } from 'vitest';
import { handbook } from '../../../src/core/handbook/handbook.ts';
import { getPreset } from '../../../src/core/scheme/presets/index.ts';
import { schemeFromSheet, schemeToSheet } from '../../../src/core/scheme/sheet.ts';
import type { CellValue } from '../../../src/core/output/tables.ts';

const flat = (x: unknown): string => JSON.stringify(x);

describe('the as-of rule in the rules sheet and the handbook', () => {
  it.each(['zh-CN', 'en-US'] as const)('a scheme grading on recency says it (%s)', (lang) => {
    const scheme = getPreset('rfm-5')!;
    const want = lang === 'zh-CN' ? '都未指定时为数据中最晚的日期（最后一笔订单或最晚的最近消费日期）' : 'without either, the latest date in the data';
    expect(flat(schemeToSheet(scheme, lang))).toContain(want);
    expect(flat(handbook(scheme, lang))).toContain(want);
  });

  it('a scheme without recency does not', () => {
    const scheme = getPreset('b2b-value')!;
    expect(flat(schemeToSheet(scheme, 'zh-CN'))).not.toContain('截止日');
    expect(flat(handbook(scheme, 'zh-CN'))).not.toContain('距最近消费天数的截止日');
  });

  it('the rules sheet with the note still reads back as the same scheme', () => {
    const scheme = getPreset('rfm-5')!;
    const sheet = schemeToSheet(scheme, 'zh-CN');
    const values: CellValue[][] = [];
    for (const t of sheet.tables) {
      if (t.title) values.push([t.title]);
      for (const n of t.notes ?? []) values.push([n]);
      if (t.header.length) values.push(t.header);
      values.push(...t.rows);
      values.push([]);
    }
    const read = schemeFromSheet(values);
    expect(read.ok, flat(read)).toBe(true);
  });
});
