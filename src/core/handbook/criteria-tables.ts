// 一、等级划分标准: the handbook's first section, one set of tables per grading mode (rules, points, RFM, ABC):
// what a customer needs for each tier, in the scheme's own thresholds and units.
import { formatNumber, formatValue } from '../explain/format.ts';
import type { Lang } from '../i18n.ts';
import type { Unit } from '../scheme/metrics.ts';
import type { Scheme } from '../scheme/schema.ts';
import { toGroups } from '../scheme/condition-groups.ts';
import { modeMetrics } from '../scheme/validate.ts';
import type { HandbookTable } from './table.ts';
import { cutText, fallbackComparisons, negatedThresholdText, segmentRanges, thresholdText, tierCriteriaText } from './criteria.ts';
import { DASH, HEADER } from './headers.ts';

function weightText(w: number, total: number): string {
  return `${formatNumber((w / total) * 100, 1)}%`;
}

function rulesCriteria(scheme: Scheme, lang: Lang): HandbookTable[] {
  const mode = scheme.mode;
  if (mode.kind !== 'rules') return [];
  const zh = lang === 'zh-CN';
  const used = new Set(modeMetrics(scheme));
  const metrics = scheme.criteria.filter((c) => used.has(c.metric));
  const fallback = scheme.tiers.length - 1;
  const negated = fallbackComparisons(scheme);
  const and = zh ? ' 且 ' : ' and ';
  let alternatives = false;
  const cell = (t: number, metric: string): string => {
    if (t === fallback) {
      // A single failed threshold says the fallback in numbers; otherwise the words column says it.
      const only = negated?.length === 1 ? negated[0]! : null;
      return only && only.metric === metric ? negatedThresholdText(scheme, only, lang) : DASH;
    }
    const groups = toGroups(mode.rules[t]!.when);
    const parts = groups.map((g) => g.filter((c) => c.metric === metric).map((c) => thresholdText(scheme, c, lang)).join(and));
    if (groups.length === 1) return parts[0] || DASH;
    alternatives = true;
    const marked = parts.flatMap((p, g) => (p ? [`(${g + 1}) ${p}`] : []));
    return marked.length ? marked.join(zh ? '；' : '; ') : DASH;
  };
  const rows = scheme.tiers.map((tier, t) => [tier.label[lang], ...metrics.map((c) => cell(t, c.metric)), tierCriteriaText(scheme, t, lang)]);
  const last = scheme.tiers[fallback]!.label[lang];
  const notes = [
    zh
      ? `按等级从高到低依次判定，客户满足条件的最高等级即为其等级；不满足以上任何条件的客户归入"${last}"。`
      : `Tiers are checked from the best down: a customer gets the best tier whose conditions it meets; customers meeting none are graded ${last}.`,
  ];
  if (alternatives)
    notes.push(zh ? '(1)、(2) … 为可选的条件组，满足其中任一组即可。' : '(1), (2) … mark alternative groups of conditions; meeting any one group is enough.');
  return [
    {
      notes,
      header: [HEADER.tier[lang], ...metrics.map((c) => c.label[lang]), HEADER.criteria[lang]],
      rows,
      fills: scheme.tiers.map((t) => t.color),
    },
  ];
}

function metricUnit(scheme: Scheme, metric: string): Unit {
  return scheme.criteria.find((c) => c.metric === metric)?.unit ?? 'number';
}

function pointsCriteria(scheme: Scheme, lang: Lang): HandbookTable[] {
  const mode = scheme.mode;
  if (mode.kind !== 'points') return [];
  const zh = lang === 'zh-CN';
  const total = mode.criteria.reduce((s, c) => s + c.weight, 0);
  const rows: string[][] = [];
  const and = zh ? ' 且 ' : ' and ';
  for (const c of mode.criteria) {
    const declared = scheme.criteria.find((x) => x.metric === c.metric);
    const label = declared?.label[lang] ?? c.metric;
    const unit = metricUnit(scheme, c.metric);
    const v = (x: number) => formatValue(x, unit, lang, scheme.currency);
    const pts = (p: number) => (zh ? `${formatNumber(p)} 分` : formatNumber(p));
    // Bands written as floors, best first (the presets' way), read as ranges: first match wins, so each
    // band ends where the one above begins.
    const floors = c.bands.every((b, i) => b.min !== undefined && b.max === undefined && (i === 0 || b.min < c.bands[i - 1]!.min!));
    c.bands.forEach((b, i) => {
      const max = floors && i > 0 ? c.bands[i - 1]!.min : b.max;
      const band =
        b.min !== undefined && max !== undefined
          ? `≥ ${v(b.min)}${and}< ${v(max)}`
          : b.min !== undefined
            ? `≥ ${v(b.min)}`
            : max !== undefined
              ? `< ${v(max)}`
              : zh
                ? '任意值'
                : 'any value';
      // The metric and weight once per group of bands, as a printed table reads best.
      rows.push([i === 0 ? label : '', i === 0 ? weightText(c.weight, total) : '', band, pts(b.points)]);
    });
    // Below the lowest floor scores nothing: say so unless no valid value can be that low.
    const lowest = floors ? c.bands[c.bands.length - 1]!.min! : undefined;
    if (lowest !== undefined && !(declared?.min !== undefined && declared.min >= lowest)) rows.push(['', '', `< ${v(lowest)}`, pts(0)]);
  }
  const zeroBlank = scheme.criteria.filter((c) => c.missing === 'zero' && mode.criteria.some((m) => m.metric === c.metric)).map((c) => c.label[lang]);
  const bandNotes = [
    zh
      ? '每个指标按所列顺序取第一个符合的分段计分（下限含、上限不含）；不在任何分段内得 0 分。'
      : 'Each metric scores the first band its value falls in, in the order listed (from included, to excluded); a value in no band scores 0.',
  ];
  if (zeroBlank.length) bandNotes.push(zh ? `空白按 0 计：${zeroBlank.join('、')}。` : `Blank counts as 0: ${zeroBlank.join(', ')}.`);
  return [
    {
      notes: [
        zh
          ? '综合得分 = Σ（各指标得分 × 权重）÷ 权重合计，满分 100 分；客户达到分数线的最高等级即为其等级。'
          : 'Score = Σ(points × weight) ÷ total weight, out of 100; a customer gets the best tier whose minimum score it reaches.',
      ],
      header: [HEADER.tier[lang], HEADER.criteria[lang]],
      rows: scheme.tiers.map((tier, t) => [tier.label[lang], tierCriteriaText(scheme, t, lang)]),
      fills: scheme.tiers.map((t) => t.color),
    },
    { caption: zh ? '评分标准' : 'Scoring bands', notes: bandNotes, header: [HEADER.metric[lang], HEADER.weight[lang], HEADER.band[lang], HEADER.points[lang]], rows },
  ];
}

