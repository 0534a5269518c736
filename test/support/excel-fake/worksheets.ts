// Worksheets: the collection (add, getItem…) and one sheet's proxy (ranges, tables, charts, PivotTables, page layout).
import { FakeChartCollection } from './charts.ts';
import type { FakeContext } from './context.ts';
import { FakeOfficeError, MAX_COLS, MAX_ROWS, SheetModel, parseAddress } from './model.ts';
import { FakePivotTableCollection } from './pivots.ts';
import { NamedCollection, ProxyBase, notLoaded } from './proxy.ts';
import { FakeRange } from './ranges.ts';
import { cost } from './requests.ts';
import { FakeTableCollection } from './tables.ts';

export class FakeWorksheetCollection extends NamedCollection<SheetModel, FakeWorksheet> {
  protected override readonly scalarProps = ['items'] as const;
  constructor(ctx: FakeContext) {
    super(ctx, 'WorksheetCollection', null);
  }
  protected models(): SheetModel[] {
    return this.context.excel.sheets;
  }
  protected proxy(locate: () => SheetModel | null, nullable: boolean, listed = false): FakeWorksheet {
    return new FakeWorksheet(this.context, locate, nullable, listed);
  }
  protected override itemData(s: SheetModel, props: readonly string[]): Record<string, unknown> {
    const data = { name: s.name, visibility: s.visibility, position: this.context.excel.sheets.indexOf(s) };
    return props.includes('*') || props.length === 0 ? data : Object.fromEntries(props.filter((k) => k in data).map((k) => [k, data[k as keyof typeof data]]));
  }
  private find(key: string): SheetModel | null {
    return this.context.excel.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.context.enqueue({
      bytes: cost(this.typeName, 'add', [name]),
      run: () => {
        if (this.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `The resource being created already exists: ${name}`);
        if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name: ${name}`);
        created = new SheetModel(name);
        this.context.excel.sheets.push(created);
      },
    });
    return new FakeWorksheet(this.context, () => created, false);
  }
}

export class FakeWorksheet extends ProxyBase<SheetModel> implements Pick<Excel.Worksheet, 'name' | 'visibility'> {
  protected readonly scalarProps = ['name', 'visibility', 'position'] as const;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly pivotTables: FakePivotTableCollection;
  readonly freezePanes: { freezeRows: (n?: number) => void; unfreeze: () => void };
  readonly pageLayout: { orientation: string; zoom: Excel.PageLayoutZoomOptions; setPrintTitleRows: (address: string) => void };
  constructor(
    ctx: FakeContext,
    private readonly locate: () => SheetModel | null,
    nullable: boolean,
    fromItems = false,
  ) {
    super(ctx, 'Worksheet', nullable);
    void fromItems;
    this.tables = new FakeTableCollection(ctx, () => this.target());
    this.charts = new FakeChartCollection(ctx, () => this.target());
    this.pivotTables = new FakePivotTableCollection(ctx, () => this.target());
    this.freezePanes = {
      freezeRows: (n = 1) => this.command('freezeRows', [n], (s) => (s.frozenRows = n)),
      unfreeze: () => this.command('unfreeze', [], (s) => (s.frozenRows = 0)),
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors in object literals stand for Excel's sub-objects
    const self = this;
    this.pageLayout = {
      set orientation(v: string) {
        self.command('pageLayout.orientation', [v], (s) => (s.pageLayout.orientation = v));
      },
      get orientation() {
        throw notLoaded('PageLayout', 'orientation');
      },
      set zoom(v: Excel.PageLayoutZoomOptions) {
        self.command('pageLayout.zoom', [v], (s) => (s.pageLayout.zoom = { ...v }));
      },
      get zoom(): Excel.PageLayoutZoomOptions {
        throw notLoaded('PageLayout', 'zoom');
      },
      setPrintTitleRows(address: string) {
        self.command('setPrintTitleRows', [address], (s) => (s.pageLayout.printTitleRows = address));
      },
    };
  }
  preload(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
  protected tryResolve(): SheetModel | null {
    return this.locate();
  }
  protected snapshot(s: SheetModel, prop: string): unknown {
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.context.excel.sheets.indexOf(s);
    throw new FakeOfficeError('InvalidArgument', `fake: Worksheet.${prop} cannot be loaded`);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.setLocal('name', v);
    this.command('name', [v], (s) => (s.name = v));
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.setLocal('visibility', v);
    this.command('visibility', [v], (s) => (s.visibility = String(v)));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.target();
      return { sheet: s, rect: address ? parseAddress(address).rect : { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS } };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS)
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (getRangeByIndexes ${startRow}, ${startColumn}, ${rowCount}, ${columnCount}).`);
      return { sheet: this.target(), rect: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        if (!valuesOnly) throw new FakeOfficeError('NotImplemented', 'fake: only getUsedRange(valuesOnly = true) is modelled');
        const s = this.target();
        const used = s.usedValues();
        return used ? { sheet: s, rect: used } : null;
      },
      true,
    );
  }
  delete(): void {
    this.command('delete', [], (s) => {
      const ex = this.context.excel;
      ex.sheets.splice(ex.sheets.indexOf(s), 1);
    });
  }
  activate(): void {
    this.command('activate', [], (sheet) => {
      this.context.excel.activeSheet = sheet.name;
    });
  }
}
