// Why a customer got its tier, what it lacks for the next one up, and what the tier brings. An explainer
// speaks one language and builds plain strings (a sheet is written in one language: for 100,000 customers,
// building the other one and the per-text objects was most of the cost); both languages are two of them.
import { LANGS, loc, type Lang, type Localized } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { compare, type LeafOutcome } from '../grading/conditions.ts';
import type { GradeResult } from '../grading/grade.ts';
import { bandPoints } from '../grading/points.ts';
import { RFM_SCORE_METRICS, segmentCondition } from '../grading/rfm.ts';
import { metricSpec, type MetricSpec } from '../grading/table.ts';
import type { Condition, Comparison, Scheme, Tier } from '../scheme/schema.ts';
import { CADENCE_TEXT, NEGATED_SYMBOL, OPERATOR_SYMBOL, formatNumber, formatValue } from './format.ts';

/** One thing that must change for the customer to reach the next tier up. */
export interface GapItem {
  metric: string;
  op: Comparison['op'];
  target: number;
  max?: number;
  current: number;
  /** How much the metric must rise (≥, >) or fall (≤, <); null where a distance says nothing (=, between). */
  delta: number | null;
  text: Localized;
}

export interface Explanation {
  reason: Localized;
  /** Null for the top tier and for unrated customers. */
  gap: { tier: string; items: GapItem[]; text: Localized } | null;
  benefits: Localized;
  issues: DataIssue[];
}

/** An explanation in one language: the texts written next to a customer's tier. */
export interface ExplanationText {
  reason: string;
  /** Null for the top tier and for unrated customers. */
  gap: string | null;
  benefits: string;
  issues: DataIssue[];
}

const both = (f: (lang: Lang) => string): Localized => ({ 'zh-CN': f('zh-CN'), 'en-US': f('en-US') });

/** The tier's benefit lines, then who serves it and how often. */
export function benefitsText(tier: Tier): Localized {
  const b = tier.benefits;
  return both((lang) => {
    const lines = b.lines.map((l) => l[lang]).join(lang === 'zh-CN' ? '、' : '; ');
    const service = [b.owner?.[lang], b.cadence ? CADENCE_TEXT[b.cadence][lang] : undefined, b.channel?.[lang]]
      .filter(Boolean)
      .join(lang === 'zh-CN' ? '，' : ', ');
    if (!service) return lines;
    if (!lines) return service;
    return lang === 'zh-CN' ? `${lines}（${service}）` : `${lines} (${service})`;
  });
}

/** Integer-valued units, where "> 10" means "at least 11". */
const WHOLE_UNITS = new Set(['count']);

/** A gap item with its text in the explainer's language. */
type GapItemIn = Omit<GapItem, 'text'> & { text: string };
type GapIn = { tier: string; items: GapItemIn[]; text: string };
type Base = { reason: string; gap: GapIn | null };
type ExplanationIn = Base & { benefits: string; issues: DataIssue[] };

class Explainer {
  private readonly zh: boolean;
  private readonly scheme: Scheme;
  private readonly specs = new Map<string, MetricSpec>();
  private readonly benefits: string[];
  private readonly issuesByIndex = new Map<number, DataIssue[]>();
  /** Scheme constants (thresholds) as text, by metric: formatted once, not once per customer. */
  private readonly constants = new Map<string, Map<number, string>>();
  private readonly rules: Condition[] | null;
  private abcFloor: number[] | null = null;

  constructor(
    private readonly result: GradeResult,
    private readonly lang: Lang,
  ) {
    this.zh = lang === 'zh-CN';
    this.scheme = result.scheme;
    this.benefits = this.scheme.tiers.map((t) => benefitsText(t)[lang]);
    this.rules = this.scheme.mode.kind === 'rules' ? this.scheme.mode.rules.map((x) => x.when) : null;
    for (const issue of result.issues) {
      if (issue.index === undefined) continue;
      const list = this.issuesByIndex.get(issue.index);
      if (list) list.push(issue);
      else this.issuesByIndex.set(issue.index, [issue]);
    }
  }

  private spec(metric: string): MetricSpec {
    let s = this.specs.get(metric);
    if (!s) {
      s = metric === RFM_SCORE_METRICS.r || metric === RFM_SCORE_METRICS.f || metric === RFM_SCORE_METRICS.m
        ? { metric, label: loc(metric.slice(4), metric.slice(4)), unit: 'number' }
        : metricSpec(this.scheme, metric);
      this.specs.set(metric, s);
    }
    return s;
  }

