// The as-of date (issue 13): without --period, recency counts to the latest date in the data, or to
// --as-of; the run says which day it used. Through the CLI, as other tools call it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { handKeptScheme, handKeptWorkbook } from '../fixtures/hand-kept-list.ts';

const cli = (args: string[]) => runCli(args);

async function handKeptFiles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-asof-'));
  const input = path.join(dir, '客户名单.xlsx');
  writeFileSync(input, await handKeptWorkbook());
  const scheme = path.join(dir, 'scheme.json');
  writeFileSync(scheme, JSON.stringify(handKeptScheme()));
  return { input, scheme };
}

describe('the as-of date', () => {
  it('is the latest date in the list without --period, and --as-of moves it; the run prints which', async () => {
    const { input, scheme } = await handKeptFiles();
    const plain = await cli(['grade', input, '--scheme', scheme, '--lang', 'zh-CN']);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('距最近消费天数计算至 2025-12-20（数据中最晚的日期）');
    const en = await cli(['grade', input, '--scheme', scheme, '--lang', 'en-US', '--as-of', '2025-12-31', '--json']);
    expect(en.status, en.stderr).toBe(0);
    const doc = JSON.parse(en.stdout);
    expect(doc).toMatchObject({ asOf: '2025-12-31', asOfSource: 'option' });
    const kh013 = doc.customers.find((c: { id: string }) => c.id === 'KH-013');
    expect(kh013.metrics).toEqual({ annualSpend: 300_000, cooperationYears: 3, orderCount: 14, recencyDays: 11 });
    const kh008 = doc.customers.find((c: { id: string }) => c.id === 'KH-008');
    expect(kh008.metrics.cooperationYears).toBeCloseTo(4 + 11 / 12, 12);
    const text = await cli(['grade', input, '--scheme', scheme, '--lang', 'en-US', '--as-of', '2025-12-31']);
    expect(text.stdout).toContain('Days since the last purchase are counted to 2025-12-31 (given with --as-of)');
  }, 60_000);

  it('refuses --as-of with --period, and an --as-of that is not a date', async () => {
    const { input } = await handKeptFiles();
    const both = await cli(['grade', input, '--lang', 'en-US', '--period', '2025H2', '--as-of', '2025-12-31']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('use either --period or --as-of');
    const bad = await cli(['grade', input, '--lang', 'en-US', '--as-of', 'soon']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--as-of expects a date such as 2025-12-31, got "soon"');
    const zh = await cli(['grade', input, '--as-of', 'soon']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('--as-of 需要一个日期，例如 2025-12-31，收到的是"soon"');
  }, 60_000);
});
