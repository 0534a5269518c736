// Real data: the 541,909 UCI Online Retail order rows aggregated into the 2011 customers and graded with
// rfm-5 — by the core (the file host's CSV reader, aggregateOrders, grade) and by DuckDB (read_csv, the
// same aggregation in SQL, then the SQL the core writes). Both read the same decompressed file.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { aggregateOrders, detectHeaderRow, getPreset, grade, orderColumns, ordersToTable, periodWindow, type CustomerTable, type GradeResult, type OrdersAggregate } from '../src/core/index.ts';
import { CsvBytes } from '../src/hosts/file/csv-bytes.ts';
import { readCsv } from '../src/hosts/file/csv.ts';
import { mb, runCli } from './cli-child.ts';
import { openDuckDB, querySql } from './duckdb.ts';
import { rate, timeBest, timeBestAsync, type BenchLine } from './harness.ts';

const DATA = path.resolve(import.meta.dirname, '../../shared/datasets/online-retail-2010-2011.csv.gz');
const SCHEME = 'rfm-5';
/** Issue 16's goal for the CLI on this file, end to end with the workbook written. */
const CLI_TARGET = { ms: 6000, rssMb: 450 };
/** Rows read to find the header (as many as the run looks at). */
const HEADER_ROWS = 30;

/**
 * The customers with rows in 2011, as the run grades an orders export alone (recency up to 2011-12-31).
 * `columns`: the CSV byte reader hands over only the columns the mapping picked, as codes of their
 * distinct texts; `grid`: every cell a string (readCsv), as the run reads a sheet today.
 */
export function coreGrade(file: string, reader: 'columns' | 'grid' = 'columns'): GradeResult {
  const bytes = readFileSync(file); // a Buffer is a Uint8Array: no copy
  const window = periodWindow('2011')!;
  let agg: OrdersAggregate;
  if (reader === 'columns') {
    const csv = new CsvBytes(bytes, { fileName: 'online-retail.csv' });
    const header = detectHeaderRow(csv.head(HEADER_ROWS), 1)!;
    const cols = orderColumns(header.headers)!;
    const picked = [cols.customerId, cols.date, cols.orderId, cols.quantity, cols.unitPrice, cols.amount].filter((c): c is number => c !== undefined);
    const coded = csv.columns(picked, header.row + 1);
    agg = aggregateOrders(coded, coded.firstRow, cols, window, { asOf: window.end });
  } else {
    const sheet = readCsv(bytes, { fileName: 'online-retail.csv' });
    const header = detectHeaderRow(sheet.values, 1)!;
    agg = aggregateOrders(sheet.values.slice(header.index + 1), header.row + 1, orderColumns(header.headers)!, window, { asOf: window.end });
  }
  return grade(getPreset(SCHEME)!, buyersTable(agg, ordersToTable));
}

/** The customers who bought in the window (lines > 0): the table the run grades an orders export by. */
export function buyersTable(agg: OrdersAggregate, toTable: (agg: OrdersAggregate) => CustomerTable): CustomerTable {
  const all = toTable(agg);
  const keep: number[] = [];
  for (let i = 0; i < all.size; i++) if (agg.lines[i]! > 0) keep.push(i);
  const pick = (v: Float64Array) => Float64Array.from(keep, (i) => v[i]!);
  return {
    ...all,
    size: keep.length,
    ids: keep.map((i) => all.ids[i]!),
    names: keep.map(() => null),
    metrics: Object.fromEntries(Object.entries(all.metrics).map(([m, c]) => [m, { values: pick(c.values), invalid: null }])),
    issues: [],
  };
}

/**
 * orders.ts in SQL, for this file: spend = Σ quantity × price in 2011 (returns reduce it, float noise is 0);
 * an order = an invoice whose lines sum above noise and whose number is not "C" + digits (a cancellation);
 * recency = days from the last line of a counted order with a positive amount to 2011-12-31.
 */
export function aggregationSql(file: string): string {
  return `CREATE OR REPLACE TEMP VIEW retail_customers AS
WITH lines AS (
  SELECT regexp_replace(CustomerID, '\\.0+$', '') AS id, InvoiceNo AS invoice, InvoiceDate AS sold_at, Quantity * UnitPrice AS amount
  FROM read_csv('${file.replace(/'/g, "''")}', header = true, columns = {
    'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'DOUBLE',
    'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DOUBLE', 'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'})
  WHERE CustomerID IS NOT NULL AND InvoiceDate >= TIMESTAMP '2011-01-01' AND InvoiceDate < TIMESTAMP '2012-01-01'
),
invoices AS (
  SELECT id, invoice, sum(amount) AS total, sum(abs(amount)) AS gross, max(CASE WHEN amount > 0 THEN sold_at END) AS last_at
  FROM lines GROUP BY id, invoice
),
counted AS (
  SELECT id, count(*) AS orders, max(last_at) AS last_at
  FROM invoices WHERE total > 1e-9 * gross AND NOT regexp_full_match(invoice, '[Cc][0-9]+')
  GROUP BY id
),
spend AS (SELECT id, sum(amount) AS spend, sum(abs(amount)) AS gross FROM lines GROUP BY id)
SELECT s.id,
  CASE WHEN abs(s.spend) <= 1e-9 * s.gross THEN 0 ELSE s.spend END AS "annualSpend",
  coalesce(c.orders, 0) AS "orderCount",
  date_diff('day', CAST(c.last_at AS DATE), DATE '2011-12-31') AS "recencyDays"
FROM spend AS s LEFT JOIN counted AS c USING (id)`;
}

