// The grading run, written once against the workbook port: read → map → grade → write back → history.
// The file host and the Office.js host both run exactly this.
import { todaySerial } from '../core/aggregate/period.ts';
import {
  a1,
  columnLetter,
  GENERATED_SHEETS,
  SchemeError,
  generatedSheetName,
  getPreset,
  DEFAULT_PRESET_ID,
  grade,
  historyHeader,
  historyRows,
  loc,
  periodWindow,
  periodsOf,
  previousPeriod,
  readHistory,
  schemeFromSheet,
  schemeToSheet,
  snapshot,
  tierMixOf,
  type GradeResult,
  type HistoryRecord,
  type Lang,
  type Localized,
  type Scheme,
  metricSpec,
  ordersToTable,
  type DataIssue,
  type PeriodWindow,
  type CustomerTable,
  applyDowngradePolicy,
  GRADED_AT_FORMAT,
  outputColumnsFor,
  tierMovement,
  type HeldTier,
} from '../core/index.ts';
import type { ColumnWrite, GeneratedSheet, SheetInfo, SheetValues, WorkbookPort } from '../port/workbook.ts';
import { aggregatePeriodOrders, fillFromRelated, findRelatedSheets, metricsFromRelated, type Related } from './related-sheets.ts';
import { currenciesOf, currencyFromData, type ColumnCurrencies } from './currency.ts';
import { RunError } from './errors.ts';
import { ownedSheets, readOwnership, type Ownership } from './ownership.ts';
import { previousFromUserGrades } from './user-grades.ts';
import { pointIssuesAtCells } from './issue-cells.ts';
import { idKey } from '../core/aggregate/keys.ts';
import { readCustomerSheet, type CustomerSheet } from './read-customers.ts';
import { summarySpecs } from './summary-specs.ts';
import { writeChurn, writeSummaries, type SummariesWritten } from './summaries.ts';
import { lastAppliedTiers } from './session-moves.ts';
import { distinctHeaders, outputColumns, outputColumnsInBlocks, placeOutputColumns, staleOutputColumns, type WriteContext } from './write-back.ts';

import { type AsOf, type RunOptions, type RunResult } from './run-result.ts';

export { asOfMessage, type AsOf, type RunOptions, type RunResult } from './run-result.ts';

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

async function loadScheme(port: WorkbookPort, sheets: SheetInfo[], options: RunOptions, own: Ownership): Promise<{ scheme: Scheme; source: RunResult['schemeSource'] }> {
  if (options.scheme) return { scheme: options.scheme, source: 'option' };
  // Only our rules sheet: a user's sheet that happens to be called 等级规则 is no scheme.
  const rules = sheets.find((s) => own.sheets.get(s.name) === 'rules');
  if (rules) {
    const values = await port.readSheet(rules.name);
    const read = schemeFromSheet(values.values, values.firstRow, rules.name);
    if (!read.ok) {
      const lines = (lang: Lang) => read.problems.map((p) => `${p.path}: ${p.message[lang]}${p.value !== undefined ? ` (${JSON.stringify(p.value)})` : ''}`).join('\n');
      throw new RunError('rules-sheet', loc(`等级规则表有误：\n${lines('zh-CN')}`, `The tier rules sheet has problems:\n${lines('en-US')}`));
    }
    return { scheme: read.scheme, source: 'rules-sheet' };
  }
  return { scheme: getPreset(DEFAULT_PRESET_ID)!, source: 'default' };
}

async function findCustomerSheet(
  port: WorkbookPort,
  sheets: SheetInfo[],
  scheme: Scheme,
  options: Pick<RunOptions, 'sheet' | 'mapping'>,
  asOf: number | null,
  latestKnown: number | null,
  related: Related,
  own: Ownership,
): Promise<CustomerSheet | null> {
  const canFill = new Set(metricsFromRelated(related).keys());
  const read = async (name: string) =>
    readCustomerSheet(await port.readSheet(name), scheme, {
      ours: own.columns.get(name) ?? {},
      asOf,
      latestKnown,
      canFill,
      lastCol: sheets.find((s) => s.name === name)?.lastCol ?? -1,
      ...(options.mapping ? { explicit: options.mapping } : {}),
    });
  if (options.sheet) {
    const info = sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => s.name.trim().toLowerCase() === options.sheet!.trim().toLowerCase());
    if (!info)
      throw new RunError(
        'sheet-not-found',
        loc(`找不到工作表"${options.sheet}"。工作簿中有：${sheets.map((s) => s.name).join('、')}`, `No sheet named "${options.sheet}". The workbook has: ${sheets.map((s) => s.name).join(', ')}`),
      );
    return read(info.name);
  }
  const relatedNames = new Set([related.orders?.sheet, related.interactions?.sheet, related.satisfaction?.sheet]);
  const candidates = sheets.filter((s) => s.visible && s.lastRow > 0 && !own.sheets.has(s.name) && !relatedNames.has(s.name));
  let firstError: RunError | null = null;
  for (const info of candidates) {
    try {
      return await read(info.name);
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      // A sheet whose header was found but whose columns fall short says more than a sheet with no header.
      if (!firstError || (firstError.code === 'no-header' && e.code !== 'no-header')) firstError = e;
    }
  }
  // An orders export alone is enough: the customers are its distinct ids.
  if (related.orders) return null;
  if (firstError) throw firstError;
  throw new RunError('no-customer-sheet', loc('工作簿中没有可评级的客户表，也没有订单记录表', 'The workbook has no customer sheet to grade and no orders sheet'));
}