  private fmt(metric: string, x: number): string {
    return formatValue(x, this.spec(metric).unit, this.lang, this.scheme.currency);
  }

  /** fmt() for a constant of the scheme (the same few values for every customer). */
  private fmtConst(metric: string, x: number): string {
    let byValue = this.constants.get(metric);
    if (!byValue) this.constants.set(metric, (byValue = new Map()));
    let s = byValue.get(x);
    if (s === undefined) byValue.set(x, (s = this.fmt(metric, x)));
    return s;
  }

  private label(metric: string): string {
    return this.spec(metric).label[this.lang];
  }

  private tierLabel(t: number): string {
    return this.scheme.tiers[t]!.label[this.lang];
  }

  /** Parts joined with the language's list separator. */
  private join(parts: readonly string[]): string {
    return parts.join(this.zh ? '；' : '; ');
  }

  private value(metric: string, i: number): number {
    const { values, rfm } = this.result;
    if (rfm && metric === RFM_SCORE_METRICS.r) return rfm.r[i]!;
    if (rfm && metric === RFM_SCORE_METRICS.f) return rfm.f[i]!;
    if (rfm && metric === RFM_SCORE_METRICS.m) return rfm.m[i]!;
    return values[metric]?.[i] ?? NaN;
  }

  /** "年度消费金额 ¥1,250,000 ≥ ¥1,000,000" for a comparison that held, with the negated symbol if it did not. */
  private outcomeText(o: LeafOutcome): string {
    const { leaf, value, met } = o;
    const name = this.label(leaf.metric);
    const v = this.fmt(leaf.metric, value);
    const t = this.fmtConst(leaf.metric, leaf.value);
    if (leaf.op === 'between') {
      const hi = this.fmtConst(leaf.metric, leaf.max ?? leaf.value);
      if (this.zh) return `${name} ${v} ${met ? '在' : '不在'} ${t}–${hi} 之间`;
      return `${name} ${v} ${met ? 'within' : 'outside'} ${t}–${hi}`;
    }
    if (leaf.op === '=') return `${name} ${v} ${met ? '=' : '≠'} ${t}`;
    return `${name} ${v} ${met ? OPERATOR_SYMBOL[leaf.op] : NEGATED_SYMBOL[leaf.op]} ${t}`;
  }

  private gapItem(o: LeafOutcome): GapItemIn {
    const { leaf, value: current } = o;
    const unit = this.spec(leaf.metric).unit;
    let delta: number | null = null;
    if (leaf.op === '>=') delta = leaf.value - current;
    else if (leaf.op === '>' && WHOLE_UNITS.has(unit)) delta = Math.floor(leaf.value) + 1 - current;
    else if (leaf.op === '<=' || leaf.op === '<') delta = current - leaf.value;
    const { zh } = this;
    const name = this.label(leaf.metric);
    const t = this.fmtConst(leaf.metric, leaf.value);
    // The current value, where the text shows it.
    const now = leaf.op === '>=' || (leaf.op === '>' && delta !== null) ? '' : this.fmt(leaf.metric, current);
    let text: string;
    switch (leaf.op) {
      case '>=':
        text = zh ? `${name}还差 ${this.fmt(leaf.metric, delta!)}` : `${name} ${this.fmt(leaf.metric, delta!)} short`;
        break;
      case '>':
        if (delta !== null)
          text = zh ? `${name}还差 ${this.fmt(leaf.metric, delta)}（需 > ${t}）` : `${name} ${this.fmt(leaf.metric, delta)} short (needs > ${t})`;
        else text = zh ? `${name}需超过 ${t}（当前 ${now}）` : `${name} must exceed ${t} (now ${now})`;
        break;
      case '<=':
        text = zh ? `${name}需降至 ${t} 以内（当前 ${now}）` : `${name} must be at most ${t} (now ${now})`;
        break;
      case '<':
        text = zh ? `${name}需低于 ${t}（当前 ${now}）` : `${name} must be below ${t} (now ${now})`;
        break;
      case '=':
        text = zh ? `${name}需为 ${t}（当前 ${now}）` : `${name} must be ${t} (now ${now})`;
        break;
      case 'between': {
        const hi = this.fmtConst(leaf.metric, leaf.max ?? leaf.value);
        text = zh ? `${name}需在 ${t}–${hi} 之间（当前 ${now}）` : `${name} must be within ${t}–${hi} (now ${now})`;
        break;
      }
    }
    return { metric: leaf.metric, op: leaf.op, target: leaf.value, ...(leaf.max !== undefined ? { max: leaf.max } : {}), current, delta, text };
  }

