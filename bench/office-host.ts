// The Office.js host through the Excel fake: the whole grading run (read, grade, write back, rules sheet) on
// 100,000 customers and on a full sheet (1,048,575 customers under the header = Excel's 1,048,576 rows).
// Reported: context.sync() calls against the blocks (target ≤ 3 + 2 × blocks), the largest request in bytes
// (target ≤ 4 MB; Excel on the web rejects over 5 MB), and the time spent in our code — the run's wall time
// minus the time the fake spent applying requests (which Excel would spend in its place).
import { performance } from 'node:perf_hooks';
import { OfficeWorkbook } from '../src/hosts/office/index.ts';
import { gradeWorkbook } from '../src/run/grade-workbook.ts';
import { FakeExcel, type Scalar } from '../test/support/excel-fake/index.ts';
import { prng, rate, type BenchLine } from './harness.ts';

const FOUR_MB = 4 * 1024 * 1024;

function customers(n: number): Scalar[][] {
  const rnd = prng(7);
  const rows: Scalar[][] = new Array(n + 1);
  rows[0] = ['客户编号', '年度消费金额', '合作年限'];
  for (let i = 1; i <= n; i++) rows[i] = [`K${i}`, Math.round(Math.exp(11.6 + 2.6 * (rnd() + rnd() - 1))), Math.floor(rnd() * 10)];
  return rows;
}

async function one(n: number): Promise<BenchLine> {
  const fake = new FakeExcel();
  fake.addSheet('客户名单', customers(n));
  const host = new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
  // Host-only time: every port call's wall time minus the fake's share of it.
  let hostMs = 0;
  const timed = <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      const f0 = fake.fakeMs;
      try {
        return await f(...a);
      } finally {
        hostMs += performance.now() - t0 - (fake.fakeMs - f0);
      }
    };
  const port = {
    listSheets: timed(() => host.listSheets()),
    readMarks: timed(() => host.readMarks()),
    readSheet: timed((name: string, o?: { firstRow?: number; lastRow?: number }) => host.readSheet(name, o)),
    writeColumns: timed((...a: Parameters<OfficeWorkbook['writeColumns']>) => host.writeColumns(...a)),
    replaceSheet: timed((...a: Parameters<OfficeWorkbook['replaceSheet']>) => host.replaceSheet(...a)),
    appendRows: timed((...a: Parameters<OfficeWorkbook['appendRows']>) => host.appendRows(...a)),
  };
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  await gradeWorkbook(port, { lang: 'zh-CN', today: 45_900 });
  const wall = performance.now() - t0;
  const ours = wall - fake.fakeMs;
  const blocks = host.stats.readBlocks + host.stats.writeBlocks;
  const budget = 3 + 2 * blocks;
  const largest = fake.largestRequest;
  return {
    section: 'office host',
    name: `grade ${n.toLocaleString('en-US')} customers through the Excel fake (read, grade, write back, rules sheet)`,
    rows: n,
    ms: ours,
    rowsPerSec: rate(n, ours),
    ratio: `${fake.syncCount} syncs / ${budget} allowed`,
    note:
      `${fake.syncCount} syncs for ${host.stats.readBlocks} read + ${host.stats.writeBlocks} write blocks (≤ 3 + 2 × blocks: ${fake.syncCount <= budget ? 'met' : 'MISSED'}); ` +
      `largest request ${(largest / 1e6).toFixed(2)} MB (≤ 4 MB: ${largest <= FOUR_MB ? 'met' : 'MISSED'}), largest response ${(fake.largestResponse / 1e6).toFixed(2)} MB; ` +
      `host code ${(hostMs / 1000).toFixed(2)} s of ${(ours / 1000).toFixed(2)} s ours (fake ${(fake.fakeMs / 1000).toFixed(2)} s excluded)`,
    extra: {
      syncs: fake.syncCount,
      readBlocks: host.stats.readBlocks,
      writeBlocks: host.stats.writeBlocks,
      syncBudget: budget,
      largestRequestBytes: largest,
      largestResponseBytes: fake.largestResponse,
      oursMs: Math.round(ours),
      hostMs: Math.round(hostMs),
      fakeMs: Math.round(fake.fakeMs),
      wallMs: Math.round(wall),
    },
  };
}

export async function benchOfficeHost(sizes: readonly number[] = [100_000, 1_048_575]): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const n of sizes) lines.push(await one(n));
  return lines;
}
