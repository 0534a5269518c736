// The grading run, written once against the workbook port: read → map → grade → write back → history.
// The file host and the Office.js host both run exactly this.
import { todaySerial } from '../core/aggregate/period.ts';
import { GENERATED_SHEETS, SchemeError, generatedSheetName, DEFAULT_PRESET_ID, grade, historyHeader, historyRows, loc, periodWindow, periodsOf, previousPeriod, readHistory, schemeToSheet, snapshot, tierMixOf, tierMixOfSteps, type GradeResult, type HistoryRecord, type Lang, type Localized, type Scheme, type DataIssue, applyDowngradePolicy, GRADED_AT_FORMAT, outputColumnsFor, tierMovement, type HeldTier, type TierMovement } from '../core/index.ts';
import type { WorkbookPort } from '../port/workbook.ts';
import { metricsFromRelated, type Related } from './related-sheets.ts';
import { currencyFromData } from './currency.ts';
import { RunError } from './errors.ts';
import { limitCellText } from './cell-text.ts';
import { ownedSheets, readOwnership } from './ownership.ts';
import { previousFromUserGrades } from './user-grades.ts';
import { pointIssuesAtCells } from './issue-cells.ts';
import { idKey } from '../core/aggregate/keys.ts';
import { type CustomerSheet } from './read-customers.ts';
import { summarySpecs } from './summary-specs.ts';
import { nextSteps, nextStepsPausing, recencyOf, writeNextSteps, type NextStepSheets, type NextSteps } from './action-sheets.ts';
import { writeChurn, writeSummaries, type SummariesWritten } from './summaries.ts';
import { lastAppliedTiers } from './session-moves.ts';
import { distinctHeaders, outputColumns, outputColumnsInBlocks, placeOutputColumns, staleOutputColumns, type WriteContext } from './write-back.ts';

import type { RunOptions, RunResult } from './run-result.ts';

export { asOfMessage, type AsOf, type RunOptions, type RunResult } from './run-result.ts';
import { loadCustomers, loadScheme, readOnce } from './load.ts';
import { budgeted, drainPausing } from './pause.ts';
import { customersSheet, missingMetrics, ordersCurrencies } from './orders-only.ts';

// The loading steps live in load.ts; re-exported for the callers that import them from the run.
export { loadCustomers, readOnce, type LoadedCustomers } from './load.ts';

/** @deprecated The same as DEFAULT_PRESET_ID (src/core/scheme/presets/default.ts), kept for callers that name it so. */
export const DEFAULT_SCHEME = DEFAULT_PRESET_ID;

/** One line per related sheet: "订单记录 has 3 customer ids not on the customer sheet: K9, K10, K11 …". */
function orphanWarnings(notes: DataIssue[]): Localized[] {
  const bySheet = new Map<string, string[]>();
  for (const n of notes) if (n.code === 'orphan-id') bySheet.set(n.sheet ?? '', [...(bySheet.get(n.sheet ?? '') ?? []), n.value ?? '']);
  return [...bySheet].map(([sheet, ids]) => {
    const list = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ' …' : '');
    return loc(`"${sheet}"中有 ${ids.length} 个客户编号不在客户表中：${list}`, `"${sheet}" has ${ids.length} customer ids not on the customer sheet: ${list}`);
  });
}

export { todaySerial };

/** Excel's last column, XFD (0-based). */
const EXCEL_LAST_COL = 16_383;

/** Grade the customers; a metric no column or related sheet supplies stops the run with the headers found. */
export function gradeCustomers(scheme: Scheme, customers: CustomerSheet, related?: Related): GradeResult {
  try {
    const result = grade(scheme, customers.table);
    pointIssuesAtCells(result.issues, customers, related ? metricsFromRelated(related) : new Map());
    return result;
  } catch (e) {
    if (e instanceof SchemeError) throw new RunError('scheme', loc(e.describe('zh-CN'), e.describe('en-US')));
    if (e instanceof Error && e.name === 'MissingMetricsError') throw missingMetrics(scheme, customers, (e as Error & { metrics: string[] }).metrics);
    throw e;
  }
}

/**
 * The review policy for a period: a customer stays in its tier until the scheme says it may drop (no
 * flapping); manual overrides still win. Changes `result.tier` in place. Every step that grades for a
 * period (preview, apply, summaries; pane or command line) goes through here, so they agree.
 */
export function keepTiers(result: GradeResult, history: readonly HistoryRecord[], period: string): Map<number, HeldTier> {
  const held = new Map<number, HeldTier>();
  if (!history.length) return held;
  const policy = applyDowngradePolicy(result.scheme, result.modeTier, result.table.ids, history, period);
  for (const h of policy.held) {
    if (result.overridden[h.index]) continue;
    result.tier[h.index] = policy.tier[h.index]!;
    held.set(h.index, h);
  }
  return held;
}

