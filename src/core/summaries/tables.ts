// The summary sheets as tables, in the user's language: tier mix (等级分布), movement (等级变动) and churn
// (流失分析). Definitions sit in notes next to the numbers, so a printed sheet explains itself.
import { formatNumber, formatValue } from '../explain/format.ts';
import { metricSpec } from '../grading/table.ts';
import { loc, type Lang, type Localized } from '../i18n.ts';
import { outputHeader } from '../output/columns.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../output/tables.ts';
import { columnWidths } from '../output/widths.ts';
import type { Scheme } from '../scheme/schema.ts';
import { RECENCY_METRIC, type TierChurn } from './churn.ts';
import type { TierMix } from './mix.ts';
import type { TierMovement } from './movement.ts';

// ---------- shared ----------

const COUNT = '#,##0';
const SHARE = '0.0%';
const CHANGE = '+0.0%;-0.0%;0.0%';

/** An Excel number format showing the scheme's currency symbol, whole units. */
export function currencyFormat(currency: string): string {
  return `"${currency.replace(/"/g, '')}"#,##0`;
}

/** 0.785 → "78.5%" (text, for notes). */
function pct(x: number): string {
  return `${formatNumber(x * 100, 1)}%`;
}

/** A share as a cell: blank when it cannot be computed (NaN), so no "#NUM" or 0% stands in for it. */
function shareCell(x: number): CellValue {
  return Number.isFinite(x) ? x : null;
}

/** Words more than one summary table uses. */
const SHARED = {
  tier: loc('客户等级', 'Tier'),
  total: loc('合计', 'Total'),
  customers: loc('客户数', 'Customers'),
  share: loc('占比', 'Share'),
  item: loc('项目', 'Item'),
};

function tierLabel(scheme: Scheme, id: string, lang: Lang): string {
  return scheme.tiers.find((t) => t.id === id)?.label[lang] ?? id;
}

/** The label of a pseudo row or column, qualified when a tier happens to bear the same name (rfm-5 has 新客户 / New). */
function pseudoLabel(scheme: Scheme, lang: Lang, base: Localized, qualified: Localized): string {
  return scheme.tiers.some((t) => t.label[lang] === base[lang]) ? qualified[lang] : base[lang];
}

export const NEW_LABEL = loc('新客户', 'New');
export const CHURNED_LABEL = loc('流失', 'Churned');

function newLabel(scheme: Scheme, lang: Lang): string {
  return pseudoLabel(scheme, lang, NEW_LABEL, loc('新客户（上期未在册）', 'New (not listed before)'));
}
function churnedLabel(scheme: Scheme, lang: Lang): string {
  return pseudoLabel(scheme, lang, CHURNED_LABEL, loc('流失（本期已流失）', 'Churned (lost this period)'));
}

const period = (p: string | null) => p ?? '—';

/**
 * What new and churned mean in a movement: written beside the 等级变动 table and under the pane's counts,
 * which both come from tierMovement.
 */
export function movementDefinition(m: TierMovement, scheme: Scheme): Localized {
  const days = m.recencyKnown ? m.churnDays : null;
  const newName = (l: Lang) => newLabel(scheme, l);
  const churnName = (l: Lang) => churnedLabel(scheme, l);
  return {
    'zh-CN': `"${newName('zh-CN')}"：${period(m.from)} 未在册（或当时已流失）、${period(m.to)} 在册的客户；"${churnName('zh-CN')}"：${period(m.from)} 在册、${period(m.to)} 不在名单中${days !== null ? `或已超过 ${days} 天无消费` : ''}的客户。`,
    'en-US': `"${newName('en-US')}": not listed (or already lapsed) in ${period(m.from)}, listed in ${period(m.to)}; "${churnName('en-US')}": listed in ${period(m.from)}, no longer listed in ${period(m.to)}${days !== null ? ` or without a purchase for more than ${days} days` : ''}.`,
  };
}

// ---------- tier mix (等级分布) ----------

const MIX = {
  customerShare: loc('客户占比', 'Share of customers'),
  revenue: loc('收入', 'Revenue'),
  revenueShare: loc('收入占比', 'Share of revenue'),
  average: loc('户均收入', 'Revenue per customer'),
  expected: loc('预期占比', 'Expected share'),
  outside: loc('超出预期', 'Outside band'),
  above: loc('偏高', 'Above'),
  below: loc('偏低', 'Below'),
};

