// The speed work done for the DuckDB benchmark must not change a single result: each fast path against
// the plain definition it replaces (sort-then-read percentiles, comparator sorts, branching chains).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, tierChain, type Condition } from '../../../src/core/index.ts';
import { abcOrder } from '../../../src/core/grading/abc.ts';
import { cutPoints, selectCutPoints, sortedValues } from '../../../src/core/grading/percentile.ts';
import { RFM_FRACTIONS } from '../../../src/core/grading/rfm.ts';

const value = fc.oneof(fc.constantFrom(0, -0, 1, 1, 2, 3, -1, 0.5, NaN), fc.double({ noNaN: true, noDefaultInfinity: true }));

describe('percentiles by selection', () => {
  it('equal the sorted definition bit for bit (ties, −0, NaN and skipped rows included)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 400 }), fc.constantFrom(RFM_FRACTIONS, [0, 0.5, 1], [0.33, 0.9]), (rows, fractions) => {
        const values = Float64Array.from(rows, ([v]) => v);
        const skip = Uint8Array.from(rows, ([, s]) => (s ? 1 : 0));
        const want = cutPoints(sortedValues(values, skip), fractions);
        const got = selectCutPoints(values, skip, fractions);
        expect(got.map((x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual(want.map((x) => (Object.is(x, -0) ? '-0' : String(x))));
      }),
      { numRuns: 500 },
    );
  });

  it('handle large columns full of ties', () => {
    const values = Float64Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 37);
    expect(selectCutPoints(values, null, RFM_FRACTIONS)).toEqual(cutPoints(sortedValues(values, null), RFM_FRACTIONS));
  });
});

describe('ABC order', () => {
  const ids = fc.constantFrom('1', '01', '1.0', '2', '9', '10', '1.5', '.5', 'a', 'A', 'C1', 'c1', '', 'Ｃ１', '1e3');
  it('is revenue descending, then compareIds, then row order — with ids in any order or already ascending', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, -0, 1, 2, 5, -3), ids, fc.boolean()), { maxLength: 60 }), fc.boolean(), (rows, ascending) => {
        const list = ascending ? [...rows].sort((a, b) => compareIds(a[1], b[1])) : rows;
        const values = Float64Array.from(list, ([v]) => v);
        const idList = list.map(([, id]) => id);
        const skip = Uint8Array.from(list, ([, , s]) => (s ? 1 : 0));
        const want = list
          .map((_, i) => i)
          .filter((i) => skip[i] === 0)
          .sort((a, b) => (values[b]! > values[a]! ? 1 : values[b]! < values[a]! ? -1 : compareIds(idList[a]!, idList[b]!) || a - b));
        expect([...abcOrder(values, idList, skip)]).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the compiled tier chain', () => {
  const metric = fc.constantFrom('a', 'b');
  const leaf: fc.Arbitrary<Condition> = fc
    .record({ metric, op: fc.constantFrom('>=', '>', '<=', '<', '=', 'between'), value: fc.constantFrom(-1, 0, 1, 2), max: fc.constantFrom(2, 3) })
    .map(({ metric, op, value, max }) => (op === 'between' ? { metric, op, value, max } : { metric, op, value }));
  const condition = fc.oneof(leaf, fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })), fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ any })));

  it('branch-free, gives what the closures give (NaN never matches; skipped rows are −1)', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.constantFrom(-1, 0, 1, 2, 3, NaN), fc.constantFrom(-1, 0, 1, 2, 3, NaN), fc.boolean()), { maxLength: 40 }), (conds, rows) => {
        const cols = { a: Float64Array.from(rows, (r) => r[0]), b: Float64Array.from(rows, (r) => r[1]) };
        const skip = Uint8Array.from(rows, (r) => (r[2] ? 1 : 0));
        for (const s of [null, skip]) {
          const compiled = new Int16Array(rows.length);
          const closures = new Int16Array(rows.length);
          tierChain(conds, cols, conds.length, 'compiled')(compiled, s);
          tierChain(conds, cols, conds.length, 'interpreted')(closures, s);
          expect([...compiled]).toEqual([...closures]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
