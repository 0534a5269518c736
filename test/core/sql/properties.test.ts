// Random schemes over small tables, graded by the core and by DuckDB: fast-check shrinks any disagreement
// to a handful of customers. The values come from a short list that the thresholds also use, so ties,
// values exactly at a threshold, coinciding quantiles and duplicate revenues are the common case.
import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlNumber, type Scheme } from '../../../src/core/index.ts';
import { abc, points, rfm, rules, scheme, table } from './arbitraries.ts';
import { differences, gradeWithCore, gradeWithSql, loadDataset, openDuckDB, type Dataset } from './duckdb.ts';

let c: DuckDBConnection;
beforeAll(async () => {
  c = await openDuckDB();
});
afterAll(() => c?.closeSync());

async function agree(s: Scheme, data: Dataset): Promise<void> {
  // A metric without a column of its own is derived (average order value) in both graders.
  const { avgOrderValue: _aov, ...rest } = data.metrics;
  const derived = { ...data, metrics: rest };
  await loadDataset(c, 'customers', derived);
  const core = gradeWithCore(s, derived);
  const sql = await gradeWithSql(c, s, derived);
  expect(differences(derived, core, sql, s.mode.kind === 'abc' ? 1e-9 : 0)).toEqual([]);
}

describe('core and DuckDB agree on small random tables (fast-check)', () => {
  it('rules: condition trees, values at thresholds, blanks, unreadable and out-of-range values', async () => {
    await fc.assert(fc.asyncProperty(scheme(rules), table, (s, d) => agree(s, d)), { numRuns: 150 });
  });

  it('points: half-open bands, decimal weights, scores landing on tier minimums', async () => {
    await fc.assert(fc.asyncProperty(scheme(points), table, (s, d) => agree(s, d)), { numRuns: 150 });
  });

  it('rfm: ties and collapsing quantile cut points', async () => {
    await fc.assert(fc.asyncProperty(scheme(rfm), table, (s, d) => agree(s, d)), { numRuns: 200 });
  });

  it('abc: duplicate revenues, ids that tie by number, negative and zero revenue', async () => {
    await fc.assert(fc.asyncProperty(scheme(abc), table, (s, d) => agree(s, d)), { numRuns: 150 });
  });
});

describe('numbers reach the SQL exactly', () => {
  it('every finite double written by sqlNumber reads back as the same double in DuckDB', async () => {
    const doubles = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 400);
    doubles.push(0.1, 0.30000000000000004, 1e21, 123456789.12345679, 2 ** 53 + 2, -(2 ** 60), Number.MAX_VALUE, -Number.MIN_VALUE, 5e-324, 1 / 3);
    await c.run('CREATE OR REPLACE TABLE numbers (i INTEGER, v DOUBLE)');
    const appender = await c.createAppender('numbers');
    doubles.forEach((v, i) => {
      appender.appendInteger(i);
      appender.appendDouble(v);
      appender.endRow();
    });
    appender.closeSync();
    // Compared as the generated SQL compares them: a DOUBLE column against the literal.
    const test = doubles.map((v, i) => `WHEN ${i} THEN v = ${sqlNumber(v)}`).join(' ');
    const rows = (await c.runAndReadAll(`SELECT i FROM numbers WHERE NOT (CASE i ${test} END)`)).getRows();
    expect(rows.map(([i]) => doubles[Number(i)])).toEqual([]);
  });
});
