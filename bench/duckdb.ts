// DuckDB beside the core: the same customers loaded once as a DuckDB table, graded by the SQL that
// schemeToSql writes. Nothing crosses back into JavaScript while timing: the query's output goes to a
// temporary table (as the core's goes to typed arrays), or is only counted per tier.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { schemeToSql, type CustomerTable, type Scheme } from '../src/core/index.ts';
import { timeBestAsync } from './harness.ts';

export async function openDuckDB(): Promise<{ c: DuckDBConnection; version: string; threads: number }> {
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  const [[version, threads]] = (await c.runAndReadAll(`SELECT version(), current_setting('threads')`)).getRows() as [[string, number | bigint]];
  return { c, version, threads: Number(threads) };
}

/** The core's table as a DuckDB table: id VARCHAR, metrics DOUBLE (blank = NULL, unreadable = NaN). */
export async function loadCustomers(c: DuckDBConnection, name: string, table: CustomerTable): Promise<void> {
  const metrics = Object.keys(table.metrics);
  await c.run(`CREATE OR REPLACE TABLE "${name}" (id VARCHAR, ${metrics.map((m) => `"${m}" DOUBLE`).join(', ')})`);
  const appender = await c.createAppender(name);
  const cols = metrics.map((m) => table.metrics[m]!);
  for (let i = 0; i < table.size; i++) {
    appender.appendVarchar(table.ids[i]!);
    for (const col of cols) {
      const v = col.values[i]!;
      if (col.invalid?.[i]) appender.appendDouble(NaN);
      else if (v !== v) appender.appendNull();
      else appender.appendDouble(v);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** The generated query without its final semicolon, to nest in another statement. */
export function querySql(scheme: Scheme, table: string): string {
  return schemeToSql(scheme, { table }).trimEnd().replace(/;$/, '');
}

/** Best time of the generated SQL materialised into a temporary table, and of the same SQL only counted per tier. */
export async function timeScheme(c: DuckDBConnection, scheme: Scheme, table: string, runs: number): Promise<{ toTable: number; counted: number }> {
  const sql = querySql(scheme, table);
  const toTable = await timeBestAsync(runs, () => c.run(`CREATE OR REPLACE TEMP TABLE graded AS ${sql}`));
  const counted = await timeBestAsync(runs, () => c.run(`SELECT tier, count(*) FROM (${sql}) AS q GROUP BY tier`));
  return { toTable, counted };
}
