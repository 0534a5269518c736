// PivotTables (ExcelApi 1.8): the collection, hierarchies, layout, refresh, and the tabular rendering of
// their output into the sheet.
import type { FakeContext } from './context.ts';
import { FakeOfficeError, parseAddress, type PivotModel, type Rect, type Scalar, type SheetModel, type TableModel } from './model.ts';
import { NamedCollection, ProxyBase, notLoaded } from './proxy.ts';
import { FakeRange, type Located } from './ranges.ts';
import { cost } from './requests.ts';
import { FakeTable } from './tables.ts';

/** The source's header row (the fields a refresh gives the cache). */
function sourceHeader(source: PivotModel['source']): string[] {
  const { sheet, rect } = 'table' in source ? { sheet: source.table.sheet, rect: source.table.rect } : source;
  return Array.from({ length: rect.cols }, (_, c) => String(sheet.get(rect.r0, rect.c0 + c) ?? ''));
}

function sourceGrid(p: PivotModel): { header: string[]; rows: (Scalar | undefined)[][] } {
  const { sheet, rect } = 'table' in p.source ? { sheet: p.source.table.sheet, rect: p.source.table.rect } : p.source;
  const header = Array.from({ length: rect.cols }, (_, c) => String(sheet.get(rect.r0, rect.c0 + c) ?? ''));
  const rows: (Scalar | undefined)[][] = [];
  for (let r = rect.r0 + 1; r < rect.r0 + rect.rows; r++) rows.push(Array.from({ length: rect.cols }, (_, c) => sheet.get(r, rect.c0 + c)));
  return { header, rows };
}

