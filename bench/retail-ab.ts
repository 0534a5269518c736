// A/B for the Online Retail core path: this tree's reader and aggregation beside another checkout's
// (`node --import tsx bench/retail-ab.ts <other checkout root>`), and DuckDB, taken in turns so that
// a busy machine slows all three alike; the best of each is compared.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { getPreset } from '../src/core/index.ts';
import type * as Core from '../src/core/index.ts';
import type * as Csv from '../src/hosts/file/csv.ts';
import { openDuckDB, querySql } from './duckdb.ts';
import { aggregationSql, buyersTable, coreGrade } from './online-retail.ts';

const other = path.resolve(process.argv[2] ?? '.');
const rounds = Number(process.argv[3] ?? 7);
const base = (await import(path.join(other, 'src/core/index.ts'))) as typeof Core;
const baseCsv = (await import(path.join(other, 'src/hosts/file/csv.ts'))) as typeof Csv;

/** The other checkout's core path, as its bench ran it: readCsv (every cell a string), aggregateOrders, grade. */
function baseGrade(file: string): number {
  const sheet = baseCsv.readCsv(new Uint8Array(readFileSync(file)), { fileName: 'online-retail.csv' });
  const cols = { orderId: 0, quantity: 3, date: 4, unitPrice: 5, customerId: 6 };
  const window = base.periodWindow('2011')!;
  const agg = base.aggregateOrders(sheet.values.slice(1), 2, cols, window, { asOf: window.end });
  // The other checkout's own aggregate: its types may differ from this tree's.
  return base.grade(base.getPreset('rfm-5')!, buyersTable(agg as never, base.ordersToTable as never)).size;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-retail-ab-'));
const file = path.join(dir, 'online-retail.csv');
try {
  writeFileSync(file, gunzipSync(readFileSync(path.resolve(import.meta.dirname, '../../shared/datasets/online-retail-2010-2011.csv.gz'))));
  const duck = await openDuckDB();
  await duck.c.run(aggregationSql(file));
  const sql = querySql(getPreset('rfm-5')!, 'retail_customers');
  const best = { base: Infinity, columns: Infinity, grid: Infinity, duckdb: Infinity };
  const time = async (k: keyof typeof best, f: () => unknown) => {
    const t = performance.now();
    await f();
    best[k] = Math.min(best[k], performance.now() - t);
  };
  for (let r = 0; r < rounds; r++) {
    await time('base', () => baseGrade(file));
    await time('columns', () => coreGrade(file));
    await time('grid', () => coreGrade(file, 'grid'));
    await time('duckdb', () => duck.c.run(`CREATE OR REPLACE TEMP TABLE retail_graded AS ${sql}`));
  }
  duck.c.closeSync();
  const ratio = (ms: number) => `${(ms / best.duckdb).toFixed(2)}× DuckDB`;
  console.log(`best of ${rounds}, in turns: DuckDB ${best.duckdb.toFixed(0)} ms (${duck.version}, ${duck.threads} threads)`);
  console.log(`  before (${other}): ${best.base.toFixed(0)} ms = ${ratio(best.base)}`);
  console.log(`  after, byte reader (coded columns): ${best.columns.toFixed(0)} ms = ${ratio(best.columns)}`);
  console.log(`  after, grid reader (readCsv):       ${best.grid.toFixed(0)} ms = ${ratio(best.grid)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
