// Proof of equivalence: 100,000 generated customers graded by the core and by DuckDB running the SQL the
// core writes, for every preset and every mode, customer by customer.
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPresets, sqlInputs, type Scheme } from '../../../src/core/index.ts';
import { equivalenceSchemes } from './schemes.ts';
import { generateCustomers, withOverrides } from './data.ts';
import { differences, gradeWithCore, gradeWithSql, loadDataset, openDuckDB, type Dataset } from './duckdb.ts';

const N = 100_000;
const presets = listPresets();

const schemes: Scheme[] = equivalenceSchemes();

let c: DuckDBConnection;
/** Without an average-order column: both sides derive it from spend and orders. */
let data: Dataset;
/** With one: the core reads it, and so does the SQL when the column map names it. */
let withAov: Dataset;

beforeAll(async () => {
  c = await openDuckDB();
  withAov = generateCustomers(N, 20_251, schemes);
  const { avgOrderValue: _aov, ...rest } = withAov.metrics;
  data = { ...withAov, metrics: rest };
  await loadDataset(c, 'customers', withAov);
});
afterAll(() => c?.closeSync());

/** ABC shares are running sums: DuckDB adds in another order, so scores agree to rounding. */
const tolerance = (s: Scheme) => (s.mode.kind === 'abc' ? 1e-9 : 0);

describe(`${N.toLocaleString('en-US')} customers: the core and DuckDB running the generated SQL agree on every tier`, () => {
  it('covers every preset and every mode', () => {
    expect(presets.map((p) => p.id).sort()).toEqual(['abc-revenue', 'b2b-value', 'b2b-weighted', 'crm-activity', 'rfm-5', 'salon-spend']);
    expect(new Set(schemes.map((s) => s.mode.kind))).toEqual(new Set(['rules', 'points', 'rfm', 'abc']));
  });

  it.each(schemes.map((s) => [s.id, s.mode.kind, s] as const))('%s (%s)', async (_id, _kind, scheme) => {
    const core = gradeWithCore(scheme, data);
    const sql = await gradeWithSql(c, scheme, data);
    expect(differences(data, core, sql, tolerance(scheme))).toEqual([]);
    // The data reaches every tier and leaves some customers unrated, so the comparison means something.
    const seen = new Set(core.tier);
    expect(seen.has(null)).toBe(true);
    expect(scheme.tiers.filter((t) => !seen.has(t.id)).map((t) => t.id)).toEqual([]);
  });

  it.each(schemes.filter((s) => sqlInputs(s).metrics.includes('avgOrderValue')).map((s) => [s.id, s] as const))('%s reading average order value from a mapped column', async (_id, scheme) => {
    const core = gradeWithCore(scheme, withAov);
    const sql = await gradeWithSql(c, scheme, withAov, { columns: { avgOrderValue: 'avgOrderValue' } });
    expect(sql.sql).not.toContain('/ "orderCount"');
    expect(differences(withAov, core, sql)).toEqual([]);
  });

  it.each(schemes.map((s) => [s.id, s] as const))('%s with manual overrides in a column', async (_id, scheme) => {
    const withManual = withOverrides(data, scheme, 99);
    await loadDataset(c, 'customers_manual', withManual);
    const core = gradeWithCore(scheme, withManual);
    const sql = await gradeWithSql(c, scheme, withManual, { table: 'customers_manual', columns: { override: 'override' } });
    expect(differences(withManual, core, sql, tolerance(scheme))).toEqual([]);
  });
});
