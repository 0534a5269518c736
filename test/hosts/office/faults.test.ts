// A run that fails midway — at every block boundary, with the errors Excel gives — leaves the user's data
// untouched and says what it had written; the next run heals: one set of output columns, the right values.
// Cancelling between blocks behaves the same way.
import { describe, expect, it } from 'vitest';
import { OUTPUT_COLUMNS, outputColumnsFor, type Lang } from '../../../src/core/index.ts';
import { OfficeHostError } from '../../../src/hosts/office/index.ts';
import { RunError } from '../../../src/run/errors.ts';
import { gradeWorkbook, type RunResult } from '../../../src/run/grade-workbook.ts';
import type { FakeExcel, Scalar } from '../../support/excel-fake/index.ts';
import { customerRows, fakeWith, hostOn } from './helpers.ts';

const SHEET = '客户名单';
const N = 20_000;
/** Small blocks, so that 20,000 rows make many of them. */
const LIMITS = { targetBytes: 400_000, startRows: 4_000 };
const CODES = ['InvalidOperationInCellEditMode', 'GeneralException', 'ItemNotFound', 'RequestAborted', 'InvalidOrTimedOutSession'];

function userCells(fake: FakeExcel): Scalar[][] {
  return fake.sheet(SHEET).rows.map((r) => [r[0]!, r[1]!, r[2]!]);
}

function expectHealed(fake: FakeExcel, run: RunResult, lang: Lang = 'zh-CN'): void {
  const s = fake.sheet(SHEET);
  const header = s.rows[0]!;
  // The columns of the scheme's mode (rules mode writes no score).
  const written = OUTPUT_COLUMNS.filter((o) => outputColumnsFor(run.scheme.mode).includes(o.key));
  for (const o of written) expect(header.filter((h) => h === o.header[lang]).length, o.header[lang]).toBe(1);
  expect(header.length).toBe(3 + written.length);
  const tierCol = header.indexOf(OUTPUT_COLUMNS[0]!.header[lang]);
  for (let i = 0; i < run.result.size; i++) {
    const t = run.result.tier[i]!;
    const want = t >= 0 ? run.scheme.tiers[t]!.label[lang] : lang === 'zh-CN' ? '未评级' : 'Unrated';
    const got = s.rows[run.customers.sheetRows[i]! - 1]![tierCol];
    if (got !== want) expect([i, got]).toEqual([i, want]);
  }
  expect(s.formulas.size).toBe(0);
  // One rule per tier, no leftovers from the failed run.
  expect(s.conditionalFormats.length).toBeLessThanOrEqual(run.scheme.tiers.length);
}

/** Change some spends so that a re-grade moves customers (the failed run then overwrote part of old output). */
function changeData(fake: FakeExcel): void {
  const s = fake.sheet(SHEET);
  for (let r = 1; r < s.rows.length; r += 3) s.set(r, 1, (s.get(r, 1) as number) * 7);
  s.touch();
}

