// The Service Cost sheet (服务成本) as tables, in the user's language: per tier, then the comparison with
// serving everyone one way. The assumptions (cost per contact, discount …) are in the table, so a printed
// sheet explains itself; they are edited on the rules sheet.
import { CADENCE_TEXT, formatNumber, formatValue } from '../explain/format.ts';
import { metricSpec } from '../grading/table.ts';
import { loc, type Lang } from '../i18n.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../output/tables.ts';
import type { Scheme } from '../scheme/schema.ts';
import { columnWidths } from '../output/widths.ts';
import { currencyFormat } from '../summaries/tables.ts';
import { CHANNEL_COST, OWNER_FACTOR } from './defaults.ts';
import type { ServiceCost, UniformScenario } from './cost.ts';

export const COST_TABLE = 'TierBookServiceCost';
export const COST_COMPARISON_TABLE = 'TierBookCostComparison';

const C = {
  tier: loc('客户等级', 'Tier'),
  customers: loc('客户数', 'Customers'),
  cadence: loc('联系频率', 'Cadence'),
  contactsEach: loc('每客户年联系次数', 'Contacts per customer per year'),
  contacts: loc('年联系次数', 'Contacts per year'),
  perContact: loc('每次联系成本', 'Cost per contact'),
  serviceCost: loc('服务成本', 'Service cost'),
  discount: loc('折扣比例', 'Discount'),
  perCustomer: loc('每客户年度权益成本', 'Benefit cost per customer per year'),
  benefitCost: loc('权益成本', 'Benefit cost'),
  totalCost: loc('总成本', 'Total cost'),
  revenue: loc('收入', 'Revenue'),
  grossProfit: loc('毛利', 'Gross profit'),
  costShare: loc('成本占收入比', 'Cost as share of revenue'),
  perService: loc('每 1 元服务成本带来的收入', 'Revenue per 1 of service cost'),
  total: loc('合计', 'Total'),
  scenario: loc('服务方式', 'How customers are served'),
  tiered: loc('按等级差异化服务（当前方案）', 'By tier (this scheme)'),
  saving: loc('分级节省', 'Saving from tiers'),
  savingShare: loc('节省比例', 'Saving share'),
};

/** "所有客户按VIP客户标准服务". */
function uniformName(scheme: Scheme, tierId: string, lang: Lang): string {
  const label = scheme.tiers.find((t) => t.id === tierId)?.label[lang] ?? tierId;
  return lang === 'zh-CN' ? `所有客户按"${label}"标准服务` : `Everyone served as ${label}`;
}

const num = (x: number | null): CellValue => (x !== null && Number.isFinite(x) ? x : null);