  private outcome(leaf: Comparison, i: number): LeafOutcome {
    const value = this.value(leaf.metric, i);
    return { leaf, value, met: compare(value, leaf) };
  }

  /** Whether the condition holds for customer i. */
  private holds(c: Condition, i: number): boolean {
    if ('all' in c) return c.all.every((x) => this.holds(x, i));
    if ('any' in c) return c.any.some((x) => this.holds(x, i));
    return compare(this.value(c.metric, i), c);
  }

  /** The fewest comparisons that must change for the condition to hold (for "any", the closest branch). */
  private unmet(c: Condition, i: number): LeafOutcome[] {
    if ('all' in c) return c.all.flatMap((x) => this.unmet(x, i));
    if ('any' in c) {
      let best: LeafOutcome[] | null = null;
      for (const x of c.any) {
        const u = this.unmet(x, i);
        if (best === null || u.length < best.length) best = u;
      }
      return best ?? [];
    }
    const o = this.outcome(c, i);
    return o.met ? [] : [o];
  }

  /** Comparisons that made the condition hold (for "any", only the branches that held). */
  private held(c: Condition, i: number): LeafOutcome[] {
    if ('all' in c) return c.all.flatMap((x) => this.held(x, i));
    if ('any' in c) return c.any.filter((x) => this.holds(x, i)).flatMap((x) => this.held(x, i));
    return [this.outcome(c, i)];
  }

  private gapSentence(target: number, items: GapItemIn[]): string {
    const tier = this.tierLabel(target);
    const parts = items.map((x) => x.text);
    const one = parts.length === 1 ? parts[0]! : null;
    if (this.zh) return one !== null ? `${one}${one.endsWith('）') ? '' : ' '}升至${tier}` : `升至${tier}：${parts.join('；')}`;
    // "Annual spend ¥300 short of Gold"; any other single change reads "To reach Gold: …".
    return one !== null && one.endsWith(' short') ? `${one} of ${tier}` : `To reach ${tier}: ${parts.join('; ')}`;
  }

  private conditionGap(target: number, cond: Condition, i: number): GapIn {
    const items = this.unmet(cond, i).map((o) => this.gapItem(o));
    return { tier: this.scheme.tiers[target]!.id, items, text: this.gapSentence(target, items) };
  }

  private explainRules(i: number, t: number, conditions: Condition[]): Base {
    let reason: string;
    if (t < conditions.length) {
      reason = this.join(this.held(conditions[t]!, i).map((o) => this.outcomeText(o)));
    } else {
      const why = this.join(this.unmet(conditions[t - 1]!, i).map((o) => this.outcomeText(o)));
      reason = this.zh ? `未达到${this.tierLabel(t - 1)}标准：${why}` : `Below ${this.tierLabel(t - 1)}: ${why}`;
    }
    const gap = t > 0 ? this.conditionGap(t - 1, conditions[t - 1]!, i) : null;
    return { reason, gap };
  }

