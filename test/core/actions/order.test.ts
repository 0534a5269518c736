// The radix order of the action lists is the comparator sort's order: largest first, ties in list order.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { orderedByKeys } from "../../../src/core/actions/order.ts";

interface Item {
  index: number;
  value: number;
  second: number;
}

const byOne = (a: Item, b: Item) => b.value - a.value || a.index - b.index;
const byTwo = (a: Item, b: Item) =>
  b.value - a.value || b.second - a.second || a.index - b.index;

const number = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1e-300,
    -1e-300,
    5e-324,
    1e15,
    -1e15,
    123456.78,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
  ),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function items(values: readonly [number, number][]): Item[] {
  return values.map(([value, second], index) => ({ index, value, second }));
}

describe("orderedByKeys", () => {
  it("orders as the comparator sort does, on lists long enough for the radix passes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(number, number), {
          minLength: 500,
          maxLength: 3_000,
        }),
        (values) => {
          const list = items(values);
          expect(
            orderedByKeys(list.slice(), [(x) => x.value], byOne).map(
              (x) => x.index,
            ),
          ).toEqual(
            list
              .slice()
              .sort(byOne)
              .map((x) => x.index),
          );
          expect(
            orderedByKeys(
              list.slice(),
              [(x) => x.value, (x) => x.second],
              byTwo,
            ).map((x) => x.index),
          ).toEqual(
            list
              .slice()
              .sort(byTwo)
              .map((x) => x.index),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps ties in list order over a hundred thousand items with few distinct values", () => {
    const list = items(
      Array.from({ length: 100_000 }, (_, i): [number, number] => [
        (i * 7919) % 13,
        ((i * 31) % 5) - 2,
      ]),
    );
    expect(
      orderedByKeys(list.slice(), [(x) => x.value, (x) => x.second], byTwo),
    ).toEqual(list.slice().sort(byTwo));
  });

  it("leaves a list with a number that is not finite to the comparator", () => {
    const list = items(
      Array.from({ length: 1_000 }, (_, i): [number, number] => [
        i === 500 ? NaN : i % 7,
        0,
      ]),
    );
    expect(orderedByKeys(list.slice(), [(x) => x.value], byOne)).toEqual(
      list.slice().sort(byOne),
    );
  });
});
