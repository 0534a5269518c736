// The rules sheet travels with the workbook: written on the first run, read on the next; editing it
// changes the grading; a malformed one stops the run with the cell named. CSV input (GB18030) too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { RunError } from '../../src/run/errors.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { messyWorkbook } from '../fixtures/messy-workbook.ts';

async function gradedOnce(): Promise<FileWorkbook> {
  const book = FileWorkbook.open(await messyWorkbook(), 'book.xlsx');
  await gradeWorkbook(book, { lang: 'zh-CN', scheme: getPreset('salon-spend')! });
  return book;
}

/** Edit one cell of the rules sheet by rewriting the sheet through the port (as a user's edit would). */
async function editRules(book: FileWorkbook, find: (row: (string | number | boolean | null)[]) => boolean, col: number, value: string | number): Promise<FileWorkbook> {
  const { values } = await book.readSheet('等级规则');
  const r = values.findIndex(find);
  expect(r).toBeGreaterThanOrEqual(0);
  values[r]![col] = value;
  // Write the sheet back as plain rows, the way a user's edited sheet looks to us.
  const bytes = book.toXlsx();
  const edited = FileWorkbook.open(bytes, 'book.xlsx');
  await edited.replaceSheet({ name: '等级规则', tables: [{ header: values[0]!.map((v) => (v === null ? '' : String(v))), rows: values.slice(1) }] });
  return FileWorkbook.open(edited.toXlsx(), 'book.xlsx');
}

describe('the rules sheet drives the next run', () => {
  it('is written on the first run and read on the next', async () => {
    const book = FileWorkbook.open((await gradedOnce()).toXlsx(), 'book.xlsx');
    const run = await gradeWorkbook(book, { lang: 'zh-CN' });
    expect(run.schemeSource).toBe('rules-sheet');
    expect(run.scheme).toEqual(getPreset('salon-spend'));
  });

  it('editing a threshold in the sheet changes the grading', async () => {
    const book = await editRules(await gradedOnce(), (row) => row[0] === 'diamond' && row[2] === '年度消费金额', 4, '200万');
    const run = await gradeWorkbook(book, { lang: 'zh-CN' });
    const i = run.result.table.ids.indexOf('KH-001'); // ¥1,250,000: diamond under ≥ 20,000, gold under ≥ 2,000,000
    expect(run.scheme.tiers[run.result.tier[i]!]!.id).toBe('gold');
  });

  it('a malformed rules sheet stops the run and names the cell', async () => {
    const book = await editRules(await gradedOnce(), (row) => row[0] === 'gold' && row[2] === '年度消费金额', 4, '一万');
    const err = await gradeWorkbook(book, { lang: 'zh-CN' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as RunError).code).toBe('rules-sheet');
    expect((err as RunError).text['zh-CN']).toMatch(/等级规则!E\d+: 应为数字/);
    expect((err as RunError).text['en-US']).toContain('一万');
  });
});

describe('CSV input', () => {
  it('grades a GB18030 (GBK) CSV exported by Chinese Excel, through the CLI', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-csv-'));
    const file = path.join(dir, '客户.csv');
    const utf8 = '客户编号,客户名称,年度消费金额,合作年限\r\nKH-1,华信精密,"¥1,250,000",6\r\nKH-2,云启科技,98万,7\r\nKH-3,恒达物流,待定,4\r\n';
    const hasIconv = spawnSync('iconv', ['--version']).status === 0;
    const bytes = hasIconv ? execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 }) : Buffer.from(utf8);
    writeFileSync(file, bytes);
    const r = await runCli(['grade', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.output).toBe(path.join(dir, '客户.graded.xlsx'));
    expect(doc.customers.map((c: { id: string; tier: string | null }) => [c.id, c.tier])).toEqual([
      ['KH-1', 'vip'],
      ['KH-2', 'key'],
      ['KH-3', null],
    ]);
    expect(doc.customers[2].issues[0].cell).toBe('C4');
    // --in-place on a CSV writes the graded sheet back as CSV, in the file's own encoding (GB18030 here).
    const again = await runCli(['grade', file, '--in-place', '--lang', 'en-US']);
    expect(again.status, again.stderr).toBe(0);
    const text = new TextDecoder(hasIconv ? 'gb18030' : 'utf-8', { fatal: true }).decode(readFileSync(file));
    expect(text.split(/\r\n/)[0]).toBe('客户编号,客户名称,年度消费金额,合作年限,Tier,Benefits,Reason,Gap to next tier,Previous tier,Change,Data issues');
    expect(readFileSync(file).subarray(0, 4).equals(bytes.subarray(0, 4))).toBe(true);
  }, 60_000);
});

describe('re-grading a workbook graded in English', () => {
  it('finds the customer sheet again (our "Score" column is not a satisfaction sheet)', async () => {
    const book = FileWorkbook.open(await messyWorkbook(), 'book.xlsx');
    await gradeWorkbook(book, { lang: 'en-US' });
    const again = FileWorkbook.open(book.toXlsx(), 'book.xlsx');
    const run = await gradeWorkbook(again, { lang: 'en-US' });
    expect(run.customers.sheet).toBe('客户名单');
    expect(run.related.satisfaction).toBeNull();
  });
});
