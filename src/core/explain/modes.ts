// Why a customer is in its tier under each grading mode (rules, points, RFM, ABC), and what it lacks for
// the next tier up, in the explainer's language. The mode is the seam: each reads the scheme its own way.
import { type LeafOutcome } from '../grading/conditions.ts';
import { bandPoints } from '../grading/points.ts';
import { RFM_SCORE_METRICS, segmentCondition } from '../grading/rfm.ts';
import type { Condition } from '../scheme/schema.ts';
import type { Base, Explainer, GapItemIn } from './explainer.ts';
import { formatNumber } from './format.ts';

/** With `textOnly` the gap holds its text alone (no items): what a one-language sheet writes. */
const NO_ITEMS: GapItemIn[] = [];

export function explainRules(ex: Explainer, i: number, t: number, conditions: Condition[], textOnly = false): Base {
  let reason: string;
  if (t < conditions.length) {
    reason = ex.join(ex.heldTexts(conditions[t]!, i));
  } else {
    const why = ex.join(ex.unmetTexts(conditions[t - 1]!, i));
    reason = ex.zh ? `未达到${ex.tierLabel(t - 1)}标准：${why}` : `Below ${ex.tierLabel(t - 1)}: ${why}`;
  }
  if (t === 0) return { reason, gap: null };
  const gap = textOnly ? { tier: ex.scheme.tiers[t - 1]!.id, items: NO_ITEMS, text: ex.conditionGapText(t - 1, conditions[t - 1]!, i) } : ex.conditionGap(t - 1, conditions[t - 1]!, i);
  return { reason, gap };
}

export function explainPoints(ex: Explainer, i: number, t: number): Base {
  const mode = ex.result.scheme.mode;
  if (mode.kind !== 'points') throw new Error('not a points scheme');
  const { zh } = ex;
  const score = ex.result.score![i]!;
  const weights = mode.criteria.reduce((s, c) => s + c.weight, 0);
  const parts = mode.criteria.map((c) => {
    const v = ex.value(c.metric, i);
    const p = bandPoints(v, c.bands);
    const w = formatNumber((c.weight / weights) * 100, 1);
    return zh
      ? `${ex.label(c.metric)} ${ex.fmt(c.metric, v)} 得 ${formatNumber(p)} 分（权重 ${w}%）`
      : `${ex.label(c.metric)} ${ex.fmt(c.metric, v)} scores ${formatNumber(p)} (weight ${w}%)`;
  });
  const band = mode.tierBands[t];
  const total = formatNumber(score);
  const head = band
    ? `${zh ? '总分' : 'Score'} ${total} ≥ ${formatNumber(band.minScore)}`
    : `${zh ? '总分' : 'Score'} ${total} < ${formatNumber(mode.tierBands[t - 1]!.minScore)}`;
  const reason = `${head}${zh ? '：' : ': '}${ex.join(parts)}`;
  if (t === 0) return { reason, gap: null };
  const need = mode.tierBands[t - 1]!.minScore - score;
  // Hints: the next band up of each criterion, and how many weighted points it adds.
  const items: GapItemIn[] = [];
  for (const c of mode.criteria) {
    const v = ex.value(c.metric, i);
    const now = bandPoints(v, c.bands);
    const better = c.bands
      .filter((b) => b.points > now && b.min !== undefined && b.min > v)
      .sort((a, b) => a.min! - b.min!)[0];
    if (!better) continue;
    const gain = ((better.points - now) * c.weight) / weights;
    const target = better.min!;
    items.push({
      metric: c.metric,
      op: '>=',
      target,
      current: v,
      delta: target - v,
      text: zh
        ? `${ex.label(c.metric)}达到 ${ex.fmt(c.metric, target)} 可加 ${formatNumber(gain)} 分`
        : `${ex.label(c.metric)} at ${ex.fmt(c.metric, target)} adds ${formatNumber(gain)} points`,
    });
  }
  const tier = ex.tierLabel(t - 1);
  const hints = items.map((x) => x.text).join(zh ? '；' : '; ');
  const gapHead = zh ? `还差 ${formatNumber(need)} 分升至${tier}` : `${formatNumber(need)} points short of ${tier}`;
  const text = hints ? `${gapHead}${zh ? '（' : ' ('}${hints}${zh ? '）' : ')'}` : gapHead;
  return { reason, gap: { tier: ex.scheme.tiers[t - 1]!.id, items, text } };
}

export function explainRfm(ex: Explainer, i: number, t: number): Base {
  const mode = ex.result.scheme.mode;
  const rfm = ex.result.rfm!;
  if (mode.kind !== 'rfm') throw new Error('not an RFM scheme');
  const codes = `R${rfm.r[i]} F${rfm.f[i]} M${rfm.m[i]}`;
  const facts = [mode.recency, mode.frequency, mode.monetary]
    .map((m) => `${ex.label(m)} ${ex.fmt(m, ex.value(m, i))}`)
    .join(ex.zh ? '，' : ', ');
  const tier = ex.tierLabel(t);
  const reason = ex.zh ? `${codes}（${facts}）→ ${tier}` : `${codes} (${facts}) → ${tier}`;
  if (t === 0) return { reason, gap: null };
  // Say the move in the user's own numbers: "F ≥ 4" becomes "orders above the 60th-percentile cut point".
  const items = ex.unmet(segmentCondition(mode.segments[t - 1]!), i).map((o) => rfmGapItem(ex, o, i));
  return { reason, gap: { tier: ex.scheme.tiers[t - 1]!.id, items, text: ex.gapSentence(t - 1, items) } };
}

