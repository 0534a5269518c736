// The postgres dialect on a live PostgreSQL, when one is offered: TIERBOOK_PG="host=… user=…" (psql must be
// on the PATH). Without it these tests are skipped with a visible message; the postgres text is still
// pinned by dialects.test.ts.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Scheme } from '../../../src/core/index.ts';
import { abc, points, rfm, rules, scheme, table } from './arbitraries.ts';
import { generateCustomers, withOverrides } from './data.ts';
import { differences, gradeWithCore, type Dataset } from './duckdb.ts';
import { Postgres } from './postgres.ts';
import { equivalenceSchemes } from './schemes.ts';

const conninfo = process.env.TIERBOOK_PG;
if (!conninfo) console.warn('SKIPPED: live PostgreSQL tests — set TIERBOOK_PG (a libpq connection string) to run them.');

const withoutAov = (d: Dataset): Dataset => {
  const { avgOrderValue: _aov, ...rest } = d.metrics;
  return { ...d, metrics: rest };
};
const tolerance = (s: Scheme) => (s.mode.kind === 'abc' ? 1e-9 : 0);

describe.runIf(conninfo)('PostgreSQL runs the postgres SQL and agrees with the core', () => {
  const pg = new Postgres(conninfo ?? '');
  afterAll(() => pg.close());
  const schemes = equivalenceSchemes();
  const data = withoutAov(generateCustomers(100_000, 20_251, schemes));

  it.each(schemes.map((s) => [s.id, s] as const))('100,000 customers: %s', (_id, s) => {
    const methods = s.mode.kind === 'rfm' ? (['aggregate', 'window'] as const) : ([undefined] as const);
    for (const percentiles of methods) {
      const sql = pg.grade(s, data, percentiles ? { percentiles } : {});
      expect(differences(data, gradeWithCore(s, data), sql, tolerance(s))).toEqual([]);
    }
    const manual = withOverrides(data, s, 99);
    expect(differences(manual, gradeWithCore(s, manual), pg.grade(s, manual, { columns: { override: 'override' } }), tolerance(s))).toEqual([]);
  }, 120_000);

  it.each([
    ['rules', rules],
    ['points', points],
    ['rfm', rfm],
    ['abc', abc],
  ] as const)('small random tables: %s', (_kind, mode) => {
    fc.assert(
      fc.property(scheme(mode), table, (s, d) => {
        const small = withoutAov(d);
        expect(differences(small, gradeWithCore(s, small), pg.grade(s, small), tolerance(s))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