export async function benchOnlineRetail(): Promise<BenchLine[]> {
  if (!existsSync(DATA)) return [{ section: 'retail', name: `Online Retail: skipped, ${DATA} is absent`, ms: 0 }];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-retail-'));
  const file = path.join(dir, 'online-retail.csv');
  try {
    writeFileSync(file, gunzipSync(readFileSync(DATA)));
    const rows = 541_909;
    const coreMs = timeBest(3, () => coreGrade(file));
    const result = coreGrade(file);

    const duck = await openDuckDB();
    await duck.c.run(aggregationSql(file));
    const sql = querySql(getPreset(SCHEME)!, 'retail_customers');
    const duckMs = await timeBestAsync(3, () => duck.c.run(`CREATE OR REPLACE TEMP TABLE retail_graded AS ${sql}`));
    // After DuckDB: the grid reader leaves a large heap whose collection would run beside DuckDB's threads.
    const gridMs = timeBest(3, () => coreGrade(file, 'grid'));
    const grid = coreGrade(file, 'grid');
    // Not timed: do the two agree, customer by customer?
    const graded = (await duck.c.runAndReadAll('SELECT id, tier FROM retail_graded')).getRows() as [string, string | null][];
    const tierOf = new Map(graded);
    const scheme = result.scheme;
    let same = 0;
    for (let i = 0; i < result.size; i++) {
      const t = result.tier[i]!;
      if ((t >= 0 ? scheme.tiers[t]!.id : null) === tierOf.get(result.table.ids[i]!)) same++;
    }
    // The two readers grade every customer alike.
    let sameAsGrid = 0;
    for (let i = 0; i < result.size; i++) if (result.table.ids[i] === grid.table.ids[i] && result.tier[i] === grid.tier[i]) sameAsGrid++;
    duck.c.closeSync();
    // The CLI as a user runs it: the CSV in, the graded workbook (the orders sheet and the customers) out.
    const cli = runCli(['grade', file, '--scheme', SCHEME, '--out', path.join(dir, 'graded.xlsx')]);
    const cliMet = cli.ms <= CLI_TARGET.ms && cli.maxRssKb / 1024 <= CLI_TARGET.rssMb;
    const customers = `${result.size.toLocaleString('en-US')} customers`;
    return [
      {
        section: 'retail',
        name: `Online Retail 2011: read CSV, aggregate ${rows.toLocaleString('en-US')} order rows, grade ${SCHEME} (core)`,
        rows,
        ms: coreMs,
        rowsPerSec: rate(rows, coreMs),
        ratio: `${(coreMs / duckMs).toFixed(2)}× DuckDB`,
        note: customers,
      },
      {
        section: 'retail',
        name: `  the same, the CSV read as a grid of strings (readCsv, every cell)`,
        rows,
        ms: gridMs,
        rowsPerSec: rate(rows, gridMs),
        ratio: `${(gridMs / duckMs).toFixed(2)}× DuckDB`,
        note: `tiers equal the column reader's for ${sameAsGrid.toLocaleString('en-US')} of ${customers}`,
      },
      {
        section: 'retail',
        name: `  DuckDB: read_csv, the same aggregation in SQL, generated ${SCHEME} SQL → temp table`,
        rows,
        ms: duckMs,
        rowsPerSec: rate(rows, duckMs),
        ratio: `${(duckMs / coreMs).toFixed(2)}× core`,
        note: `${duck.version}, ${duck.threads} threads; tiers agree for ${same.toLocaleString('en-US')} of ${customers}`,
      },
      {
        section: 'retail',
        name: `CLI end to end: tierbook grade online-retail.csv --scheme ${SCHEME} → .xlsx (read, aggregate, grade, write the workbook)`,
        rows,
        ms: cli.ms,
        rowsPerSec: rate(rows, cli.ms),
        ratio: `${(cli.ms / duckMs).toFixed(2)}× DuckDB`,
        note: `peak memory ${mb(cli.maxRssKb)} (target ≤ ${CLI_TARGET.ms / 1000} s, ≤ ${CLI_TARGET.rssMb} MB${cliMet ? ', met' : ', MISSED'}); a child process`,
        extra: { maxRssMb: Math.round(cli.maxRssKb / 1024), targetMs: CLI_TARGET.ms, targetRssMb: CLI_TARGET.rssMb },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
