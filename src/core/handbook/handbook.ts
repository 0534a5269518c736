// The tier handbook (客户等级管理手册): the scheme written out as the document account managers follow —
// criteria, benefits, service, the grading process and the adjustment rules — in the user's language.
// One content model; the sheet and the Markdown are two renderings of it, so they never disagree.
import { benefitsText } from '../explain/explain.ts';
import { CADENCE_TEXT, formatNumber, formatValue } from '../explain/format.ts';
import { loc, type Lang, type Localized } from '../i18n.ts';
import { outputHeader } from '../output/columns.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { Unit } from '../scheme/metrics.ts';
import type { Mode, ReviewPolicy, Scheme } from '../scheme/schema.ts';
import { toGroups } from '../scheme/condition-groups.ts';
import { AS_OF_NOTE } from '../scheme/sheet.ts';
import { modeMetrics } from '../scheme/validate.ts';
import { ordinalEn } from '../summaries/policy.ts';
import { costSection } from '../cost/handbook-section.ts';
import type { ServiceCost } from '../cost/cost.ts';
import type { HandbookTable } from './table.ts';
import { cutText, fallbackComparisons, negatedThresholdText, segmentRanges, thresholdText, tierCriteriaText } from './criteria.ts';

export type { HandbookTable };

export interface HandbookSection {
  title: string;
  tables: HandbookTable[];
}

export interface Handbook {
  title: string;
  notes: string[];
  sections: HandbookSection[];
}

export const HANDBOOK_TITLE: Localized = loc('客户等级管理手册', 'Customer Tier Handbook');

const SECTION_TITLES = {
  criteria: loc('一、等级划分标准', '1. Tier criteria'),
  benefits: loc('二、各等级权益', '2. Benefits by tier'),
  service: loc('三、服务策略', '3. Service strategy'),
  process: loc('四、评定流程', '4. Grading process'),
  rules: loc('五、调整规则', '5. Adjustment rules'),
  summary: loc('六、等级汇总', '6. Tier summary'),
  cost: loc('七、资源配置与成本', '7. Resources and cost'),
};

const HEADER = {
  tier: loc('客户等级', 'Tier'),
  criteria: loc('划分标准', 'Criteria'),
  summaryCriteria: loc('划分指标', 'Criteria'),
  summaryBenefits: loc('对应权益', 'Benefits'),
  benefits: loc('权益内容', 'Benefits'),
  owner: loc('服务负责人', 'Service owner'),
  cadence: loc('联系频率', 'Contact cadence'),
  channel: loc('联系方式', 'Channel'),
  step: loc('环节', 'Step'),
  rule: loc('规则', 'Rule'),
  detail: loc('说明', 'Details'),
  metric: loc('评分指标', 'Metric'),
  gradingMetric: loc('评级指标', 'Metric'),
  weight: loc('权重', 'Weight'),
  band: loc('分段', 'Band'),
  points: loc('得分', 'Points'),
  dimension: loc('维度', 'Dimension'),
  meaning: loc('含义', 'Meaning'),
  unit: loc('单位', 'Unit'),
  direction: loc('方向', 'Direction'),
  blank: loc('空白值', 'Blank values'),
  range: loc('有效范围', 'Valid range'),
};

const DASH = '—';

const MODE_NAMES: Record<Mode['kind'], Localized> = {
  rules: loc('条件规则', 'condition rules'),
  points: loc('加权评分', 'weighted points'),
  rfm: loc('RFM 五分位', 'RFM quintiles'),
  abc: loc('ABC 帕累托', 'ABC (Pareto)'),
};

/** The review period as "每季度" / "quarter", and a period label users will see in history. */
const PERIODS: Record<ReviewPolicy['period'], { every: Localized; one: Localized; name: Localized; example: string }> = {
  quarter: { every: loc('每季度', 'every quarter'), one: loc('一个季度', 'a quarter'), name: loc('季度', 'quarter'), example: '2025Q1' },
  'half-year': { every: loc('每半年', 'every half-year'), one: loc('半年', 'a half-year'), name: loc('半年', 'half-year'), example: '2025H1' },
  year: { every: loc('每年', 'every year'), one: loc('一年', 'a year'), name: loc('年', 'year'), example: '2025' },
};

const UNIT_NAMES: Record<Unit, Localized> = {
  currency: loc('金额', 'Amount'),
  count: loc('次数', 'Count'),
  days: loc('天数', 'Days'),
  years: loc('年数', 'Years'),
  percent: loc('百分比', 'Percent'),
  score: loc('分值', 'Score'),
  number: loc('数值', 'Number'),
};

function weightText(w: number, total: number): string {
  return `${formatNumber((w / total) * 100, 1)}%`;
}

// ---------- 1 tier criteria ----------

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

// ---------- 2–6 ----------

