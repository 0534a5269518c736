// The grading input: customers as columns of numbers (NaN = blank), with what could not be read marked.
// Columns, not row objects, because a run grades up to a million customers.
import { loc } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { BUILTIN_METRICS, isBuiltinMetric } from '../scheme/metrics.ts';
import type { Criterion, Scheme } from '../scheme/schema.ts';
import { parseUnitCell } from '../values/cell-units.ts';
import { parseNumber } from '../values/number.ts';
import type { CellInput } from '../values/result.ts';
import type { Localized } from '../i18n.ts';

export interface MetricColumn {
  /** One value per customer; NaN where the cell was blank or unreadable. */
  values: Float64Array;
  /** 1 where the cell held something that is not a valid value (never graded as 0); null when all were fine. */
  invalid: Uint8Array | null;
}

export interface CustomerTable {
  size: number;
  ids: string[];
  names: (string | null)[];
  /** 1-based sheet row of each customer, for messages; null when the data has no rows (e.g. aggregated orders). */
  rows: number[] | null;
  metrics: Record<string, MetricColumn>;
  /** A tier id or label typed by the user, which wins over every mode. */
  overrides: (string | null)[] | null;
  overrideReasons: (string | null)[] | null;
  issues: DataIssue[];
}

/** Where a cell of a column sits, for messages. */
export type Locate = (index: number) => Pick<DataIssue, 'row' | 'cell' | 'sheet'>;

export type MetricSpec = Pick<Criterion, 'metric' | 'label' | 'unit'> & Partial<Pick<Criterion, 'min' | 'max'>>;

/** Parse one column of cells as a metric; unreadable and out-of-range cells become data issues. */
export function parseMetricColumn(
  cells: ArrayLike<CellInput>,
  spec: MetricSpec,
  locate: Locate = () => ({}),
): { column: MetricColumn; issues: DataIssue[]; conversions: UnitConversion[] } {
  const n = cells.length;
  const values = new Float64Array(n);
  let invalid: Uint8Array | null = null;
  const issues: DataIssue[] = [];
  const conversions: UnitConversion[] = [];
  const percent = spec.unit === 'percent';
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    // Fast path: most cells are plain numbers.
    if (typeof cell === 'number' && Number.isFinite(cell)) {
      values[i] = cell;
    } else {
      let parsed = parseNumber(cell, { percent });
      // Text with a unit of its own ("6年", "12次", "4.5/5"), read against the criterion's unit.
      if (!parsed.ok && parsed.code === 'not-a-number' && typeof cell === 'string') {
        const withUnit = parseUnitCell(cell, spec);
        if (withUnit) {
          parsed = withUnit.ok ? { ok: true, value: withUnit.value } : withUnit;
          if (withUnit.ok && withUnit.note) conversions.push({ index: i, raw: cell, value: withUnit.value, note: withUnit.note });
        }
      }
      if (parsed.ok) {
        values[i] = parsed.value ?? NaN;
      } else {
        values[i] = NaN;
        (invalid ??= new Uint8Array(n))[i] = 1;
        issues.push({
          code: parsed.code,
          index: i,
          field: spec.metric,
          value: parsed.raw,
          message: loc(`${spec.label['zh-CN']}：${parsed.message['zh-CN']}`, `${spec.label['en-US']}: ${parsed.message['en-US']}`),
          ...locate(i),
        });
        continue;
      }
    }
    const v = values[i]!;
    if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
      (invalid ??= new Uint8Array(n))[i] = 1;
      values[i] = NaN;
      const range = `${spec.min ?? '−∞'}–${spec.max ?? '∞'}`;
      issues.push({
        code: 'out-of-range',
        index: i,
        field: spec.metric,
        value: String(v),
        message: loc(
          `${spec.label['zh-CN']}：${v} 超出有效范围 ${range}`,
          `${spec.label['en-US']}: ${v} is outside the valid range ${range}`,
        ),
        ...locate(i),
      });
    }
  }
  return { column: { values, invalid }, issues, conversions };
}

/** A cell converted from another scale or unit ("4.5/5" on a 0–10 criterion): said in the run's warnings. */
export interface UnitConversion {
  index: number;
  raw: string;
  value: number;
  note: Localized;
}

/** A customer as plain data: the friendly way to grade a handful of rows (tests, the CLI on JSON, demos). */
export interface CustomerRecord {
  id: string;
  name?: string | null;
  row?: number;
  values: Record<string, CellInput>;
  override?: string | null;
  overrideReason?: string | null;
}

/** The spec of a metric: the scheme's criterion if declared, else the built-in catalogue. */
export function metricSpec(scheme: Scheme, metric: string): MetricSpec {
  const declared = scheme.criteria.find((c) => c.metric === metric);
  if (declared) return declared;
  if (isBuiltinMetric(metric)) return { metric, ...BUILTIN_METRICS[metric] };
  return { metric, label: loc(metric, metric), unit: 'number' };
}

/** Build a table from records, parsing every metric the records carry. */
export function tableFromRecords(scheme: Scheme, records: readonly CustomerRecord[]): CustomerTable {
  const metricIds = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.values)) metricIds.add(k);
  const metrics: Record<string, MetricColumn> = {};
  const issues: DataIssue[] = [];
  const hasRows = records.every((r) => r.row !== undefined);
  for (const metric of metricIds) {
    const cells = records.map((r) => r.values[metric]);
    const parsed = parseMetricColumn(cells, metricSpec(scheme, metric), (i) =>
      hasRows ? { row: records[i]!.row } : {},
    );
    metrics[metric] = parsed.column;
    issues.push(...parsed.issues);
  }
  const anyOverride = records.some((r) => r.override != null && r.override !== '');
  return {
    size: records.length,
    ids: records.map((r) => r.id),
    names: records.map((r) => r.name ?? null),
    rows: hasRows ? records.map((r) => r.row!) : null,
    metrics,
    overrides: anyOverride ? records.map((r) => r.override ?? null) : null,
    overrideReasons: anyOverride ? records.map((r) => r.overrideReason ?? null) : null,
    issues,
  };
}