  private explainPoints(i: number, t: number): Base {
    const mode = this.result.scheme.mode;
    if (mode.kind !== 'points') throw new Error('not a points scheme');
    const { zh } = this;
    const score = this.result.score![i]!;
    const weights = mode.criteria.reduce((s, c) => s + c.weight, 0);
    const parts = mode.criteria.map((c) => {
      const v = this.value(c.metric, i);
      const p = bandPoints(v, c.bands);
      const w = formatNumber((c.weight / weights) * 100, 1);
      return zh
        ? `${this.label(c.metric)} ${this.fmt(c.metric, v)} 得 ${formatNumber(p)} 分（权重 ${w}%）`
        : `${this.label(c.metric)} ${this.fmt(c.metric, v)} scores ${formatNumber(p)} (weight ${w}%)`;
    });
    const band = mode.tierBands[t];
    const total = formatNumber(score);
    const head = band
      ? `${zh ? '总分' : 'Score'} ${total} ≥ ${formatNumber(band.minScore)}`
      : `${zh ? '总分' : 'Score'} ${total} < ${formatNumber(mode.tierBands[t - 1]!.minScore)}`;
    const reason = `${head}${zh ? '：' : ': '}${this.join(parts)}`;
    if (t === 0) return { reason, gap: null };
    const need = mode.tierBands[t - 1]!.minScore - score;
    // Hints: the next band up of each criterion, and how many weighted points it adds.
    const items: GapItemIn[] = [];
    for (const c of mode.criteria) {
      const v = this.value(c.metric, i);
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
          ? `${this.label(c.metric)}达到 ${this.fmt(c.metric, target)} 可加 ${formatNumber(gain)} 分`
          : `${this.label(c.metric)} at ${this.fmt(c.metric, target)} adds ${formatNumber(gain)} points`,
      });
    }
    const tier = this.tierLabel(t - 1);
    const hints = items.map((x) => x.text).join(zh ? '；' : '; ');
    const gapHead = zh ? `还差 ${formatNumber(need)} 分升至${tier}` : `${formatNumber(need)} points short of ${tier}`;
    const text = hints ? `${gapHead}${zh ? '（' : ' ('}${hints}${zh ? '）' : ')'}` : gapHead;
    return { reason, gap: { tier: this.scheme.tiers[t - 1]!.id, items, text } };
  }

  private explainRfm(i: number, t: number): Base {
    const mode = this.result.scheme.mode;
    const rfm = this.result.rfm!;
    if (mode.kind !== 'rfm') throw new Error('not an RFM scheme');
    const codes = `R${rfm.r[i]} F${rfm.f[i]} M${rfm.m[i]}`;
    const facts = [mode.recency, mode.frequency, mode.monetary]
      .map((m) => `${this.label(m)} ${this.fmt(m, this.value(m, i))}`)
      .join(this.zh ? '，' : ', ');
    const tier = this.tierLabel(t);
    const reason = this.zh ? `${codes}（${facts}）→ ${tier}` : `${codes} (${facts}) → ${tier}`;
    if (t === 0) return { reason, gap: null };
    // Say the move in the user's own numbers: "F ≥ 4" becomes "orders above the 60th-percentile cut point".
    const items = this.unmet(segmentCondition(mode.segments[t - 1]!), i).map((o) => this.rfmGapItem(o, i));
    return { reason, gap: { tier: this.scheme.tiers[t - 1]!.id, items, text: this.gapSentence(t - 1, items) } };
  }

  private rfmGapItem(o: LeafOutcome, i: number): GapItemIn {
    const mode = this.result.scheme.mode;
    const rfm = this.result.rfm!;
    if (mode.kind !== 'rfm') throw new Error('not an RFM scheme');
    const key = o.leaf.metric === RFM_SCORE_METRICS.r ? 'r' : o.leaf.metric === RFM_SCORE_METRICS.f ? 'f' : 'm';
    const metric = key === 'r' ? mode.recency : key === 'f' ? mode.frequency : mode.monetary;
    const cuts = rfm.cuts[key];
    const current = this.result.values[metric]![i]!;
    const need = o.leaf.value; // the lowest score the segment accepts
    const name = key.toUpperCase();
    const label = this.label(metric);
    if (o.value < need) {
      if (key === 'r') {
        // R ≥ s needs at least s − 1 cut points above the value: fewer days than cuts[5 − s].
        const target = cuts[5 - need]!;
        return {
          metric, op: '<', target, current, delta: current - target,
          text: this.zh
            ? `${label}需少于 ${this.fmt(metric, target)}（${name} 达到 ${need} 分，当前 ${this.fmt(metric, current)}）`
            : `${label} must be below ${this.fmt(metric, target)} (${name} ${need}, now ${this.fmt(metric, current)})`,
        };
      }
      // F or M ≥ s needs the value above cuts[s − 2].
      const target = cuts[need - 2]!;
      return {
        metric, op: '>', target, current, delta: null,
        text: this.zh
          ? `${label}需超过 ${this.fmt(metric, target)}（${name} 达到 ${need} 分，当前 ${this.fmt(metric, current)}）`
          : `${label} must exceed ${this.fmt(metric, target)} (${name} ${need}, now ${this.fmt(metric, current)})`,
      };
    }
    // The segment above asks for a lower score (e.g. "new" wants F = 1): say it as scores.
    return this.gapItem(o);
  }

  /** ABC: the lowest revenue that still made each tier (the bar a customer below must reach). */
  private abcFloors(): number[] {
    if (this.abcFloor) return this.abcFloor;
    const mode = this.result.scheme.mode;
    const metric = mode.kind === 'abc' ? mode.metric : '';
    const floors = this.scheme.tiers.map(() => Infinity);
    const values = this.result.values[metric]!;
    for (let i = 0; i < this.result.size; i++) {
      const t = this.result.modeTier[i]!;
      if (t >= 0 && values[i]! < floors[t]!) floors[t] = values[i]!;
    }
    return (this.abcFloor = floors);
  }

  private explainAbc(i: number, t: number): Base {
    const mode = this.result.scheme.mode;
    if (mode.kind !== 'abc') throw new Error('not an ABC scheme');
    const { zh } = this;
    const share = this.result.cumulativeShare![i]!;
    const v = this.result.values[mode.metric]![i]!;
    const cut = mode.cuts[t];
    const name = this.label(mode.metric);
    const amount = this.fmt(mode.metric, v);
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
    const floor = this.abcFloors()[t - 1]!;
    if (!Number.isFinite(floor)) return { reason, gap: null };
    const delta = Math.max(0, floor - v);
    const item: GapItemIn = {
      metric: mode.metric,
      op: '>=',
      target: floor,
      current: v,
      delta,
      text: zh
        ? `${name}还差 ${this.fmt(mode.metric, delta)}（该级最低 ${this.fmt(mode.metric, floor)}）`
        : `${name} ${this.fmt(mode.metric, delta)} short (lowest in tier: ${this.fmt(mode.metric, floor)})`,
    };
    return { reason, gap: { tier: this.scheme.tiers[t - 1]!.id, items: [item], text: this.gapSentence(t - 1, [item]) } };
  }

  explain(i: number): ExplanationIn {
    const r = this.result;
    const { zh } = this;
    const issues = this.issuesByIndex.get(i) ?? [];
    const t = r.tier[i]!;
    const benefits = t >= 0 ? this.benefits[t]! : '';
    const m = r.modeTier[i]!;
    let base: Base;
    if (m < 0) {
      const why = this.join(issues.filter((x) => x.code !== 'unknown-override').map((x) => x.message[this.lang]));
      base = { reason: zh ? `未评级：${why}` : `Not graded: ${why}`, gap: null };
    } else {
      const mode = r.scheme.mode;
      switch (mode.kind) {
        case 'rules':
          base = this.explainRules(i, m, this.rules!);
          break;
        case 'points':
          base = this.explainPoints(i, m);
          break;
        case 'rfm':
          base = this.explainRfm(i, m);
          break;
        case 'abc':
          base = this.explainAbc(i, m);
          break;
      }
    }
    if (r.overridden[i]) {
      const note = r.table.overrideReasons?.[i];
      const head = zh ? `手动指定为${this.tierLabel(t)}` : `Set by hand to ${this.tierLabel(t)}`;
      const why = note ? (zh ? `（原因：${note}）` : ` (reason: ${note})`) : '';
      const rules = m >= 0 ? (zh ? `；按规则应为${this.tierLabel(m)}：${base.reason}` : `; the rules say ${this.tierLabel(m)}: ${base.reason}`) : '';
      // The gap is measured from the tier the customer actually holds.
      return { reason: `${head}${why}${rules}`, gap: m >= 0 && m === t ? base.gap : null, benefits, issues };
    }
    return { reason: base.reason, gap: base.gap, benefits, issues };
  }
}

