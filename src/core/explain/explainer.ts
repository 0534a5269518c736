// What every grading mode's explanation is made of: one language's words for metrics, values, tiers and the
// comparisons a customer met or missed. The words for each mode are in modes.ts, the explanation in explain.ts.
import { loc, type Lang, type Localized } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { compare, type LeafOutcome } from '../grading/conditions.ts';
import type { GradeResult } from '../grading/grade.ts';
import { RFM_SCORE_METRICS } from '../grading/rfm.ts';
import { metricSpec, type MetricSpec } from '../grading/table.ts';
import type { Condition, Comparison, Scheme } from '../scheme/schema.ts';
import { benefitsText } from './benefits.ts';
import { formatValue } from './format.ts';
import { leafWords, type LeafWords } from './leaf-words.ts';

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

/** A gap item with its text in the explainer's language. */
export type GapItemIn = Omit<GapItem, 'text'> & { text: string };
export type GapIn = { tier: string; items: GapItemIn[]; text: string };
/** Why a customer is in its tier by the scheme's mode, and what it lacks for the next one. */
export type Base = { reason: string; gap: GapIn | null };

/** One grading run explained in one language: the shared words; modes.ts and explain.ts build on them. */
export class Explainer {
  readonly zh: boolean;
  readonly scheme: Scheme;
  private readonly specs = new Map<string, MetricSpec>();
  readonly benefits: string[];
  readonly issuesByIndex = new Map<number, DataIssue[]>();
  /** Scheme constants (thresholds) as text, by metric: formatted once, not once per customer. */
  private readonly constants = new Map<string, Map<number, string>>();
  readonly rules: Condition[] | null;
  /** Each comparison's words, worked out on first use. */
  private readonly leaves = new Map<Comparison, LeafWords>();
  /** ABC: the lowest revenue that made each tier, worked out once per run (modes.ts). */
  abcFloor: number[] | null = null;

