// The whole grading run through the Office host on the Excel fake, at 100,000 customers and at a full sheet
// (1,048,575 customers under the header = Excel's 1,048,576 rows): syncs O(blocks), no request over 4 MB,
// calculation suspended for every write, proxies untracked, and the same output as the file host.
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../../src/hosts/file/memory-workbook.ts';
import { OUTPUT_COLUMNS, outputColumnsFor } from '../../../src/core/index.ts';
import { gradeWorkbook, type RunResult } from '../../../src/run/grade-workbook.ts';
import type { CellValue } from '../../../src/port/workbook.ts';
import type { FakeExcel, Scalar } from '../../support/excel-fake/index.ts';
import { customerRows, fakeWith, hostOn, instrumented, type CallRecord } from './helpers.ts';

const FOUR_MB = 4 * 1024 * 1024;
const SHEET = '客户名单';

/** Syncs of each port call against its blocks: reads ≤ 3 + 2 × read blocks, writes ≤ 3 + 2 × write blocks. */
function expectSyncsByBlocks(calls: CallRecord[]): void {
  for (const c of calls) {
    const blocks = c.readBlocks + c.writeBlocks;
    expect(c.syncs, `${c.method}: ${c.syncs} syncs for ${c.readBlocks} read + ${c.writeBlocks} write blocks`).toBeLessThanOrEqual(3 + 2 * blocks + (c.method === 'replaceSheet' ? 3 : 0));
  }
}

/** Every write request suspended calculation; screen updating was suspended at most once per write call. */
function expectWriteHygiene(fake: FakeExcel): void {
  for (const s of fake.syncs) {
    expect(s.requestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(s.responseBytes).toBeLessThanOrEqual(FOUR_MB);
    // Untracked after use: never more than a handful of live range proxies.
    expect(s.tracked).toBeLessThanOrEqual(4);
    if (s.requestBytes > 10_000) expect(s.calcSuspended, `sync ${s.n} writes ${s.requestBytes} bytes without suspending calculation`).toBe(true);
  }
}

function outputColumnsOf(fake: FakeExcel, sheet: string): Map<string, number> {
  const s = fake.sheet(sheet);
  const header = s.rows[0] ?? [];
  const found = new Map<string, number>();
  header.forEach((h, c) => {
    if (typeof h === 'string' && OUTPUT_COLUMNS.some((o) => o.header['zh-CN'] === h)) {
      expect(found.has(h), `output column ${h} twice`).toBe(false);
      found.set(h, c);
    }
  });
  return found;
}

/** The user's three columns exactly as given, and the output columns as the run decided. */
function expectGraded(fake: FakeExcel, rows: Scalar[][], run: RunResult): void {
  const s = fake.sheet(SHEET);
  const n = rows.length;
  for (let r = 0; r < n; r++) {
    const got = s.rows[r]!;
    const want = rows[r]!;
    if (got[0] !== want[0] || got[1] !== want[1] || got[2] !== want[2]) expect([r, got.slice(0, 3)]).toEqual([r, want]);
  }
  const cols = outputColumnsOf(fake, SHEET);
  expect(cols.size).toBe(outputColumnsFor(run.scheme.mode).length);
  const tierCol = cols.get('客户等级')!;
  const scoreCol = cols.get('等级得分')!;
  const { scheme, result } = run;
  for (let i = 0; i < result.size; i++) {
    const row = run.customers.sheetRows[i]! - 1;
    const t = result.tier[i]!;
    const label = t >= 0 ? scheme.tiers[t]!.label['zh-CN'] : '未评级';
    const got = s.rows[row]![tierCol];
    if (got !== label) expect([row, got]).toEqual([row, label]);
    const score = result.score?.[i];
    const want = score !== undefined && Number.isFinite(score) ? score : undefined;
    if (s.rows[row]![scoreCol] !== want) expect([row, s.rows[row]![scoreCol]]).toEqual([row, want]);
  }
  // Nothing written as a formula.
  expect(s.formulas.size).toBe(0);
}

describe('the grading run through the Office host on the Excel fake', () => {
  it('100,000 customers: same output as the file host, syncs O(blocks), requests ≤ 4 MB, colours by conditional format', async () => {
    const rows = customerRows(100_000);
    const fake = fakeWith(rows);
    const host = hostOn(fake);
    const { port, calls } = instrumented(host, fake);
    const run = await gradeWorkbook(port, { lang: 'zh-CN', today: 45_900 });
    expect(run.mix.rows.every((r) => r.customers > 0)).toBe(true);
    expectGraded(fake, rows, run);
    expectSyncsByBlocks(calls);
    expectWriteHygiene(fake);
    const write = calls.find((c) => c.method === 'writeColumns')!;
    expect(write.writeBlocks).toBeGreaterThan(1);
    expect(fake.screenSuspendCalls).toBeLessThanOrEqual(calls.filter((c) => c.method !== 'listSheets' && c.method !== 'readSheet').length);

    // The file host, from the same values, writes the same output columns.
    const memory = new MemoryWorkbook([{ name: SHEET, values: rows.map((r) => r.slice()) }]);
    await gradeWorkbook(memory, { lang: 'zh-CN', today: 45_900 });
    const expected = memory.values(SHEET);
    const got = fake.sheet(SHEET);
    const width = expected[0]!.length;
    for (let r = 0; r < expected.length; r++)
      for (let c = 3; c < width; c++) {
        const want = expected[r]![c] ?? null;
        const have: CellValue = got.rows[r]![c] ?? null;
        if (have !== want) expect([r, c, have]).toEqual([r, c, want]);
      }

    // Tier colours: one conditional format per tier over the used rows of the tier column only.
    const tierCol = outputColumnsOf(fake, SHEET).get('客户等级')!;
    const rules = fake.sheet(SHEET).conditionalFormats;
    expect(rules.length).toBe(run.scheme.tiers.length);
    for (const cf of rules) expect(cf.rect).toEqual({ r0: 1, c0: tierCol, rows: 100_000, cols: 1 });
    for (const i of [0, 1, 2, 17, 99_999]) {
      const t = run.result.tier[i]!;
      expect(fake.fillAt(SHEET, i + 1, tierCol)).toBe(run.scheme.tiers[t]!.color);
    }
  });

  it('1,048,575 customers (a full sheet): syncs O(blocks), no request over 4 MB, every row graded', { timeout: 120_000 }, async () => {
    const rows = customerRows(1_048_575);
    const fake = fakeWith(rows);
    const host = hostOn(fake);
    const { port, calls } = instrumented(host, fake);
    const t0 = performance.now();
    const run = await gradeWorkbook(port, { lang: 'zh-CN', today: 45_900 });
    const ms = performance.now() - t0;
    expect(run.result.size).toBe(1_048_575);
    expectSyncsByBlocks(calls);
    expectWriteHygiene(fake);
    expectGraded(fake, rows, run);
    const read = calls.find((c) => c.method === 'readSheet' && c.readBlocks > 10)!;
    const write = calls.find((c) => c.method === 'writeColumns')!;
    console.log(
      `1,048,575 rows: ${fake.syncCount} syncs (read ${read.syncs} for ${read.readBlocks} blocks, write ${write.syncs} for ${write.writeBlocks} blocks), ` +
        `largest request ${fake.largestRequest} B, largest response ${fake.largestResponse} B, run ${(ms / 1000).toFixed(1)} s (fake ${(fake.fakeMs / 1000).toFixed(1)} s)`,
    );
  });
});
