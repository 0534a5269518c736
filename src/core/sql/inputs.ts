// The first two steps of every query: read the customers table (one row per customer) and prepare each
// metric the way the core's prepare() does — range check, blank policy, derived average order value.
//
// The table's convention (docs/sql.md): a blank cell is NULL; a cell that could not be read is NaN. A
// number outside the criterion's valid range is flagged here, as the core flags it when reading a sheet.
import { modeMetrics } from '../scheme/validate.ts';
import type { Scheme } from '../scheme/schema.ts';
import { sqlNumber, type Dialect } from './dialect.ts';

/** Metrics the core derives when no column holds them: average order value = spend ÷ orders. */
const DERIVED: Readonly<Record<string, readonly [string, string]>> = { avgOrderValue: ['annualSpend', 'orderCount'] };

export interface SqlInputs {
  /** Metrics the grading mode reads, in order. */
  metrics: string[];
  /** Metrics computed in SQL (no column mapped for them). */
  derived: string[];
  /** Metric columns read from the table: the mode's own, or the sources of derived ones. */
  raw: string[];
}

/** What a scheme's query reads; `mapped` are the metrics the caller names a column for. */
export function sqlInputs(scheme: Scheme, mapped: ReadonlySet<string> = new Set()): SqlInputs {
  const metrics = [...new Set(modeMetrics(scheme))];
  const derived = metrics.filter((m) => DERIVED[m] && !mapped.has(m));
  const raw: string[] = [];
  for (const m of metrics) for (const r of derived.includes(m) ? DERIVED[m]! : [m]) if (!raw.includes(r)) raw.push(r);
  return { metrics, derived, raw };
}

/** Aliases for metric columns inside the query: the metric id, made unique where the engine ignores case. */
export function metricAliases(metrics: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const m of metrics) {
    let alias = m;
    for (let k = 2; taken.has(alias.toLowerCase()); k++) alias = `${m}_${k}`;
    taken.add(alias.toLowerCase());
    out.set(m, alias);
  }
  return out;
}

export interface InputContext {
  d: Dialect;
  scheme: Scheme;
  inputs: SqlInputs;
  /** Quoted source reference of the table. */
  table: string;
  /** Column name in the table for 'id', 'override' and each raw metric. */
  column: (key: string) => string;
  hasOverride: boolean;
  /** Quoted alias of a metric column (raw in `input`, effective in `prepared`). */
  alias: (metric: string) => string;
}

/** The `input` CTE: typed columns under our names. */
export function inputCte(x: InputContext): string {
  const { d } = x;
  const cols = [`CAST(${d.ident(x.column('id'))} AS ${d.text}) AS _id`];
  if (x.hasOverride) cols.push(`CAST(${d.ident(x.column('override'))} AS ${d.text}) AS _override`);
  for (const m of x.inputs.raw) cols.push(`CAST(${d.ident(x.column(m))} AS ${d.double}) AS ${x.alias(m)}`);
  return `SELECT\n    ${cols.join(',\n    ')}\n  FROM ${x.table}`;
}

/** `x` is a readable value: not NaN or infinite, inside the criterion's valid range. False for NaN in every dialect. */
function validSql(x: InputContext, metric: string, ref: string): string {
  const c = x.scheme.criteria.find((k) => k.metric === metric);
  const lo = sqlNumber(c?.min ?? -Number.MAX_VALUE);
  const hi = sqlNumber(c?.max ?? Number.MAX_VALUE);
  return `${ref} BETWEEN ${lo} AND ${hi}`;
}

function zeroBlanks(x: InputContext, metric: string): boolean {
  return x.scheme.criteria.find((c) => c.metric === metric)?.missing === 'zero';
}

/** A metric read from its own column: NULL (unrated) when unreadable or when blank under the 'unrated' policy. */
function directSql(x: InputContext, metric: string): string {
  const ref = x.alias(metric);
  const valid = `WHEN ${validSql(x, metric, ref)} THEN ${ref}`;
  return zeroBlanks(x, metric) ? `CASE WHEN ${ref} IS NULL THEN 0 ${valid} END` : `CASE ${valid} END`;
}

/** Average order value from spend and orders, as prepare.ts derives it: 0 without orders, blank when either is blank. */
function derivedSql(x: InputContext, metric: string): string {
  const [spendId, ordersId] = DERIVED[metric]!;
  const s = x.alias(spendId);
  const o = x.alias(ordersId);
  const bad = (id: string, ref: string) => `(${ref} IS NOT NULL AND NOT (${validSql(x, id, ref)}))`;
  return [
    'CASE',
    `      WHEN ${bad(spendId, s)} OR ${bad(ordersId, o)} THEN NULL`,
    `      WHEN ${o} > 0 AND ${s} IS NOT NULL THEN ${s} / ${o}`,
    `      WHEN ${o} = 0 AND ${s} IS NOT NULL THEN 0`,
    ...(zeroBlanks(x, metric) ? ['      ELSE 0'] : []),
    '    END',
  ].join('\n');
}

/** The `prepared` CTE: one column per metric the mode reads, NULL exactly where the core leaves the customer unrated. */
export function preparedCte(x: InputContext): string {
  const cols = ['_id'];
  if (x.hasOverride) cols.push('_override');
  for (const m of x.inputs.metrics) {
    const policy = x.inputs.derived.includes(m)
      ? `-- ${m} = ${DERIVED[m]!.join(' / ')}`
      : `-- ${m}: blank ${zeroBlanks(x, m) ? 'counts as 0' : 'is unrated'}, unreadable or out of range is unrated`;
    cols.push(`${policy}\n    ${x.inputs.derived.includes(m) ? derivedSql(x, m) : directSql(x, m)} AS ${x.alias(m)}`);
  }
  return `SELECT\n    ${cols.join(',\n    ')}\n  FROM input`;
}

/** True where every metric the mode reads is usable. */
export function ratedSql(x: Pick<InputContext, 'inputs' | 'alias'>, prefix = ''): string {
  return x.inputs.metrics.map((m) => `${prefix}${x.alias(m)} IS NOT NULL`).join(' AND ');
}

/** True where the customer cannot be graded. */
export function unratedSql(x: Pick<InputContext, 'inputs' | 'alias'>): string {
  return x.inputs.metrics.map((m) => `${x.alias(m)} IS NULL`).join(' OR ');
}