/** The tier-mix table: customers, revenue and averages per tier against the expected band; Pareto and unrated lines. */
export function mixTable(mix: TierMix, scheme: Scheme, lang: Lang): SheetTable[] {
  const zh = lang === 'zh-CN';
  const withRevenue = mix.revenueMetric !== null;
  const notes: string[] = [];
  if (withRevenue) {
    const label = metricSpec(scheme, mix.revenueMetric!).label[lang];
    notes.push(zh ? `收入按"${label}"计；客户占比以已评级客户为分母。` : `Revenue is ${label}; customer shares are of graded customers.`);
    if (Number.isFinite(mix.top20RevenueShare)) {
      const top = Math.ceil(mix.graded * 0.2);
      notes.push(
        zh
          ? `帕累托：收入最高的前 20% 客户（${top} 位）贡献了 ${pct(mix.top20RevenueShare)} 的收入。`
          : `Pareto: the top 20% of customers by revenue (${top}) bring ${pct(mix.top20RevenueShare)} of revenue.`,
      );
    } else {
      notes.push(zh ? '帕累托：总收入不大于 0，无法计算前 20% 客户的收入占比。' : 'Pareto: total revenue is not above 0, so the top-20% share cannot be computed.');
    }
  } else {
    notes.push(
      zh
        ? '方案没有收入指标（价值指标或年度消费金额），不统计收入；客户占比以已评级客户为分母。'
        : 'The scheme has no revenue metric (value metric or annual spend), so revenue is not shown; customer shares are of graded customers.',
    );
  }
  const issues = outputHeader('issues', lang);
  notes.push(
    zh
      ? `未评级客户：${mix.unrated} 位（不计入以上统计，原因见"${issues}"列）。`
      : `Unrated customers: ${mix.unrated} (not counted here; see the "${issues}" column).`,
  );
  if (mix.rows.some((r) => r.expected)) {
    notes.push(
      zh ? '预期占比来自方案设置；客户占比超出预期范围时标注"偏高"或"偏低"。' : 'Expected shares come from the scheme; a share outside its band is marked Above or Below.',
    );
  }

  const money = currencyFormat(scheme.currency);
  const header = [SHARED.tier[lang], SHARED.customers[lang], MIX.customerShare[lang]];
  const formats: (string | null)[] = [null, COUNT, SHARE];
  if (withRevenue) {
    header.push(MIX.revenue[lang], MIX.revenueShare[lang], MIX.average[lang]);
    formats.push(money, SHARE, money);
  }
  header.push(MIX.expected[lang], MIX.outside[lang]);
  formats.push(null, null);

  const rows: CellValue[][] = mix.rows.map((r) => {
    const row: CellValue[] = [tierLabel(scheme, r.tier, lang), r.customers, mix.graded > 0 ? r.customerShare : null];
    if (withRevenue) row.push(r.revenue, shareCell(r.revenueShare), shareCell(r.average));
    const band = r.expected ? `${pct(r.expected.min)}–${pct(r.expected.max)}` : null;
    const flag = r.outsideExpected && r.expected ? (r.customerShare > r.expected.max ? MIX.above[lang] : MIX.below[lang]) : null;
    row.push(band, flag);
    return row;
  });
  const total: CellValue[] = [SHARED.total[lang], mix.graded, mix.graded > 0 ? 1 : null];
  if (withRevenue) total.push(mix.totalRevenue, mix.totalRevenue !== 0 ? 1 : null, mix.graded > 0 ? mix.totalRevenue / mix.graded : null);
  total.push(null, null);
  rows.push(total);

  return [
    {
      title: `${GENERATED_SHEETS.mix[lang]} — ${scheme.name[lang]}`,
      notes,
      header,
      rows,
      numberFormats: formats,
      rowFills: [...scheme.tiers.map((t) => t.color), null],
    },
  ];
}

// ---------- movement (等级变动) ----------

const MOVE = {
  matrixCounts: loc('等级变动矩阵（客户数）', 'Tier movement (customers)'),
  matrixShares: loc('等级变动矩阵（行百分比）', 'Tier movement (row %)'),
  corner: loc('上期 \\ 本期', 'Before \\ After'),
  summary: loc('变动汇总', 'Summary'),
  upgrades: loc('升级', 'Upgrades'),
  downgrades: loc('降级', 'Downgrades'),
  unchanged: loc('不变', 'Unchanged'),
  list: loc('变动客户明细', 'Customers who moved'),
  id: loc('客户编号', 'Customer ID'),
  name: loc('客户名称', 'Name'),
  from: loc('上期等级', 'Previous tier'),
  to: loc('本期等级', 'Tier now'),
  change: loc('变动', 'Change'),
  up: loc('↑ 升级', '↑ Up'),
  down: loc('↓ 降级', '↓ Down'),
  driver: loc('主要变动指标', 'Main driver'),
  before: loc('上期值', 'Before'),
  after: loc('本期值', 'After'),
  delta: loc('变化幅度', 'Change %'),
};

