// A PivotTable computed from its records the way Excel lays one out in tabular form: the items of each axis
// field in display order, one line per row item (a grand-total line last), one column per column item (or
// per value field), and every aggregate. The file host writes this as the cache, the PivotTable part and
// the cells Excel would show; Excel and LibreOffice recompute the same from the source table.
import type { CellValue, PivotValue, SummarySpec } from '../../../port/workbook.ts';
import { XlsxError } from './errors.ts';

export interface CacheField {
  name: string;
  /** On the row or column axis: its shared items are in display order. */
  axis: boolean;
  /**
   * Its values are listed as shared items and records point at them (as Excel writes them: axis fields and
   * every field holding text); else records hold the numbers themselves.
   */
  shared: boolean;
  items: CellValue[];
  /** Item index by value (shared fields only). */
  index: ItemIndex;
  /** Each record's item index (shared fields only): looked up once, for the lines and the cache records. */
  recordItems: Int32Array | null;
  numbers: number;
  strings: number;
  blanks: number;
  integers: boolean;
  min: number;
  max: number;
  longText: boolean;
}

export interface PivotData extends PivotValue {
  /** Source column of the value field. */
  fld: number;
}

export interface PivotLayout {
  fields: CacheField[];
  records: CellValue[][];
  rowFields: number[];
  colField: number | null;
  data: PivotData[];
  /** Per line, the item index of each row field. */
  rowItems: number[][];
  /** Item indexes of the column field ([] without one). */
  colItems: number[];
  /** Values per line (grand total last): per column item then the row total (column field), else per value field. */
  values: (number | null)[][];
  /** The cells Excel shows, relative to the PivotTable's top-left cell, with the value field of each value cell. */
  grid: { value: CellValue; data: number | null; bold?: boolean }[][];
  firstHeaderRow: number;
  firstDataRow: number;
  firstDataCol: number;
}

/**
 * Numbers by value per item, by type: a field of a million customer numbers would otherwise make a
 * "type:value" key string per record, twice (the items, then each record's index).
 */
export class ItemIndex {
  private readonly strings = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  private readonly other = new Map<boolean | null, number>();

  private map(v: CellValue): Map<string | number | boolean | null, number> {
    return (typeof v === 'string' ? this.strings : typeof v === 'number' ? this.numbers : this.other) as Map<string | number | boolean | null, number>;
  }
  get(v: CellValue): number | undefined {
    return this.map(v).get(v);
  }
  set(v: CellValue, i: number): void {
    this.map(v).set(v, i);
  }
  /** The index of `v`, the next one when it is new. */
  intern(v: CellValue): number {
    const m = this.map(v);
    const i = m.get(v);
    if (i !== undefined) return i;
    const next = this.size;
    m.set(v, next);
    return next;
  }
  /** Sets the next index when `v` is new; true then. */
  add(v: CellValue): boolean {
    const m = this.map(v);
    if (m.has(v)) return false;
    m.set(v, this.size);
    return true;
  }
  get size(): number {
    return this.strings.size + this.numbers.size + this.other.size;
  }
}

/** Display order of items: numbers ascending, then text in the order the static tables show it, then blanks. */
function itemOrder(values: CellValue[], hint: ReadonlyMap<string, number>): CellValue[] {
  const rank = (v: CellValue) => (v === null ? 3 : typeof v === 'number' ? 0 : hint.has(String(v)) ? 1 : 2);
  return values.sort((a, b) => {
    const d = rank(a) - rank(b);
    if (d) return d;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const ha = hint.get(String(a));
    const hb = hint.get(String(b));
    if (ha !== undefined && hb !== undefined) return ha - hb;
    return String(a).localeCompare(String(b), 'zh-CN');
  });
}

/** Labels in the order the static tables list them (first column, then headers): tier order, 新客户, 流失. */
function hintOrder(spec: SummarySpec): Map<string, number> {
  const hint = new Map<string, number>();
  const add = (v: CellValue | undefined) => {
    if (typeof v === 'string' && !hint.has(v)) hint.set(v, hint.size);
  };
  for (const t of spec.fallback) {
    for (const r of t.rows) add(r[0]);
    for (const h of t.header) add(h);
  }
  return hint;
}