/** Grade the workbook and write the results back. */
export async function gradeWorkbook(given: WorkbookPort, options: RunOptions): Promise<RunResult> {
  const { lang } = options;
  // Text past what a cell holds is cut with a marker on every write, and the warnings name the cells.
  const text = limitCellText(given, lang, options.pause);
  const workbook = text.port;
  const port = readOnce(workbook);
  const progress = options.onProgress ?? (() => {});
  // Between the run's large in-memory stages, the pane's thread is given back (nothing to do without a pause).
  const breathe = options.pause ? budgeted(options.pause) : () => null;
  const sheets = await port.listSheets();
  // What is ours (marked, or a previous version's): only that is ever replaced.
  const own = await readOwnership(port, sheets);
  const names = ownedSheets(sheets, own);
  let loaded: { scheme: Scheme; source: RunResult['schemeSource'] };
  try {
    loaded = await loadScheme(port, sheets, options, own);
  } catch (e) {
    if (e instanceof SchemeError) throw new RunError('scheme', loc(e.describe('zh-CN'), e.describe('en-US')));
    throw e;
  }
  const window = options.period ? periodWindow(options.period) : null;
  progress({ done: 1, total: 5, stage: 'read' });
  const { customers, related, notes, asOf } = options.loaded ?? (await loadCustomers(port, sheets, loaded.scheme, options, window, options.asOf ?? null, options.today ?? todaySerial(), own));
  // Amounts in the data's currency when the scheme sets none (a UK retailer's £ is not shown as ¥).
  const shown = currencyFromData(loaded.scheme, [...customers.currencies, ...ordersCurrencies(related)], loaded.source === 'rules-sheet');
  const scheme = shown.scheme;

  progress({ done: 2, total: 5, stage: 'grade' });
  await breathe();
  const result = gradeCustomers(scheme, customers, related);
  await breathe();
  // The tiers the sheet held before this run (its tier column), read before anything is written.
  const before = await lastAppliedTiers(port, sheets, customers);

  // The previous period's tiers, from the history sheet.
  const historySheet = generatedSheetName('history', names, lang);
  let history: HistoryRecord[] = [];
  if (historySheet.exists) history = readHistory((await port.readSheet(historySheet.name)).values, scheme);
  const prevPeriod = previousPeriod(periodsOf(history), options.period ?? null);
  const held = options.period ? keepTiers(result, history, options.period) : new Map<number, HeldTier>();
  const previous = prevPeriod ? snapshot(history, prevPeriod) : null;
  await breathe();
  // No earlier period: the user's own grade column, if it names our tiers, is the previous tier shown.
  const shownPrevious = previous ?? (customers.generated ? null : previousFromUserGrades(customers, await port.readSheet(customers.sheet), scheme));
  const earlier = prevPeriod ? history.filter((r) => r.period === prevPeriod) : null;
  const gradedAt = options.gradedAt ?? new Date();
  // The history rows are written by a review run only; the movement is read from them when asked for.
  let rows: ReturnType<typeof historyRows> | null = null;
  const snapshotRows = () => (rows ??= options.period ? historyRows(options.period, result, lang, gradedAt) : []);
  const movement = () => (options.period && earlier?.length ? tierMovement(scheme, earlier, readHistory([historyHeader(scheme, lang), ...snapshotRows()], scheme)) : null);

  progress({ done: 3, total: 5, stage: 'write' });
  const cols = placeOutputColumns({ existing: customers.outputCols, lastCol: customers.lastUserCol, keys: outputColumnsFor(scheme.mode) });
  const past = Object.values(cols).filter((c) => c !== undefined && c > EXCEL_LAST_COL).length;
  if (past > 0)
    throw new RunError(
      'no-room',
      loc(
        `工作表"${customers.sheet}"的数据已用到 Excel 的最后一列（XFD），右侧没有空间写入 ${past} 个评级结果列。请删除不用的列或把数据移到新工作表后再评级；文件未作任何修改。`,
        `Sheet "${customers.sheet}" uses columns up to Excel's last column (XFD): there is no room for ${past} output columns to its right. Delete unused columns or move the data to a new sheet, then grade again; nothing was changed.`,
      ),
    );
  const firstRow = customers.headerRow + 1;
  const lastRow = Math.max(customers.lastRow, customers.sheetRows[customers.sheetRows.length - 1] ?? firstRow);
  const write: WriteContext = { result, lang, sheetRows: customers.sheetRows, firstRow, lastRow, cols, previous: shownPrevious, held };
  const writeColumns = options.writeColumns === 'if-changed' ? !holdsTiers(before, result, lang) : options.writeColumns !== false;
  if (writeColumns) {
    // A thousand customers at a time, the thread given back once the budget is spent (a first, unoptimised
    // block can take tens of milliseconds).
    const built = options.pause ? await outputColumnsInBlocks(write, async () => void (await breathe()), 1_000) : outputColumns(write);
    const columns = distinctHeaders(built, customers.headerCells, lang);
    columns.push(...staleOutputColumns(customers.outputCols, cols, Math.max(0, lastRow - firstRow + 1)));
    if (customers.generated) await port.replaceSheet(customersSheet(customers, scheme, lang, columns));
    else await port.writeColumns({ sheet: customers.sheet, headerRow: customers.headerRow, firstRow, columns }, progress);
  }

  // The scheme travels with the workbook: written when it came from outside or was not there yet.
  if (loaded.source !== 'rules-sheet') {
    const rules = generatedSheetName('rules', names, lang);
    await port.replaceSheet({ ...schemeToSheet(scheme, lang), name: rules.name, kind: 'rules' });
  }
  progress({ done: 4, total: 5, stage: 'history' });
  let summaries: SummariesWritten | null = null;
  if (options.period && options.writeSummaries !== false) {
    const header = historyHeader(scheme, lang);
    await port.appendRows(historySheet.name, header, snapshotRows(), { col: 0, key: options.period }, 'history', header.map((_, c) => (c === header.length - 1 ? GRADED_AT_FORMAT : null)));
    // A review run also leaves the tier mix, and movement and churn against the previous period:
    // as native PivotTables where the host can build them, else as static tables.
    if (workbook.summaries) {
      const partial = { scheme, result, mix: tierMixOf(result), previousPeriod: prevPeriod, previous } as RunResult;
      const specs = summarySpecs(partial, lang, { period: options.period, existingSheets: names, gradedAt });
      const report = await workbook.summaries(specs, progress);
      const churn = await writeChurn(port, names, result, lang, snapshotRows(), earlier);
      summaries = {
        mix: specs.find((x) => x.key === 'mix')!.sheet,
        movement: specs.find((x) => x.key === 'movement')?.sheet ?? null,
        churn,
        native: report,
      };
    } else summaries = await writeSummaries(port, names, result, lang, snapshotRows(), earlier);
  }
  // The action lists are written by a review run; Apply only grades: its lists are worked out if asked for.
  const nextNow = () => nextSteps(result, held, previous, recencyOf(customers.table, related, window, asOf.serial), options.actions);
  let next: NextSteps | null = null;
  let nextSheets: NextStepSheets | null = null;
  // Apply for a period counts recency from the orders now (kept per period end): the Summaries that follow
  // write the action lists from it, and each step stays within its share of the time.
  if (options.period && options.writeSummaries === false) recencyOf(customers.table, related, window, asOf.serial);
  if (options.period && options.writeSummaries !== false) {
    await breathe();
    next = await nextStepsPausing(result, held, previous, recencyOf(customers.table, related, window, asOf.serial), options.actions, options.pause);
    nextSheets = await writeNextSteps(port, names, result, next, lang);
    await breathe();
  }
  // A million customers' mix is a tenth of a second: worked out in parts.
  await breathe();
  const mix = await drainPausing(tierMixOfSteps(result), options.pause);
  progress({ done: 5, total: 5, stage: 'done' });
  let moved: TierMovement | null | undefined;
  return {
    scheme,
    schemeSource: loaded.source,
    customers,
    result,
    mix,
    held,
    get movement() {
      return moved === undefined ? (moved = movement()) : moved;
    },
    get next() {
      return (next ??= nextNow());
    },
    previousPeriod: prevPeriod,
    previous,
    warnings: [...customers.warnings, ...shown.warnings, ...result.warnings, ...orphanWarnings(notes), ...text.warnings()],
    summaries,
    related: { orders: related.orders?.sheet ?? null, interactions: related.interactions?.sheet ?? null, satisfaction: related.satisfaction?.sheet ?? null },
    notes,
    before,
    asOf,
    wroteColumns: writeColumns,
    nextSheets,
  };
}

/** Whether the sheet's tier column (read before the run) holds exactly the tiers of `result`. */
function holdsTiers(before: Map<string, string> | null, result: GradeResult, lang: Lang): boolean {
  if (!before) return false;
  const unrated = loc('未评级', 'Unrated')[lang];
  for (let i = 0; i < result.size; i++) {
    const t = result.tier[i]!;
    const id = idKey(result.table.ids[i] ?? null);
    if (id === null || before.get(id) !== (t >= 0 ? result.scheme.tiers[t]!.label[lang] : unrated)) return false;
  }
  return true;
}

export { GENERATED_SHEETS };