/** The movement sheet: the matrix in counts and in row percentages, a summary, and the customers who moved. */
export function movementTables(m: TierMovement, scheme: Scheme, lang: Lang): SheetTable[] {
  const zh = lang === 'zh-CN';
  const k = scheme.tiers.length;
  const span = `${period(m.from)} → ${period(m.to)}`;
  const newName = newLabel(scheme, lang);
  const churnName = churnedLabel(scheme, lang);
  const rowNames = [...scheme.tiers.map((t) => t.label[lang]), newName];
  const colNames = [...scheme.tiers.map((t) => t.label[lang]), churnName];
  const fills = [...scheme.tiers.map((t) => t.color), null];
  const rowTotals = m.matrix.map((r) => r.reduce((s, x) => s + x, 0));
  const colTotals = colNames.map((_, c) => m.matrix.reduce((s, r) => s + r[c]!, 0));
  const grand = rowTotals.reduce((s, x) => s + x, 0);
  // Recency only counts when history holds it; otherwise say churn is told by absence alone.
  const days = m.recencyKnown ? m.churnDays : null;

  const matrixNotes = [
    zh
      ? `行为 ${period(m.from)} 的等级，列为 ${period(m.to)} 的等级（等级从高到低排列）：对角线上为等级不变，对角线左下方为升级，右上方为降级。`
      : `Rows: tier in ${period(m.from)}; columns: tier in ${period(m.to)} (best tier first). The diagonal is unchanged; below it are upgrades, above it downgrades.`,
    movementDefinition(m, scheme)[lang],
  ];
  const counts: SheetTable = {
    title: `${MOVE.matrixCounts[lang]}${zh ? '：' : ': '}${span}`,
    notes: matrixNotes,
    header: [MOVE.corner[lang], ...colNames, SHARED.total[lang]],
    rows: [
      ...m.matrix.map((r, i): CellValue[] => [rowNames[i]!, ...r, rowTotals[i]!]),
      [SHARED.total[lang], ...colTotals, grand],
    ],
    numberFormats: [null, ...colNames.map(() => COUNT), COUNT],
    rowFills: [...fills, null],
  };
  const shares: SheetTable = {
    title: `${MOVE.matrixShares[lang]}${zh ? '：' : ': '}${span}`,
    notes: [zh ? '每格 = 该格客户数 ÷ 该行合计；空行不计算。' : 'Each cell = its customers ÷ the row total; empty rows are left blank.'],
    header: [MOVE.corner[lang], ...colNames],
    rows: m.matrix.map((r, i): CellValue[] => [rowNames[i]!, ...r.map((x) => (rowTotals[i]! > 0 ? x / rowTotals[i]! : null))]),
    numberFormats: [null, ...colNames.map(() => SHARE)],
    rowFills: fills,
  };

  const atStart = rowTotals.slice(0, k).reduce((s, x) => s + x, 0);
  const atEnd = colTotals.slice(0, k).reduce((s, x) => s + x, 0);
  const of = (n: number, base: number): CellValue => (base > 0 ? n / base : null);
  const summaryNotes = [
    zh
      ? `占比：升级、降级、不变、流失为占 ${period(m.from)} 有等级客户（${atStart} 位）的比例；新客户为占 ${period(m.to)} 有等级客户（${atEnd} 位）的比例。`
      : `Shares: upgrades, downgrades, unchanged and churned are of the ${atStart} customers with a tier in ${period(m.from)}; new customers are of the ${atEnd} with a tier in ${period(m.to)}.`,
  ];
  if (m.unrated > 0)
    summaryNotes.push(
      zh ? `另有 ${m.unrated} 位客户在其中一期未评级，不在矩阵中。` : `${m.unrated} more customers were unrated in one of the periods and are not in the matrix.`,
    );
  if (m.lapsed > 0)
    summaryNotes.push(
      zh
        ? `另有 ${m.lapsed} 位客户在两期均已超过 ${days} 天无消费（此前已流失），不在矩阵中。`
        : `${m.lapsed} more customers had no purchase for more than ${days} days in both periods (lost earlier) and are not in the matrix.`,
    );
  const summary: SheetTable = {
    title: MOVE.summary[lang],
    notes: summaryNotes,
    header: [SHARED.item[lang], SHARED.customers[lang], SHARED.share[lang]],
    rows: [
      [MOVE.upgrades[lang], m.upgrades, of(m.upgrades, atStart)],
      [MOVE.downgrades[lang], m.downgrades, of(m.downgrades, atStart)],
      [MOVE.unchanged[lang], m.unchanged, of(m.unchanged, atStart)],
      [churnName, m.churned, of(m.churned, atStart)],
      [newName, m.newCustomers, of(m.newCustomers, atEnd)],
    ],
    numberFormats: [null, COUNT, SHARE],
  };

  const list: SheetTable = {
    title: zh ? `${MOVE.list[lang]}（${m.moves.length} 位）` : `${MOVE.list[lang]} (${m.moves.length})`,
    notes: [
      zh
        ? '主要变动指标：评级所用指标中，两期相对变化幅度最大、且与变动方向一致的指标（升级看改善，降级看变差；"距最近消费天数"这类越低越好的指标，减少即为改善）；没有这样的指标时留空。'
        : 'Main driver: among the metrics the grading uses, the one whose relative change between the two periods went furthest in the direction of the move (for lower-is-better metrics such as days since last purchase, a fall is an improvement); blank when none did.',
    ],
    header: [MOVE.id, MOVE.name, MOVE.from, MOVE.to, MOVE.change, MOVE.driver, MOVE.before, MOVE.after, MOVE.delta].map((h) => h[lang]),
    rows: m.moves.map((mv): CellValue[] => {
      const d = mv.driver;
      const spec = d ? metricSpec(scheme, d.metric) : null;
      return [
        mv.id,
        mv.name,
        tierLabel(scheme, mv.from, lang),
        tierLabel(scheme, mv.to, lang),
        (mv.direction === 'up' ? MOVE.up : MOVE.down)[lang],
        spec ? spec.label[lang] : null,
        d && spec ? formatValue(d.before, spec.unit, lang, scheme.currency) : null,
        d && spec ? formatValue(d.after, spec.unit, lang, scheme.currency) : null,
        d && Number.isFinite(d.change) ? d.change : null,
      ];
    }),
    numberFormats: [null, null, null, null, null, null, null, null, CHANGE],
    tableName: 'TierBookMoves',
  };
  return [counts, shares, summary, list];
}

