// Two review periods through the CLI on a generated workbook: the history holds both snapshots; the
// movement, churn and mix sheets hold the numbers an independent count of the history gives; re-running
// a period changes nothing but its run time.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/index.ts';
import { generateSample } from '../../scripts/sample/index.ts';
import { XlsxWorkbook, createWorkbook } from '../../src/hosts/file/xlsx/index.ts';

const TIERS = ['VIP客户(战略客户)', '重要客户', '普通客户', '潜在客户'];

async function cli(...args: string[]): Promise<void> {
  const r = await runCli(args);
  expect(r.status, r.stderr).toBe(0);
}

const open = (file: string) => XlsxWorkbook.open(new Uint8Array(readFileSync(file)));
const sheet = (book: XlsxWorkbook, name: string) => book.readSheet(name).values;

/** Rows of the table whose header row starts with `head`, until a blank first cell. */
function tableAfter(values: CellValue[][], head: string): CellValue[][] {
  const h = values.findIndex((r) => r[0] === head);
  expect(h, head).toBeGreaterThanOrEqual(0);
  const out: CellValue[][] = [];
  for (let r = h + 1; r < values.length && values[r]![0] !== null && values[r]![0] !== ''; r++) out.push(values[r]!);
  return out;
}

describe('two review periods through the CLI', () => {
  it('keeps both snapshots and writes movement, churn and mix that match the history', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-two-'));
    const sample = generateSample({ customers: 300, periods: ['2025H1', '2025H2'], seed: 5 });
    // Spend comes from the orders of each period: drop the customer sheet's own total.
    const spendCol = sample.customers[0]!.indexOf('年度消费金额');
    const customers = sample.customers.map((r) => r.filter((_, c) => c !== spendCol));
    const p1In = path.join(dir, 'p1.xlsx');
    writeFileSync(p1In, createWorkbook([{ name: '客户信息', values: customers }, { name: '订单记录', values: sample.orders }]));
    await cli('grade', p1In, '--period', '2025H1', '--out', path.join(dir, 'p1-out.xlsx'));

    // The next half-year: 20 customers are gone from the list; rules and history carry over.
    const p1 = open(path.join(dir, 'p1-out.xlsx'));
    const gone = new Set(customers.slice(1, 21).map((r) => r[0] as string));
    const p2In = path.join(dir, 'p2.xlsx');
    writeFileSync(
      p2In,
      createWorkbook([
        { name: '客户信息', values: customers.filter((r) => !gone.has(r[0] as string)) },
        { name: '订单记录', values: sample.orders },
        { name: '等级规则', values: sheet(p1, '等级规则') },
        { name: '等级历史', values: sheet(p1, '等级历史') },
      ]),
    );
    const p2Out = path.join(dir, 'p2-out.xlsx');
    await cli('grade', p2In, '--period', '2025H2', '--out', p2Out);
    const p2 = open(p2Out);

    // History: both periods, one row per customer each.
    const history = sheet(p2, '等级历史');
    const byPeriod = (p: string) => new Map(history.filter((r) => r[0] === p).map((r) => [r[1] as string, r[3] as string]));
    const h1 = byPeriod('2025H1');
    const h2 = byPeriod('2025H2');
    expect(h1.size).toBe(300);
    expect(h2.size).toBe(280);

    // Movement matrix, counted independently from the history.
    const ids = ['vip', 'key', 'regular', 'potential'];
    const expected = ids.map((from) => [
      ...ids.map((to) => [...h1].filter(([id, t]) => t === from && h2.get(id) === to).length),
      [...h1].filter(([id, t]) => t === from && !h2.has(id)).length,
    ]);
    const matrix = tableAfter(sheet(p2, '等级变动'), '上期 \\ 本期').slice(0, 4);
    expect(matrix.map((r) => r[0])).toEqual(TIERS);
    expect(matrix.map((r) => r.slice(1, 6))).toEqual(expected);

    // Churn by tier: customers of the tier at the start who are gone now ÷ customers of the tier at the start.
    const churn = tableAfter(sheet(p2, '流失分析'), '客户等级').slice(0, 4);
    ids.forEach((t, k) => {
      const atStart = [...h1.values()].filter((x) => x === t).length;
      const churned = [...h1].filter(([id, x]) => x === t && !h2.has(id)).length;
      expect(churn[k]!.slice(0, 3)).toEqual([TIERS[k], atStart, churned]);
      expect(churn[k]![3] as number).toBeCloseTo(atStart ? churned / atStart : 0, 12);
    });
    expect(gone.size).toBe(20);

    // Mix: counts per tier of the current period.
    const mix = tableAfter(sheet(p2, '等级分布'), '客户等级').slice(0, 4);
    expect(mix.map((r) => r[1])).toEqual(ids.map((t) => [...h2.values()].filter((x) => x === t).length));

    // Re-running the period changes nothing but the run time in the history.
    const again = path.join(dir, 'p2-again.xlsx');
    await cli('grade', p2Out, '--period', '2025H2', '--out', again);
    const p3 = open(again);
    for (const s of p2.listSheets()) {
      const a = sheet(p2, s.name);
      const b = sheet(p3, s.name);
      if (s.name === '等级历史') {
        const noTime = (rows: CellValue[][]) => rows.map((r) => r.slice(0, -1));
        expect(noTime(b), s.name).toEqual(noTime(a));
      } else expect(b, s.name).toEqual(a);
    }
  }, 180_000);
});
