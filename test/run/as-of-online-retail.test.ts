// The as-of date on real data (UCI Online Retail, ../shared/datasets): a large-data test, in the slow project.
// The rest of the as-of behaviour is in as-of.test.ts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const cli = (args: string[]) => runCli(args);
const DATA = path.resolve(import.meta.dirname, '../../../shared/datasets/online-retail-2010-2011.csv.gz');
const present = existsSync(DATA);
if (!present) console.warn(`SKIPPED: Online Retail as-of test — ${DATA} is absent (CI always has ../shared).`);

describe('the as-of date', () => {
  it.runIf(present)('Online Retail without --period: recency counted to 2011-12-09, the latest purchaser at 0', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-retail-'));
    const input = path.join(dir, 'online-retail.csv');
    const csv = gunzipSync(readFileSync(DATA));
    writeFileSync(input, csv);
    // Independent: the customers with a purchase (quantity and price above 0) on the last day of the data.
    const lastDay = new Set<string>();
    for (const line of csv.toString('utf8').split(/\r?\n/).slice(1)) {
      const f = line.split(',');
      const n = f.length;
      if (n < 8) continue;
      const [date, price, id] = [f[n - 4]!, Number(f[n - 3]), f[n - 2]!];
      if (date.startsWith('2011-12-09') && id !== '' && Number(f[n - 5]) > 0 && price > 0) lastDay.add(String(Number(id)));
    }
    expect(lastDay.size).toBeGreaterThan(0);
    const r = await cli(['grade', input, '--scheme', 'rfm-5', '--lang', 'en-US', '--json', '--out', path.join(dir, 'out.xlsx')]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ asOf: '2011-12-09', asOfSource: 'data' });
    const zero = doc.customers.filter((c: { metrics: { recencyDays: number } }) => c.metrics.recencyDays === 0).map((c: { id: string }) => c.id);
    expect(new Set(zero)).toEqual(lastDay);
    const max = Math.max(...doc.customers.map((c: { metrics: { recencyDays: number } }) => c.metrics.recencyDays));
    expect(max).toBe(373); // 2010-12-01 → 2011-12-09, not thousands of days to today
  }, 300_000);
});
