// Hand-picked cases where a near miss would show: each one breaks a plausible simplification of the SQL
// (no rounding slack in ABC, another interpolation formula, another rounding, ids compared as text …).
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset, parseScheme, type Scheme, type SchemeInput } from '../../../src/core/index.ts';
import { differences, gradeWithCore, gradeWithSql, loadDataset, openDuckDB, type Cell, type Dataset } from './duckdb.ts';
import { L } from '../../support/schemes.ts';

const tiers = (ids: string[]) => ids.map((id) => ({ id, label: L(id), color: '#123456' }));
const crit = (metric: string, extra: Partial<SchemeInput['criteria'][number]> = {}) => ({ metric, label: L(metric), unit: 'number' as const, ...extra });

let c: DuckDBConnection;
beforeAll(async () => {
  c = await openDuckDB();
});
afterAll(() => c?.closeSync());

async function both(scheme: Scheme, ids: string[], metrics: Record<string, Cell[]>): Promise<(string | null)[]> {
  const data: Dataset = { ids, metrics };
  await loadDataset(c, 'customers', data);
  const core = gradeWithCore(scheme, data);
  const sql = await gradeWithSql(c, scheme, data);
  expect(differences(data, core, sql, 1e-9)).toEqual([]);
  return core.tier;
}

describe('edge cases, core and DuckDB alike', () => {
  it('ABC: a share equal to the cut up to rounding reaches it (0.6 of 0.75 is 80%, though 0.8 × 0.75 = 0.6000000000000001)', async () => {
    expect(await both(getPreset('abc-revenue')!, ['x', 'y', 'z'], { annualSpend: [0.6, 0.1, 0.05] })).toEqual(['A', 'B', 'B']);
  });

  it('ABC: equal revenue orders ids as numbers first ("9" < "010" < "10"), then as text; −0 ties with 0', async () => {
    // x holds 85%; the three tied at 1 sit at 85%, 90% and 95% before them, so the last of them is C.
    const ids = ['x', '10', '9', '010', 'z0', 'a0'];
    expect(await both(getPreset('abc-revenue')!, ids, { annualSpend: [17, 1, 1, 1, -0, 0] })).toEqual(['A', 'C', 'B', 'B', 'C', 'C']);
  });

  it('RFM: a cut between two equal values is that value exactly (a + d·(b − a), not a·(1 − d) + b·d)', async () => {
    const rfm = getPreset('rfm-5')!;
    const m = [-1, 123456.789, 123456.789, 0.1, 0.30000000000000004];
    await both(rfm, ['1', '2', '3', '4', '5'], { recencyDays: [1, 2, 3, 4, 5], orderCount: [3, 3, 3, 3, 3], annualSpend: m });
  });

  it('points: decimal weights land exactly on the minimum score (rounded to 1e-6 as the core rounds)', async () => {
    const scheme = parseScheme({
      id: 'p',
      name: L('p'),
      tiers: tiers(['hi', 'lo']),
      criteria: [crit('a'), crit('b')],
      mode: {
        kind: 'points',
        criteria: [
          { metric: 'a', weight: 0.1, bands: [{ min: 1, points: 70 }] },
          { metric: 'b', weight: 0.2, bands: [{ min: 1, points: 70 }] },
        ],
        tierBands: [{ tier: 'hi', minScore: 70 }],
      },
    });
    expect(await both(scheme, ['x', 'y'], { a: [1, 1], b: [1, 0] })).toEqual(['hi', 'lo']);
  });

  it('derived average order value: negative orders are blank (zero policy → 0), unreadable orders unrated', async () => {
    const scheme = parseScheme({
      id: 'aov',
      name: L('aov'),
      tiers: tiers(['big', 'small']),
      criteria: [crit('annualSpend'), crit('orderCount'), crit('avgOrderValue', { missing: 'zero' })],
      mode: { kind: 'rules', rules: [{ tier: 'big', when: { metric: 'avgOrderValue', op: '>=', value: 0 } }] },
    });
    const t = await both(scheme, ['1', '2', '3', '4', '5'], { annualSpend: [100, 100, null, 100, 'n/a'], orderCount: [-2, 0, 4, 'n/a', 1] });
    expect(t).toEqual(['big', 'big', 'big', null, null]);
  });
});
