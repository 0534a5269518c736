// A tier's criteria in words an account manager reads aloud: "年度消费金额 ≥ ¥1,000,000 且 合作年限 ≥ 5 年",
// "综合得分 ≥ 80 分", "R 4–5 分 且 F 4–5 分", "年度消费金额累计占比 < 80%" — from whichever mode grades.
import { OPERATOR_SYMBOL, formatNumber, formatValue } from '../explain/format.ts';
import { metricSpec } from '../grading/table.ts';
import type { Lang } from '../i18n.ts';
import type { Comparison, Condition, RfmMode, Scheme } from '../scheme/schema.ts';
import { toGroups } from '../scheme/condition-groups.ts';

const AND = { 'zh-CN': ' 且 ', 'en-US': ' and ' } as const;
const OR = { 'zh-CN': ' 或 ', 'en-US': ' or ' } as const;

function label(scheme: Scheme, metric: string, lang: Lang): string {
  return metricSpec(scheme, metric).label[lang];
}

function fmt(scheme: Scheme, metric: string, x: number, lang: Lang): string {
  return formatValue(x, metricSpec(scheme, metric).unit, lang, scheme.currency);
}

/** The threshold part of a comparison, without the metric: "≥ ¥1,000,000", "介于 3 年 与 5 年 之间". */
export function thresholdText(scheme: Scheme, c: Comparison, lang: Lang): string {
  const v = fmt(scheme, c.metric, c.value, lang);
  if (c.op === 'between') {
    const hi = fmt(scheme, c.metric, c.max ?? c.value, lang);
    return lang === 'zh-CN' ? `介于 ${v} 与 ${hi} 之间` : `between ${v} and ${hi}`;
  }
  return `${OPERATOR_SYMBOL[c.op]} ${v}`;
}

/** One comparison in words: "年度消费金额 ≥ ¥1,000,000". */
export function comparisonText(scheme: Scheme, c: Comparison, lang: Lang): string {
  return `${label(scheme, c.metric, lang)} ${thresholdText(scheme, c, lang)}`;
}

const NEGATE: Record<Exclude<Comparison['op'], 'between'>, string> = { '>=': '<', '>': '≤', '<=': '>', '<': '≥', '=': '≠' };

/** The threshold part of the comparison that holds exactly when `c` does not: "< ¥100,000". */
export function negatedThresholdText(scheme: Scheme, c: Comparison, lang: Lang): string {
  const v = fmt(scheme, c.metric, c.value, lang);
  if (c.op === 'between') {
    const hi = fmt(scheme, c.metric, c.max ?? c.value, lang);
    return lang === 'zh-CN' ? `不在 ${v} 与 ${hi} 之间` : `outside ${v} to ${hi}`;
  }
  return `${NEGATE[c.op]} ${v}`;
}

/** The comparison that holds exactly when `c` does not: "年度消费金额 < ¥100,000". */
export function negatedText(scheme: Scheme, c: Comparison, lang: Lang): string {
  return `${label(scheme, c.metric, lang)} ${negatedThresholdText(scheme, c, lang)}`;
}

/** A condition tree in words; a nested alternative inside a conjunction (or the reverse) is bracketed. */
export function conditionText(scheme: Scheme, c: Condition, lang: Lang): string {
  const open = lang === 'zh-CN' ? '（' : '(';
  const close = lang === 'zh-CN' ? '）' : ')';
  const inner = (x: Condition, parent: 'all' | 'any'): string => {
    const text = conditionText(scheme, x, lang);
    const nested = parent === 'all' ? 'any' in x && x.any.length > 1 : 'all' in x && x.all.length > 1;
    return nested ? `${open}${text}${close}` : text;
  };
  if ('all' in c) return c.all.map((x) => inner(x, 'all')).join(AND[lang]);
  if ('any' in c) return c.any.map((x) => inner(x, 'any')).join(OR[lang]);
  return comparisonText(scheme, c, lang);
}

/** Whether `d` holding guarantees `c` holds (same metric, at least as strict on the same side). */
function comparisonImplies(d: Comparison, c: Comparison): boolean {
  if (d.metric !== c.metric) return false;
  // The range of values d admits: [lo, hi], each end open or closed.
  const lo = d.op === '>=' || d.op === '=' || d.op === 'between' ? { v: d.value, open: false } : d.op === '>' ? { v: d.value, open: true } : null;
  const hi =
    d.op === '<=' || d.op === '=' ? { v: d.value, open: false } : d.op === 'between' ? { v: d.max ?? d.value, open: false } : d.op === '<' ? { v: d.value, open: true } : null;
  switch (c.op) {
    case '>=':
      return lo !== null && lo.v >= c.value;
    case '>':
      return lo !== null && (lo.v > c.value || (lo.v === c.value && lo.open));
    case '<=':
      return hi !== null && hi.v <= c.value;
    case '<':
      return hi !== null && (hi.v < c.value || (hi.v === c.value && hi.open));
    case '=':
      return lo !== null && hi !== null && !lo.open && !hi.open && lo.v === c.value && hi.v === c.value;
    case 'between':
      return lo !== null && hi !== null && lo.v >= c.value && hi.v <= (c.max ?? c.value);
  }
}