/** The two languages' explanations of one customer as one bilingual explanation (same structure in both). */
function bilingual(zh: ExplanationIn, en: ExplanationIn): Explanation {
  const gap =
    zh.gap && en.gap
      ? {
          tier: zh.gap.tier,
          items: zh.gap.items.map((x, k): GapItem => ({ ...x, text: loc(x.text, en.gap!.items[k]!.text) })),
          text: loc(zh.gap.text, en.gap.text),
        }
      : null;
  return { reason: loc(zh.reason, en.reason), gap, benefits: loc(zh.benefits, en.benefits), issues: zh.issues };
}

/** Build the explainer once per grading run, then ask it about any customer (in both languages). */
export function explainer(result: GradeResult): (index: number) => Explanation {
  const [zh, en] = LANGS.map((lang) => new Explainer(result, lang));
  return (i) => bilingual(zh!.explain(i), en!.explain(i));
}

/** Like explainer(), in one language only: the same words as `explainer(result)(i)`'s `lang` texts. */
export function explainerIn(result: GradeResult, lang: Lang): (index: number) => ExplanationText {
  const ex = new Explainer(result, lang);
  return (i) => {
    const e = ex.explain(i);
    return { reason: e.reason, gap: e.gap ? e.gap.text : null, benefits: e.benefits, issues: e.issues };
  };
}
