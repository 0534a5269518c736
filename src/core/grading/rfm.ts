// RFM quintiles: R, F and M scored 1–5 from value cut points at the 20/40/60/80th percentiles.
import { loc, type Localized } from '../i18n.ts';
import type { Condition, RfmMode } from '../scheme/schema.ts';
import { hasCollapsedBins, selectCutPoints } from './percentile.ts';

export const RFM_FRACTIONS = [0.2, 0.4, 0.6, 0.8] as const;

export interface RfmDetail {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  cuts: { r: number[]; f: number[]; m: number[] };
}

/** Higher is better (F, M): 1 + the number of cut points strictly below the value; ties share a score. */
export function scoreHigher(value: number, cuts: readonly number[]): number {
  let s = 1;
  for (const c of cuts) if (c < value) s++;
  return s;
}

/** Lower is better (R, in days): 1 + the number of cut points strictly above the value. */
export function scoreLower(value: number, cuts: readonly number[]): number {
  let s = 1;
  for (const c of cuts) if (c > value) s++;
  return s;
}

function scoreColumn(values: Float64Array, cuts: readonly number[], lowerIsBetter: boolean, skip: Uint8Array | null): Uint8Array {
  const out = new Uint8Array(values.length);
  if (cuts.length !== 4) {
    const score = lowerIsBetter ? scoreLower : scoreHigher;
    for (let i = 0; i < values.length; i++) if (skip === null || skip[i] === 0) out[i] = score(values[i]!, cuts);
    return out;
  }
  // The quintile case, unrolled and without branches; skipped rows stay 0 (s & (skip − 1)).
  const [c0, c1, c2, c3] = cuts as [number, number, number, number];
  const n = values.length;
  if (lowerIsBetter) {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      const s = 1 + +(c0 > v) + +(c1 > v) + +(c2 > v) + +(c3 > v);
      out[i] = skip === null ? s : s & (skip[i]! - 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      const s = 1 + +(c0 < v) + +(c1 < v) + +(c2 < v) + +(c3 < v);
      out[i] = skip === null ? s : s & (skip[i]! - 1);
    }
  }
  return out;
}

export function rfmScores(
  mode: RfmMode,
  values: Record<string, Float64Array>,
  skip: Uint8Array | null,
): { detail: RfmDetail; warnings: Localized[] } {
  const warnings: Localized[] = [];
  const one = (metric: string, name: 'R' | 'F' | 'M') => {
    const col = values[metric]!;
    const cuts = selectCutPoints(col, skip, RFM_FRACTIONS);
    if (hasCollapsedBins(cuts))
      warnings.push(
        loc(
          `${name} 的五分位切分点有重复（${cuts.join('、')}），部分分档没有客户`,
          `${name} quintile cut points coincide (${cuts.join(', ')}), so some score bins are empty`,
        ),
      );
    return { cuts, scores: scoreColumn(col, cuts, name === 'R', skip) };
  };
  const r = one(mode.recency, 'R');
  const f = one(mode.frequency, 'F');
  const m = one(mode.monetary, 'M');
  return { detail: { r: r.scores, f: f.scores, m: m.scores, cuts: { r: r.cuts, f: f.cuts, m: m.cuts } }, warnings };
}

export const RFM_SCORE_METRICS = { r: 'rfm.R', f: 'rfm.F', m: 'rfm.M' } as const;

/** A segment as a condition over the R, F, M score columns. */
export function segmentCondition(seg: RfmMode['segments'][number]): Condition {
  const parts: Condition[] = [];
  for (const key of ['r', 'f', 'm'] as const) {
    const range = seg[key];
    if (range) parts.push({ metric: RFM_SCORE_METRICS[key], op: 'between', value: range[0], max: range[1] });
  }
  return parts.length ? { all: parts } : { metric: RFM_SCORE_METRICS.r, op: 'between', value: 1, max: 5 };
}

/** The R×100 + F×10 + M code users know from RFM reports (e.g. 545). */
export function rfmCode(detail: RfmDetail, i: number): number {
  return detail.r[i]! * 100 + detail.f[i]! * 10 + detail.m[i]!;
}

/**
 * The tier of every R·F·M combination (125 of them), first matching segment or the fallback: grading then
 * reads one table entry per customer instead of testing the segments.
 */
export function segmentTable(segments: RfmMode['segments'], fallback: number): Int16Array {
  const table = new Int16Array(125);
  const within = (x: number, range: readonly [number, number] | undefined) => range === undefined || (x >= range[0] && x <= range[1]);
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++) {
        const t = segments.findIndex((seg) => within(r, seg.r) && within(f, seg.f) && within(m, seg.m));
        table[(r - 1) * 25 + (f - 1) * 5 + (m - 1)] = t < 0 ? fallback : t;
      }
  return table;
}
