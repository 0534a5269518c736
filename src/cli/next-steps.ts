// The action lists and the service cost in the CLI: `--json` gains `actions` and `serviceCost`; the human
// output prints the counts and the saving.
import { ACTION_LISTS, ACTION_TITLES, formatNumber, formatValue, loc, type ActionItem, type ActionOptions, type Lang, type TierCostRow } from '../core/index.ts';
import { UsageError } from './usage.ts';
import type { RunResult } from '../run/grade-workbook.ts';

const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);

function itemJson(x: ActionItem, lang: Lang) {
  return {
    id: x.id,
    name: x.name,
    tier: x.tier,
    ...(x.target !== undefined ? { target: x.target } : {}),
    owner: x.owner?.[lang] ?? null,
    cadence: x.cadence,
    detail: x.detail[lang],
    value: x.value,
    ...(x.periodsLeft !== undefined ? { periodsLeft: x.periodsLeft } : {}),
    ...(x.recencyDays !== undefined ? { recencyDays: x.recencyDays } : {}),
  };
}

function rowJson(r: Omit<TierCostRow, 'tier' | 'inputs'>) {
  return {
    customers: r.customers,
    contacts: r.contacts,
    serviceCost: r.serviceCost,
    benefitCost: r.benefitCost,
    totalCost: r.totalCost,
    revenue: r.revenue,
    grossProfit: r.grossProfit,
    costShare: finite(r.costShare),
    revenuePerService: finite(r.revenuePerService),
  };
}

export function nextStepsJson(run: RunResult, lang: Lang) {
  const { actions, serviceCost: c } = run.next;
  return {
    actions: { upgrade: actions.upgrade.map((x) => itemJson(x, lang)), downgrade: actions.downgrade.map((x) => itemJson(x, lang)), churn: actions.churn.map((x) => itemJson(x, lang)), options: actions.options },
    serviceCost: {
      tiers: c.rows.map((r) => ({ tier: r.tier, ...r.inputs, defaulted: r.inputs.defaulted, ...rowJson(r) })),
      total: rowJson(c.total),
      uniformTop: { ...c.uniformTop, savingShare: finite(c.uniformTop.savingShare) },
      uniformMiddle: { ...c.uniformMiddle, savingShare: finite(c.uniformMiddle.savingShare) },
      revenueMetric: c.revenueMetric,
    },
  };
}

/** "行动清单：冲刺升级 12 · 降级预警 5 · 流失预警 3" and the saving against serving everyone as the top tier. */
export function nextStepsLines(run: RunResult, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  const { actions, serviceCost: c } = run.next;
  const counts = ACTION_LISTS.map((k) => `${ACTION_TITLES[k][lang]} ${actions[k].length}`).join(' · ');
  const where = run.nextSheets ? (zh ? `（见"${run.nextSheets.actions}"）` : ` (see "${run.nextSheets.actions}")`) : '';
  const money = (x: number) => formatValue(Math.round(x), 'currency', lang, run.scheme.currency);
  const top = run.scheme.tiers[0]!.label[lang];
  const s = c.uniformTop;
  const share = Number.isFinite(s.savingShare) ? ` (${formatNumber(s.savingShare * 100, 1)}%)` : '';
  const cost = zh
    ? `  服务成本：每年 ${money(c.total.totalCost)}；与所有客户按"${top}"标准服务相比节省 ${money(s.saving)}${share.replace(' (', '（').replace(')', '）')}${run.nextSheets ? `（见"${run.nextSheets.cost}"）` : ''}`
    : `  Service cost: ${money(c.total.totalCost)} a year; ${money(s.saving)}${share} less than serving everyone as ${top}${run.nextSheets ? ` (see "${run.nextSheets.cost}")` : ''}`;
  return [zh ? `  行动清单：${counts}${where}` : `  Action lists: ${counts}${where}`, cost];
}

const ACTION_KEYS: Record<string, keyof ActionOptions> = {
  upgrade: 'upgradeDistance',
  rfm: 'rfmScoreDistance',
  downgrade: 'downgradeMargin',
  churn: 'churnRecencyShare',
  drop: 'spendDropShare',
};

/**
 * `--actions upgrade=15%,downgrade=10%,churn=50%,drop=30%,rfm=1`: the action lists' distances (shares as
 * percentages or fractions; rfm in scores). Anything else is a usage error naming the part.
 */
export function parseActionOptions(text: string): Partial<ActionOptions> {
  const out: Partial<ActionOptions> = {};
  for (const part of text.split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z]+)\s*=\s*([0-9.]+)\s*(%?)$/i.exec(part);
    const key = m ? ACTION_KEYS[m[1]!.toLowerCase()] : undefined;
    const n = m ? Number(m[2]) : NaN;
    const value = key === 'rfmScoreDistance' ? n : m?.[3] || n > 1 ? n / 100 : n;
    if (!m || !key || !Number.isFinite(value) || value < 0 || (key !== 'rfmScoreDistance' && value > 1))
      throw new UsageError(
        loc(
          `--actions 无法识别"${part}"：应写成 upgrade=15%,downgrade=10%,churn=50%,drop=30%,rfm=1`,
          `--actions cannot read "${part}": write it like upgrade=15%,downgrade=10%,churn=50%,drop=30%,rfm=1`,
        ),
      );
    out[key] = value;
  }
  return out;
}