function rfmGapItem(ex: Explainer, o: LeafOutcome, i: number): GapItemIn {
  const mode = ex.result.scheme.mode;
  const rfm = ex.result.rfm!;
  if (mode.kind !== 'rfm') throw new Error('not an RFM scheme');
  const key = o.leaf.metric === RFM_SCORE_METRICS.r ? 'r' : o.leaf.metric === RFM_SCORE_METRICS.f ? 'f' : 'm';
  const metric = key === 'r' ? mode.recency : key === 'f' ? mode.frequency : mode.monetary;
  const cuts = rfm.cuts[key];
  const current = ex.result.values[metric]![i]!;
  const need = o.leaf.value; // the lowest score the segment accepts
  const name = key.toUpperCase();
  const label = ex.label(metric);
  if (o.value < need) {
    if (key === 'r') {
      // R ≥ s needs at least s − 1 cut points above the value: fewer days than cuts[5 − s].
      const target = cuts[5 - need]!;
      return {
        metric, op: '<', target, current, delta: current - target,
        text: ex.zh
          ? `${label}需少于 ${ex.fmt(metric, target)}（${name} 达到 ${need} 分，当前 ${ex.fmt(metric, current)}）`
          : `${label} must be below ${ex.fmt(metric, target)} (${name} ${need}, now ${ex.fmt(metric, current)})`,
      };
    }
    // F or M ≥ s needs the value above cuts[s − 2].
    const target = cuts[need - 2]!;
    return {
      metric, op: '>', target, current, delta: null,
      text: ex.zh
        ? `${label}需超过 ${ex.fmt(metric, target)}（${name} 达到 ${need} 分，当前 ${ex.fmt(metric, current)}）`
        : `${label} must exceed ${ex.fmt(metric, target)} (${name} ${need}, now ${ex.fmt(metric, current)})`,
    };
  }
  // The segment above asks for a lower score (e.g. "new" wants F = 1): say it as scores.
  return ex.gapItem(o);
}

/** ABC: the lowest revenue that still made each tier (the bar a customer below must reach). */
function abcFloors(ex: Explainer): number[] {
  if (ex.abcFloor) return ex.abcFloor;
  const mode = ex.result.scheme.mode;
  const metric = mode.kind === 'abc' ? mode.metric : '';
  const floors = ex.scheme.tiers.map(() => Infinity);
  const values = ex.result.values[metric]!;
  for (let i = 0; i < ex.result.size; i++) {
    const t = ex.result.modeTier[i]!;
    if (t >= 0 && values[i]! < floors[t]!) floors[t] = values[i]!;
  }
  return (ex.abcFloor = floors);
}

export function explainAbc(ex: Explainer, i: number, t: number): Base {
  const mode = ex.result.scheme.mode;
  if (mode.kind !== 'abc') throw new Error('not an ABC scheme');
  const { zh } = ex;
  const share = ex.result.cumulativeShare![i]!;
  const v = ex.result.values[mode.metric]![i]!;
  const cut = mode.cuts[t];
  const name = ex.label(mode.metric);
  const amount = ex.fmt(mode.metric, v);
  const s = `${formatNumber(share * 100, 1)}%`;
  let reason: string;
  if (!Number.isFinite(share))
    reason = zh
      ? `${name} ${amount}，总收入不大于 0，无法计算累计占比，归入最后一级`
      : `${name} ${amount}; total revenue is not above 0, so there is no share and the customer is in the last tier`;
  else if (cut !== undefined)
    reason = zh
      ? `${name} ${amount}，排在其前的客户累计占比 ${s} < ${formatNumber(cut * 100)}%`
      : `${name} ${amount}; customers ranked above hold ${s} < ${formatNumber(cut * 100)}%`;
  else
    reason = zh
      ? `${name} ${amount}，排在其前的客户累计占比 ${s} ≥ ${formatNumber(mode.cuts[t - 1]! * 100)}%`
      : `${name} ${amount}; customers ranked above hold ${s} ≥ ${formatNumber(mode.cuts[t - 1]! * 100)}%`;
  if (t === 0) return { reason, gap: null };
  const floor = abcFloors(ex)[t - 1]!;
  if (!Number.isFinite(floor)) return { reason, gap: null };
  const delta = Math.max(0, floor - v);
  const item: GapItemIn = {
    metric: mode.metric,
    op: '>=',
    target: floor,
    current: v,
    delta,
    text: zh
      ? `${name}还差 ${ex.fmt(mode.metric, delta)}（该级最低 ${ex.fmt(mode.metric, floor)}）`
      : `${name} ${ex.fmt(mode.metric, delta)} short (lowest in tier: ${ex.fmt(mode.metric, floor)})`,
  };
  return { reason, gap: { tier: ex.scheme.tiers[t - 1]!.id, items: [item], text: ex.gapSentence(t - 1, [item]) } };
}