function benefitsSection(scheme: Scheme, lang: Lang): HandbookTable[] {
  return [
    {
      notes: [],
      header: [HEADER.tier[lang], HEADER.benefits[lang]],
      rows: scheme.tiers.map((t) => [t.label[lang], t.benefits.lines.map((l) => l[lang]).join(lang === 'zh-CN' ? '、' : '; ') || DASH]),
      fills: scheme.tiers.map((t) => t.color),
    },
  ];
}

function serviceSection(scheme: Scheme, lang: Lang): HandbookTable[] {
  const zh = lang === 'zh-CN';
  const any = scheme.tiers.some((t) => t.benefits.owner || t.benefits.cadence || t.benefits.channel);
  const rules = GENERATED_SHEETS.rules[lang];
  return [
    {
      notes: any
        ? []
        : [zh ? `方案未设置服务负责人、联系频率与联系方式，可在"${rules}"表的"等级与权益"部分补充。` : `The scheme sets no service owner, cadence or channel; add them under "Tiers and benefits" on the ${rules} sheet.`],
      header: [HEADER.tier[lang], HEADER.owner[lang], HEADER.cadence[lang], HEADER.channel[lang]],
      rows: scheme.tiers.map((t) => [
        t.label[lang],
        t.benefits.owner?.[lang] ?? DASH,
        t.benefits.cadence ? CADENCE_TEXT[t.benefits.cadence][lang] : DASH,
        t.benefits.channel?.[lang] ?? DASH,
      ]),
      fills: scheme.tiers.map((t) => t.color),
    },
  ];
}

function processSection(scheme: Scheme, lang: Lang): HandbookTable[] {
  const zh = lang === 'zh-CN';
  const p = PERIODS[scheme.review.period];
  const labels = scheme.criteria.map((c) => c.label[lang]);
  const sheet = (k: keyof typeof GENERATED_SHEETS) => GENERATED_SHEETS[k][lang];
  const col = (k: Parameters<typeof outputHeader>[0]) => outputHeader(k, lang);
  const steps: string[][] = zh
    ? [
        ['数据来源', `客户信息表中的客户编号、客户名称及评级指标（${labels.join('、')}）；消费金额、消费次数与最近消费日期也可由订单明细汇总。`],
        ['评估周期', `${p.every['zh-CN']}评定一次（期间标记如 ${p.example}），以期末为数据截止日；结果记入"${sheet('history')}"表，作为下期比较和升降级的依据。`],
        ['评级执行', `由客户管理部门（或销售运营）按本手册标准统一评级，结果写入客户表的"${col('tier')}""${col('reason')}""${col('benefits')}"等列。`],
        ['审核发布', '评级结果经销售负责人审核后发布；个别客户确需调整时，在"手动等级"列指定等级，并在"调整原因"列注明原因。'],
        ['结果应用', `客户经理按第二、三部分的权益与服务策略跟进；每期查看"${sheet('mix')}""${sheet('movement')}""${sheet('churn')}"，检查等级结构是否符合预期。`],
      ]
    : [
        ['Data sources', `Customer ID, name and the grading metrics (${labels.join(', ')}) from the customer sheet; spend, order counts and last purchase dates can also be summed up from order lines.`],
        ['Review period', `Grading runs ${p.every['en-US']} (periods written like ${p.example}) with data as of the period end; results are recorded on the ${sheet('history')} sheet for the next review's comparison and upgrades or downgrades.`],
        ['Who grades', `Customer management (or sales operations) grades every customer by this handbook; results go to the ${col('tier')}, ${col('reason')} and ${col('benefits')} columns of the customer sheet.`],
        ['Review and release', 'The head of sales reviews the results before release; a customer that must be set by hand gets a Manual tier and an Override reason.'],
        ['Follow-up', `Account managers serve each tier as sections 2 and 3 say; every review, check the ${sheet('mix')}, ${sheet('movement')} and ${sheet('churn')} sheets against the expected mix.`],
      ];
  // Where the scheme grades on recency, say which day it is counted to.
  if (scheme.criteria.some((c) => c.metric === 'recencyDays')) steps.splice(2, 0, [zh ? '数据截止日' : 'As-of date', AS_OF_NOTE[lang]]);
  const metrics = scheme.criteria.map((c) => [
    c.label[lang],
    c.unit === 'currency' ? (zh ? `金额（${scheme.currency}）` : `Amount (${scheme.currency})`) : UNIT_NAMES[c.unit][lang],
    c.direction === 'higher' ? (zh ? '越高越好' : 'Higher is better') : zh ? '越低越好' : 'Lower is better',
    c.missing === 'zero' ? (zh ? '按 0 计' : 'Count as 0') : zh ? '不评级（列入数据问题）' : 'Not graded (listed as a data issue)',
    c.min !== undefined || c.max !== undefined
      ? `${c.min !== undefined ? formatValue(c.min, c.unit, lang, scheme.currency) : ''}–${c.max !== undefined ? formatValue(c.max, c.unit, lang, scheme.currency) : ''}`
      : DASH,
  ]);
  return [
    { notes: [], header: [HEADER.step[lang], HEADER.detail[lang]], rows: steps },
    { caption: zh ? '评级指标' : 'Grading metrics', notes: [], header: [HEADER.gradingMetric[lang], HEADER.unit[lang], HEADER.direction[lang], HEADER.blank[lang], HEADER.range[lang]], rows: metrics },
  ];
}

