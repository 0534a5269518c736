// The Action List sheet (行动清单): one Excel Table per list, with the columns an account manager needs to pick
// up the phone — id, name, owner, tier, the gap or the risk, the value at stake — and what each list means.
import { CADENCE_TEXT, formatNumber } from '../explain/format.ts';
import { metricSpec } from '../grading/table.ts';
import { loc, type Lang, type Localized } from '../i18n.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../output/tables.ts';
import type { Scheme } from '../scheme/schema.ts';
import { columnWidths } from '../output/widths.ts';
import { currencyFormat } from '../summaries/tables.ts';
import type { ActionItem, ActionListKey, ActionLists } from './actions.ts';

/** The Excel Table of each list: the pane selects it by name. */
export const ACTION_TABLES: Record<ActionListKey, string> = { upgrade: 'TierBookUpgrade', downgrade: 'TierBookDowngrade', churn: 'TierBookChurn' };

export const ACTION_TITLES: Record<ActionListKey, Localized> = {
  upgrade: loc('冲刺升级', 'Close to the next tier'),
  downgrade: loc('降级预警', 'At risk of downgrade'),
  churn: loc('流失预警', 'At risk of churn'),
};

const HEADER = {
  id: loc('客户编号', 'Customer ID'),
  name: loc('客户名称', 'Name'),
  owner: loc('服务负责人', 'Service owner'),
  cadence: loc('联系频率', 'Cadence'),
  tier: loc('客户等级', 'Tier'),
  target: loc('可升至', 'Next tier'),
  gap: loc('差距', 'Gap'),
  risk: loc('风险', 'Risk'),
  left: loc('剩余期数', 'Periods left'),
  recency: loc('距最近消费天数', 'Days since last purchase'),
  value: loc('价值', 'Value'),
};

const pct = (x: number) => `${formatNumber(x * 100, 1)}%`;

function definitions(lists: ActionLists, scheme: Scheme, lang: Lang): Record<ActionListKey, string> {
  const o = lists.options;
  const zh = lang === 'zh-CN';
  const value = lists.valueMetric ? metricSpec(scheme, lists.valueMetric).label[lang] : zh ? '收入' : 'revenue';
  const churn = scheme.review.churnDays;
  const rfm = scheme.mode.kind === 'rfm';
  return {
    upgrade: zh
      ? `下一级的每个未达条件都在门槛的 ${pct(o.upgradeDistance)} 以内${rfm ? `（RFM：差 ${o.rfmScoreDistance} 分以内）` : ''}；按升级后的${value}从高到低排列。`
      : `Every unmet condition of the next tier is within ${pct(o.upgradeDistance)} of its threshold${rfm ? ` (RFM: within ${o.rfmScoreDistance} score)` : ''}; sorted by the ${value} the upgrade implies.`,
    downgrade: zh
      ? `因保级规则暂留本级的客户（计算等级低于现等级），以及仅高出本级门槛 ${pct(o.downgradeMargin)} 以内的客户；按${value}从高到低排列。`
      : `Customers the review policy keeps in their tier (computed below it), and customers at most ${pct(o.downgradeMargin)} above their tier's threshold; sorted by ${value}.`,
    churn: zh
      ? `上层等级客户中，距最近消费天数超过流失判定（${churn} 天）的 ${pct(o.churnRecencyShare)}，或${value}较上期下降超过 ${pct(o.spendDropShare)}；按${value}从高到低排列。`
      : `Top-tier customers whose days since the last purchase pass ${pct(o.churnRecencyShare)} of the churn rule (${churn} days), or whose ${value} fell by more than ${pct(o.spendDropShare)} on the previous period; sorted by ${value}.`,
  };
}

function listTable(key: ActionListKey, items: readonly ActionItem[], note: string, scheme: Scheme, lang: Lang): SheetTable {
  const tier = (id: string | undefined) => (id ? (scheme.tiers.find((t) => t.id === id)?.label[lang] ?? id) : null);
  const extra = key === 'upgrade' ? HEADER.target : key === 'downgrade' ? HEADER.left : HEADER.recency;
  const header = [HEADER.id, HEADER.name, HEADER.owner, HEADER.cadence, HEADER.tier, key === 'upgrade' ? HEADER.gap : HEADER.risk, extra, HEADER.value].map((h) => h[lang]);
  const rows: CellValue[][] = items.map((x) => [
    x.id,
    x.name,
    x.owner?.[lang] ?? null,
    x.cadence ? CADENCE_TEXT[x.cadence][lang] : null,
    tier(x.tier),
    x.detail[lang],
    key === 'upgrade' ? tier(x.target) : key === 'downgrade' ? (x.periodsLeft ?? null) : (x.recencyDays ?? null),
    x.value,
  ]);
  const none = lang === 'zh-CN' ? '本期没有符合条件的客户。' : 'No customer fits this period.';
  return {
    title: lang === 'zh-CN' ? `${ACTION_TITLES[key][lang]}（${items.length} 位）` : `${ACTION_TITLES[key][lang]} (${items.length})`,
    notes: items.length ? [note] : [note, none],
    header,
    rows,
    numberFormats: [null, null, null, null, null, null, key === 'upgrade' ? null : '#,##0', currencyFormat(scheme.currency)],
    rowFills: items.map((x) => scheme.tiers.find((t) => t.id === x.tier)?.color ?? null),
    tableName: ACTION_TABLES[key],
  };
}

export function actionTables(lists: ActionLists, scheme: Scheme, lang: Lang): SheetTable[] {
  const notes = definitions(lists, scheme, lang);
  return (['upgrade', 'downgrade', 'churn'] as const).map((k) => listTable(k, lists[k], notes[k], scheme, lang));
}

export function actionSheet(lists: ActionLists, scheme: Scheme, lang: Lang): GeneratedSheet {
  const tables = actionTables(lists, scheme, lang);
  return { name: GENERATED_SHEETS.actions[lang], kind: 'actions', tables, widths: columnWidths(tables, 10, 48), print: { fitToWidth: true, landscape: true } };
}
