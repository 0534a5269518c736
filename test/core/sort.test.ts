import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicesByValueDesc } from '../../src/core/grading/sort.ts';

describe('radix sort of indices by value (ABC order)', () => {
  it('orders like a stable comparator sort, highest first', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1, 1e-300, -1e300, Infinity, -Infinity)), { maxLength: 300 }), (xs) => {
        const values = Float64Array.from(xs);
        const indices = Uint32Array.from(xs.map((_, i) => i));
        const expected = [...indices].sort((a, b) => (values[b]! > values[a]! ? 1 : values[b]! < values[a]! ? -1 : 0));
        const got = [...indicesByValueDesc(values, indices)];
        // Equal values (0 and -0 included) may sit in either order; the values must match position by position.
        expect(got.map((i) => values[i]! + 0)).toEqual(expected.map((i) => values[i]! + 0));
      }),
    );
  });

  it('keeps input order among equal values and sorts only the given indices', () => {
    const values = Float64Array.from([5, 1, 5, 3, 5]);
    expect([...indicesByValueDesc(values, Uint32Array.from([4, 2, 0, 3]))]).toEqual([4, 2, 0, 3]);
    expect([...indicesByValueDesc(values, Uint32Array.from([1, 3, 0]))]).toEqual([0, 3, 1]);
  });
});
