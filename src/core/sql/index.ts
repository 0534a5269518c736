// A tier scheme as one SQL query over a customers table, for when the customer base outgrows a workbook:
// the warehouse grades with the very thresholds, cut points and tie rules the core uses (docs/sql.md).
import { loc, type Lang, type Localized } from '../i18n.ts';
import type { Scheme } from '../scheme/schema.ts';
import { abcSql } from './abc.ts';
import { DIALECTS, SQL_DIALECTS, type PercentileMethod, type SqlDialect } from './dialect.ts';
import { inputCte, metricAliases, preparedCte, sqlInputs, type InputContext } from './inputs.ts';
import { pointsSql, rulesSql, type ModeSql } from './modes.ts';
import { overrideTierSql } from './override.ts';
import { rfmSql } from './rfm.ts';

export { SQL_DIALECTS, sqlNumber, type PercentileMethod, type SqlDialect } from './dialect.ts';
export { sqlInputs, type SqlInputs } from './inputs.ts';

export interface SqlOptions {
  dialect?: SqlDialect;
  /** The customers table; dots separate schema (and project) parts: "crm.customers". Default "customers". */
  table?: string;
  /**
   * Column names by metric id, 'id' and 'override'; a metric not named here is read from the column of its
   * own id. The override column is read only when named. Naming avgOrderValue reads it instead of deriving it.
   */
  columns?: Readonly<Record<string, string>>;
  /** Language of the tier_label column. Default zh-CN. */
  lang?: Lang;
  /** Default: 'aggregate' where the dialect has an exact percentile aggregate, else 'window'. */
  percentiles?: PercentileMethod;
}

/** A request the compiler cannot honour (unknown dialect, a column map naming nothing the scheme reads …). */
export class SqlError extends Error {
  readonly text: Localized;
  constructor(text: Localized) {
    super(text['en-US']);
    this.name = 'SqlError';
    this.text = text;
  }
}

/** Table columns a scheme's query reads, by key ('id', metric ids, 'override' when mapped). */
export function sqlColumnKeys(scheme: Scheme, columns: Readonly<Record<string, string>> = {}): string[] {
  const mapped = new Set(Object.keys(columns));
  const { raw, metrics } = sqlInputs(scheme, mapped);
  const keys = ['id', ...raw];
  // A derived metric may also be read from a column when one is named for it.
  for (const m of metrics) if (!keys.includes(m) && mapped.has(m)) keys.push(m);
  if (mapped.has('override')) keys.push('override');
  return keys;
}

function check(scheme: Scheme, o: SqlOptions): void {
  const dialect = o.dialect ?? 'duckdb';
  if (!SQL_DIALECTS.includes(dialect))
    throw new SqlError(loc(`不支持的 SQL 方言"${dialect}"（可选：${SQL_DIALECTS.join('、')}）`, `unknown SQL dialect "${dialect}" (one of: ${SQL_DIALECTS.join(', ')})`));
  if (o.percentiles && !DIALECTS[dialect].percentiles.includes(o.percentiles))
    throw new SqlError(loc(`${dialect} 不支持百分位算法"${o.percentiles}"`, `${dialect} does not support the "${o.percentiles}" percentile method`));
  if (o.table !== undefined && o.table.split('.').some((p) => p === ''))
    throw new SqlError(loc(`表名"${o.table}"无效`, `invalid table name "${o.table}"`));
  const { metrics, raw } = sqlInputs(scheme);
  const known = new Set(['id', 'override', ...metrics, ...raw]);
  for (const [key, column] of Object.entries(o.columns ?? {})) {
    if (!known.has(key))
      throw new SqlError(
        loc(
          `方案"${scheme.id}"不使用指标"${key}"（可映射：${[...known].join('、')}）`,
          `scheme "${scheme.id}" does not read "${key}" (mappable: ${[...known].join(', ')})`,
        ),
      );
    if (column === '') throw new SqlError(loc(`"${key}"的列名为空`, `empty column name for "${key}"`));
  }
}

/** The query: one row per customer with id, tier (id), tier_label, score, and the mode's details. */
export function schemeToSql(scheme: Scheme, options: SqlOptions = {}): string {
  check(scheme, options);
  const d = DIALECTS[options.dialect ?? 'duckdb'];
  const columns = options.columns ?? {};
  const inputs = sqlInputs(scheme, new Set(Object.keys(columns)));
  const aliases = metricAliases([...new Set([...inputs.metrics, ...inputs.raw])]);
  const x: InputContext = {
    d,
    scheme,
    inputs,
    table: (options.table ?? 'customers').split('.').map(d.ident).join('.'),
    column: (key) => columns[key] ?? key,
    hasOverride: columns.override !== undefined,
    alias: (m) => d.ident(aliases.get(m)!),
  };
  const mode = scheme.mode;
  const graded: ModeSql =
    mode.kind === 'rules'
      ? rulesSql(x, mode)
      : mode.kind === 'points'
        ? pointsSql(x, mode)
        : mode.kind === 'rfm'
          ? rfmSql(x, mode, options.percentiles ?? d.percentiles[0]!)
          : abcSql(x, mode);
  const ctes: [string, string][] = [['input', inputCte(x)], ['prepared', preparedCte(x)], ...graded.ctes];
  if (x.hasOverride) ctes.push(['manual', `SELECT\n    graded.*,\n    ${overrideTierSql(d, scheme, '_override')} AS _manual\n  FROM graded`]);

  const lang = options.lang ?? 'zh-CN';
  const final = x.hasOverride ? 'COALESCE(_manual, _tier)' : '_tier';
  const byTier = (f: (i: number) => string) =>
    `CASE ${final} ${scheme.tiers.map((t, i) => `WHEN ${i} THEN ${f(i)}`).join(' ')} END`;
  const out = [
    '_id AS id',
    `${byTier((i) => d.str(scheme.tiers[i]!.id))} AS tier`,
    `${byTier((i) => d.str(scheme.tiers[i]!.label[lang]))} AS tier_label`,
    '_score AS score',
    ...graded.extras.map(([col, name]) => `${col} AS ${name}`),
    ...(x.hasOverride ? ['_manual IS NOT NULL AS overridden'] : []),
  ];
  const header = [
    `-- TierBook scheme ${scheme.id} (${mode.kind}) as ${d.name} SQL, generated by tierbook sql.`,
    '-- One row per customer in; blank = NULL, unreadable = NaN (docs/sql.md). Unrated customers get a NULL tier.',
  ];
  return [
    ...header,
    `WITH ${ctes.map(([name, body]) => `${name} AS (\n  ${body}\n)`).join(',\n')}`,
    `SELECT\n  ${out.join(',\n  ')}\nFROM ${x.hasOverride ? 'manual' : 'graded'};`,
    '',
  ].join('\n');
}
