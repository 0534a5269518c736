// Loading for a run: the scheme (given, the rules sheet, or the default preset), the customer sheet (or the
// customers an orders export makes) with its related sheets, each sheet read at most once.
import { todaySerial } from '../core/aggregate/period.ts';
import { generatedSheetName, getPreset, DEFAULT_PRESET_ID, loc, schemeFromSheet, type Lang, type Scheme, type PeriodWindow } from '../core/index.ts';
import type { SheetInfo, SheetValues, WorkbookPort } from '../port/workbook.ts';
import { aggregatePeriodOrders, fillFromRelated, findRelatedSheets, metricsFromRelated, type Related } from './related-sheets.ts';
import { RunError } from './errors.ts';
import { ownedSheets, readOwnership, type Ownership } from './ownership.ts';
import { readCustomerSheetSteps, type CustomerSheet } from './read-customers.ts';
import { drainPausing } from './pause.ts';

import { type AsOf, type LoadedCustomers, type RunOptions, type RunResult } from './run-result.ts';
export type { LoadedCustomers };

import { customersFromOrders } from './orders-only.ts';

export async function loadScheme(port: WorkbookPort, sheets: SheetInfo[], options: RunOptions, own: Ownership): Promise<{ scheme: Scheme; source: RunResult['schemeSource'] }> {
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
  options: Pick<RunOptions, 'sheet' | 'mapping' | 'pause'>,
  asOf: number | null,
  latestKnown: number | null,
  related: Related,
  own: Ownership,
): Promise<CustomerSheet | null> {
  const canFill = new Set(metricsFromRelated(related).keys());
  const read = async (name: string) =>
    drainPausing(readCustomerSheetSteps(await port.readSheet(name), scheme, {
      ours: own.columns.get(name) ?? {},
      asOf,
      latestKnown,
      canFill,
      lastCol: sheets.find((s) => s.name === name)?.lastCol ?? -1,
      ...(options.mapping ? { explicit: options.mapping } : {}),
    }), options.pause);
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

/** The port, with each sheet read at most once per run until something is written (sheets are looked at by several steps). */
export function readOnce(port: WorkbookPort): WorkbookPort {
  const cache = new Map<string, Promise<SheetValues>>();
  const wrote = <A extends unknown[]>(f: (...a: A) => Promise<void>) => (...a: A) => {
    cache.clear();
    return f(...a);
  };
  return {
    ...(port.revision ? { revision: port.revision.bind(port) } : {}),
    listSheets: () => port.listSheets(),
    readMarks: () => port.readMarks(),
    ...(port.readColumns ? { readColumns: port.readColumns.bind(port) } : {}),
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

/** The customers to grade with their metrics filled from the related sheets: the read half of a run (the task pane's preview uses it alone). */
export async function loadCustomers(
  port: WorkbookPort,
  sheets: SheetInfo[],
  scheme: Scheme,
  options: Pick<RunOptions, 'lang' | 'sheet' | 'mapping' | 'pause' | 'related'>,
  window: PeriodWindow | null,
  given: number | null,
  today: number = todaySerial(),
  own?: Ownership,
): Promise<LoadedCustomers> {
  own ??= await readOwnership(port, sheets);
  const related = await findRelatedSheets(port, sheets, options.sheet ?? null, own, options.related);
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
