// Charts: add, name, title, position, setData.
import type { FakeContext } from './context.ts';
import { FakeOfficeError, intersects, type ChartModel, type PivotModel, type SheetModel } from './model.ts';
import { ProxyBase, notLoaded } from './proxy.ts';
import type { FakeRange, Located } from './ranges.ts';
import { cost } from './requests.ts';

/**
 * A chart over cells of a PivotTable is a PivotChart of the whole PivotTable: it shares the PivotTable's
 * layout, every data field becomes a series (OfficeDev/office-js#419: "a chart cannot only based on part
 * of the PivotTable").
 */
function bind(c: ChartModel, src: Located, pivots: PivotModel[]): void {
  const pivot = pivots.find((p) => p.sheet === src.sheet && intersects(p.output, src.rect)) ?? null;
  c.pivot = pivot;
  c.source = pivot ? { sheet: pivot.sheet, rect: pivot.output } : src;
}

export class FakeChartCollection extends ProxyBase<ChartModel[]> {
  protected readonly scalarProps = [] as const;
  private itemProxies: FakeChart[] | undefined;
  constructor(ctx: FakeContext, private readonly sheetOf: () => SheetModel) {
    super(ctx, 'ChartCollection', false);
  }
  protected tryResolve(): ChartModel[] {
    return this.context.excel.charts.filter((c) => c.sheet === this.sheetOf() && this.context.excel.sheets.includes(c.sheet));
  }
  protected snapshot(): unknown {
    return null;
  }
  override load(): this {
    this.context.enqueue({
      bytes: cost(this.typeName, 'load'),
      run: (stage) => {
        const charts = this.tryResolve();
        stage.commit(() => (this.itemProxies = charts.map((c) => new FakeChart(this.context, () => c, false))), 32 * charts.length);
      },
    });
    return this;
  }
  get items(): FakeChart[] {
    if (!this.itemProxies) throw notLoaded(this.typeName, 'items');
    return this.itemProxies;
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, () => this.tryResolve().find((c) => c.name === name) ?? null, true);
  }
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: ChartModel | null = null;
    this.context.enqueue({
      bytes: cost(this.typeName, 'add', [type, seriesBy]),
      run: () => {
        const src = (sourceData as unknown as { target(): Located }).target();
        created = { name: `Chart ${this.context.excel.charts.length + 1}`, type, sheet: this.sheetOf(), source: src, pivot: null, seriesBy, title: null, position: null };
        bind(created, src, this.context.excel.pivots);
        this.context.excel.charts.push(created);
      },
    });
    return new FakeChart(this.context, () => created, false);
  }
}

export class FakeChart extends ProxyBase<ChartModel> implements Pick<Excel.Chart, 'name'> {
  protected readonly scalarProps = ['name'] as const;
  readonly title: { text: string };
  constructor(ctx: FakeContext, private readonly locate: () => ChartModel | null, nullable: boolean) {
    super(ctx, 'Chart', nullable);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors in object literals stand for Excel's sub-objects
    const self = this;
    this.title = {
      set text(v: string) {
        self.command('title.text', [v], (c) => (c.title = v));
      },
      get text(): string {
        throw notLoaded('ChartTitle', 'text');
      },
    };
  }
  protected tryResolve(): ChartModel | null {
    const c = this.locate();
    return c && this.context.excel.charts.includes(c) ? c : null;
  }
  protected snapshot(c: ChartModel, prop: string): unknown {
    if (prop === 'name') return c.name;
    throw new FakeOfficeError('InvalidArgument', `fake: Chart.${prop} cannot be loaded`);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.setLocal('name', v);
    this.command('name', [v], (c) => (c.name = v));
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const s = (x: string | FakeRange | undefined) => (x === undefined ? null : typeof x === 'string' ? x : 'Range');
    this.command('setPosition', [s(startCell), s(endCell)], (c) => (c.position = { start: s(startCell)!, end: s(endCell) }));
  }
  setData(sourceData: FakeRange, seriesBy = 'Auto'): void {
    this.command('setData', [seriesBy], (c) => {
      bind(c, (sourceData as unknown as { target(): Located }).target(), this.context.excel.pivots);
      c.seriesBy = seriesBy;
    });
  }
  delete(): void {
    this.command('delete', [], (c) => {
      const ex = this.context.excel;
      ex.charts.splice(ex.charts.indexOf(c), 1);
    });
  }
}
