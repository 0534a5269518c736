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
  type DataIssue,
  type MetricColumn,
  type OutputColumnKey,
  type Scheme,
} from '../core/index.ts';
import { applyScale, dataRows, detectHeaderRow, mapColumns, type ColumnMapping } from '../core/mapping/index.ts';
import type { SheetValues } from '../port/workbook.ts';
import { RunError } from './errors.ts';

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
}

const NON_METRIC_FIELDS = new Set(['id', 'name', 'override', 'overrideReason', 'lastPurchase']);

export interface ReadOptions {
  explicit?: Record<string, string>;
  /** Reference day for recency from a last-purchase date column (Excel serial): the period end, or today. */
  asOf: number;
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

const TOTALS = /^(合计|总计|小计|共计|汇总|total|totals|grand total|sum|subtotal)[:：]?$/i;

/** A row whose id is blank and whose first text says "合计"/"Total". */
function isTotalsRow(row: CellValue[], mapping: ColumnMapping): boolean {
  const idCol = mapping.byField.id?.col;
  if (idCol !== undefined && row[idCol] !== null && row[idCol] !== undefined && String(row[idCol]).trim() !== '' && !TOTALS.test(String(row[idCol]).trim())) return false;
  const firstText = row.find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof firstText === 'string' && TOTALS.test(firstText.replace(/\s+/g, ''));
}

export function readCustomerSheet(values: SheetValues, scheme: Scheme, options: ReadOptions): CustomerSheet {
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
    throw new RunError('missing-columns', {
      'zh-CN': `工作表"${sheet}"：${blocking.map((p) => p.message['zh-CN']).join('\n')}`,
      'en-US': `Sheet "${sheet}": ${blocking.map((p) => p.message['en-US']).join('\n')}`,
    });

  // A totals line under the data ("合计", "Total") is not a customer.
  const rows = dataRows(values.values, header.index).filter((r) => !isTotalsRow(values.values[r]!, mapping));
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
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
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
    const first = seen.get(id);
    if (first !== undefined)
      issues.push({
        code: 'duplicate-id',
        index: i,
        field: 'id',
        value: id,
        ...locate(idCol ?? nameCol ?? 0)(i),
        message: loc(`客户编号 ${id} 与第 ${sheetRows[first]} 行重复`, `Customer ID ${id} repeats row ${sheetRows[first]}`),
      });
    else seen.set(id, i);
    ids[i] = id;
  }

  // Metrics, scaled by the unit their header names (万元, 千元, months …).
  const metrics: Record<string, MetricColumn> = {};
  // Only the metrics the scheme declares: an unreadable cell in a column nobody grades on is no issue.
  const declared = new Set(scheme.criteria.map((c) => c.metric));
  for (const m of mapping.columns) {
    if (NON_METRIC_FIELDS.has(m.field) || !declared.has(m.field)) continue;
    const spec = metricSpec(scheme, m.field);
    const raw = cells(m.col);
    const parsed = parseMetricColumn(raw, spec, locate(m.col));
    // Cells that state their own unit ("3万", "15%") were scaled by the parser already.
    applyScale(parsed.column.values, m.scale, raw);
    metrics[m.field] = parsed.column;
    issues.push(...parsed.issues);
  }

  // Recency from a last-purchase date, counted to the period end (or today).
  const last = mapping.byField.lastPurchase;
  if (last && !metrics.recencyDays) {
    const values2 = new Float64Array(n);
    let invalid: Uint8Array | null = null;
    const col = cells(last.col);
    for (let i = 0; i < n; i++) {
      const p = parseDate(col[i]);
      if (p.ok) values2[i] = p.value === null ? NaN : Math.max(0, Math.floor(options.asOf) - Math.floor(p.value));
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
  for (let r = 0; r < values.values.length; r++) {
    const row = values.values[r]!;
    for (let c = row.length - 1; c > lastUserCol; c--) {
      if (row[c] !== null && row[c] !== '' && !Object.values(outputCols).includes(c)) {
        lastUserCol = c;
        break;
      }
    }
  }

  // Output columns go right of it too, unless that last column is one of ours.
  if (options.lastCol !== undefined && options.lastCol > lastUserCol && !Object.values(outputCols).includes(options.lastCol)) lastUserCol = options.lastCol;

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
  };
}
