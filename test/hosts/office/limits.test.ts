// Limits of real Excel the fake enforces (test/support/excel-fake/limits.ts), and how the Office host lives
// with them: cell edit mode (delayForCellEdit), whole-row operations past the web's cell limit, screen updating
// suspended once per operation.
import { describe, expect, it } from 'vitest';
import { OfficeHostError } from '../../../src/hosts/office/index.ts';
import { gradeWorkbook } from '../../../src/run/grade-workbook.ts';
import { FakeExcel } from '../../support/excel-fake/index.ts';
import { customerRows, fakeWith, hostOn } from './helpers.ts';

describe('cell edit mode', () => {
  it('a run started while the user types in a cell waits for the cell, then grades (delayForCellEdit)', async () => {
    const fake = fakeWith(customerRows(50));
    fake.cellEditMode = true;
    setTimeout(() => (fake.cellEditMode = false), 40);
    const result = await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    expect(result.result.size).toBe(50);
    expect(fake.syncs.every((s) => s.failed === null)).toBe(true);
  });

  it('where Office ignores delayForCellEdit, InvalidOperation says to finish editing the cell, in both languages', async () => {
    const fake = fakeWith(customerRows(5));
    fake.cellEditMode = true;
    fake.delayForCellEditIgnored = true;
    fake.cellEditCode = 'InvalidOperation';
    const err = (await hostOn(fake).listSheets().catch((e: unknown) => e)) as OfficeHostError;
    expect(err).toBeInstanceOf(OfficeHostError);
    expect(err.excelCode).toBe('InvalidOperation');
    expect(err.text['zh-CN']).toBe(
      '读取工作表列表时出错：Excel 不允许这项操作。如果您正在编辑某个单元格，请按 Enter 或 Esc 结束编辑，然后重试；否则工作表可能受保护。（错误代码：InvalidOperation）',
    );
    expect(err.text['en-US']).toBe(
      'Listing the sheets failed: Excel does not allow this operation. If you are editing a cell, press Enter or Esc to finish editing, then try again; otherwise the sheet may be protected. (error code: InvalidOperation)',
    );
    fake.cellEditCode = 'InvalidOperationInCellEditMode';
    const again = (await hostOn(fake).listSheets().catch((e: unknown) => e)) as OfficeHostError;
    expect(again.text['en-US']).toContain('Excel is editing a cell. Press Enter or Esc to finish editing');
  });

  it('the fake: without delayForCellEdit a sync in edit mode fails; with it, it waits', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [] }]);
    fake.cellEditMode = true;
    fake.cellEditCode = 'InvalidOperation';
    await expect(fake.run(async (context) => context.sync())).rejects.toMatchObject({ code: 'InvalidOperation' });
    let done = false;
    const waiting = fake.run({ delayForCellEdit: true }, async (context) => {
      await context.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    fake.cellEditMode = false;
    await waiting;
    expect(done).toBe(true);
  });
});

describe('whole-row operations on the web', () => {
  it('re-running a period that shrank by 3,000 history rows deletes them in operations under 33,554,000 cells', async () => {
    const fake = new FakeExcel([]);
    const host = hostOn(fake);
    const header = ['期间', '客户编号'];
    const rows = (p: string, n: number) => Array.from({ length: n }, (_, i) => [p, `K${i + 1}`]);
    await host.appendRows('等级历史', header, rows('2025H1', 3_010), { col: 0, key: '2025H1' });
    await host.appendRows('等级历史', header, rows('2025H1', 10), { col: 0, key: '2025H1' });
    expect(fake.values('等级历史')).toEqual([header, ...rows('2025H1', 10)]);
    expect(fake.tables[0]!.rect.rows).toBe(11);
  });

  it('the fake refuses deleting 2,048 whole rows in one operation, and the host names the limit', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [['a']] }]);
    const err = await fake
      .run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A2048').getEntireRow().delete('Up');
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OperationCellsExceedLimit' });
    const { messageFor } = await import('../../../src/hosts/office/errors.ts');
    expect(messageFor('OperationCellsExceedLimit')['zh-CN']).toBe('这项操作涉及的单元格超过了 Excel 网页版单次操作 33,554,000 个的上限。');
  });
});

describe('screen updating', () => {
  it('is suspended once per operation (one Excel.run), not once per batch', async () => {
    const fake = new FakeExcel([]);
    let runs = 0;
    const run = fake.run;
    fake.run = ((a: never, b: never) => {
      runs++;
      return run(a, b);
    }) as typeof fake.run;
    const host = hostOn(fake);
    const header = ['期间', '客户编号', '评级时间'];
    await host.appendRows('等级历史', header, [['2025H1', 'K1', 45_900.5]], { col: 0, key: '2025H1' }, 'history', [null, null, 'yyyy-mm-dd hh:mm']);
    expect(runs).toBe(1);
    expect(fake.screenSuspendCalls).toBe(1);
  });
});
