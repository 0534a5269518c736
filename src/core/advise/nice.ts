// Thresholds as a manager writes them in a handbook: 1, 2, 2.5, 5 × 10ⁿ, and from 10,000 up whole 万 of two
// significant figures (15万, 74万, 150万) first; then two significant figures; then whole units (whole 万
// from 10,000 up). Years, counts and days are whole numbers.
import type { Unit } from '../scheme/metrics.ts';

/** The grids a threshold of a unit may lie on, coarsest (most handbook-like) first. */
export type Grid = { floor(x: number): number; ceil(x: number): number };

const WAN = 10_000;
const EPS = 1e-9;

/** A step grid: multiples of `step` (which may depend on the value's size). */
function stepGrid(stepOf: (x: number) => number): Grid {
  return {
    floor: (x) => {
      const s = stepOf(Math.abs(x));
      return clean(Math.floor(x / s + EPS) * s);
    },
    ceil: (x) => {
      const s = stepOf(Math.abs(x));
      return clean(Math.ceil(x / s - EPS) * s);
    },
  };
}

/** Strip binary noise (0.1 × 3 = 0.30000000000000004). */
function clean(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

const MANTISSAS = [1, 2, 2.5, 5];

/** 1, 2, 2.5, 5 × 10ⁿ (n ≥ `minPow`), their negatives and 0. */
function seriesGrid(minPow: number): Grid {
  const up = (x: number): number => {
    // The smallest series value ≥ x, for x > 0.
    if (x <= 10 ** minPow) return 10 ** minPow;
    let p = Math.floor(Math.log10(x));
    for (;;) {
      for (const m of MANTISSAS) {
        const v = clean(m * 10 ** p);
        if (v >= x - EPS * v) return v;
      }
      p++;
    }
  };
  const down = (x: number): number => {
    // The largest series value ≤ x, for x > 0 (0 below the smallest).
    if (x < 10 ** minPow * (1 - EPS)) return 0;
    let p = Math.floor(Math.log10(x)) + 1;
    for (;;) {
      for (let i = MANTISSAS.length - 1; i >= 0; i--) {
        const v = clean(MANTISSAS[i]! * 10 ** p);
        if (v <= x + EPS * v) return v;
      }
      p--;
    }
  };
  return {
    floor: (x) => (x > 0 ? down(x) : x === 0 ? 0 : -up(-x)),
    ceil: (x) => (x > 0 ? up(x) : x === 0 ? 0 : -down(-x)),
  };
}

/** Two significant figures, at least `min`, and whole 万 from 10,000 up for amounts. */
function twoFigures(min: number, wan: boolean): Grid {
  return stepGrid((ax) => {
    const step = ax > 0 ? 10 ** (Math.floor(Math.log10(ax)) - 1) : min;
    return Math.max(min, wan && ax >= WAN ? Math.max(WAN, step) : step);
  });
}

/** The finer of two grids at each point: every value of either. */
function union(a: Grid, b: Grid): Grid {
  return { floor: (x) => Math.max(a.floor(x), b.floor(x)), ceil: (x) => Math.min(a.ceil(x), b.ceil(x)) };
}

/** From 10,000 up, whole 万 with two significant figures (15万, 74万, 150万); nothing below. */
const wanFigures: Grid = (() => {
  const g = twoFigures(1, true);
  return { floor: (x) => (x >= WAN ? g.floor(x) : -Infinity), ceil: (x) => (x > WAN ? g.ceil(x) : WAN) };
})();

const whole = stepGrid(() => 1);
const wholeOrWan = stepGrid((ax) => (ax >= WAN ? WAN : 1));

/** The grids for a unit, coarsest first. */
export function gridsFor(unit: Unit): Grid[] {
  switch (unit) {
    case 'currency':
    case 'number':
      return [union(seriesGrid(0), wanFigures), twoFigures(1, true), wholeOrWan];
    case 'count':
    case 'days':
    case 'years':
      return [whole];
    case 'score':
      return [whole, stepGrid(() => 0.5), stepGrid(() => 0.1)];
    case 'percent':
      return [stepGrid(() => 0.05), stepGrid(() => 0.01), stepGrid(() => 0.001)];
  }
}