/** Customers made from an orders export: one per distinct id, graded onto a sheet of their own. */
function customersFromOrders(related: Related, window: PeriodWindow | null, asOf: number, sheet: string): CustomerSheet {
  const { inPeriod, upToEnd } = aggregatePeriodOrders(related.orders!, window, asOf);
  const all = ordersToTable(inPeriod);
  // Recency counts from the last purchase up to the period end, even when it was before the period.
  all.metrics.recencyDays = { values: upToEnd.recencyDays, invalid: upToEnd.incomplete };
  // The customers of a period are the ids with rows in it; one who bought nothing then is not graded then
  // (and shows as churned or new in the movement between periods).
  const keep: number[] = [];
  for (let i = 0; i < all.size; i++) if (!window || inPeriod.lines[i]! > 0) keep.push(i);
  const table = subsetTable(all, keep);
  table.rows = table.ids.map((_, i) => i + 2);
  return {
    sheet,
    generated: true,
    table,
    sheetRows: table.rows,
    headerRow: 1,
    headerCells: [],
    lastRow: table.size + 1,
    lastUserCol: ORDER_SHEET_METRICS.length,
    mapping: { columns: [], byField: {}, outputColumns: [], unmapped: [], problems: [] },
    outputCols: {},
    noteRows: [],
    warnings: [],
    asOf,
    currencies: [],
  };
}

/** The customers at the given positions, issues re-indexed. */
function subsetTable(table: CustomerTable, keep: readonly number[]): CustomerTable {
  if (keep.length === table.size) return table;
  const at = new Map(keep.map((i, k) => [i, k]));
  const pick = <T,>(xs: readonly T[]) => keep.map((i) => xs[i]!);
  const metrics: CustomerTable['metrics'] = {};
  for (const [m, col] of Object.entries(table.metrics)) {
    const values = Float64Array.from(keep, (i) => col.values[i]!);
    const invalid = col.invalid ? Uint8Array.from(keep, (i) => col.invalid![i]!) : null;
    metrics[m] = { values, invalid };
  }
  return {
    size: keep.length,
    ids: pick(table.ids),
    names: pick(table.names),
    rows: table.rows ? pick(table.rows) : null,
    metrics,
    overrides: table.overrides ? pick(table.overrides) : null,
    overrideReasons: table.overrideReasons ? pick(table.overrideReasons) : null,
    issues: table.issues.filter((x) => x.index === undefined || at.has(x.index)).map((x) => (x.index === undefined ? x : { ...x, index: at.get(x.index)! })),
  };
}

/** Excel's last column, XFD (0-based). */
const EXCEL_LAST_COL = 16_383;

const ORDER_SHEET_METRICS = ['annualSpend', 'orderCount', 'avgOrderValue', 'recencyDays'] as const;

/** The customers sheet of an orders-only run: id, the aggregated metrics, then the output columns. */
function customersSheet(customers: CustomerSheet, scheme: Scheme, lang: Lang, columns: ColumnWrite[]): GeneratedSheet {
  const { table } = customers;
  const labels = ORDER_SHEET_METRICS.map((m) => metricSpec(scheme, m).label[lang]);
  const header = [loc('客户编号', 'Customer ID')[lang], ...labels, ...columns.map((c) => c.header)];
  const rows = table.ids.map((id, i) => [
    id,
    ...ORDER_SHEET_METRICS.map((m) => {
      const v = table.metrics[m]?.values[i];
      return v !== undefined && Number.isFinite(v) ? v : null;
    }),
    ...columns.map((c) => c.values[i] ?? null),
  ]);
  const tierCol = columns.findIndex((c) => c.fills);
  const fills = tierCol >= 0 ? columns[tierCol]!.fills! : undefined;
  return {
    name: customers.sheet,
    kind: 'customers',
    tables: [
      {
        header,
        rows,
        numberFormats: [null, '#,##0.00', '0', '#,##0.00', '0', ...columns.map((c) => c.numberFormat ?? null)],
        ...(fills ? { rowFills: fills } : {}),
        tableName: 'TierBookCustomers',
      },
    ],
    widths: [14, 14, 10, 14, 12, ...columns.map((c) => c.width ?? 12)],
    freezeRows: 2,
  };
}