/** How the scheme's downgrade policy reads in the handbook. */
export function downgradeText(scheme: Scheme, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const d = scheme.review.downgrade;
  const p = PERIODS[scheme.review.period];
  switch (d.policy) {
    case 'immediate':
      return zh ? '评定等级低于当前等级时，当期即降至评定等级。' : 'When graded below its current tier, the customer moves down to the grade at once.';
    case 'one-step':
      return zh
        ? `评定等级低于当前等级时，${p.every['zh-CN']}最多下调一级，直至与评定等级一致。`
        : `When graded below its current tier, the customer moves down at most one tier ${p.every['en-US']}, until it matches the grade.`;
    case 'after-periods':
      return zh
        ? `评定等级低于当前等级时先保留当前等级（保级）；连续 ${d.periods} 期（每期为${p.one['zh-CN']}）未达标的，于第 ${d.periods} 期降至评定等级。`
        : `A customer graded below its current tier keeps it (tier protection) until graded below for ${d.periods} consecutive ${p.name['en-US']}${d.periods === 1 ? '' : 's'}; at the ${ordinalEn(d.periods)} it moves down to the grade.`;
  }
}

function rulesSection(scheme: Scheme, lang: Lang): HandbookTable[] {
  const zh = lang === 'zh-CN';
  const days = scheme.review.churnDays;
  const churn = GENERATED_SHEETS.churn[lang];
  const rows = zh
    ? [
        ['升级', '评定等级高于当前等级时，当期立即升级。'],
        ['降级', downgradeText(scheme, lang)],
        ['流失', `超过 ${days} 天无消费，或不再出现在客户名单中的客户视为流失，计入"${churn}"表；重新消费后按新客户评级。`],
        ['新客户', '首次评级的客户直接按本手册标准定级。'],
        ['手动调整', '手动指定的等级优先于评定结果，须注明调整原因，并在下一期评定时复核。'],
      ]
    : [
        ['Upgrade', 'When graded above its current tier, the customer moves up at once.'],
        ['Downgrade', downgradeText(scheme, lang)],
        ['Churn', `A customer without a purchase for more than ${days} days, or no longer on the customer list, has churned and is counted on the ${churn} sheet; if it buys again it is graded as a new customer.`],
        ['New customers', "A customer's first grade follows these standards directly."],
        ['Manual changes', 'A tier set by hand overrides the grade; it needs a reason and is reviewed at the next grading.'],
      ];
  return [{ notes: [], header: [HEADER.rule[lang], HEADER.detail[lang]], rows }];
}

function summarySection(scheme: Scheme, lang: Lang): HandbookTable[] {
  return [
    {
      notes: [],
      header: [HEADER.tier[lang], HEADER.summaryCriteria[lang], HEADER.summaryBenefits[lang]],
      rows: scheme.tiers.map((t, i) => [t.label[lang], tierCriteriaText(scheme, i, lang), benefitsText(t)[lang] || DASH]),
      fills: scheme.tiers.map((t) => t.color),
    },
  ];
}

/** The handbook's content in one language. */
export function handbook(scheme: Scheme, lang: Lang, cost?: ServiceCost): Handbook {
  const zh = lang === 'zh-CN';
  const criteria =
    scheme.mode.kind === 'rules'
      ? rulesCriteria(scheme, lang)
      : scheme.mode.kind === 'points'
        ? pointsCriteria(scheme, lang)
        : scheme.mode.kind === 'rfm'
          ? rfmCriteria(scheme, lang)
          : abcCriteria(scheme, lang);
  const p = PERIODS[scheme.review.period];
  const notes: string[] = [];
  if (scheme.description) notes.push(scheme.description[lang]);
  notes.push(
    zh
      ? `方案：${scheme.name[lang]}（${scheme.id}）；评级方式：${MODE_NAMES[scheme.mode.kind][lang]}；评估周期：${p.every[lang]}。`
      : `Scheme: ${scheme.name[lang]} (${scheme.id}); grading: ${MODE_NAMES[scheme.mode.kind][lang]}; reviewed ${p.every[lang]}.`,
  );
  const section = (key: keyof typeof SECTION_TITLES, tables: HandbookTable[]): HandbookSection => ({ title: SECTION_TITLES[key][lang], tables });
  return {
    title: `${HANDBOOK_TITLE[lang]} — ${scheme.name[lang]}`,
    notes,
    sections: [
      section('criteria', criteria),
      section('benefits', benefitsSection(scheme, lang)),
      section('service', serviceSection(scheme, lang)),
      section('process', processSection(scheme, lang)),
      section('rules', rulesSection(scheme, lang)),
      section('summary', summarySection(scheme, lang)),
      section('cost', costSection(scheme, lang, cost)),
    ],
  };
}
