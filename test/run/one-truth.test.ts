// The numbers agree wherever a user sees them (issue 11): on ONE workbook with unrated customers and a
// customer kept by the review policy, over two periods, the pane's session, the sheet, the command line and
// --json say the same thing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { XlsxWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { GradingSession } from '../../src/run/session.ts';
import { HEADER, SHEET, enterYear, keptWorkbook, tableAfter } from '../fixtures/kept-customer.ts';

const b2b = getPreset('b2b-value')!;
const TIER = HEADER.length; // the tier column follows the user's columns
const cols = { tier: TIER, benefits: TIER + 1, reason: TIER + 2, gap: TIER + 3, previous: TIER + 4, change: TIER + 5 };

/** `tierbook …` in process (test/support/cli.ts). */
async function cli(...args: string[]): Promise<string> {
  const r = await runCli(args, { env: { LANG: 'zh_CN.UTF-8' } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The pane's path: Apply then Summaries for 2025, new figures, Apply then Summaries for 2026. */
async function paneRun() {
  const book = FileWorkbook.open(keptWorkbook(), 'k.xlsx');
  const s = new GradingSession(() => book, { lang: 'zh-CN', today: 46_400 });
  await s.apply(b2b, { period: '2025' });
  await s.summaries(b2b, { period: '2025' }, '2025');
  await enterYear(book, 2026);
  s.refresh();
  const preview = await s.preview(b2b, { period: '2026' });
  const applied = await s.apply(b2b, { period: '2026' });
  const afterApply = (await book.readSheet(SHEET)).values;
  const summaries = await s.summaries(b2b, { period: '2026' }, '2026');
  const afterSummaries = (await book.readSheet(SHEET)).values;
  return { book, preview, applied, afterApply, summaries, afterSummaries };
}

/** The command line's path over the same data: grade 2025, enter the 2026 figures, grade 2026 (run once, read by several tests). */
let cliOnce: ReturnType<typeof cliRunNow> | null = null;
const cliRun = () => (cliOnce ??= cliRunNow());
async function cliRunNow() {
  const started = new Date();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-truth-'));
  const p1 = path.join(dir, 'k.xlsx');
  writeFileSync(p1, keptWorkbook());
  await cli('grade', p1, '--period', '2025', '--lang', 'zh-CN');
  const p1Out = path.join(dir, 'k.graded.xlsx');
  const book = FileWorkbook.open(new Uint8Array(readFileSync(p1Out)), 'k.graded.xlsx');
  await enterYear(book, 2026);
  {
    const p2 = path.join(dir, 'k2026.xlsx');
    writeFileSync(p2, book.toXlsx());
    const out = path.join(dir, 'k2026.out.xlsx');
    const json = JSON.parse(await cli('grade', p2, '--period', '2026', '--lang', 'zh-CN', '--json', '--out', out)) as {
      customers: { id: string; tier: string | null }[];
      tierMix: Record<string, { count: number; customerShare: number }>;
      graded: number;
      unrated: number;
      kept: number;
    };
    const text = await cli('grade', p2, '--period', '2026', '--lang', 'zh-CN', '--out', path.join(dir, 'k2026.text.xlsx'));
    const sheets = XlsxWorkbook.open(new Uint8Array(readFileSync(out)));
    return { dir, json, text, sheets, out, started, ended: new Date() };
  }
}


describe('one truth across pane, sheet, command line and --json', () => {
  it('Apply and Summaries write the same tiers for a period; Summaries only summarises', async () => {
    const { preview, applied, afterApply, summaries, afterSummaries } = await paneRun();
    // Summaries does not rewrite the tier columns: the sheet after it is the sheet after Apply.
    expect(afterSummaries).toEqual(afterApply);
    expect(summaries.wroteColumns).toBe(false);
    expect(applied.period).toBe('2026');
    // One rule, one set of tiers: preview, apply and summaries agree.
    expect(summaries.mix).toEqual(applied.mix);
    expect(preview.mix).toEqual(applied.mix);
    // The kept customer: counted, and kept in every column.
    expect(applied.kept).toBe(1);
    expect(summaries.kept).toBe(1);
    expect(preview.kept).toBe(1);
    const k02 = afterApply.find((r) => r[0] === 'K02')!;
    expect(k02[cols.tier]).toBe('VIP客户(战略客户)');
    expect(String(k02[cols.reason])).toMatch(/^保级：/);
    expect(String(k02[cols.reason])).toContain('保持VIP客户(战略客户)');
    // Never the lower tier's criteria as if they had been met for the tier shown.
    expect(String(k02[cols.reason])).not.toMatch(/≥ ¥500,000/);
    expect(String(k02[cols.gap])).toMatch(/^保级：/);
    expect(String(k02[cols.gap])).not.toContain('升至VIP');
    expect(k02[cols.change]).toBe('保级');
  });

  it('Summaries after an edit since Apply writes the columns as Apply would, so the sheet still agrees', async () => {
    const { book, summaries: before } = await paneRun();
    const s = new GradingSession(() => book, { lang: 'zh-CN', today: 46_400 });
    await s.apply(b2b, { period: '2026' });
    // 己公司's spend corrected after Apply (an upgrade applies at once): its tier changes.
    await book.writeColumns({ sheet: SHEET, headerRow: 1, firstRow: 7, columns: [{ col: 2, header: HEADER[2]!, values: [150_000] }] });
    s.refresh();
    const after = await s.summaries(b2b, { period: '2026' }, '2026');
    expect(after.wroteColumns).toBe(true);
    const sheet = (await book.readSheet(SHEET)).values;
    expect(sheet.find((r) => r[0] === 'K06')![TIER]).toBe('普通客户');
    const counts = b2b.tiers.map((t) => sheet.filter((r) => r[TIER] === t.label['zh-CN']).length);
    expect(after.mix.bars.map((b) => b.customers)).toEqual(counts);
    expect(after.mix).not.toEqual(before.mix);
  });

  it('the command line grades the period as the pane does, and says how many were kept', async () => {
    const [{ afterApply, applied }, { json, text, sheets }] = await Promise.all([paneRun(), cliRun()]);
    const paneTiers = new Map(afterApply.slice(1).map((r) => [r[0], r[cols.tier]]));
    const cliTiers = new Map(sheets.readSheet(SHEET).values.slice(1).map((r) => [r[0], r[cols.tier]]));
    expect(cliTiers).toEqual(paneTiers);
    expect(json.customers.find((c) => c.id === 'K02')!.tier).toBe('vip');
    expect(json.kept).toBe(applied.kept);
    expect(text).toContain('1 位客户保级');
  });

  it('shares are of graded customers everywhere, unrated apart: pane, sheet, command line, --json', async () => {
    const [{ summaries }, { json, text, sheets }] = await Promise.all([paneRun(), cliRun()]);
    const mix = tableAfter(sheets.readSheet('等级分布').values, '客户等级').slice(0, b2b.tiers.length);
    expect(summaries.mix.graded).toBe(8);
    expect(summaries.mix.unrated).toBe(2);
    expect(json.graded).toBe(8);
    expect(json.unrated).toBe(2);
    b2b.tiers.forEach((t, k) => {
      const bar = summaries.mix.bars[k]!;
      expect(bar.share).toBeCloseTo(bar.customers / 8, 12);
      expect(mix[k]![1]).toBe(bar.customers);
      expect(mix[k]![2] as number).toBeCloseTo(bar.share, 12);
      expect(json.tierMix[t.id]!.customerShare).toBeCloseTo(bar.share, 12);
      expect(text).toContain(`${(bar.share * 100).toFixed(1)}%`);
    });
  });

  it('movement counts: the pane uses the 等级变动 sheet definition (365-day recency is churn), stated beside them', async () => {
    const { summaries, book } = await paneRun();
    const summary = tableAfter((await book.readSheet('等级变动')).values, '项目');
    const count = (label: string) => summary.find((r) => r[0] === label)![1];
    expect(summaries.moves).toMatchObject({ up: count('升级'), down: count('降级'), same: count('不变'), churned: count('流失'), fresh: count('新客户') });
    expect(summaries.moves.churned).toBe(1); // 戊公司: no purchase for more than 365 days
    expect(summaries.moves.definition?.['zh-CN']).toContain('365 天');
  });

  it('CLI counts: "10 位客户：已评级 8，未评级 2" (and in English)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-count-'));
    const file = path.join(dir, 'k.xlsx');
    writeFileSync(file, keptWorkbook());
    expect(await cli('grade', file, '--lang', 'zh-CN', '--out', path.join(dir, 'a.xlsx'))).toMatch(/^10 位客户：已评级 8，未评级 2/);
    expect(await cli('grade', file, '--lang', 'en-US', '--out', path.join(dir, 'b.xlsx'))).toMatch(/^10 customers: 8 graded, 2 unrated/);
  });

  it('history 评级时间 is a local Excel date-time (a number with a date-time format), not UTC text', async () => {
    const { out, started: before, ended: after } = await cliRun();
    const py = spawnSync(
      '/usr/bin/python3',
      ['-c', 'import openpyxl,sys,json; ws=openpyxl.load_workbook(sys.argv[1])["等级历史"]; c=ws.cell(row=2,column=ws.max_column); print(json.dumps([ws.cell(row=1,column=ws.max_column).value, c.number_format, c.is_date, c.value.isoformat() if c.is_date else c.value]))', out],
      { encoding: 'utf8' },
    );
    expect(py.status, py.stderr).toBe(0);
    const [header, format, isDate, value] = JSON.parse(py.stdout) as [string, string, boolean, string];
    expect(header).toBe('评级时间');
    expect(format).toBe('yyyy-mm-dd hh:mm');
    expect(isDate).toBe(true);
    // openpyxl gives the wall-clock time as written: the machine's local time of the run.
    const wall = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()).getTime();
    const at = new Date(value).getTime();
    expect(at).toBeGreaterThanOrEqual(wall(before));
    expect(at).toBeLessThanOrEqual(wall(after) + 60_000);
  });

  it('`tierbook handbook x.graded.xlsx` writes into x.graded.xlsx, never x.graded.graded.xlsx', async () => {
    const { dir } = await cliRun();
    const graded = path.join(dir, 'k.graded.xlsx');
    await cli('handbook', graded, '--lang', 'zh-CN');
    expect(existsSync(path.join(dir, 'k.graded.graded.xlsx'))).toBe(false);
    const names = XlsxWorkbook.open(new Uint8Array(readFileSync(graded))).listSheets().map((s) => s.name);
    expect(names).toContain('等级管理手册');
    expect(names).toContain(SHEET);
  });
});
