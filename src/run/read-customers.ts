// Turn a customer sheet, as users really fill it, into the core's customer table: find the header row,
// map columns, parse every metric (honouring units in headers), and report what cannot be read by cell.
import { idKey } from '../core/aggregate/keys.ts';
import {
  a1,
  loc,
  metricSpec,
  outputColumnOf,
  parseDate,
  parseMetricColumn,
  type CellValue,
  type CustomerTable,
  type Localized,
  type DataIssue,
  type MetricColumn,
  type OutputColumnKey,
  type Scheme,
} from '../core/index.ts';
import { applyScale, detectHeaderRow, mapColumns, splitDataRowsSteps, type ColumnMapping } from '../core/mapping/index.ts';
import type { SheetValues } from '../port/workbook.ts';
import { currenciesOf, type ColumnCurrencies } from './currency.ts';
import { RunError } from './errors.ts';
import { drain, type Steps } from './pause.ts';
import { firstSeenSteps } from './first-seen.ts';

export interface CustomerSheet {
  sheet: string;
  /** True when the customers came from an orders export and get a sheet of their own. */
  generated: boolean;
  table: CustomerTable;
  /** Sheet row of each customer. */
  sheetRows: number[];
  headerRow: number;
  /** The header row's cells (from column A). */
  headerCells: readonly (string | null)[];
  /** The last row of the sheet holding anything (output columns are cleared down to it). */
  lastRow: number;
  /** The last column holding user data (not our output). */
  lastUserCol: number;
  mapping: ColumnMapping;
  outputCols: Partial<Record<OutputColumnKey, number>>;
  /** Sheet rows taken as notes, not customers (notes between customers, everything under the 合计 row). */
  noteRows: number[];
  /** What the run should say about how the sheet was read: notes skipped, cells converted. */
  warnings: Localized[];
  /** The day recency was counted to from the last-purchase column; null when the sheet has no such column. */
  asOf: number | null;
  /** Amount columns whose cells show a currency (£1,200, HK$300). */
  currencies: ColumnCurrencies[];
}

const NON_METRIC_FIELDS = new Set(['id', 'name', 'override', 'overrideReason', 'lastPurchase']);

export interface ReadOptions {
  explicit?: Record<string, string>;
  /**
   * Reference day for recency from a last-purchase date column (Excel serial): the period end or the
   * user's --as-of. Null: the latest date in the data (this column, and `latestKnown` from an orders sheet).
   */
  asOf: number | null;
  /** The latest date found elsewhere in the data (the last order), for `asOf: null`. */
  latestKnown?: number | null;
  /** Metrics a related sheet (orders, satisfaction …) can supply: not an error when the sheet lacks them. */
  canFill?: ReadonlySet<string>;
  /**
   * The sheet's last column holding anything, as the host reports it (SheetInfo.lastCol): a formula
   * that shows nothing (no cached result, or "") holds no value but is the user's all the same.
   */
  lastCol?: number;
  /**
   * The output columns that are TierBook's (marked, or a previous version's), by key. Only these are ours:
   * a user's column that merely has one of our headers is the user's. Without it, headers decide (tests of
   * the reader alone).
   */
  ours?: Partial<Record<OutputColumnKey, number>>;
}

/** "第 14、25、26 行" / "rows 14, 25, 26", at most ten listed. */
function rowList(rows: readonly number[]): Localized {
  const shown = rows.slice(0, 10);
  const more = rows.length > shown.length ? rows.length - shown.length : 0;
  return loc(
    `第 ${shown.join('、')} 行${more ? ` 等` : ''}`,
    `row${rows.length > 1 ? 's' : ''} ${shown.join(', ')}${more ? `, … (${rows.length} in all)` : ''}`,
  );
}

export function readCustomerSheet(values: SheetValues, scheme: Scheme, options: ReadOptions): CustomerSheet {
  return drain(readCustomerSheetSteps(values, scheme, options));
}

/** Rows between two yields of the reader (each a few milliseconds of work). */
const ROWS_PER_STEP = 16_384;