export function pivotLayout(spec: SummarySpec, labels: { grandTotal: string }): PivotLayout {
  const { header, rows } = spec.source;
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new XlsxError('argument', `数据透视表字段"${name}"不是表 ${spec.source.tableName} 的列。`, `PivotTable field "${name}" is not a column of ${spec.source.tableName}.`);
    return i;
  };
  const rowFields = spec.pivot.rows.map(col);
  const colNames = spec.pivot.columns ?? [];
  if (colNames.length > 1) throw new XlsxError('argument', '数据透视表最多只能有一个列字段。', 'A PivotTable here takes one column field at most.');
  const colField = colNames.length ? col(colNames[0]!) : null;
  const data: PivotData[] = spec.pivot.values.map((v) => ({ ...v, fld: col(v.field) }));
  if (!data.length || (colField !== null && data.length > 1)) throw new XlsxError('argument', '数据透视表需要值字段；有列字段时只能有一个值字段。', 'A PivotTable needs a value field, and exactly one when it has a column field.');
  const axes = new Set([...rowFields, ...(colField === null ? [] : [colField])]);
  const hint = hintOrder(spec);

  const fields: CacheField[] = header.map((name, c) => {
    const f: CacheField = { name, axis: axes.has(c), shared: false, items: [], index: new ItemIndex(), recordItems: null, numbers: 0, strings: 0, blanks: 0, integers: true, min: Infinity, max: -Infinity, longText: false };
    for (let k = 0; k < rows.length; k++) {
      const v = rows[k]![c] ?? null;
      if (v === null || v === '') f.blanks++;
      else if (typeof v === 'number') {
        f.numbers++;
        if (!Number.isInteger(v)) f.integers = false;
        f.min = Math.min(f.min, v);
        f.max = Math.max(f.max, v);
      } else {
        f.strings++;
        if (String(v).length > 255) f.longText = true;
      }
    }
    f.shared = f.axis || f.strings > 0;
    // Only shared items are numbered: a field of a million amounts is written by value, never looked up.
    if (f.shared) {
      // Values in the order first met (-0 and 0 are one item, as String() makes them).
      const seen = new ItemIndex();
      const firstMet: CellValue[] = [];
      const met = new Int32Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        const v = rows[k]![c] ?? null;
        const item = v === '' ? null : v;
        const i = seen.intern(item);
        if (i === firstMet.length) firstMet.push(item);
        met[k] = i;
      }
      // Axis items in display order; other fields' in the order they first occur, as Excel lists them.
      f.items = f.axis ? itemOrder(firstMet.slice(), hint) : firstMet;
      if (f.axis) {
        f.items.forEach((v, i) => f.index.set(v, i));
        // From the order first met to the display order.
        const shown = Int32Array.from(firstMet, (v) => f.index.get(v)!);
        for (let k = 0; k < met.length; k++) met[k] = shown[met[k]!]!;
      } else f.index = seen;
      f.recordItems = met;
    }
    return f;
  });
  const records = rows.map((r) => header.map((_, c) => (r[c] === '' || r[c] === undefined ? null : r[c]!)));

  // Lines: the distinct row-field tuples, ordered field by field.
  const lineKeys = new Map<string, number[]>();
  const lineOf = records.map((_, i) => {
    const t = rowFields.map((f) => fields[f]!.recordItems![i]!);
    const k = t.join(',');
    if (!lineKeys.has(k)) lineKeys.set(k, t);
    return k;
  });
  const rowItems = [...lineKeys.values()].sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
  const lineIndex = new Map(rowItems.map((t, i) => [t.join(','), i]));
  const colItems = colField === null ? [] : fields[colField]!.items.map((_, i) => i);

  // Aggregates: per line × column slot (column items then total; or value fields), grand total line last.
  const slots = colField === null ? data.length : colItems.length + 1;
  const acc = Array.from({ length: rowItems.length + 1 }, () => new Array<number | null>(slots).fill(null));
  const add = (line: number, slot: number, d: PivotData, v: CellValue) => {
    const cur = acc[line]![slot];
    if (d.summarizeBy === 'count') {
      if (v !== null) acc[line]![slot] = (cur ?? 0) + 1;
    } else acc[line]![slot] = (cur ?? 0) + (typeof v === 'number' ? v : 0);
  };
  records.forEach((r, i) => {
    const line = lineIndex.get(lineOf[i]!)!;
    const total = rowItems.length;
    if (colField === null) {
      data.forEach((d, k) => {
        add(line, k, d, r[d.fld] ?? null);
        add(total, k, d, r[d.fld] ?? null);
      });
    } else {
      const d = data[0]!;
      const item = fields[colField]!.recordItems![i]!;
      for (const l of [line, total]) {
        add(l, item, d, r[d.fld] ?? null);
        add(l, colItems.length, d, r[d.fld] ?? null);
      }
    }
  });
  // Cells without records stay blank, as in Excel.
  const values = acc.map((line) =>
    line.map((v, slot) => {
      const d = colField === null ? data[slot]! : data[0]!;
      if (v === null || d.showAs !== 'percentOfGrandTotal') return v;
      const grand = acc[acc.length - 1]![colField === null ? slot : colItems.length]!;
      return grand ? v / grand : null;
    }),
  );

  // The cells, tabular form.
  const label = (f: number, i: number): CellValue => {
    const v = fields[f]!.items[i] ?? null;
    return v === null ? '(blank)' : v;
  };
  const grid: PivotLayout['grid'] = [];
  const text = (value: CellValue, bold = false) => ({ value, data: null, ...(bold ? { bold } : {}) });
  if (colField === null) {
    grid.push([...rowFields.map((f) => text(fields[f]!.name, true)), ...data.map((d) => text(d.caption, true))]);
  } else {
    const top = [text(data[0]!.caption, true), ...rowFields.slice(1).map(() => text(null)), text(fields[colField]!.name, true), ...colItems.map(() => text(null))];
    grid.push(top);
    grid.push([...rowFields.map((f) => text(fields[f]!.name, true)), ...colItems.map((i) => text(label(colField, i), true)), text(labels.grandTotal, true)]);
  }
  rowItems.forEach((t, line) => {
    const prev = rowItems[line - 1];
    const cells = t.map((item, k) => text(prev && k < t.length - 1 && t.slice(0, k + 1).every((x, j) => x === prev[j]) ? null : label(rowFields[k]!, item)));
    grid.push([...cells, ...values[line]!.map((v, slot) => ({ value: v, data: colField === null ? slot : 0 }))]);
  });
  grid.push([text(labels.grandTotal, true), ...rowFields.slice(1).map(() => text(null)), ...values[rowItems.length]!.map((v, slot) => ({ value: v, data: colField === null ? slot : 0, bold: true }))]);

  const firstDataRow = colField === null ? 1 : 2;
  const firstHeaderRow = colField === null ? (data.length > 1 ? 0 : 1) : 1;
  return { fields, records, rowFields, colField, data, rowItems, colItems, values, grid, firstHeaderRow, firstDataRow, firstDataCol: rowFields.length };
}
