// Why a customer got its tier, what it lacks for the next one up, and what the tier brings — in both languages.
import { joinLocalized, loc, type Lang, type Localized } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { evaluateLeaves, type LeafOutcome } from '../grading/conditions.ts';
import type { GradeResult } from '../grading/grade.ts';
import { bandPoints } from '../grading/points.ts';
import { RFM_SCORE_METRICS, segmentCondition } from '../grading/rfm.ts';
import { metricSpec, type MetricSpec } from '../grading/table.ts';
import type { Comparison, Condition, Scheme, Tier } from '../scheme/schema.ts';
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

class Explainer {
  private readonly scheme: Scheme;
  private readonly specs = new Map<string, MetricSpec>();
  private readonly benefits: Localized[];
  private readonly issuesByIndex = new Map<number, DataIssue[]>();
  private abcFloor: number[] | null = null;

  constructor(private readonly result: GradeResult) {
    this.scheme = result.scheme;
    this.benefits = this.scheme.tiers.map(benefitsText);
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

  private fmt(metric: string, x: number, lang: Lang): string {
    return formatValue(x, this.spec(metric).unit, lang, this.scheme.currency);
  }

  private label(metric: string, lang: Lang): string {
    return this.spec(metric).label[lang];
  }

  private tierLabel(t: number, lang: Lang): string {
    return this.scheme.tiers[t]!.label[lang];
  }

  /** "年度消费金额 ¥1,250,000 ≥ ¥1,000,000" for a comparison that held, with the negated symbol if it did not. */
  private outcomeText(o: LeafOutcome): Localized {
    const { leaf, value, met } = o;
    return both((lang) => {
      const name = this.label(leaf.metric, lang);
      const v = this.fmt(leaf.metric, value, lang);
      const t = this.fmt(leaf.metric, leaf.value, lang);
      if (leaf.op === 'between') {
        const hi = this.fmt(leaf.metric, leaf.max ?? leaf.value, lang);
        if (lang === 'zh-CN') return `${name} ${v} ${met ? '在' : '不在'} ${t}–${hi} 之间`;
        return `${name} ${v} ${met ? 'within' : 'outside'} ${t}–${hi}`;
      }
      if (leaf.op === '=') return `${name} ${v} ${met ? '=' : '≠'} ${t}`;
      return `${name} ${v} ${met ? OPERATOR_SYMBOL[leaf.op] : NEGATED_SYMBOL[leaf.op]} ${t}`;
    });
  }

  private gapItem(o: LeafOutcome): GapItem {
    const { leaf, value: current } = o;
    const unit = this.spec(leaf.metric).unit;
    let delta: number | null = null;
    if (leaf.op === '>=') delta = leaf.value - current;
    else if (leaf.op === '>' && WHOLE_UNITS.has(unit)) delta = Math.floor(leaf.value) + 1 - current;
    else if (leaf.op === '<=' || leaf.op === '<') delta = current - leaf.value;
    const text = both((lang) => {
      const zh = lang === 'zh-CN';
      const name = this.label(leaf.metric, lang);
      const now = this.fmt(leaf.metric, current, lang);
      const t = this.fmt(leaf.metric, leaf.value, lang);
      switch (leaf.op) {
        case '>=':
          return zh ? `${name}还差 ${this.fmt(leaf.metric, delta!, lang)}` : `${name} ${this.fmt(leaf.metric, delta!, lang)} short`;
        case '>':
          if (delta !== null)
            return zh
              ? `${name}还差 ${this.fmt(leaf.metric, delta, lang)}（需 > ${t}）`
              : `${name} ${this.fmt(leaf.metric, delta, lang)} short (needs > ${t})`;
          return zh ? `${name}需超过 ${t}（当前 ${now}）` : `${name} must exceed ${t} (now ${now})`;
        case '<=':
          return zh ? `${name}需降至 ${t} 以内（当前 ${now}）` : `${name} must be at most ${t} (now ${now})`;
        case '<':
          return zh ? `${name}需低于 ${t}（当前 ${now}）` : `${name} must be below ${t} (now ${now})`;
        case '=':
          return zh ? `${name}需为 ${t}（当前 ${now}）` : `${name} must be ${t} (now ${now})`;
        case 'between': {
          const hi = this.fmt(leaf.metric, leaf.max ?? leaf.value, lang);
          return zh ? `${name}需在 ${t}–${hi} 之间（当前 ${now}）` : `${name} must be within ${t}–${hi} (now ${now})`;
        }
      }
    });
    return { metric: leaf.metric, op: leaf.op, target: leaf.value, ...(leaf.max !== undefined ? { max: leaf.max } : {}), current, delta, text };
  }

  /** The fewest comparisons that must change for the condition to hold (for "any", the closest branch). */
  private unmet(c: Condition, valueOf: (m: string) => number): LeafOutcome[] {
    if ('all' in c) return c.all.flatMap((x) => this.unmet(x, valueOf));
    if ('any' in c) {
      let best: LeafOutcome[] | null = null;
      for (const x of c.any) {
        const u = this.unmet(x, valueOf);
        if (best === null || u.length < best.length) best = u;
      }
      return best ?? [];
    }
    return evaluateLeaves(c, valueOf).leaves.filter((o) => !o.met);
  }

  /** Comparisons that made the condition hold (for "any", only the branches that held). */
  private held(c: Condition, valueOf: (m: string) => number): LeafOutcome[] {
    if ('all' in c) return c.all.flatMap((x) => this.held(x, valueOf));
    if ('any' in c) return c.any.filter((x) => evaluateLeaves(x, valueOf).met).flatMap((x) => this.held(x, valueOf));
    return evaluateLeaves(c, valueOf).leaves;
  }

  private gapSentence(target: number, items: GapItem[]): Localized {
    return both((lang) => {
      const tier = this.tierLabel(target, lang);
      const parts = items.map((x) => x.text[lang]);
      const one = parts.length === 1 ? parts[0]! : null;
      if (lang === 'zh-CN') return one !== null ? `${one}${one.endsWith('）') ? '' : ' '}升至${tier}` : `升至${tier}：${parts.join('；')}`;
      // "Annual spend ¥300 short of Gold"; any other single change reads "To reach Gold: …".
      return one !== null && one.endsWith(' short') ? `${one} of ${tier}` : `To reach ${tier}: ${parts.join('; ')}`;
    });
  }

  private conditionGap(target: number, cond: Condition, valueOf: (m: string) => number): Explanation['gap'] {
    const items = this.unmet(cond, valueOf).map((o) => this.gapItem(o));
    return { tier: this.scheme.tiers[target]!.id, items, text: this.gapSentence(target, items) };
  }

  private valueOf(i: number): (m: string) => number {
    const { values, rfm } = this.result;
    return (m) => {
      if (rfm && m === RFM_SCORE_METRICS.r) return rfm.r[i]!;
      if (rfm && m === RFM_SCORE_METRICS.f) return rfm.f[i]!;
      if (rfm && m === RFM_SCORE_METRICS.m) return rfm.m[i]!;
      return values[m]?.[i] ?? NaN;
    };
  }

  private explainRules(i: number, t: number, conditions: Condition[]): Pick<Explanation, 'reason' | 'gap'> {
    const valueOf = this.valueOf(i);
    let reason: Localized;
    if (t < conditions.length) {
      reason = joinLocalized(this.held(conditions[t]!, valueOf).map((o) => this.outcomeText(o)));
    } else {
      const above = this.unmet(conditions[t - 1]!, valueOf).map((o) => this.outcomeText(o));
      const why = joinLocalized(above);
      reason = both((lang) =>
        lang === 'zh-CN'
          ? `未达到${this.tierLabel(t - 1, lang)}标准：${why[lang]}`
          : `Below ${this.tierLabel(t - 1, lang)}: ${why[lang]}`,
      );
    }
    const gap = t > 0 ? this.conditionGap(t - 1, conditions[t - 1]!, valueOf) : null;
    return { reason, gap };
  }

  private explainPoints(i: number, t: number): Pick<Explanation, 'reason' | 'gap'> {
    const mode = this.result.scheme.mode;
    if (mode.kind !== 'points') throw new Error('not a points scheme');
    const score = this.result.score![i]!;
    const valueOf = this.valueOf(i);
    const weights = mode.criteria.reduce((s, c) => s + c.weight, 0);
    const parts = mode.criteria.map((c) => {
      const v = valueOf(c.metric);
      const p = bandPoints(v, c.bands);
      const w = formatNumber((c.weight / weights) * 100, 1);
      return both((lang) =>
        lang === 'zh-CN'
          ? `${this.label(c.metric, lang)} ${this.fmt(c.metric, v, lang)} 得 ${formatNumber(p)} 分（权重 ${w}%）`
          : `${this.label(c.metric, lang)} ${this.fmt(c.metric, v, lang)} scores ${formatNumber(p)} (weight ${w}%)`,
      );
    });
    const detail = joinLocalized(parts);
    const band = mode.tierBands[t];
    const reason = both((lang) => {
      const total = formatNumber(score);
      const head = band
        ? `${lang === 'zh-CN' ? '总分' : 'Score'} ${total} ≥ ${formatNumber(band.minScore)}`
        : `${lang === 'zh-CN' ? '总分' : 'Score'} ${total} < ${formatNumber(mode.tierBands[t - 1]!.minScore)}`;
      return `${head}${lang === 'zh-CN' ? '：' : ': '}${detail[lang]}`;
    });
    if (t === 0) return { reason, gap: null };
    const need = mode.tierBands[t - 1]!.minScore - score;
    // Hints: the next band up of each criterion, and how many weighted points it adds.
    const items: GapItem[] = [];
    for (const c of mode.criteria) {
      const v = valueOf(c.metric);
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
        text: both((lang) =>
          lang === 'zh-CN'
            ? `${this.label(c.metric, lang)}达到 ${this.fmt(c.metric, target, lang)} 可加 ${formatNumber(gain)} 分`
            : `${this.label(c.metric, lang)} at ${this.fmt(c.metric, target, lang)} adds ${formatNumber(gain)} points`,
        ),
      });
    }
    const text = both((lang) => {
      const tier = this.tierLabel(t - 1, lang);
      const hints = items.map((x) => x.text[lang]).join(lang === 'zh-CN' ? '；' : '; ');
      const head = lang === 'zh-CN' ? `还差 ${formatNumber(need)} 分升至${tier}` : `${formatNumber(need)} points short of ${tier}`;
      return hints ? `${head}${lang === 'zh-CN' ? '（' : ' ('}${hints}${lang === 'zh-CN' ? '）' : ')'}` : head;
    });
    return { reason, gap: { tier: this.scheme.tiers[t - 1]!.id, items, text } };
  }

  private explainRfm(i: number, t: number): Pick<Explanation, 'reason' | 'gap'> {
    const mode = this.result.scheme.mode;
    const rfm = this.result.rfm!;
    if (mode.kind !== 'rfm') throw new Error('not an RFM scheme');
    const valueOf = this.valueOf(i);
    const codes = `R${rfm.r[i]} F${rfm.f[i]} M${rfm.m[i]}`;
    const reason = both((lang) => {
      const facts = [mode.recency, mode.frequency, mode.monetary]
        .map((m) => `${this.label(m, lang)} ${this.fmt(m, valueOf(m), lang)}`)
        .join(lang === 'zh-CN' ? '，' : ', ');
      const tier = this.tierLabel(t, lang);
      return lang === 'zh-CN' ? `${codes}（${facts}）→ ${tier}` : `${codes} (${facts}) → ${tier}`;
    });
    if (t === 0) return { reason, gap: null };
    // Say the move in the user's own numbers: "F ≥ 4" becomes "orders above the 60th-percentile cut point".
    const items = this.unmet(segmentCondition(mode.segments[t - 1]!), valueOf).map((o) => this.rfmGapItem(o, i));
    return { reason, gap: { tier: this.scheme.tiers[t - 1]!.id, items, text: this.gapSentence(t - 1, items) } };
  }

  private rfmGapItem(o: LeafOutcome, i: number): GapItem {
    const mode = this.result.scheme.mode;
    const rfm = this.result.rfm!;
    if (mode.kind !== 'rfm') throw new Error('not an RFM scheme');
    const key = o.leaf.metric === RFM_SCORE_METRICS.r ? 'r' : o.leaf.metric === RFM_SCORE_METRICS.f ? 'f' : 'm';
    const metric = key === 'r' ? mode.recency : key === 'f' ? mode.frequency : mode.monetary;
    const cuts = rfm.cuts[key];
    const current = this.result.values[metric]![i]!;
    const need = o.leaf.value; // the lowest score the segment accepts
    const name = key.toUpperCase();
    if (o.value < need) {
      if (key === 'r') {
        // R ≥ s needs at least s − 1 cut points above the value: fewer days than cuts[5 − s].
        const target = cuts[5 - need]!;
        return {
          metric, op: '<', target, current, delta: current - target,
          text: both((lang) =>
            lang === 'zh-CN'
              ? `${this.label(metric, lang)}需少于 ${this.fmt(metric, target, lang)}（${name} 达到 ${need} 分，当前 ${this.fmt(metric, current, lang)}）`
              : `${this.label(metric, lang)} must be below ${this.fmt(metric, target, lang)} (${name} ${need}, now ${this.fmt(metric, current, lang)})`,
          ),
        };
      }
      // F or M ≥ s needs the value above cuts[s − 2].
      const target = cuts[need - 2]!;
      return {
        metric, op: '>', target, current, delta: null,
        text: both((lang) =>
          lang === 'zh-CN'
            ? `${this.label(metric, lang)}需超过 ${this.fmt(metric, target, lang)}（${name} 达到 ${need} 分，当前 ${this.fmt(metric, current, lang)}）`
            : `${this.label(metric, lang)} must exceed ${this.fmt(metric, target, lang)} (${name} ${need}, now ${this.fmt(metric, current, lang)})`,
        ),
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

  private explainAbc(i: number, t: number): Pick<Explanation, 'reason' | 'gap'> {
    const mode = this.result.scheme.mode;
    if (mode.kind !== 'abc') throw new Error('not an ABC scheme');
    const share = this.result.cumulativeShare![i]!;
    const v = this.result.values[mode.metric]![i]!;
    const cut = mode.cuts[t];
    const reason = both((lang) => {
      const s = `${formatNumber(share * 100, 1)}%`;
      const name = this.label(mode.metric, lang);
      const amount = this.fmt(mode.metric, v, lang);
      if (!Number.isFinite(share))
        return lang === 'zh-CN'
          ? `${name} ${amount}，总收入不大于 0，无法计算累计占比，归入最后一级`
          : `${name} ${amount}; total revenue is not above 0, so there is no share and the customer is in the last tier`;
      if (cut !== undefined)
        return lang === 'zh-CN'
          ? `${name} ${amount}，排在其前的客户累计占比 ${s} < ${formatNumber(cut * 100)}%`
          : `${name} ${amount}; customers ranked above hold ${s} < ${formatNumber(cut * 100)}%`;
      return lang === 'zh-CN'
        ? `${name} ${amount}，排在其前的客户累计占比 ${s} ≥ ${formatNumber(mode.cuts[t - 1]! * 100)}%`
        : `${name} ${amount}; customers ranked above hold ${s} ≥ ${formatNumber(mode.cuts[t - 1]! * 100)}%`;
    });
    if (t === 0) return { reason, gap: null };
    const floor = this.abcFloors()[t - 1]!;
    if (!Number.isFinite(floor)) return { reason, gap: null };
    const delta = Math.max(0, floor - v);
    const item: GapItem = {
      metric: mode.metric,
      op: '>=',
      target: floor,
      current: v,
      delta,
      text: both((lang) =>
        lang === 'zh-CN'
          ? `${this.label(mode.metric, lang)}还差 ${this.fmt(mode.metric, delta, lang)}（该级最低 ${this.fmt(mode.metric, floor, lang)}）`
          : `${this.label(mode.metric, lang)} ${this.fmt(mode.metric, delta, lang)} short (lowest in tier: ${this.fmt(mode.metric, floor, lang)})`,
      ),
    };
    return { reason, gap: { tier: this.scheme.tiers[t - 1]!.id, items: [item], text: this.gapSentence(t - 1, [item]) } };
  }

  explain(i: number): Explanation {
    const r = this.result;
    const issues = this.issuesByIndex.get(i) ?? [];
    const t = r.tier[i]!;
    const benefits = t >= 0 ? this.benefits[t]! : loc('', '');
    const m = r.modeTier[i]!;
    let base: Pick<Explanation, 'reason' | 'gap'>;
    if (m < 0) {
      const why = joinLocalized(issues.filter((x) => x.code !== 'unknown-override').map((x) => x.message));
      base = { reason: both((lang) => (lang === 'zh-CN' ? `未评级：${why[lang]}` : `Not graded: ${why[lang]}`)), gap: null };
    } else {
      const mode = r.scheme.mode;
      switch (mode.kind) {
        case 'rules':
          base = this.explainRules(i, m, mode.rules.map((x) => x.when));
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
      const ruled = m >= 0 ? base.reason : null;
      const reason = both((lang) => {
        const zh = lang === 'zh-CN';
        const head = zh ? `手动指定为${this.tierLabel(t, lang)}` : `Set by hand to ${this.tierLabel(t, lang)}`;
        const why = note ? (zh ? `（原因：${note}）` : ` (reason: ${note})`) : '';
        const rules =
          m >= 0
            ? zh
              ? `；按规则应为${this.tierLabel(m, lang)}：${ruled![lang]}`
              : `; the rules say ${this.tierLabel(m, lang)}: ${ruled![lang]}`
            : '';
        return `${head}${why}${rules}`;
      });
      // The gap is measured from the tier the customer actually holds.
      return { reason, gap: m >= 0 && m === t ? base.gap : null, benefits, issues };
    }
    return { ...base, benefits, issues };
  }
}

/** Build the explainer once per grading run, then ask it about any customer. */
export function explainer(result: GradeResult): (index: number) => Explanation {
  const ex = new Explainer(result);
  return (i) => ex.explain(i);
}
