// Weighted points: each criterion maps its value to band points (0–100); the weighted mean is the score.
import type { PointsBand, PointsMode } from '../scheme/schema.ts';

/** Points of the first band the value falls in ([min, max)); 0 when it falls in none. */
export function bandPoints(value: number, bands: readonly PointsBand[]): number {
  for (const b of bands) {
    if ((b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max)) return b.points;
  }
  return 0;
}

/** Rounded to 1e-6 so that sums of decimal weights land exactly on the thresholds users typed. */
function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function pointsScores(mode: PointsMode, values: Record<string, Float64Array>, n: number): Float64Array {
  const total = new Float64Array(n);
  let weights = 0;
  for (const c of mode.criteria) {
    const col = values[c.metric]!;
    const w = c.weight;
    weights += w;
    for (let i = 0; i < n; i++) total[i] = total[i]! + w * bandPoints(col[i]!, c.bands);
  }
  for (let i = 0; i < n; i++) total[i] = tidy(total[i]! / weights);
  return total;
}

export function pointsTiers(mode: PointsMode, score: Float64Array, skip: Uint8Array | null, out: Int16Array): void {
  const mins = mode.tierBands.map((b) => b.minScore);
  const fallback = mins.length;
  for (let i = 0; i < score.length; i++) {
    if (skip !== null && skip[i] !== 0) {
      out[i] = -1;
      continue;
    }
    const s = score[i]!;
    let t = 0;
    while (t < fallback && s < mins[t]!) t++;
    out[i] = t;
  }
}
