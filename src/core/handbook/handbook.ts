// The tier handbook (客户等级管理手册): the scheme written out as the document account managers follow —
// criteria, benefits, service, the grading process and the adjustment rules — in the user's language.
// One content model; the sheet and the Markdown are two renderings of it, so they never disagree.
import { benefitsText } from '../explain/benefits.ts';
import { CADENCE_TEXT, formatValue } from '../explain/format.ts';
import { loc, type Lang, type Localized } from '../i18n.ts';
import { outputHeader } from '../output/columns.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { Unit } from '../scheme/metrics.ts';
import type { Mode, ReviewPolicy, Scheme } from '../scheme/schema.ts';
import { AS_OF_NOTE } from '../scheme/sheet.ts';
import { ordinalEn } from '../summaries/policy.ts';
import { costSection } from '../cost/handbook-section.ts';
import type { ServiceCost } from '../cost/cost.ts';
import type { HandbookTable } from './table.ts';
import { criteriaTables } from './criteria-tables.ts';
import { DASH, HEADER } from './headers.ts';
import { tierCriteriaText } from './criteria.ts';

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

// ---------- 2–6 (1, the criteria, is in criteria-tables.ts) ----------

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
  const criteria = criteriaTables(scheme, lang);
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