/** The port, with each sheet read at most once per run until something is written (sheets are looked at by several steps). */
export function readOnce(port: WorkbookPort): WorkbookPort {
  const cache = new Map<string, Promise<SheetValues>>();
  const wrote = <A extends unknown[]>(f: (...a: A) => Promise<void>) => (...a: A) => {
    cache.clear();
    return f(...a);
  };
  return {
    listSheets: () => port.listSheets(),
    readMarks: () => port.readMarks(),
    readSheet: (name, options) => {
      if (options) return port.readSheet(name, options);
      let p = cache.get(name);
      if (!p) cache.set(name, (p = port.readSheet(name)));
      return p;
    },
    writeColumns: wrote((patch, onProgress) => port.writeColumns(patch, onProgress)),
    replaceSheet: wrote((sheet) => port.replaceSheet(sheet)),
    appendRows: wrote((sheet, header, rows, replace, kind, formats) => port.appendRows(sheet, header, rows, replace, kind, formats)),
  };
}

export interface LoadedCustomers {
  customers: CustomerSheet;
  related: Related;
  /** Join notes (ids found only in a related sheet). */
  notes: DataIssue[];
  /** What in the workbook is TierBook's. */
  own: Ownership;
  asOf: AsOf;
}

/** The customers to grade with their metrics filled from the related sheets: the read half of a run (the task pane's preview uses it alone). */
export async function loadCustomers(
  port: WorkbookPort,
  sheets: SheetInfo[],
  scheme: Scheme,
  options: Pick<RunOptions, 'lang' | 'sheet' | 'mapping'>,
  window: PeriodWindow | null,
  given: number | null,
  today: number = todaySerial(),
  own?: Ownership,
): Promise<LoadedCustomers> {
  own ??= await readOwnership(port, sheets);
  const related = await findRelatedSheets(port, sheets, options.sheet ?? null, own);
  // Without a period or --as-of, recency counts to the latest date in the data: the last order …
  const fixed = window ? window.end : given;
  const ordersLatest = fixed === null && related.orders ? aggregatePeriodOrders(related.orders, null, undefined).inPeriod.asOf : NaN;
  const latestKnown = Number.isFinite(ordersLatest) ? ordersLatest : null;
  // … or the latest last-purchase date on the customer sheet.
  const found = await findCustomerSheet(port, sheets, scheme, options, fixed, latestKnown, related, own);
  const latest = found?.asOf ?? latestKnown;
  const asOf: AsOf =
    fixed !== null
      ? { serial: fixed, source: window ? 'period' : 'option' }
      : latest !== null
        ? { serial: latest, source: 'data' }
        : { serial: today, source: 'today' };
  const customers = found ?? customersFromOrders(related, window, asOf.serial, generatedSheetName('customers', ownedSheets(sheets, own), options.lang).name);
  const notes = found ? fillFromRelated(found.table, scheme, related, window, asOf.serial) : [];
  return { customers, related, notes, own, asOf };
}

/** Schemes that grade from orders alone (spend, order count, recency): the hint for an orders export. */
const ORDERS_ONLY_SCHEMES = 'rfm-5、abc-revenue';

/** The run stops: the scheme needs metrics nothing supplies. Says which, in words, and what the sheet has. */
function missingMetrics(scheme: Scheme, customers: CustomerSheet, metrics: readonly string[]): RunError {
  const labels = (lang: Lang) => metrics.map((m) => metricSpec(scheme, m).label[lang]);
  const need = loc(`方案"${scheme.name['zh-CN']}"还需要：${labels('zh-CN').join('、')}`, `The scheme "${scheme.name['en-US']}" also needs: ${labels('en-US').join(', ')}`);
  if (customers.generated)
    return new RunError(
      'missing-columns',
      loc(
        `只有订单记录，能算出的是消费金额、订单数、平均订单金额和最近消费天数；${need['zh-CN']}。订单导出可改用 ${ORDERS_ONLY_SCHEMES} 方案（命令行：--scheme rfm-5），或加一张含这些列的客户表`,
        `With only an orders export, spend, order count, average order and days since last purchase are known. ${need['en-US']}. For an orders export use the ${ORDERS_ONLY_SCHEMES.replace('、', ' or ')} scheme (command line: --scheme rfm-5), or add a customer sheet with these columns`,
      ),
    );
  const headers = [...customers.mapping.columns, ...customers.mapping.unmapped].sort((a, b) => a.col - b.col).map((c) => c.header);
  const found = headers.length ? loc(`表头中有：${headers.join('、')}`, `Headers found: ${headers.join(', ')}`) : loc('没有找到任何列名', 'no column names were found');
  return new RunError(
    'missing-columns',
    loc(
      `工作表"${customers.sheet}"缺少评级所需的列。${need['zh-CN']}。${found['zh-CN']}（命令行可用 --map 指标=列名 指定列）`,
      `Sheet "${customers.sheet}" lacks columns needed for grading. ${need['en-US']}. ${found['en-US']} (on the command line, name a column with --map metric=Header)`,
    ),
  );
}