describe('failures midway and the run after them', () => {
  // A clean run tells how many syncs there are; then every one of them fails in turn.
  const dry = fakeWith(customerRows(N));
  let total = 0;

  it('counts the syncs of a clean run', async () => {
    await gradeWorkbook(hostOn(dry, { limits: LIMITS }), { lang: 'zh-CN', today: 45_900 });
    total = dry.syncCount;
    expect(total).toBeGreaterThan(15);
  });

  it('a fault at every block boundary: user data untouched, the error says what was written, the re-run heals', { timeout: 120_000 }, async () => {
    const rows = customerRows(N);
    let cases = 0;
    for (let k = 1; k <= total; k++) {
      const fake = fakeWith(rows);
      let offset = 0;
      if (k % 2 === 0) {
        // A workbook graded before, whose data then changed.
        await gradeWorkbook(hostOn(fake, { limits: LIMITS }), { lang: 'zh-CN', today: 45_900 });
        changeData(fake);
        offset = fake.syncCount;
      }
      const before = userCells(fake);
      const code = CODES[k % CODES.length]!;
      fake.injectFault({ atSync: offset + k, code, afterCommands: k % 3 === 0 ? 1 : 0 });
      const failed = await gradeWorkbook(hostOn(fake, { limits: LIMITS }), { lang: 'zh-CN', today: 45_900 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed, `fault at sync ${k}`).toBeInstanceOf(RunError);
      const err = failed as RunError;
      expect(err.code).toBe('host');
      expect(err).toBeInstanceOf(OfficeHostError);
      expect((err as OfficeHostError).excelCode).toBe(code);
      expect(err.text['zh-CN']).toMatch(/时出错：/);
      expect(err.text['en-US']).toMatch(/failed: /);
      const w = (err as OfficeHostError).written;
      if (w && w.done > 0) {
        expect(err.text['zh-CN']).toContain(`已写入 ${w.done}/${w.total} 块`);
        expect(err.text['en-US']).toContain(`${w.done} of ${w.total} blocks`);
      }
      expect(userCells(fake)).toEqual(before);

      const healed = await gradeWorkbook(hostOn(fake, { limits: LIMITS }), { lang: 'zh-CN', today: 45_900 });
      expect(userCells(fake)).toEqual(before);
      expectHealed(fake, healed);
      cases++;
    }
    expect(cases).toBe(total);
  });

  it('Excel errors become clear messages in both languages', async () => {
    const fake = fakeWith(customerRows(200));
    fake.cellEditMode = true;
    fake.delayForCellEditIgnored = true; // an Office build before delayForCellEdit (limits.test.ts: the wait)
    const err = (await gradeWorkbook(hostOn(fake), { lang: 'zh-CN' }).catch((e: unknown) => e)) as OfficeHostError;
    expect(err.code).toBe('host');
    expect(err.text['zh-CN']).toBe('读取工作表列表时出错：Excel 正在编辑某个单元格。请按 Enter 或 Esc 结束编辑，然后重新评级。（错误代码：InvalidOperationInCellEditMode）');
    expect(err.text['en-US']).toBe('Listing the sheets failed: Excel is editing a cell. Press Enter or Esc to finish editing, then grade again. (error code: InvalidOperationInCellEditMode)');
    fake.cellEditMode = false;
    fake.injectFault({ atSync: fake.syncCount + 1, code: 'GeneralException' });
    const again = (await hostOn(fake).readSheet(SHEET).catch((e: unknown) => e)) as OfficeHostError;
    expect(again.text['en-US']).toContain('Excel hit an internal error');
    const missing = (await hostOn(fake).readSheet('没有这个表').catch((e: unknown) => e)) as OfficeHostError;
    expect(missing.excelCode).toBe('ItemNotFound');
    expect(missing.text['zh-CN']).toContain('找不到要用的工作表或对象');
  });

  it('cancelled between blocks: says what was written; the next run heals', async () => {
    const rows = customerRows(N);
    const fake = fakeWith(rows);
    const before = userCells(fake);
    const abort = new AbortController();
    const err = (await gradeWorkbook(hostOn(fake, { limits: LIMITS, signal: abort.signal }), {
      lang: 'zh-CN',
      today: 45_900,
      onProgress: (p) => {
        if (p.stage === 'write' && p.done === 2) abort.abort();
      },
    }).catch((e: unknown) => e)) as RunError;
    expect(err).toBeInstanceOf(RunError);
    expect(err.code).toBe('cancelled');
    expect(err.text['en-US']).toMatch(/^Cancelled\. 2 of \d+ blocks of the output columns were written \(rows 2–\d+\)/);
    expect(err.text['zh-CN']).toMatch(/^已取消。输出列已写入 2\/\d+ 块/);
    expect(userCells(fake)).toEqual(before);
    const run = await gradeWorkbook(hostOn(fake, { limits: LIMITS }), { lang: 'zh-CN', today: 45_900 });
    expectHealed(fake, run);
  });
});