// ---------- churn (流失分析) ----------

const CHURN = {
  title: loc('流失分析', 'Churn'),
  atStart: loc('期初客户数', 'Customers at start'),
  churned: loc('流失客户数', 'Churned'),
  churnRate: loc('流失率', 'Churn rate'),
  retention: loc('留存率', 'Retention'),
  revenueLost: loc('流失收入', 'Revenue lost'),
  revenueLostShare: loc('流失收入占比', 'Share of revenue lost'),
};

/** The churn table per tier with its definitions written above it. */
export function churnTables(churn: TierChurn, scheme: Scheme, lang: Lang): SheetTable[] {
  const zh = lang === 'zh-CN';
  const from = period(churn.from);
  const to = period(churn.to);
  const days = churn.churnDays;
  const recencyLabel = metricSpec(scheme, RECENCY_METRIC).label[lang];
  const withRevenue = churn.revenueMetric !== null;
  const metricLabel = metricSpec(scheme, churn.revenueMetric ?? scheme.valueMetric ?? 'annualSpend').label[lang];
  const notes = [
    churn.recencyKnown
      ? zh
        ? `流失客户：${from} 在册、到 ${to} 不在客户名单中，或 ${to} 期末已超过 ${days} 天无消费的客户。`
        : `Churned: listed in ${from} and no longer listed in ${to}, or without a purchase for more than ${days} days at the end of ${to}.`
      : zh
        ? `流失客户：${from} 在册、到 ${to} 不在客户名单中的客户（历史记录中没有"${recencyLabel}"，无法按 ${days} 天无消费判断）。`
        : `Churned: listed in ${from} and no longer listed in ${to} (history holds no ${recencyLabel}, so the ${days}-day rule cannot be applied).`,
    zh
      ? '流失率 = 期初该等级客户中流失的人数 ÷ 期初该等级客户数（期内新增客户不计入分母）；留存率 = 1 − 流失率。'
      : 'Churn rate = customers of the tier at the start who churned ÷ customers of the tier at the start (customers acquired during the period are not counted); retention = 1 − churn rate.',
    withRevenue
      ? zh
        ? `流失收入 = 流失客户在 ${from} 的"${metricLabel}"；流失收入占比 = 流失收入 ÷ 该等级客户在 ${from} 的"${metricLabel}"合计。`
        : `Revenue lost = the churned customers' ${metricLabel} in ${from}; share of revenue lost = revenue lost ÷ the tier's total ${metricLabel} in ${from}.`
      : zh
        ? `历史记录中没有"${metricLabel}"，不计算流失收入。`
        : `History holds no ${metricLabel}, so revenue lost is not shown.`,
  ];
  const counts: string[] = [
    zh
      ? `${to} 新增客户 ${churn.newCustomers} 位（含流失后重新消费的客户），不计入流失率分母。`
      : `${churn.newCustomers} new customers in ${to} (including customers buying again after lapsing), outside the denominators.`,
  ];
  if (churn.inactive > 0)
    counts.push(
      zh
        ? `流失客户中有 ${churn.inactive} 位仍在名单中，但已超过 ${days} 天无消费。`
        : `${churn.inactive} of the churned customers are still listed but have not bought for more than ${days} days.`,
    );
  if (churn.lapsedAtStart > 0)
    counts.push(
      zh
        ? `${churn.lapsedAtStart} 位客户在 ${from} 已超过 ${days} 天无消费（此前已流失），不重复计入。`
        : `${churn.lapsedAtStart} customers had already gone more than ${days} days without a purchase in ${from} (lost earlier) and are not counted again.`,
    );
  if (churn.unratedAtStart > 0)
    counts.push(zh ? `${from} 未评级的 ${churn.unratedAtStart} 位客户不计入。` : `${churn.unratedAtStart} customers unrated in ${from} are not counted.`);
  notes.push(counts.join(zh ? '' : ' '));

  const header = [SHARED.tier[lang], CHURN.atStart[lang], CHURN.churned[lang], CHURN.churnRate[lang], CHURN.retention[lang]];
  const formats: (string | null)[] = [null, COUNT, COUNT, SHARE, SHARE];
  if (withRevenue) {
    header.push(CHURN.revenueLost[lang], CHURN.revenueLostShare[lang]);
    formats.push(currencyFormat(scheme.currency), SHARE);
  }
  const line = (label: string, r: TierChurn['totals']): CellValue[] => {
    const row: CellValue[] = [label, r.atStart, r.churned, shareCell(r.churnRate), shareCell(r.retention)];
    if (withRevenue) row.push(r.revenueLost, r.revenueAtStart > 0 ? r.revenueLost / r.revenueAtStart : null);
    return row;
  };
  return [
    {
      title: zh ? `${CHURN.title[lang]}：${from} → ${to}` : `${CHURN.title[lang]}: ${from} → ${to}`,
      notes,
      header,
      rows: [...churn.rows.map((r) => line(tierLabel(scheme, r.tier, lang), r)), line(SHARED.total[lang], churn.totals)],
      numberFormats: formats,
      rowFills: [...scheme.tiers.map((t) => t.color), null],
    },
  ];
}

// ---------- the generated sheets ----------

/** A summary sheet, set up to print one page wide so that no table is cut between columns. */
function sheet(name: string, tables: SheetTable[], landscape = false, breakBefore: number[] = []): GeneratedSheet {
  return { name, tables, widths: columnWidths(tables, 10, 40), print: { fitToWidth: true, landscape, ...(breakBefore.length ? { breakBefore } : {}) } };
}

export function mixSheet(mix: TierMix, scheme: Scheme, lang: Lang): GeneratedSheet {
  return sheet(GENERATED_SHEETS.mix[lang], mixTable(mix, scheme, lang));
}

export function movementSheet(m: TierMovement, scheme: Scheme, lang: Lang): GeneratedSheet {
  // The list of movers (the last table) may run over pages: it starts on its own, so the matrices and the summary print whole.
  const tables = movementTables(m, scheme, lang);
  return sheet(GENERATED_SHEETS.movement[lang], tables, true, m.moves.length ? [tables.length - 1] : []);
}

export function churnSheet(churn: TierChurn, scheme: Scheme, lang: Lang): GeneratedSheet {
  return sheet(GENERATED_SHEETS.churn[lang], churnTables(churn, scheme, lang));
}