/** Whether every way `a` can hold makes each comparison of `conj` hold. */
function implies(a: Condition, conj: readonly Comparison[]): boolean {
  return toGroups(a).every((g) => conj.every((c) => g.some((d) => comparisonImplies(d, c))));
}

/**
 * Rules mode: what the fallback tier means. When every better rule implies the last one (thresholds
 * nested, as in salon-spend and b2b-value), "meets none" is exactly "fails the last": say that in numbers.
 * Returns the negated comparisons (any of which places a customer here), or null when no such reading exists.
 */
export function fallbackComparisons(scheme: Scheme): Comparison[] | null {
  const mode = scheme.mode;
  if (mode.kind !== 'rules') return null;
  const last = mode.rules[mode.rules.length - 1]!.when;
  const groups = toGroups(last);
  if (groups.length !== 1) return null;
  const conj = groups[0]!;
  return mode.rules.slice(0, -1).every((r) => implies(r.when, conj)) ? conj : null;
}

const OTHERS = {
  rules: { 'zh-CN': '其余客户（不满足以上任一等级条件）', 'en-US': 'All other customers (meeting none of the conditions above)' },
  rfm: { 'zh-CN': '其余客户（不属于以上任一客户群）', 'en-US': 'All other customers (in none of the segments above)' },
} as const;

/** "4–5 分", "1 分" (en: "4–5", "1"). */
function scoreRange(range: readonly [number, number], lang: Lang): string {
  const body = range[0] === range[1] ? `${range[0]}` : `${range[0]}–${range[1]}`;
  return lang === 'zh-CN' ? `${body} 分` : body;
}

/** An RFM segment's score ranges per dimension (null where the segment accepts any score). */
export function segmentRanges(seg: RfmMode['segments'][number]): { r: string | null; f: string | null; m: string | null } {
  const one = (x: readonly [number, number] | undefined) => (x ? (x[0] === x[1] ? `${x[0]}` : `${x[0]}–${x[1]}`) : null);
  return { r: one(seg.r), f: one(seg.f), m: one(seg.m) };
}

/** ABC: the cut points as "80%". */
export function cutText(cut: number): string {
  return `${formatNumber(cut * 100, 4)}%`;
}

/** Tier t's criteria in one line, whatever the mode. */
export function tierCriteriaText(scheme: Scheme, t: number, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const mode = scheme.mode;
  const fallback = t === scheme.tiers.length - 1;
  switch (mode.kind) {
    case 'rules': {
      if (!fallback) return conditionText(scheme, mode.rules[t]!.when, lang);
      const neg = fallbackComparisons(scheme);
      return neg ? neg.map((c) => negatedText(scheme, c, lang)).join(OR[lang]) : OTHERS.rules[lang];
    }
    case 'points': {
      const name = zh ? '综合得分' : 'Score';
      const unit = zh ? ' 分' : '';
      if (!fallback) return `${name} ≥ ${formatNumber(mode.tierBands[t]!.minScore)}${unit}`;
      return `${name} < ${formatNumber(mode.tierBands[t - 1]!.minScore)}${unit}`;
    }
    case 'rfm': {
      if (fallback) return OTHERS.rfm[lang];
      const seg = mode.segments[t]!;
      const parts = (['r', 'f', 'm'] as const).flatMap((k) => (seg[k] ? [`${k.toUpperCase()} ${scoreRange(seg[k], lang)}`] : []));
      return parts.length ? parts.join(AND[lang]) : zh ? '任意 R、F、M 分' : 'any R, F and M';
    }
    case 'abc': {
      const name = zh ? `${label(scheme, mode.metric, lang)}累计占比` : `${label(scheme, mode.metric, lang)} cumulative share`;
      if (t === 0) return `${name} < ${cutText(mode.cuts[0]!)}`;
      if (fallback) return `${name} ≥ ${cutText(mode.cuts[t - 1]!)}`;
      return zh
        ? `${name} ${cutText(mode.cuts[t - 1]!)}–${cutText(mode.cuts[t]!)}（含下限）`
        : `${name} ${cutText(mode.cuts[t - 1]!)}–${cutText(mode.cuts[t]!)} (lower bound included)`;
    }
  }
}
