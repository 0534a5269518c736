// Grading the same customers twice — with the core, and with DuckDB running the SQL the core writes —
// so the tests (and the bench) can compare customer by customer. Not a test file itself.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  grade,
  metricSpec,
  parseMetricColumn,
  schemeToSql,
  type CustomerTable,
  type DataIssue,
  type MetricColumn,
  type Scheme,
  type SqlOptions,
} from '../../../src/core/index.ts';

/** A cell as the table holds it: a number, null for blank, any text for "could not be read". */
export type Cell = number | null | string;

/** Customers as columns of cells: what a sheet would hand the core, and what we load into DuckDB. */
export interface Dataset {
  ids: string[];
  metrics: Record<string, Cell[]>;
  overrides?: (string | null)[];
}

export async function openDuckDB(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/**
 * Load a dataset as a table: id and override VARCHAR, metrics DOUBLE with blank = NULL and unreadable =
 * NaN (the convention of docs/sql.md). `columnOf` renames metric columns (to test column maps).
 */
export async function loadDataset(c: DuckDBConnection, table: string, data: Dataset, columnOf: (m: string) => string = (m) => m): Promise<void> {
  const metrics = Object.keys(data.metrics);
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const cols = ['"id" VARCHAR', ...metrics.map((m) => `${q(columnOf(m))} DOUBLE`), ...(data.overrides ? ['"override" VARCHAR'] : [])];
  await c.run(`CREATE OR REPLACE TABLE ${q(table)} (${cols.join(', ')})`);
  const appender = await c.createAppender(table);
  const columns = metrics.map((m) => data.metrics[m]!);
  for (let i = 0; i < data.ids.length; i++) {
    appender.appendVarchar(data.ids[i]!);
    for (const col of columns) {
      const v = col[i];
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendDouble(typeof v === 'number' ? v : NaN);
    }
    if (data.overrides) {
      const o = data.overrides[i];
      if (o === null || o === undefined) appender.appendNull();
      else appender.appendVarchar(o);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** The core's table for a scheme: each metric parsed as a sheet column is (range checks included). */
export function coreTable(scheme: Scheme, data: Dataset): CustomerTable {
  const metrics: Record<string, MetricColumn> = {};
  const issues: DataIssue[] = [];
  for (const [m, cells] of Object.entries(data.metrics)) {
    const parsed = parseMetricColumn(cells, metricSpec(scheme, m));
    metrics[m] = parsed.column;
    issues.push(...parsed.issues);
  }
  const n = data.ids.length;
  return {
    size: n,
    ids: data.ids,
    names: new Array<string | null>(n).fill(null),
    rows: null,
    metrics,
    overrides: data.overrides ?? null,
    overrideReasons: data.overrides ? new Array<string | null>(n).fill(null) : null,
    issues,
  };
}

export interface Graded {
  tier: (string | null)[];
  score: (number | null)[];
  /** RFM only: the R·F·M scores. */
  rfm?: ([number, number, number] | null)[];
}

export function gradeWithCore(scheme: Scheme, data: Dataset): Graded {
  const r = grade(scheme, coreTable(scheme, data));
  const n = r.size;
  const tier = Array.from({ length: n }, (_, i) => (r.tier[i]! >= 0 ? scheme.tiers[r.tier[i]!]!.id : null));
  const score = Array.from({ length: n }, (_, i) => {
    const s = r.score?.[i];
    return s === undefined || Number.isNaN(s) ? null : s;
  });
  const rfm = r.rfm ? Array.from({ length: n }, (_, i): [number, number, number] | null => (r.modeTier[i]! >= 0 ? [r.rfm!.r[i]!, r.rfm!.f[i]!, r.rfm!.m[i]!] : null)) : undefined;
  return { tier, score, ...(rfm ? { rfm } : {}) };
}

/** Run the generated SQL and line its rows up with the dataset's ids (ids are unique in our data). */
export async function gradeWithSql(c: DuckDBConnection, scheme: Scheme, data: Dataset, options: SqlOptions = {}): Promise<Graded & { sql: string }> {
  const sql = schemeToSql(scheme, options);
  const result = await c.runAndReadAll(sql);
  const names = result.columnNames();
  const at = (name: string) => names.indexOf(name);
  const [iId, iTier, iScore, iR, iF, iM] = ['id', 'tier', 'score', 'r_score', 'f_score', 'm_score'].map(at) as [number, number, number, number, number, number];
  const byId = new Map<string, unknown[]>();
  for (const row of result.getRows()) byId.set(row[iId] as string, row as unknown[]);
  const rows = data.ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`SQL returned no row for ${id}`);
    return row;
  });
  const num = (v: unknown) => (v === null ? null : Number(v));
  return {
    sql,
    tier: rows.map((r) => r[iTier] as string | null),
    score: rows.map((r) => num(r[iScore])),
    ...(iR >= 0 ? { rfm: rows.map((r): [number, number, number] | null => (r[iR] === null ? null : [Number(r[iR]), Number(r[iF]), Number(r[iM])])) } : {}),
  };
}

/** Rows where core and SQL disagree (at most `limit`), for a readable failure. */
export function differences(data: Dataset, core: Graded, sql: Graded, scoreTolerance = 0, limit = 5): string[] {
  const out: string[] = [];
  for (let i = 0; i < data.ids.length && out.length < limit; i++) {
    const a = core.score[i]!;
    const b = sql.score[i]!;
    const scoreOk = a === b || (a !== null && b !== null && Math.abs(a - b) <= scoreTolerance);
    const rfmOk = !core.rfm || JSON.stringify(core.rfm[i]) === JSON.stringify(sql.rfm?.[i]);
    if (core.tier[i] !== sql.tier[i] || !scoreOk || !rfmOk) {
      const values = Object.entries(data.metrics).map(([m, cells]) => `${m}=${JSON.stringify(cells[i])}`).join(' ');
      out.push(`${data.ids[i]} [${values}${data.overrides ? ` override=${JSON.stringify(data.overrides[i])}` : ''}]: core ${core.tier[i]}/${a}${core.rfm ? `/${JSON.stringify(core.rfm[i])}` : ''} vs sql ${sql.tier[i]}/${b}${sql.rfm ? `/${JSON.stringify(sql.rfm[i])}` : ''}`);
    }
  }
  return out;
}
