// The SQL text per dialect: pinned by snapshots, and inspected for what differs (quoting, types, percentiles,
// rounding, collation) and for what must never happen (user text outside a literal or a quoted name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SQL_DIALECTS, SqlError, getPreset, listPresets, parseScheme, schemeToSql, sqlColumnKeys, sqlNumber, type SchemeInput } from '../../../src/core/index.ts';
import { openDuckDB } from './duckdb.ts';

const presets = listPresets();

describe('the query of every preset in every dialect', () => {
  it.each(presets.flatMap((s) => SQL_DIALECTS.map((d) => [s.id, d] as const)))('%s, %s', (id, dialect) => {
    expect(schemeToSql(getPreset(id)!, { dialect })).toMatchSnapshot();
  });
});

describe('what differs between dialects', () => {
  const rfm = getPreset('rfm-5')!;
  const abc = getPreset('abc-revenue')!;
  const points = getPreset('b2b-weighted')!;

  it('PostgreSQL: double precision, PERCENTILE_CONT, half-up rounding spelled out, byte-order ids, \\u escapes', () => {
    const sql = (s = rfm, o = {}) => schemeToSql(s, { dialect: 'postgres', ...o });
    expect(sql()).toContain('PERCENTILE_CONT(ARRAY[0.2, 0.4, 0.6, 0.8]::DOUBLE PRECISION[]) WITHIN GROUP (ORDER BY "recencyDays")');
    expect(sql(rfm, { percentiles: 'window' })).toContain('ROW_NUMBER() OVER (ORDER BY "recencyDays")');
    expect(sql(rfm, { percentiles: 'window' })).not.toContain('PERCENTILE_CONT');
    expect(sql()).toContain('CAST("annualSpend" AS DOUBLE PRECISION)');
    expect(sql(points)).toContain('(FLOOR(_micro) + CASE WHEN _micro - FLOOR(_micro) >= 0.5 THEN 1 ELSE 0 END) / 1000000');
    expect(sql(points)).not.toContain('ROUND(');
    expect(sql(abc)).toContain(`_id ~ '^[0-9]+([.][0-9]+)?$'`);
    expect(sql(abc)).toContain('_id COLLATE "C"');
    const manual = sql(abc, { columns: { override: 'manual tier' } });
    expect(manual).toContain('CAST("manual tier" AS TEXT) AS _override');
    expect(manual).toContain('\\u3000');
    expect(manual).toMatch(/BTRIM\(REGEXP_REPLACE\(TRANSLATE\(_override, '！/);
    expect(sql()).not.toContain('`');
  });

  it('DuckDB: ranks for percentiles (its QUANTILE_CONT rounds differently), regexp_full_match, ROUND', () => {
    const sql = schemeToSql(rfm);
    expect(sql).toContain('ROW_NUMBER() OVER (ORDER BY "recencyDays")');
    expect(sql).not.toMatch(/QUANTILE_CONT|PERCENTILE_CONT/);
    expect(() => schemeToSql(rfm, { percentiles: 'aggregate' })).toThrow(SqlError);
    expect(schemeToSql(abc)).toContain(`REGEXP_FULL_MATCH(_id, '[0-9]+([.][0-9]+)?')`);
    expect(schemeToSql(points)).toContain('ROUND(_micro) / 1000000');
  });

  it('Spark SQL: backticks, STRING, RLIKE with \\z, backslash-escaped literals, window percentiles only', () => {
    const sql = (s = rfm, o = {}) => schemeToSql(s, { dialect: 'spark', ...o });
    expect(sql()).toContain('CAST(`annualSpend` AS DOUBLE) AS `annualSpend`');
    expect(sql()).toContain('CAST(`id` AS STRING) AS _id');
    expect(sql()).toContain('ROW_NUMBER() OVER (ORDER BY `recencyDays`)');
    expect(() => sql(rfm, { percentiles: 'aggregate' })).toThrow(/spark does not support/);
    expect(sql(abc)).toContain(`_id RLIKE '^[0-9]+([.][0-9]+)?\\\\z'`);
    expect(sql(abc, { columns: { override: 'o' } })).toContain(`'[\\\\x{0009}-\\\\x{000D}`);
    expect(sql(abc)).not.toContain('"');
  });

  it('BigQuery: FLOAT64, SAFE_CAST, REGEXP_CONTAINS, backslash-escaped names and literals', () => {
    const sql = (s = abc, o = {}) => schemeToSql(s, { dialect: 'bigquery', ...o });
    expect(sql()).toContain('CAST(`annualSpend` AS FLOAT64)');
    expect(sql()).toContain('SAFE_CAST(_id AS FLOAT64)');
    expect(sql()).toContain(`REGEXP_CONTAINS(_id, '^[0-9]+([.][0-9]+)?$')`);
    expect(sql(abc, { table: 'my-project.crm.customers' })).toContain('FROM `my-project`.`crm`.`customers`');
    expect(sql(abc, { columns: { annualSpend: 'a`b\\c' } })).toContain('`a\\`b\\\\c`');
  });

  it('names the columns it reads; derived average order value reads spend and orders unless mapped', () => {
    const crm = getPreset('crm-activity')!;
    expect(sqlColumnKeys(crm)).toEqual(['id', 'annualSpend', 'orderCount']);
    expect(sqlColumnKeys(crm, { avgOrderValue: 'aov', override: 'manual' })).toEqual(['id', 'annualSpend', 'orderCount', 'avgOrderValue', 'override']);
    expect(schemeToSql(crm, { columns: { avgOrderValue: 'aov' } })).toContain('CAST("aov" AS DOUBLE) AS "avgOrderValue"');
    expect(() => schemeToSql(crm, { columns: { satisfaction: 's' } })).toThrow(/does not read "satisfaction"/);
    expect(() => schemeToSql(crm, { columns: { orderCount: '' } })).toThrow(/empty column name/);
    expect(() => schemeToSql(crm, { dialect: 'oracle' as never })).toThrow(/unknown SQL dialect/);
  });

  it('writes numbers so that they read back exactly', () => {
    expect(sqlNumber(20000)).toBe('20000');
    expect(sqlNumber(-5)).toBe('(-5)');
    expect(sqlNumber(-0)).toBe('0');
    expect(sqlNumber(0.8)).toBe('0.8');
    expect(sqlNumber(1e-12)).toBe('1e-12');
    expect(sqlNumber(0.30000000000000004)).toBe('0.30000000000000004e0');
    expect(sqlNumber(Number.MAX_VALUE)).toBe('1.7976931348623157e+308');
    expect(() => sqlNumber(NaN)).toThrow(RangeError);
  });
});

/** A scheme whose every piece of user text is hostile: quotes, backslashes, line breaks, comment markers. */
const HOSTILE = "O'Brien \\ \"x\" `y` \n--; DROP TABLE customers; /* 钻石 */ \r\t\u0001end";
const hostile: SchemeInput = {
  id: 'hostile.scheme-1',
  name: { 'zh-CN': HOSTILE, 'en-US': HOSTILE },
  tiers: [
    { id: 'top', label: { 'zh-CN': HOSTILE, 'en-US': `${HOSTILE} (en)` }, color: '#000000' },
    { id: 'rest', label: { 'zh-CN': "''", 'en-US': '\\' }, color: '#000000' },
  ],
  criteria: [{ metric: 'spend.total-2025', label: { 'zh-CN': HOSTILE, 'en-US': HOSTILE }, unit: 'currency' }],
  mode: { kind: 'rules', rules: [{ tier: 'top', when: { metric: 'spend.total-2025', op: '>=', value: 10 } }] },
};

/** Read back a string literal the way each dialect does. */
function decode(dialect: string, literal: string): string {
  const body = literal.slice(1, -1);
  if (dialect === 'duckdb' || dialect === 'postgres') return body.replace(/''/g, "'");
  return body.replace(/\\(u[0-9a-f]{4}|.)/g, (_m, e: string) =>
    e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e,
  );
}

describe('user text reaches SQL only inside literals and quoted names', () => {
  const scheme = parseScheme(hostile);

  it.each(SQL_DIALECTS)('%s', (dialect) => {
    const sql = schemeToSql(scheme, { dialect, table: 'sch"ema.cust`omers', columns: { 'spend.total-2025': 'spend "2025"', id: 'client id' }, lang: 'en-US' });
    // Labels appear once each, as literals that decode to the exact text.
    const literal = dialect === 'duckdb' || dialect === 'postgres' ? /'(?:[^']|'')*'/g : /'(?:[^'\\]|\\.)*'/g;
    const decoded = (sql.match(literal) ?? []).map((l) => decode(dialect, l));
    expect(decoded).toContain(`${HOSTILE} (en)`);
    expect(decoded).toContain('\\');
    // Outside the literals there is no user text at all (a label's line break stays inside its literal).
    const outside = sql.replace(literal, "''");
    expect(outside).not.toMatch(/DROP|O'Brien|钻石/);
    // With backslash escapes, no raw control character is left inside the text at all.
    if (dialect === 'spark' || dialect === 'bigquery') expect([...sql].filter((ch) => ch === '\r' || ch === '\u0001')).toEqual([]);
  });

  let c: DuckDBConnection;
  beforeAll(async () => {
    c = await openDuckDB();
  });
  afterAll(() => c?.closeSync());

  it('DuckDB runs it: the label comes back exactly and the table is still there', async () => {
    await c.run(`CREATE SCHEMA "sch""ema"; CREATE TABLE "sch""ema"."cust\`omers" ("id'" VARCHAR, "spend ""2025""\n" DOUBLE)`);
    await c.run(`INSERT INTO "sch""ema"."cust\`omers" VALUES ('a', 10), ('b', 9.5), ('c', NULL)`);
    const sql = schemeToSql(scheme, { table: 'sch"ema.cust`omers', columns: { 'spend.total-2025': 'spend "2025"\n', id: "id'" }, lang: 'en-US' });
    const rows = (await c.runAndReadAll(sql)).getRowObjectsJS();
    const byId = Object.fromEntries(rows.map((r) => [r.id as string, r]));
    expect(byId.a).toMatchObject({ tier: 'top', tier_label: `${HOSTILE} (en)` });
    expect(byId.b).toMatchObject({ tier: 'rest', tier_label: '\\' });
    expect(byId.c).toMatchObject({ tier: null, tier_label: null });
    const zh = (await c.runAndReadAll(schemeToSql(scheme, { table: 'sch"ema.cust`omers', columns: { 'spend.total-2025': 'spend "2025"\n', id: "id'" } }))).getRowObjectsJS();
    expect(zh.find((r) => r.id === 'a')?.tier_label).toBe(HOSTILE);
    expect((await c.runAndReadAll(`SELECT count(*)::INT AS n FROM "sch""ema"."cust\`omers"`)).getRowObjectsJS()[0]!.n).toBe(3);
  });
});
