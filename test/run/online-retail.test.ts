// Real data: the UCI Online Retail transactions (../shared/datasets), graded for 2011 from the orders
// alone, as a CSV, through the same run and file host the CLI uses.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';

const DATA = path.resolve(import.meta.dirname, '../../../shared/datasets/online-retail-2010-2011.csv.gz');
const present = existsSync(DATA);
if (!present) console.warn(`SKIPPED: Online Retail grading test — ${DATA} is absent (CI always has ../shared).`);

describe.runIf(present)('Online Retail 2011, graded from the orders export alone', () => {
  it('aggregates and grades every customer as the dataset README says', async () => {
    const book = FileWorkbook.open(new Uint8Array(gunzipSync(readFileSync(DATA))), 'online-retail.csv');
    const run = await gradeWorkbook(book, { lang: 'en-US', scheme: getPreset('abc-revenue')!, period: '2011', gradedAt: 'test' });
    const { table } = run.result;
    // Distinct CustomerIDs (written as floats, "17850.0"); the 135,080 rows without one are not customers.
    expect(table.size).toBe(4372);
    expect(table.ids).toContain('17850');
    expect(run.customers.generated).toBe(true);
    expect(run.customers.sheet).toBe('Customer Tiers');
    // Customers who bought (net of returns) in 2011; returns reduce spend, so some net below zero.
    const spend = table.metrics.annualSpend!.values;
    let total = 0;
    for (const v of spend) total += v;
    expect(total).toBeCloseTo(7_745_461.79, 1);
    // Customer 17850 only returned goods in 2011: its spend is negative, and it ranks last (class C).
    const i17850 = table.ids.indexOf('17850');
    expect(spend[i17850]!).toBeLessThan(0);
    expect(run.scheme.tiers[run.result.tier[i17850]!]!.id).toBe('C');
    // ABC on real data: A customers hold at least 80% of the positive revenue between them.
    const a = run.mix.rows.find((r) => r.tier === 'A')!;
    expect(a.customers).toBeGreaterThan(0);
    expect(a.revenueShare).toBeGreaterThan(0.79);
    expect(run.mix.unrated).toBe(0);
    // The graded customers come back out as a sheet of their own.
    const csv = new TextDecoder().decode(await book.toCsv(run.customers.sheet));
    const lines = csv.trim().split(/\r\n/);
    expect(lines).toHaveLength(4373);
    expect(lines[0]).toContain('Customer ID');
    expect(lines[0]).toContain('Tier');
  }, 120_000);
});
