// The Pareto line sorts only the top fifth of the revenues: the share must be the full sort's, to the last bit.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { largestLast, tierMix, tierMixSteps } from "../../../src/core/summaries/mix.ts";
import { preset } from "../helpers.ts";

/** The line as it was computed by sorting every revenue. */
function fullSort(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const g = sorted.length;
  const top = Math.ceil(g * 0.2);
  let s = 0;
  for (let i = g - 1; i >= g - top; i--) s += sorted[i]!;
  return s;
}

const revenue = fc.oneof(
  fc.constantFrom(0, -0, 1, 100, 5_000, -20),
  fc.double({ min: -1e6, max: 1e9, noNaN: true }),
  fc.integer({ min: 0, max: 50 }),
);

describe("the top fifth of revenues", () => {
  it("largestLast puts the largest values last, in ascending order, as a full sort does", () => {
    fc.assert(
      fc.property(
        fc.array(revenue, { minLength: 1, maxLength: 2_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, f) => {
          const k = Math.min(values.length - 1, Math.floor(values.length * f));
          const full = Float64Array.from(values).sort();
          const part = largestLast(Float64Array.from(values), k);
          expect(Array.from(part.subarray(k))).toEqual(
            Array.from(full.subarray(k)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the Pareto share a full sort gives, on sorted, reversed, constant and random revenues", () => {
    const scheme = preset("b2b-value");
    const n = 50_001;
    const random = Array.from(
      { length: n },
      (_, i) => ((i * 2654435761) % 1_000_003) / 7,
    );
    const cases = [
      random,
      random.slice().sort((a, b) => a - b),
      random.slice().sort((a, b) => b - a),
      new Array<number>(n).fill(3),
      random.map((v, i) => (i % 2 ? v : 0)),
    ];
    for (const values of cases) {
      const tiers = new Int16Array(n).map((_, i) => i % 4);
      const mix = tierMix(
        scheme,
        tiers,
        Float64Array.from(values),
        "annualSpend",
      );
      expect(mix.top20RevenueShare).toBe(fullSort(values) / mix.totalRevenue);
    }
  });
});

describe("the tier mix in parts", () => {
  it("yields on a million customers and gives the one-go mix, to the last bit", () => {
    const scheme = preset("b2b-value");
    const n = 1_000_003;
    const tier = Int16Array.from({ length: n }, (_, i) => (i % 11 === 0 ? -1 : i % 4));
    const revenue = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : (((i * 2654435761) % 1_000_003) / 7)));
    const steps = tierMixSteps(scheme, tier, Float64Array.from(revenue), "annualSpend");
    let yields = 0;
    let s = steps.next();
    for (; !s.done; s = steps.next()) yields++;
    expect(yields).toBeGreaterThan(4);
    expect(s.value).toEqual(tierMix(scheme, tier, Float64Array.from(revenue), "annualSpend"));
    const graded = Array.from(revenue).filter((_, i) => tier[i]! >= 0).map((v) => (v === v ? v : 0));
    expect(s.value.top20RevenueShare).toBe(fullSort(graded) / s.value.totalRevenue);
  });
});