  constructor(
    readonly result: GradeResult,
    readonly lang: Lang,
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

  spec(metric: string): MetricSpec {
    let s = this.specs.get(metric);
    if (!s) {
      s = metric === RFM_SCORE_METRICS.r || metric === RFM_SCORE_METRICS.f || metric === RFM_SCORE_METRICS.m
        ? { metric, label: loc(metric.slice(4), metric.slice(4)), unit: 'number' }
        : metricSpec(this.scheme, metric);
      this.specs.set(metric, s);
    }
    return s;
  }

  fmt(metric: string, x: number): string {
    return formatValue(x, this.spec(metric).unit, this.lang, this.scheme.currency);
  }

  /** fmt() for a constant of the scheme (the same few values for every customer). */
  fmtConst(metric: string, x: number): string {
    let byValue = this.constants.get(metric);
    if (!byValue) this.constants.set(metric, (byValue = new Map()));
    let s = byValue.get(x);
    if (s === undefined) byValue.set(x, (s = this.fmt(metric, x)));
    return s;
  }

  label(metric: string): string {
    return this.spec(metric).label[this.lang];
  }

  tierLabel(t: number): string {
    return this.scheme.tiers[t]!.label[this.lang];
  }

  /** Parts joined with the language's list separator. */
  join(parts: readonly string[]): string {
    return parts.join(this.zh ? '；' : '; ');
  }

  value(metric: string, i: number): number {
    const { values, rfm } = this.result;
    if (rfm && metric === RFM_SCORE_METRICS.r) return rfm.r[i]!;
    if (rfm && metric === RFM_SCORE_METRICS.f) return rfm.f[i]!;
    if (rfm && metric === RFM_SCORE_METRICS.m) return rfm.m[i]!;
    return values[metric]?.[i] ?? NaN;
  }

  /** The comparison's words in this language (the same leaf object for every customer: cached by identity). */
  words(leaf: Comparison): LeafWords {
    let w = this.leaves.get(leaf);
    if (!w) {
      const { metric } = leaf;
      const { values, rfm } = this.result;
      const scores = rfm ? (metric === RFM_SCORE_METRICS.r ? rfm.r : metric === RFM_SCORE_METRICS.f ? rfm.f : metric === RFM_SCORE_METRICS.m ? rfm.m : null) : null;
      const column = values[metric];
      const value = scores ? (i: number) => scores[i]! : column ? (i: number) => column[i] ?? NaN : () => NaN;
      const unit = this.spec(metric).unit;
      const { lang } = this;
      const currency = this.scheme.currency;
      w = leafWords(leaf, {
        name: this.label(metric),
        unit,
        zh: this.zh,
        fmt: (x) => formatValue(x, unit, lang, currency),
        fmtConst: (x) => this.fmtConst(metric, x),
        value,
      });
      this.leaves.set(leaf, w);
    }
    return w;
  }

  /** "年度消费金额 ¥1,250,000 ≥ ¥1,000,000" for a comparison that held, with the negated symbol if it did not. */
  outcomeText(o: LeafOutcome): string {
    return this.words(o.leaf).outcome(o.value, o.met);
  }

  gapItem(o: LeafOutcome): GapItemIn {
    const { leaf, value: current } = o;
    const w = this.words(leaf);
    const delta = w.delta(current);
    return { metric: leaf.metric, op: leaf.op, target: leaf.value, ...(leaf.max !== undefined ? { max: leaf.max } : {}), current, delta, text: w.gap(current) };
  }

  outcome(leaf: Comparison, i: number): LeafOutcome {
    const value = this.words(leaf).value(i);
    return { leaf, value, met: compare(value, leaf) };
  }

  /** Whether the condition holds for customer i. */
  holds(c: Condition, i: number): boolean {
    if ('all' in c) return c.all.every((x) => this.holds(x, i));
    if ('any' in c) return c.any.some((x) => this.holds(x, i));
    return compare(this.words(c).value(i), c);
  }

  /** The fewest comparisons that must change for the condition to hold (for "any", the closest branch). */
  unmet(c: Condition, i: number): LeafOutcome[] {
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
  held(c: Condition, i: number): LeafOutcome[] {
    if ('all' in c) return c.all.flatMap((x) => this.held(x, i));
    if ('any' in c) return c.any.filter((x) => this.holds(x, i)).flatMap((x) => this.held(x, i));
    return [this.outcome(c, i)];
  }

  gapSentence(target: number, items: GapItemIn[]): string {
    return this.gapSentenceOf(target, items.map((x) => x.text));
  }

  /** gapSentence() from the items' texts. */
  gapSentenceOf(target: number, parts: readonly string[]): string {
    const tier = this.tierLabel(target);
    const one = parts.length === 1 ? parts[0]! : null;
    if (this.zh) return one !== null ? `${one}${one.endsWith('）') ? '' : ' '}升至${tier}` : `升至${tier}：${parts.join('；')}`;
    // "Annual spend ¥300 short of Gold"; any other single change reads "To reach Gold: …".
    return one !== null && one.endsWith(' short') ? `${one} of ${tier}` : `To reach ${tier}: ${parts.join('; ')}`;
  }

  /** held()'s outcomes in words, without the outcome objects. */
  heldTexts(c: Condition, i: number, out: string[] = []): string[] {
    if ('all' in c) {
      for (const x of c.all) this.heldTexts(x, i, out);
    } else if ('any' in c) {
      for (const x of c.any) if (this.holds(x, i)) this.heldTexts(x, i, out);
    } else {
      const w = this.words(c);
      const v = w.value(i);
      out.push(w.outcome(v, compare(v, c)));
    }
    return out;
  }

  /** unmet()'s outcomes in words. */
  unmetTexts(c: Condition, i: number): string[] {
    return this.unmet(c, i).map((o) => this.outcomeText(o));
  }

  /** The texts of unmet(): the comparisons that must change, in words, without the outcome objects. */
  unmetGaps(c: Condition, i: number, out: string[] = []): string[] {
    if ('all' in c) {
      for (const x of c.all) this.unmetGaps(x, i, out);
      return out;
    }
    if ('any' in c) {
      let best: string[] | null = null;
      for (const x of c.any) {
        const u = this.unmetGaps(x, i);
        if (best === null || u.length < best.length) best = u;
      }
      if (best) for (const s of best) out.push(s);
      return out;
    }
    const w = this.words(c);
    const v = w.value(i);
    if (!compare(v, c)) out.push(w.gap(v));
    return out;
  }

  /** conditionGap()'s text alone. */
  conditionGapText(target: number, cond: Condition, i: number): string {
    return this.gapSentenceOf(target, this.unmetGaps(cond, i));
  }

  conditionGap(target: number, cond: Condition, i: number): GapIn {
    const items = this.unmet(cond, i).map((o) => this.gapItem(o));
    return { tier: this.scheme.tiers[target]!.id, items, text: this.gapSentence(target, items) };
  }
}