/** The currencies the orders sheet's amount (or unit price) cells show. */
function ordersCurrencies(related: Related): ColumnCurrencies[] {
  const o = related.orders;
  if (!o) return [];
  const col = o.cols.amount ?? o.cols.unitPrice;
  if (col === undefined) return [];
  const cells = o.rows.map((r) => r[col] ?? null);
  const found = currenciesOf(o.sheet, columnLetter(col), cells, (i) => a1(o.firstRow + i, col));
  return found ? [found] : [];
}

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
export async function gradeWorkbook(workbook: WorkbookPort, options: RunOptions): Promise<RunResult> {
  const { lang } = options;
  const port = readOnce(workbook);
  const progress = options.onProgress ?? (() => {});
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
  const { customers, related, notes, asOf } = await loadCustomers(port, sheets, loaded.scheme, options, window, options.asOf ?? null, options.today ?? todaySerial(), own);
  // Amounts in the data's currency when the scheme sets none (a UK retailer's £ is not shown as ¥).
  const shown = currencyFromData(loaded.scheme, [...customers.currencies, ...ordersCurrencies(related)], loaded.source === 'rules-sheet');
  const scheme = shown.scheme;

  progress({ done: 2, total: 5, stage: 'grade' });
  const result = gradeCustomers(scheme, customers, related);
  // The tiers the sheet held before this run (its tier column), read before anything is written.
  const before = await lastAppliedTiers(port, sheets, customers);

  // The previous period's tiers, from the history sheet.
  const historySheet = generatedSheetName('history', names, lang);
  let history: HistoryRecord[] = [];
  if (historySheet.exists) history = readHistory((await port.readSheet(historySheet.name)).values, scheme);
  const prevPeriod = previousPeriod(periodsOf(history), options.period ?? null);
  const held = options.period ? keepTiers(result, history, options.period) : new Map<number, HeldTier>();
  const previous = prevPeriod ? snapshot(history, prevPeriod) : null;
  // No earlier period: the user's own grade column, if it names our tiers, is the previous tier shown.
  const shownPrevious = previous ?? (customers.generated ? null : previousFromUserGrades(customers, await port.readSheet(customers.sheet), scheme));
  const earlier = prevPeriod ? history.filter((r) => r.period === prevPeriod) : null;
  const gradedAt = options.gradedAt ?? new Date();
  const snapshotRows = options.period ? historyRows(options.period, result, lang, gradedAt) : [];
  const movement =
    options.period && earlier?.length ? tierMovement(scheme, earlier, readHistory([historyHeader(scheme, lang), ...snapshotRows], scheme)) : null;

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
    const columns = distinctHeaders(options.pause ? await outputColumnsInBlocks(write, options.pause) : outputColumns(write), customers.headerCells, lang);
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
    await port.appendRows(historySheet.name, header, snapshotRows, { col: 0, key: options.period }, 'history', header.map((_, c) => (c === header.length - 1 ? GRADED_AT_FORMAT : null)));
    // A review run also leaves the tier mix, and movement and churn against the previous period:
    // as native PivotTables where the host can build them, else as static tables.
    if (workbook.summaries) {
      const partial = { scheme, result, mix: tierMixOf(result), previousPeriod: prevPeriod, previous } as RunResult;
      const specs = summarySpecs(partial, lang, { period: options.period, existingSheets: names, gradedAt });
      const report = await workbook.summaries(specs, progress);
      const churn = await writeChurn(port, names, result, lang, snapshotRows, earlier);
      summaries = {
        mix: specs.find((x) => x.key === 'mix')!.sheet,
        movement: specs.find((x) => x.key === 'movement')?.sheet ?? null,
        churn,
        native: report,
      };
    } else summaries = await writeSummaries(port, names, result, lang, snapshotRows, earlier);
  }
  progress({ done: 5, total: 5, stage: 'done' });
  return {
    scheme,
    schemeSource: loaded.source,
    customers,
    result,
    mix: tierMixOf(result),
    held,
    movement,
    previousPeriod: prevPeriod,
    previous,
    warnings: [...customers.warnings, ...shown.warnings, ...result.warnings, ...orphanWarnings(notes)],
    summaries,
    related: { orders: related.orders?.sheet ?? null, interactions: related.interactions?.sheet ?? null, satisfaction: related.satisfaction?.sheet ?? null },
    notes,
    before,
    asOf,
    wroteColumns: writeColumns,
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
