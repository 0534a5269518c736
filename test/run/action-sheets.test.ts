// Issue 17: a period run leaves 行动清单 and 服务成本 — sheets TierBook owns (marked), their lists as Excel
// Tables — replaced on the next run, never taking over a user's sheet of that name. File host on openpyxl files.
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook, type RunResult } from '../../src/run/grade-workbook.ts';
import { text, zipEntries } from '../hosts/file/xlsx/helpers.ts';
import { openpyxlBook, openpyxlCells, openpyxlNames } from '../support/openpyxl.ts';

const HEADER = "['客户编号', '客户名称', '年度消费金额', '合作年限']";
// C1 VIP 8% above ¥1,000,000 (降级预警) · C2 普通, ¥50,000 short of 重要 (冲刺升级) · C3 潜在.
const ROWS = "[['C1', '甲', 1080000, 6], ['C2', '乙', 450000, 4], ['C3', '丙', 5000, 1]]";

async function grade(bytes: Uint8Array, period = '2025'): Promise<{ out: Uint8Array; run: RunResult }> {
  const book = FileWorkbook.open(bytes, 'book.xlsx');
  const run = await gradeWorkbook(book, { lang: 'zh-CN', gradedAt: new Date('2026-01-05T09:00:00Z'), today: 46000, period });
  return { out: book.toXlsx(), run };
}

const tableNames = (bytes: Uint8Array) =>
  Object.entries(zipEntries(bytes))
    .filter(([p]) => /^xl\/tables\/table\d+\.xml$/.test(p))
    .map(([, b]) => /\bname="([^"]+)"/.exec(text(b))![1])
    .sort();

describe('the action list and service cost sheets', () => {
  const input = () => openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)`);

  it('a period run writes both, marked as ours, each list an Excel Table', async () => {
    const { out, run } = await grade(input());
    expect(run.nextSheets).toEqual({ actions: '行动清单', cost: '服务成本' });
    expect(run.next.actions.upgrade.map((x) => x.id)).toEqual(['C2']);
    expect(run.next.actions.downgrade.map((x) => x.id)).toEqual(['C1']);
    const cells = openpyxlCells(out);
    expect(cells['行动清单']!['A1']![1]).toBe('冲刺升级（1 位）');
    const names = openpyxlNames(out);
    expect(names['_TierBook.sheet.actions.1']![0]).toBe("'行动清单'!$1:$1048576");
    expect(names['_TierBook.sheet.cost.1']![0]).toBe("'服务成本'!$1:$1048576");
    // The empty churn list has no Table (a Table needs a row); the others and the cost tables do.
    expect(tableNames(out)).toEqual(expect.arrayContaining(['TierBookDowngrade', 'TierBookUpgrade', 'TierBookServiceCost', 'TierBookCostComparison']));
    expect(tableNames(out)).not.toContain('TierBookChurn');
  });

  it('a re-run replaces them in place (no second sheet), and a run without a period writes neither', async () => {
    const once = (await grade(input())).out;
    const twice = (await grade(once, '2026')).out;
    const sheets = Object.keys(openpyxlCells(twice));
    expect(sheets.filter((s) => s.startsWith('行动清单') || s.startsWith('服务成本'))).toEqual(['行动清单', '服务成本']);
    const book = FileWorkbook.open(input(), 'book.xlsx');
    const run = await gradeWorkbook(book, { lang: 'zh-CN', today: 46000 });
    expect(run.nextSheets).toBeNull();
    expect((await book.listSheets()).map((s) => s.name)).not.toContain('行动清单');
    // The lists are there all the same (the CLI's --json and the pane show them).
    expect(run.next.actions.upgrade.length).toBe(1);
  });

  it("a user's own sheet called 行动清单 is left alone: ours goes beside it", async () => {
    const mine = openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)\nu = wb.create_sheet('行动清单')\nu['A1'] = '我的待办'`);
    const { out, run } = await grade(mine);
    expect(run.nextSheets!.actions).toBe('行动清单 (2)');
    expect(openpyxlCells(out)['行动清单']!['A1']![1]).toBe('我的待办');
  });
});

describe('a workbook graded by the version before marks', () => {
  it("keeps a user's sheet called 服务成本: that version never wrote one, so it is not taken as ours", async () => {
    const legacy = openpyxlBook(
      `ws = wb.active\nws.title = '客户'\nws.append(['客户编号', '客户名称', '年度消费金额', '合作年限', '客户等级', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题'])\n` +
        `ws.append(['C1', '甲', 1080000, 6, 'VIP客户(战略客户)', None, None, None, None, None, None])\nu = wb.create_sheet('服务成本')\nu['A1'] = '我的成本核算'`,
    );
    const { out, run } = await grade(legacy);
    expect(run.nextSheets!.cost).toBe('服务成本 (2)');
    expect(openpyxlCells(out)['服务成本']!['A1']![1]).toBe('我的成本核算');
  });
});
