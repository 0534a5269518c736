// What a period run leaves for account managers besides the summaries: the Action List (行动清单) and the
// Service Cost (服务成本) sheets, each a generated sheet TierBook owns (marked as 'actions' / 'cost') with its
// lists as Excel Tables. Host-agnostic: written through the port's replaceSheet, as every host supports it.
import {
  ACTION_LISTS,
  ACTION_TITLES,
  actionLists,
  actionListsSteps,
  actionTables,
  columnLetter,
  layoutTables,
  type ActionListKey,
  type ActionOptions,
  type Localized,
  type Scheme,
  actionSheet,
  gather,
  generatedSheetName,
  joinById,
  serviceCostOf,
  serviceCostSheet,
  type ActionLists,
  type CustomerTable,
  type GradeResult,
  type HeldTier,
  type HistoryRecord,
  type Lang,
  type OwnedSheets,
  type PeriodWindow,
  type ServiceCost,
} from '../core/index.ts';
import type { WorkbookPort } from '../port/workbook.ts';
import { drainPausing, type Pause } from './pause.ts';
import { aggregatePeriodOrders, ordersUpToEnd, type Related } from './related-sheets.ts';

export interface NextSteps {
  actions: ActionLists;
  serviceCost: ServiceCost;
}

export interface NextStepSheets {
  /** The Action List sheet's name, and the Service Cost sheet's. */
  actions: string;
  cost: string;
}

/** The three lists and the cost model of a grading (pure: the run, the CLI and the pane all show these). */
export function nextSteps(result: GradeResult, held: ReadonlyMap<number, HeldTier>, previous: ReadonlyMap<string, HistoryRecord> | null, recency: ArrayLike<number> | null = null, options: Partial<ActionOptions> = {}): NextSteps {
  return { actions: actionLists(result, { held, previous, recency, options }), serviceCost: serviceCostOf(result) };
}

/** nextSteps, giving the thread back during the lists (seconds at a million customers) when `pause` is given. */
export async function nextStepsPausing(
  result: GradeResult,
  held: ReadonlyMap<number, HeldTier>,
  previous: ReadonlyMap<string, HistoryRecord> | null,
  recency: ArrayLike<number> | null,
  options: Partial<ActionOptions> | undefined,
  pause: Pause | undefined,
): Promise<NextSteps> {
  const actions = await drainPausing(actionListsSteps(result, { held, previous, recency, options: options ?? {} }), pause);
  return { actions, serviceCost: serviceCostOf(result) };
}

/**
 * Days since the last purchase for the churn list, also when the scheme does not grade on it (b2b-value):
 * the customer sheet's own, else counted from the orders sheet up to the as-of day. Null without either.
 */
export function recencyOf(table: CustomerTable, related: Related, window: PeriodWindow | null, asOf: number): ArrayLike<number> | null {
  const own = table.metrics.recencyDays?.values;
  if (own) return own;
  if (!related.orders) return null;
  const upToEnd = window ? ordersUpToEnd(related.orders, window, asOf) : aggregatePeriodOrders(related.orders, null, asOf).upToEnd;
  return gather(upToEnd.recencyDays, joinById(table.ids, upToEnd, { sheet: related.orders.sheet }).index, NaN);
}

/** Write both sheets, replacing only our own (a user's sheet called 行动清单 is never taken over). */
export async function writeNextSteps(port: WorkbookPort, names: OwnedSheets, result: GradeResult, steps: NextSteps, lang: Lang): Promise<NextStepSheets> {
  const actions = generatedSheetName('actions', names, lang).name;
  await port.replaceSheet({ ...actionSheet(steps.actions, result.scheme, lang), name: actions, kind: 'actions' });
  const cost = generatedSheetName('cost', names, lang).name;
  await port.replaceSheet({ ...serviceCostSheet(steps.serviceCost, result.scheme, lang), name: cost, kind: 'cost' });
  return { actions, cost };
}

/** What the pane shows of the lists and costs: counts, where each list is (to select it), and the saving. */
export interface NextStepsView {
  /** The sheets written (null when the run wrote none: no period). */
  actionsSheet: string | null;
  costSheet: string | null;
  lists: { key: ActionListKey; title: Localized; count: number; range: string | null }[];
  totalCost: number;
  currency: string;
  savings: { tier: Localized; saving: number; share: number | null }[];
}

/** The A1 range of each list on the Action List sheet, title to last row, as every host lays it out. */
export function listRanges(steps: NextSteps, scheme: Scheme, lang: Lang): Record<ActionListKey, string> {
  const tables = actionTables(steps.actions, scheme, lang);
  const at = layoutTables(tables);
  const out = {} as Record<ActionListKey, string>;
  ACTION_LISTS.forEach((k, i) => {
    const p = at[i]!;
    const last = p.firstDataRow + tables[i]!.rows.length - 1;
    out[k] = `A${p.titleRow ?? p.headerRow}:${columnLetter(tables[i]!.header.length - 1)}${Math.max(last, p.headerRow)}`;
  });
  return out;
}

export function nextStepsView(steps: NextSteps, sheets: NextStepSheets | null, scheme: Scheme, lang: Lang): NextStepsView {
  const ranges = listRanges(steps, scheme, lang);
  const c = steps.serviceCost;
  const label = (id: string) => scheme.tiers.find((t) => t.id === id)?.label ?? { 'zh-CN': id, 'en-US': id };
  return {
    actionsSheet: sheets?.actions ?? null,
    costSheet: sheets?.cost ?? null,
    lists: ACTION_LISTS.map((key) => ({ key, title: ACTION_TITLES[key], count: steps.actions[key].length, range: sheets ? ranges[key] : null })),
    totalCost: c.total.totalCost,
    currency: scheme.currency,
    savings: [c.uniformTop, c.uniformMiddle].map((u) => ({ tier: label(u.tier), saving: u.saving, share: Number.isFinite(u.savingShare) ? u.savingShare : null })),
  };
}
