// `--actions`: the action lists' distances from the command line, checked before anything is read.
import { describe, expect, it } from 'vitest';
import { parseActionOptions } from '../../src/cli/next-steps.ts';
import { UsageError } from '../../src/cli/usage.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { openpyxlBook } from '../support/openpyxl.ts';

describe('--actions', () => {
  it('reads percentages, fractions and RFM scores', () => {
    expect(parseActionOptions('upgrade=25%, downgrade=0.05,churn=80%,drop=40,rfm=2')).toEqual({
      upgradeDistance: 0.25,
      downgradeMargin: 0.05,
      churnRecencyShare: 0.8,
      spendDropShare: 0.4,
      rfmScoreDistance: 2,
    });
  });

  it('names what it cannot read, in both languages', () => {
    let error: unknown = null;
    try {
      parseActionOptions('upgrade=15%,soon=3');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).text['zh-CN']).toContain('"soon=3"');
    expect((error as UsageError).text['en-US']).toContain('"soon=3"');
    expect(() => parseActionOptions('upgrade=150%')).toThrow(UsageError);
  });

  it('the run grades the lists by them', async () => {
    const bytes = openpyxlBook("ws = wb.active\nws.title = '客户'\nws.append(['客户编号', '年度消费金额', '合作年限'])\nfor r in [['C1', 800000, 6], ['C2', 900000, 6]]: ws.append(r)");
    const run = async (actions?: { upgradeDistance: number }) =>
      (await gradeWorkbook(FileWorkbook.open(bytes, 'b.xlsx'), { lang: 'zh-CN', today: 46000, ...(actions ? { actions } : {}) })).next.actions.upgrade.map((x) => x.id);
    // C1 is ¥200,000 (20%) short of VIP, C2 ¥100,000 (10%).
    expect(await run()).toEqual(['C2']);
    expect(await run({ upgradeDistance: 0.25 })).toEqual(['C2', 'C1']);
  });
});
