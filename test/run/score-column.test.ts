// 等级得分 (Score) is written only by modes that score (points, RFM, ABC): rules mode leaves it out rather than
// writing an empty column, and a score column an earlier run wrote is emptied on a rules-mode re-run — on the
// file host and on the Office.js host alike.
import { describe, expect, it } from 'vitest';
import { getPreset, type CellValue, type Scheme } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { OfficeWorkbook } from '../../src/hosts/office/index.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import type { WorkbookPort } from '../../src/port/workbook.ts';
import { FakeExcel } from '../support/excel-fake/index.ts';
import { HEADER, SHEET, customerRows, keptWorkbook } from '../fixtures/kept-customer.ts';

const hosts: [string, (values: CellValue[][]) => WorkbookPort][] = [
  ['file host', () => FileWorkbook.open(keptWorkbook(), 'k.xlsx')],
  [
    'Office host',
    (values) => {
      const fake = new FakeExcel([{ name: SHEET, values }]);
      return new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
    },
  ],
];

const header = async (port: WorkbookPort) => (await port.readSheet(SHEET)).values[0]!.map((h) => h ?? null);

describe.each(hosts)('the score column by mode (%s)', (_, open) => {
  const rules = getPreset('b2b-value')!;
  const scoring: Scheme = getPreset('abc-revenue')!; // ABC: the score is the revenue share

  it('rules mode writes no 等级得分 column', async () => {
    expect(rules.mode.kind).toBe('rules');
    const port = open([HEADER, ...customerRows(2025)]);
    await gradeWorkbook(port, { lang: 'zh-CN', scheme: rules, today: 46_000 });
    const h = await header(port);
    expect(h).toContain('客户等级');
    expect(h).not.toContain('等级得分');
    // The output columns follow the user's data without a gap.
    expect(h.slice(HEADER.length, HEADER.length + 3)).toEqual(['客户等级', '客户权益', '评级依据']);
  });

  it('a scoring mode writes it; a later rules-mode run empties the one it wrote', async () => {
    expect(scoring.mode.kind).toBe('abc');
    const port = open([HEADER, ...customerRows(2025)]);
    await gradeWorkbook(port, { lang: 'zh-CN', scheme: scoring, today: 46_000 });
    const first = await header(port);
    const scoreCol = first.indexOf('等级得分');
    expect(scoreCol).toBeGreaterThan(0);
    expect((await port.readSheet(SHEET)).values.slice(1).some((r) => typeof r[scoreCol] === 'number')).toBe(true);

    await gradeWorkbook(port, { lang: 'zh-CN', scheme: rules, today: 46_000 });
    const after = (await port.readSheet(SHEET)).values;
    expect(after[0]!.map((h) => h ?? null)).not.toContain('等级得分');
    for (const row of after) expect([null, '', undefined]).toContain(row[scoreCol]);
    // The other columns stay where the first run put them (found by header): one set, not two.
    expect(after[0]!.filter((h) => h === '客户等级')).toHaveLength(1);
  });
});