/** The per-tier table and the comparison, with notes saying what the figures assume. */
export function serviceCostTables(cost: ServiceCost, scheme: Scheme, lang: Lang): SheetTable[] {
  const zh = lang === 'zh-CN';
  const money = currencyFormat(scheme.currency);
  const withMargin = cost.total.grossProfit !== null;
  const rules = GENERATED_SHEETS.rules[lang];
  const revenueLabel = cost.revenueMetric ? metricSpec(scheme, cost.revenueMetric).label[lang] : null;
  // Whole units in the text: a saving is not read to the cent.
  const cur = (x: number) => formatValue(Math.round(x), 'currency', lang, scheme.currency);
  const notes = [
    zh
      ? `按年计：年联系次数 = 联系频率 × 客户数（每周 52、每月 12、每季度 4、每半年 2、每年 1、按需 1 次）；服务成本 = 年联系次数 × 每次联系成本；权益成本 = 折扣比例 × 收入 + 每客户年度权益成本 × 客户数。`
      : 'Per year: contacts = cadence × customers (weekly 52, monthly 12, quarterly 4, half-yearly 2, yearly 1, as needed 1); service cost = contacts × cost per contact; benefit cost = discount × revenue + benefit cost per customer × customers.',
    zh
      ? `每次联系成本、折扣比例、每客户年度权益成本在"${rules}"表"等级与权益"部分填写；未填写时默认：拜访 ${cur(CHANNEL_COST.visit)}、电话 ${cur(CHANNEL_COST.phone)}、邮件 ${cur(CHANNEL_COST.email)}，专属服务团队 ×${OWNER_FACTOR.team}、客户经理 ×${OWNER_FACTOR.manager}、统一管理 ×${OWNER_FACTOR.central}；折扣取权益中的"X 折"，否则为 0。`
      : `Cost per contact, discount and benefit cost per customer are set under "Tiers and benefits" on the ${rules} sheet; left blank they default to visit ${cur(CHANNEL_COST.visit)}, phone ${cur(CHANNEL_COST.phone)}, e-mail ${cur(CHANNEL_COST.email)}, times ${OWNER_FACTOR.team} for a dedicated team, ${OWNER_FACTOR.manager} for an account manager, ${OWNER_FACTOR.central} when managed centrally; the discount is a benefit's "X 折", else 0.`,
    revenueLabel
      ? zh
        ? `收入按"${revenueLabel}"计${withMargin ? '；毛利 = 收入 × 利润率' : ''}；未评级客户不计入。`
        : `Revenue is ${revenueLabel}${withMargin ? '; gross profit = revenue × profit margin' : ''}; unrated customers are left out.`
      : zh
        ? '方案没有收入指标，收入按 0 计；未评级客户不计入。'
        : 'The scheme has no revenue metric, so revenue counts as 0; unrated customers are left out.',
  ];
  const header = [C.tier, C.customers, C.cadence, C.contactsEach, C.contacts, C.perContact, C.serviceCost, C.discount, C.perCustomer, C.benefitCost, C.totalCost, C.revenue];
  const formats: (string | null)[] = [null, '#,##0', null, '#,##0', '#,##0', money, money, '0.0%', money, money, money, money];
  if (withMargin) {
    header.push(C.grossProfit);
    formats.push(money);
  }
  header.push(C.costShare, C.perService);
  formats.push('0.0%', '#,##0.0');
  const rows: CellValue[][] = cost.rows.map((r) => {
    const t = scheme.tiers.find((x) => x.id === r.tier)!;
    const row: CellValue[] = [
      t.label[lang],
      r.customers,
      t.benefits.cadence ? CADENCE_TEXT[t.benefits.cadence][lang] : zh ? '不定期' : 'none',
      r.inputs.contactsPerYear,
      r.contacts,
      r.inputs.perContact,
      r.serviceCost,
      r.inputs.discount,
      r.inputs.perCustomer,
      r.benefitCost,
      r.totalCost,
      r.revenue,
    ];
    if (withMargin) row.push(num(r.grossProfit));
    row.push(num(r.costShare), num(r.revenuePerService));
    return row;
  });
  const t = cost.total;
  const totalRow: CellValue[] = [C.total[lang], t.customers, null, null, t.contacts, null, t.serviceCost, null, null, t.benefitCost, t.totalCost, t.revenue];
  if (withMargin) totalRow.push(num(t.grossProfit));
  totalRow.push(num(t.costShare), num(t.revenuePerService));
  rows.push(totalRow);

  const scenarios = [cost.uniformTop, cost.uniformMiddle];
  const comparison: CellValue[][] = [
    [C.tiered[lang], t.totalCost, num(t.costShare), null, null],
    ...scenarios.map((s) => [uniformName(scheme, s.tier, lang), s.totalCost, t.revenue > 0 ? s.totalCost / t.revenue : null, s.saving, num(s.savingShare)]),
  ];
  const line = (s: UniformScenario) =>
    zh
      ? `与${uniformName(scheme, s.tier, lang)}相比，分级服务每年${s.saving >= 0 ? '节省' : '多花'} ${cur(Math.abs(s.saving))}${Number.isFinite(s.savingShare) ? `（${formatNumber(Math.abs(s.savingShare) * 100, 1)}%）` : ''}。`
      : `Against ${uniformName(scheme, s.tier, lang).replace(/^E/, 'e')}, serving by tier ${s.saving >= 0 ? 'saves' : 'costs'} ${cur(Math.abs(s.saving))} a year${Number.isFinite(s.savingShare) ? ` (${formatNumber(Math.abs(s.savingShare) * 100, 1)}%)` : ''}${s.saving >= 0 ? '' : ' more'}.`;
  return [
    {
      title: `${GENERATED_SHEETS.cost[lang]} — ${scheme.name[lang]}`,
      notes,
      header: header.map((h) => h[lang]),
      rows,
      numberFormats: formats,
      rowFills: [...scheme.tiers.map((x) => x.color), null],
      tableName: COST_TABLE,
    },
    {
      title: zh ? '用客户分级管理能节省多少成本' : 'What managing by tier saves',
      notes: [
        zh
          ? '统一服务：同样的客户全部按某一等级的联系频率、每次联系成本与权益服务（同样的收入）。'
          : 'One-size-fits-all: the same customers all served at one tier’s cadence, cost per contact and benefits (same revenue).',
        ...scenarios.map(line),
      ],
      header: [C.scenario, C.totalCost, C.costShare, C.saving, C.savingShare].map((h) => h[lang]),
      rows: comparison,
      numberFormats: [null, money, '0.0%', money, '0.0%'],
      tableName: COST_COMPARISON_TABLE,
    },
  ];
}

export function serviceCostSheet(cost: ServiceCost, scheme: Scheme, lang: Lang): GeneratedSheet {
  const tables = serviceCostTables(cost, scheme, lang);
  return { name: GENERATED_SHEETS.cost[lang], kind: 'cost', tables, widths: columnWidths(tables, 10, 28), print: { fitToWidth: true, landscape: true } };
}