/** readCustomerSheet, yielding between parts of the work (a million rows take seconds: see pause.ts). */
export function* readCustomerSheetSteps(values: SheetValues, scheme: Scheme, options: ReadOptions): Steps<CustomerSheet> {
  const sheet = values.sheet;
  const header = detectHeaderRow(values.values, values.firstRow);
  if (!header)
    throw new RunError(
      'no-header',
      loc(`在工作表"${sheet}"中找不到表头行（应有"客户编号""年度消费金额"等列名）`, `No header row found in sheet "${sheet}" (expected column names such as "Customer ID", "Annual spend")`),
    );
  const oursCols = new Set(Object.values(options.ours ?? {}));
  // Our own columns are no data to map, whatever their header says ("客户等级（TierBook）").
  const mapping = mapColumns(
    header.headers.map((h, c) => (oursCols.has(c) ? null : h)),
    scheme,
    options.explicit ? { explicit: options.explicit } : {},
  );
  const blocking = mapping.problems.filter(
    (p) => p.severity === 'error' && !(p.code === 'missing-required' && p.field !== undefined && options.canFill?.has(p.field)),
  );
  if (blocking.length)
    throw new RunError('missing-columns', { lead: loc(`工作表"${sheet}"：`, `Sheet "${sheet}": `), lines: blocking });

  // The data ends at the 合计/Total line; text-only lines in the first column are notes, not customers.
  const split = yield* splitDataRowsSteps(values.values, header.index, header.headers, mapping);
  const rows = split.rows;
  const noteRows = split.notes.map((r) => values.firstRow + r);
  const warnings: Localized[] = [];
  if (noteRows.length) {
    const list = rowList(noteRows);
    warnings.push(
      loc(
        `工作表"${sheet}"：${noteRows.length} 行只有第一列有文字、没有任何指标（或在合计行之下），按备注处理，不评级（${list['zh-CN']}）`,
        `Sheet "${sheet}": ${noteRows.length} row${noteRows.length > 1 ? 's' : ''} with text in the first column only and no metric (or under the total row) taken as notes, not graded (${list['en-US']})`,
      ),
    );
  }
  const n = rows.length;
  const sheetRows = rows.map((r) => values.firstRow + r);
  const cells = (col: number): CellValue[] => rows.map((r) => values.values[r]![col] ?? null);
  const issues: DataIssue[] = [];
  const locate = (col: number) => (i: number) => ({ sheet, row: sheetRows[i]!, cell: a1(sheetRows[i]!, col) });

  // Ids: the id column, else the name; a row with neither is still graded, under its row number.
  const idCol = mapping.byField.id?.col;
  const nameCol = mapping.byField.name?.col;
  const names = nameCol !== undefined ? cells(nameCol).map((v) => (v === null ? null : String(v).trim() || null)) : new Array<string | null>(n).fill(null);
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const raw = idCol !== undefined ? values.values[rows[i]!]![idCol] : names[i];
    let id = idKey(raw ?? null);
    if (id === null) {
      id = `#${sheetRows[i]}`;
      issues.push({
        code: 'blank',
        index: i,
        field: 'id',
        ...locate(idCol ?? nameCol ?? 0)(i),
        message: loc(`客户编号为空，暂以行号 ${sheetRows[i]} 代替`, `Customer ID is blank; row ${sheetRows[i]} is used instead`),
      });
    }
    ids[i] = id;
  }
  yield;
  // A repeated id points at its first row (issues are sorted by customer below, a blank id's note first).
  const first = yield* firstSeenSteps(ids);
  for (let i = 0; i < n; i++) {
    const f = first[i]!;
    if (f === i) continue;
    const id = ids[i]!;
    issues.push({
      code: 'duplicate-id',
      index: i,
      field: 'id',
      value: id,
      ...locate(idCol ?? nameCol ?? 0)(i),
      message: loc(`客户编号 ${id} 与第 ${sheetRows[f]} 行重复`, `Customer ID ${id} repeats row ${sheetRows[f]}`),
    });
  }

  // Metrics, scaled by the unit their header names (万元, 千元, months …).
  const metrics: Record<string, MetricColumn> = {};
  const currencies: ColumnCurrencies[] = [];
  // Only the metrics the scheme declares: an unreadable cell in a column nobody grades on is no issue.
  const declared = new Set(scheme.criteria.map((c) => c.metric));
  for (const m of mapping.columns) {
    if (NON_METRIC_FIELDS.has(m.field) || !declared.has(m.field)) continue;
    yield;
    const spec = metricSpec(scheme, m.field);
    const raw = cells(m.col);
    // Copying, parsing and reading the currency of a million cells are a step each.
    yield;
    const parsed = parseMetricColumn(raw, spec, locate(m.col));
    if (spec.unit === 'currency') {
      yield;
      const shown = currenciesOf(sheet, m.header, raw, (i) => a1(sheetRows[i]!, m.col));
      if (shown) currencies.push(shown);
    }
    const converted = parsed.conversions;
    if (converted.length) {
      const first = converted[0]!;
      const at = a1(sheetRows[first.index]!, m.col);
      warnings.push(
        loc(
          `${spec.label['zh-CN']}：${converted.length} 个单元格${first.note['zh-CN']}（如 ${at}“${first.raw}”→ ${+first.value.toFixed(4)}）`,
          `${spec.label['en-US']}: ${converted.length} cell${converted.length > 1 ? 's' : ''} ${first.note['en-US']} (e.g. ${at} "${first.raw}" → ${+first.value.toFixed(4)})`,
        ),
      );
    }
    // Cells that state their own unit ("3万", "15%") were scaled by the parser already.
    applyScale(parsed.column.values, m.scale, raw);
    metrics[m.field] = parsed.column;
    issues.push(...parsed.issues);
  }

  // Recency from a last-purchase date, counted to the period end, the --as-of day, or the latest date in the data.
  const last = mapping.byField.lastPurchase;
  let asOf: number | null = null;
  if (last && !metrics.recencyDays) {
    const values2 = new Float64Array(n);
    let invalid: Uint8Array | null = null;
    const col = cells(last.col);
    const parsed = col.map((v) => parseDate(v));
    let latest = options.latestKnown ?? -Infinity;
    for (const p of parsed) if (p.ok && p.value !== null && p.value > latest) latest = Math.floor(p.value);
    asOf = options.asOf ?? (Number.isFinite(latest) ? latest : null);
    for (let i = 0; i < n; i++) {
      const p = parsed[i]!;
      if (p.ok) values2[i] = p.value === null || asOf === null ? NaN : Math.max(0, Math.floor(asOf) - Math.floor(p.value));
      else {
        values2[i] = NaN;
        (invalid ??= new Uint8Array(n))[i] = 1;
        issues.push({
          code: p.code,
          index: i,
          field: 'lastPurchase',
          value: p.raw,
          ...locate(last.col)(i),
          message: loc(`${last.header}：${p.message['zh-CN']}`, `${last.header}: ${p.message['en-US']}`),
        });
      }
    }
    metrics.recencyDays = { values: values2, invalid };
  }

  const overrideCol = mapping.byField.override?.col;
  const reasonCol = mapping.byField.overrideReason?.col;
  const text = (col: number | undefined) => (col === undefined ? null : cells(col).map((v) => (v === null ? null : String(v).trim() || null)));

  // Where our own output columns already are, and where the user's data ends.
  const outputCols: Partial<Record<OutputColumnKey, number>> = options.ours ? { ...options.ours } : {};
  let lastUserCol = -1;
  if (!options.ours)
    header.headers.forEach((h, c) => {
      const key = outputColumnOf(h);
      if (key && outputCols[key] === undefined) outputCols[key] = c;
    });
  yield;
  const ourCols = new Set(Object.values(outputCols));
  for (let r = 0; r < values.values.length; r++) {
    if (r % ROWS_PER_STEP === 0) yield;
    const row = values.values[r]!;
    for (let c = row.length - 1; c > lastUserCol; c--) {
      if (row[c] !== null && row[c] !== '' && !ourCols.has(c)) {
        lastUserCol = c;
        break;
      }
    }
  }

  // Output columns go right of it too, unless that last column is one of ours.
  if (options.lastCol !== undefined && options.lastCol > lastUserCol && !Object.values(outputCols).includes(options.lastCol)) lastUserCol = options.lastCol;

  yield;
  const table: CustomerTable = {
    size: n,
    ids,
    names,
    rows: sheetRows,
    metrics,
    overrides: text(overrideCol),
    overrideReasons: text(reasonCol),
    issues: issues.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)),
  };
  return {
    sheet,
    generated: false,
    table,
    sheetRows,
    headerRow: header.row,
    headerCells: header.headers,
    lastRow: values.firstRow + values.values.length - 1,
    lastUserCol,
    mapping,
    outputCols,
    noteRows,
    warnings,
    asOf,
    currencies,
  };
}
