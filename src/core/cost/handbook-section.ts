// The handbook's section 资源配置与成本: what serving each tier costs per customer (from the scheme alone), and —
// when a grading is at hand — the Service Cost sheet's own table and the saving against one-size-fits-all.
import { CADENCE_TEXT, formatNumber, formatValue } from '../explain/format.ts';
import type { HandbookTable } from '../handbook/table.ts';
import type { Lang } from '../i18n.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { CellValue } from '../output/tables.ts';
import type { Scheme } from '../scheme/schema.ts';
import type { ServiceCost } from './cost.ts';
import { tierCostInputs } from './defaults.ts';
import { serviceCostTables } from './tables.ts';

const DASH = '—';

export function costSection(scheme: Scheme, lang: Lang, cost?: ServiceCost): HandbookTable[] {
  const zh = lang === 'zh-CN';
  const money = (x: number) => formatValue(x, 'currency', lang, scheme.currency);
  const unit: HandbookTable = {
    notes: [
      zh
        ? `每位客户每年的服务与权益成本（不含折扣，折扣按其消费计）。数字在"${GENERATED_SHEETS.rules[lang]}"表"等级与权益"部分修改；每期的实际成本与节省见"${GENERATED_SHEETS.cost[lang]}"表。`
        : `Service and benefit cost per customer per year (discounts come on top, as a share of spend). Change the figures under "Tiers and benefits" on the ${GENERATED_SHEETS.rules[lang]} sheet; each review's actual costs and saving are on the ${GENERATED_SHEETS.cost[lang]} sheet.`,
    ],
    header: zh
      ? ['客户等级', '联系频率', '每年联系次数', '每次联系成本', '每客户年服务成本', '折扣比例', '每客户年度权益成本']
      : ['Tier', 'Cadence', 'Contacts a year', 'Cost per contact', 'Service cost per customer a year', 'Discount', 'Benefit cost per customer a year'],
    rows: scheme.tiers.map((t) => {
      const c = tierCostInputs(t);
      return [
        t.label[lang],
        t.benefits.cadence ? CADENCE_TEXT[t.benefits.cadence][lang] : DASH,
        formatNumber(c.contactsPerYear),
        money(c.perContact),
        money(c.contactsPerYear * c.perContact),
        c.discount ? `${formatNumber(c.discount * 100, 1)}%` : DASH,
        c.perCustomer ? money(c.perCustomer) : DASH,
      ];
    }),
    fills: scheme.tiers.map((t) => t.color),
  };
  if (!cost) return [unit];
  // The Service Cost sheet's tables, as text (the handbook is text).
  const tables = serviceCostTables(cost, scheme, lang);
  const asText = (v: CellValue, format: string | null | undefined): string => {
    if (v === null) return DASH;
    if (typeof v !== 'number') return String(v);
    if (format?.includes('%')) return `${formatNumber(v * 100, 1)}%`;
    if (format?.includes('#,##0') && format.startsWith('"')) return money(v);
    return formatNumber(v, 1);
  };
  return [
    unit,
    ...tables.map((t, i) => ({
      caption: i === 0 ? (zh ? '本期各等级成本' : 'This review, by tier') : t.title!,
      notes: i === 0 ? [] : (t.notes ?? []).slice(1),
      header: t.header,
      rows: t.rows.map((r) => r.map((v, c) => asText(v, t.numberFormats?.[c]))),
      ...(t.rowFills ? { fills: t.rowFills } : {}),
    })),
  ];
}
