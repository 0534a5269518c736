// `npm run bench -- page`: the standalone page on a 100,000-customer generated sample, step by step as a
// user waits on it, in headless Chromium (the production build, through playwright-core): open the file,
// Apply (grade and write back, period 2025H2), Summaries, Download. The baseline is the CLI grading the same
// file end to end (`tierbook grade sample.xlsx --period 2025H2`: read, grade, write back, history,
// summaries, save) in the same run. Goals (issue 16): every step ≤ 3 s; open → graded download ≤ 1.5× the CLI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { ensureBuilt } from '../scripts/build.ts';
import { sampleWorkbook } from '../scripts/sample-workbook.ts';
import { startServer } from '../scripts/serve.ts';
import { STRINGS } from '../src/taskpane/strings.ts';
import { chromiumAvailable, launchChromium } from '../test/support/chromium.ts';
import { runCli } from './cli-child.ts';
import { rate, type BenchLine } from './harness.ts';

const CUSTOMERS = 100_000;
const PERIOD = '2025H2';
const STEP_TARGET_MS = 3000;
const VS_CLI_TARGET = 1.5;
/** A step that has not finished by then has failed (the page is hung or an error is shown). */
const STEP_TIMEOUT = 300_000;

const en = (key: keyof typeof STRINGS) => STRINGS[key]['en-US'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The start of a message with {placeholders}, as a pattern. */
const startOf = (key: keyof typeof STRINGS) => new RegExp(`^${escape(en(key).split('{')[0]!)}`);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** The four steps on a fresh page; the times of each, in ms. */
async function walk(page: Page, file: string): Promise<{ open: number; apply: number; summaries: number; download: number }> {
  const pane = page.locator('aside');
  const tab = (key: 'stepApply' | 'stepSummaries') => pane.getByRole('tab', { name: new RegExp(`^\\d ${escape(en(key))}$`) });
  const open = await timed(async () => {
    // By path: playwright refuses buffers over 50 MB.
    await page.locator('[data-testid=file-input]').setInputFiles(file, { timeout: STEP_TIMEOUT });
    await pane.getByText(startOf('headerFound')).waitFor({ timeout: STEP_TIMEOUT });
  });
  await tab('stepApply').click();
  await pane.getByTestId('apply-period').fill(PERIOD);
  const apply = await timed(async () => {
    await pane.getByRole('button', { name: en('applyButton') }).click();
    await pane.getByText(startOf('applied')).waitFor({ timeout: STEP_TIMEOUT });
  });
  await tab('stepSummaries').click();
  const summaries = await timed(async () => {
    await pane.getByRole('button', { name: en('summariesButton') }).click();
    await pane.getByText(startOf('summariesDone')).waitFor({ timeout: STEP_TIMEOUT });
  });
  const download = await timed(async () => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: STEP_TIMEOUT }), page.getByRole('button', { name: en('download') }).click()]);
    await d.path(); // the bytes have arrived
  });
  return { open, apply, summaries, download };
}

export async function benchStandalonePage(): Promise<BenchLine[]> {
  const section = 'page';
  if (!chromiumAvailable()) return [{ section, name: 'standalone page', ms: 0, note: 'SKIPPED: Chromium is not installed (apt-get install chromium)' }];
  const dist = await ensureBuilt({ mode: 'production', officeJs: 'local' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-page-'));
  const name = 'sample-100k.xlsx';
  const file = path.join(dir, name);
  const bytes = sampleWorkbook({ customers: CUSTOMERS, seed: 1, lang: 'en-US' });
  writeFileSync(file, bytes);
  // This helper's port range (41400–41499): bench runs beside other servers on shared machines.
  const server = await startServer({ dir: dist, port: Number(process.env.TIERBOOK_BENCH_PORT ?? 41401), https: false });
  const browser = await launchChromium();
  try {
    const cli = runCli(['grade', file, '--out', path.join(dir, 'graded.xlsx'), '--period', PERIOD, '--lang', 'en-US']);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/taskpane.html?lang=en-US&sample=none`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
    let steps: Awaited<ReturnType<typeof walk>>;
    try {
      steps = await walk(page, file);
    } catch (e) {
      return [{ section, name: `standalone page, ${CUSTOMERS.toLocaleString('en-US')} customers`, ms: 0, note: `FAILED: ${(e as Error).message.split('\n')[0]}${errors.length ? `; page: ${errors[0]}` : ''}` }];
    } finally {
      await context.close();
    }
    const total = steps.open + steps.apply + steps.summaries + steps.download;
    const line = (step: string, ms: number): BenchLine => ({
      section,
      name: `  ${step}`,
      rows: CUSTOMERS,
      ms,
      rowsPerSec: rate(CUSTOMERS, ms),
      ratio: `${(ms / cli.ms).toFixed(2)}× CLI`,
      note: `target ≤ ${STEP_TARGET_MS / 1000} s${ms <= STEP_TARGET_MS ? ', met' : ', MISSED'}`,
    });
    return [
      {
        section,
        name: `standalone page, ${CUSTOMERS.toLocaleString('en-US')}-customer sample: open → apply → summaries → download`,
        rows: CUSTOMERS,
        ms: total,
        rowsPerSec: rate(CUSTOMERS, total),
        ratio: `${(total / cli.ms).toFixed(2)}× CLI`,
        note: `target ≤ ${VS_CLI_TARGET}× CLI${total <= VS_CLI_TARGET * cli.ms ? ', met' : ', MISSED'}; production build, headless Chromium`,
        extra: { openMs: steps.open, applyMs: steps.apply, summariesMs: steps.summaries, downloadMs: steps.download, cliMs: cli.ms },
      },
      line('open the file (read, find the header, map)', steps.open),
      line(`apply (grade, write back, period ${PERIOD})`, steps.apply),
      line('summaries', steps.summaries),
      line('download the graded workbook', steps.download),
      {
        section,
        name: `  CLI: tierbook grade the same file --period ${PERIOD} (baseline)`,
        rows: CUSTOMERS,
        ms: cli.ms,
        rowsPerSec: rate(CUSTOMERS, cli.ms),
        note: `peak memory ${(cli.maxRssKb / 1024).toFixed(0)} MB; a child process`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