function compareItems(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/**
 * Lays a PivotTable out from its source the way Excel's tabular form does (one line per row item, a grand
 * total line; with a column field, one column per column item and a grand total column). Subtotals are not
 * drawn (the host turns them off), and blank source rows are left out.
 */
export function renderPivot(p: PivotModel): void {
  const sheet = p.sheet;
  // Clear the previous output.
  const old = p.output;
  for (let r = old.r0; r < old.r0 + old.rows; r++) for (let c = old.c0; c < old.c0 + old.cols; c++) sheet.set(r, c, undefined);
  const { header, rows } = sourceGrid(p);
  const colOf = (name: string) => {
    const i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new FakeOfficeError('ItemNotFound', `fake: no field ${name} in the PivotTable source`);
    return i;
  };
  const rowCols = p.rows.map(colOf);
  const colCol = p.columns[0] !== undefined ? colOf(p.columns[0]) : null;
  const records = rows.filter((r) => rowCols.every((c) => r[c] !== undefined && r[c] !== ''));
  const keyOf = (r: (Scalar | undefined)[]) => JSON.stringify(rowCols.map((c) => r[c]));
  const rowKeys = [...new Map(records.map((r) => [keyOf(r), rowCols.map((c) => r[c] as Scalar)])).values()].sort((a, b) => {
    for (let i = 0; i < a.length; i++) {
      const d = compareItems(a[i]!, b[i]!);
      if (d) return d;
    }
    return 0;
  });
  const groups = new Map<string, (Scalar | undefined)[][]>();
  for (const r of records) {
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const colItems = colCol === null ? [] : [...new Set(records.map((r) => r[colCol] as Scalar).filter((v) => v !== undefined && v !== ''))].sort(compareItems);
  const agg = (subset: (Scalar | undefined)[][], d: PivotModel['data'][number]) => {
    const c = colOf(d.field);
    if (d.summarizeBy === 'Count') return subset.filter((r) => r[c] !== undefined && r[c] !== '').length;
    return subset.reduce((s, r) => s + (typeof r[c] === 'number' ? (r[c] as number) : 0), 0);
  };
  const out: Scalar[][] = [];
  const totalLabel = 'Grand Total';
  if (colCol === null) {
    out.push([...p.rows, ...p.data.map((d) => d.name)]);
    const grand = p.data.map((d) => agg(records, d));
    for (const key of rowKeys) {
      const subset = groups.get(JSON.stringify(key))!;
      out.push([...key, ...p.data.map((d, i) => (d.showAs === 'PercentOfGrandTotal' ? agg(subset, d) / (grand[i] || 1) : agg(subset, d)))]);
    }
    out.push([totalLabel, ...p.rows.slice(1).map(() => ''), ...p.data.map((d, i) => (d.showAs === 'PercentOfGrandTotal' ? 1 : grand[i]!))]);
  } else {
    const d = p.data[0];
    out.push([...p.rows, ...colItems, totalLabel]);
    const cell = (subset: (Scalar | undefined)[][]) => (d ? agg(subset, d) : '');
    for (const key of rowKeys) {
      const subset = groups.get(JSON.stringify(key))!;
      out.push([...key, ...colItems.map((item) => cell(subset.filter((r) => r[colCol] === item))), cell(subset)]);
    }
    out.push([totalLabel, ...p.rows.slice(1).map(() => ''), ...colItems.map((item) => cell(records.filter((r) => r[colCol] === item))), cell(records)]);
  }
  const width = out[0]!.length;
  out.forEach((row, i) => row.forEach((v, c) => sheet.set(p.at.r + i, p.at.c + c, v === '' ? undefined : v)));
  p.output = { r0: p.at.r, c0: p.at.c, rows: out.length, cols: width };
  p.rowLabels = { r0: p.at.r + 1, c0: p.at.c, rows: out.length - 1, cols: p.rows.length };
  p.dataBody = { r0: p.at.r + 1, c0: p.at.c + p.rows.length, rows: out.length - 1, cols: width - p.rows.length };
  sheet.touch();
}

export class FakePivotTableCollection extends NamedCollection<PivotModel, FakePivotTable> {
  constructor(ctx: FakeContext, sheetOf: (() => SheetModel) | null) {
    super(ctx, 'PivotTableCollection', sheetOf);
  }
  protected models(): PivotModel[] {
    return this.context.excel.pivots;
  }
  protected proxy(locate: () => PivotModel | null, nullable: boolean): FakePivotTable {
    return new FakePivotTable(this.context, locate, nullable);
  }
  protected override requireApi(): void {
    if (!this.context.excel.isSetSupported('ExcelApi', '1.8')) throw new FakeOfficeError('ApiNotFound', 'PivotTable APIs need ExcelApi 1.8');
  }
  add(name: string, source: string | FakeRange | FakeTable, destination: string | FakeRange): FakePivotTable {
    this.requireApi();
    let created: PivotModel | null = null;
    this.context.enqueue({
      bytes: cost(this.typeName, 'add', [name]),
      run: () => {
        const ex = this.context.excel;
        const src: PivotModel['source'] =
          source instanceof FakeTable
            ? { table: (source as unknown as { target(): TableModel }).target() }
            : typeof source === 'string'
              ? (() => {
                  // A string names a table, else a defined name, else it is an address.
                  const t = ex.findTable(source);
                  if (t) return { table: t };
                  const named = ex.names.find((n) => n.name.toLowerCase() === source.toLowerCase());
                  const p = parseAddress(named ? named.formula.replace(/^=/, '') : source);
                  return { sheet: ex.sheet(p.sheet!), rect: p.rect };
                })()
              : (source as unknown as { target(): Located }).target();
        const dest = typeof destination === 'string' ? parseAddress(destination) : null;
        const at = dest ? { sheet: dest.sheet ? ex.sheet(dest.sheet) : this.sheetOf!(), rect: dest.rect } : (destination as unknown as { target(): Located }).target();
        // PivotTable names are unique per sheet, not per workbook.
        if (ex.pivots.some((p) => p.sheet === at.sheet && p.name.toLowerCase() === name.toLowerCase()))
          throw new FakeOfficeError('ItemAlreadyExists', `A PivotTable named ${name} already exists on ${at.sheet.name}.`);
        created = {
          name,
          sheet: at.sheet,
          at: { r: at.rect.r0, c: at.rect.c0 },
          source: src,
          fields: sourceHeader(src),
          rows: [],
          columns: [],
          filters: [],
          data: [],
          layoutType: 'Compact',
          subtotalsOff: new Set(),
          refreshes: 0,
          output: { r0: at.rect.r0, c0: at.rect.c0, rows: 0, cols: 0 },
          rowLabels: { r0: at.rect.r0, c0: at.rect.c0, rows: 0, cols: 0 },
          dataBody: { r0: at.rect.r0, c0: at.rect.c0, rows: 0, cols: 0 },
        };
        ex.pivots.push(created);
        renderPivot(created);
      },
    });
    return new FakePivotTable(this.context, () => created, false);
  }
}

class FakeHierarchyCollection {
  private itemNames: string[] | undefined;
  constructor(
    private readonly pivot: FakePivotTable,
    private readonly axis: 'rows' | 'columns' | 'filters' | 'data' | 'all',
  ) {}
  /** load('items/name'): the hierarchies of the axis (for `hierarchies`, the fields of the PivotTable's cache). */
  load(): this {
    this.pivot.pivotRead('hierarchies.load', (p) => {
      const names = this.axis === 'all' ? p.fields : this.axis === 'data' ? p.data.map((d) => d.name) : p[this.axis];
      return [names.slice(), () => (this.itemNames = names.slice())];
    });
    return this;
  }
  get items(): { name: string }[] {
    if (!this.itemNames) throw notLoaded('PivotHierarchyCollection', 'items');
    return this.itemNames.map((name) => ({ name }));
  }
  getItem(name: string): { name: string; axis: string; fields: { getItem: (n: string) => { subtotals: { automatic?: boolean } } } } & Partial<FakeDataHierarchy> {
    const pivot = this.pivot;
    return {
      name,
      axis: this.axis,
      fields: {
        getItem: (field: string) => ({
          set subtotals(v: { automatic?: boolean }) {
            pivot.pivotCommand('subtotals', [field, v], (p) => {
              if (v.automatic === false) p.subtotalsOff.add(field);
              else p.subtotalsOff.delete(field);
            });
          },
          get subtotals(): { automatic?: boolean } {
            throw notLoaded('PivotField', 'subtotals');
          },
        }),
      },
    };
  }
  add(h: { name: string }): FakeDataHierarchy | { name: string } {
    const axis = this.axis;
    if (axis === 'data') {
      let model: PivotModel['data'][number] | null = null;
      this.pivot.pivotCommand('dataHierarchies.add', [h.name], (p) => {
        model = { name: `Sum of ${h.name}`, field: h.name, summarizeBy: 'Sum', showAs: null, numberFormat: null };
        p.data.push(model);
      });
      return new FakeDataHierarchy(this.pivot, () => model!);
    }
    this.pivot.pivotCommand(`${axis}Hierarchies.add`, [h.name], (p) => {
      for (const a of [p.rows, p.columns, p.filters]) {
        const i = a.indexOf(h.name);
        if (i >= 0) a.splice(i, 1);
      }
      (axis === 'rows' ? p.rows : axis === 'columns' ? p.columns : p.filters).push(h.name);
    });
    return { name: h.name };
  }
}

class FakeDataHierarchy {
  constructor(
    private readonly pivot: FakePivotTable,
    private readonly model: () => PivotModel['data'][number],
  ) {}
  set name(v: string) {
    this.pivot.pivotCommand('data.name', [v], () => (this.model().name = v));
  }
  set summarizeBy(v: string) {
    this.pivot.pivotCommand('data.summarizeBy', [v], () => (this.model().summarizeBy = v));
  }
  set showAs(v: { calculation: string }) {
    this.pivot.pivotCommand('data.showAs', [v], () => (this.model().showAs = v.calculation === 'None' ? null : v.calculation));
  }
  set numberFormat(v: string) {
    this.pivot.pivotCommand('data.numberFormat', [v], () => (this.model().numberFormat = v));
  }
}

export class FakePivotTable extends ProxyBase<PivotModel> implements Pick<Excel.PivotTable, 'name'> {
  protected readonly scalarProps = ['name'] as const;
  readonly hierarchies: FakeHierarchyCollection;
  readonly rowHierarchies: FakeHierarchyCollection;
  readonly columnHierarchies: FakeHierarchyCollection;
  readonly filterHierarchies: FakeHierarchyCollection;
  readonly dataHierarchies: FakeHierarchyCollection;
  readonly layout: { layoutType: string; getRange: () => FakeRange; getDataBodyRange: () => FakeRange; getRowLabelRange: () => FakeRange };
  constructor(ctx: FakeContext, private readonly locate: () => PivotModel | null, nullable: boolean) {
    super(ctx, 'PivotTable', nullable);
    this.hierarchies = new FakeHierarchyCollection(this, 'all');
    this.rowHierarchies = new FakeHierarchyCollection(this, 'rows');
    this.columnHierarchies = new FakeHierarchyCollection(this, 'columns');
    this.filterHierarchies = new FakeHierarchyCollection(this, 'filters');
    this.dataHierarchies = new FakeHierarchyCollection(this, 'data');
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors in object literals stand for Excel's sub-objects
    const self = this;
    const rangeOf = (pick: (p: PivotModel) => Rect) => new FakeRange(ctx, () => ({ sheet: self.target().sheet, rect: pick(self.target()) }));
    this.layout = {
      set layoutType(v: string) {
        self.pivotCommand('layout.layoutType', [v], (p) => (p.layoutType = v));
      },
      get layoutType(): string {
        throw notLoaded('PivotLayout', 'layoutType');
      },
      getRange: () => rangeOf((p) => p.output),
      getDataBodyRange: () => rangeOf((p) => p.dataBody),
      getRowLabelRange: () => rangeOf((p) => p.rowLabels),
    };
  }
  preload(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
  pivotCommand(name: string, args: unknown[], run: (p: PivotModel) => void): void {
    this.command(name, args, (p) => {
      run(p);
      renderPivot(p);
    });
  }
  protected tryResolve(): PivotModel | null {
    const p = this.locate();
    return p && this.context.excel.pivots.includes(p) ? p : null;
  }
  protected snapshot(p: PivotModel, prop: string): unknown {
    if (prop === 'name') return p.name;
    throw new FakeOfficeError('InvalidArgument', `fake: PivotTable.${prop} cannot be loaded`);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.setLocal('name', v);
    this.command('name', [v], (p) => (p.name = v));
  }
  /** Queue a read of the PivotTable: `read` gives the response and what to keep once the sync returns. */
  pivotRead(name: string, read: (p: PivotModel) => [unknown, () => void]): void {
    this.context.enqueue({
      bytes: cost(this.typeName, name),
      run: (stage) => {
        const [data, keep] = read(this.target());
        stage.commit(keep, JSON.stringify(data).length);
      },
    });
  }
  /**
   * Re-reads the source: the cache takes the source's fields as they are now, and a field of the layout whose
   * source column is gone (renamed, removed) is dropped from the PivotTable, as Excel does.
   */
  refresh(): void {
    this.pivotCommand('refresh', [], (p) => {
      p.refreshes++;
      p.fields = sourceHeader(p.source);
      const has = (f: string) => p.fields.some((h) => h.toLowerCase() === f.toLowerCase());
      p.rows = p.rows.filter(has);
      p.columns = p.columns.filter(has);
      p.filters = p.filters.filter(has);
      p.data = p.data.filter((d) => has(d.field));
    });
  }
  delete(): void {
    this.command('delete', [], (p) => {
      const o = p.output;
      for (let r = o.r0; r < o.r0 + o.rows; r++) for (let c = o.c0; c < o.c0 + o.cols; c++) p.sheet.set(r, c, undefined);
      const ex = this.context.excel;
      ex.pivots.splice(ex.pivots.indexOf(p), 1);
    });
  }
}