function rfmCriteria(scheme: Scheme, lang: Lang): HandbookTable[] {
  const mode = scheme.mode;
  if (mode.kind !== 'rfm') return [];
  const zh = lang === 'zh-CN';
  const fallback = scheme.tiers.length - 1;
  const rows = scheme.tiers.map((tier, t) => {
    const seg = t < fallback ? mode.segments[t] : undefined;
    const r = seg ? segmentRanges(seg) : { r: null, f: null, m: null };
    return [tier.label[lang], r.r ?? DASH, r.f ?? DASH, r.m ?? DASH, tierCriteriaText(scheme, t, lang)];
  });
  const label = (m: string) => scheme.criteria.find((c) => c.metric === m)?.label[lang] ?? m;
  return [
    {
      notes: [
        zh
          ? `按客户群从上到下依次匹配，先匹配者优先；"${DASH}"表示该项不限。R、F、M 各为 1–5 分，5 分最好（见下表）。`
          : `Segments are matched from the top down; the first match wins. "${DASH}" means any score. R, F and M are each scored 1–5, 5 best (see below).`,
      ],
      header: [HEADER.tier[lang], 'R', 'F', 'M', HEADER.criteria[lang]],
      rows,
      fills: scheme.tiers.map((t) => t.color),
    },
    {
      caption: zh ? 'R、F、M 的含义' : 'What R, F and M mean',
      notes: [
        zh
          ? '每期按全部已评级客户的 20%、40%、60%、80% 百分位（PERCENTILE.INC）把每项分为 1–5 分，切分点随当期数据而定。'
          : 'Each review cuts every dimension at the 20th, 40th, 60th and 80th percentiles of all graded customers (PERCENTILE.INC) into scores 1–5, so the cut points follow the data.',
      ],
      header: [HEADER.dimension[lang], HEADER.metric[lang], HEADER.meaning[lang]],
      rows: [
        ['R', label(mode.recency), zh ? '最近一次消费距今多久：天数越少，得分越高' : 'How recently the customer bought: fewer days score higher'],
        ['F', label(mode.frequency), zh ? '消费频率：次数越多，得分越高' : 'How often the customer buys: more scores higher'],
        ['M', label(mode.monetary), zh ? '消费金额：金额越高，得分越高' : 'How much the customer spends: more scores higher'],
      ],
    },
  ];
}

function abcCriteria(scheme: Scheme, lang: Lang): HandbookTable[] {
  const mode = scheme.mode;
  if (mode.kind !== 'abc') return [];
  const zh = lang === 'zh-CN';
  const label = scheme.criteria.find((c) => c.metric === mode.metric)?.label[lang] ?? mode.metric;
  const cuts = mode.cuts.map(cutText).join(zh ? '、' : ', ');
  return [
    {
      notes: [
        zh
          ? `按"${label}"从高到低排列客户（金额相同按客户编号）；累计占比 = 排在该客户之前的客户"${label}"合计 ÷ 全部客户合计。切分点：${cuts}。`
          : `Customers are ranked by ${label}, highest first (ties by customer id); a customer's cumulative share = the ${label} of those ranked above it ÷ the total. Cut points: ${cuts}.`,
      ],
      header: [HEADER.tier[lang], HEADER.criteria[lang]],
      rows: scheme.tiers.map((tier, t) => [tier.label[lang], tierCriteriaText(scheme, t, lang)]),
      fills: scheme.tiers.map((t) => t.color),
    },
  ];
}

/** The criteria tables of the scheme's grading mode. */
export function criteriaTables(scheme: Scheme, lang: Lang): HandbookTable[] {
  switch (scheme.mode.kind) {
    case 'rules':
      return rulesCriteria(scheme, lang);
    case 'points':
      return pointsCriteria(scheme, lang);
    case 'rfm':
      return rfmCriteria(scheme, lang);
    case 'abc':
      return abcCriteria(scheme, lang);
  }
}
