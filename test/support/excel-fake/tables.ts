// Excel tables: add, name, ranges, resize (ExcelApi 1.13), delete, convertToRange.
import type { FakeContext } from './context.ts';
import { parseInput } from './input.ts';
import { FakeOfficeError, intersects, parseAddress, type Rect, type Scalar, type SheetModel, type TableModel } from './model.ts';
import { NamedCollection, ProxyBase } from './proxy.ts';
import { FakeRange, type Located } from './ranges.ts';
import { cost } from './requests.ts';

/** Rows added at the bottom of a table: the table grows over them (cells below must be empty: no shifting is modelled). */
function appendRows(t: TableModel, values: (Scalar | null)[][]): void {
  const { sheet, rect } = t;
  const r0 = rect.r0 + rect.rows;
  if (values.some((row) => row.length !== rect.cols))
    throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  for (let r = r0; r < r0 + values.length; r++)
    for (let c = rect.c0; c < rect.c0 + rect.cols; c++)
      if (sheet.get(r, c) !== undefined && sheet.get(r, c) !== '') throw new FakeOfficeError('NotImplemented', 'fake: rows.add over cells that are not empty (Excel would shift them down)');
  values.forEach((row, i) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const p = typeof v === 'string' ? parseInput(v, sheet.numberFormatAt(r0 + i, rect.c0 + c)) : { value: v };
      sheet.set(r0 + i, rect.c0 + c, p.value, p.formula, p.prefixed);
    }),
  );
  t.rect = { ...rect, rows: rect.rows + values.length };
  sheet.touch();
}

export class FakeTableCollection extends NamedCollection<TableModel, FakeTable> {
  constructor(ctx: FakeContext, sheetOf: (() => SheetModel) | null) {
    super(ctx, 'TableCollection', sheetOf);
  }
  protected models(): TableModel[] {
    return this.context.excel.tables;
  }
  protected proxy(locate: () => TableModel | null, nullable: boolean): FakeTable {
    return new FakeTable(this.context, locate, nullable);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.context.enqueue({
      bytes: cost(this.typeName, 'add', [typeof address === 'string' ? address : 'Range', hasHeaders]),
      run: () => {
        const ex = this.context.excel;
        let sheet: SheetModel;
        let rect: Rect;
        if (typeof address === 'string') {
          const p = parseAddress(address);
          sheet = p.sheet ? ex.sheet(p.sheet) : this.sheetOf!();
          rect = p.rect;
        } else ({ sheet, rect } = (address as unknown as { target(): Located }).target());
        if (!hasHeaders) throw new FakeOfficeError('NotImplemented', 'fake: tables without headers');
        if (ex.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect))) throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
        const header = Array.from({ length: rect.cols }, (_, c) => sheet.get(rect.r0, rect.c0 + c));
        const seen = new Set<string>();
        for (const h of header) {
          const k = String(h ?? '').toLowerCase();
          if (k === '' || seen.has(k)) throw new FakeOfficeError('InvalidArgument', 'fake: table headers must be distinct and not blank (Excel would rename them)');
          seen.add(k);
        }
        created = { id: ex.nextTableId(), name: `Table${ex.tables.length + 1}`, sheet, rect: rect.rows < 2 ? { ...rect, rows: 2 } : rect, style: 'TableStyleMedium2' };
        ex.tables.push(created);
      },
    });
    return new FakeTable(this.context, () => created, false);
  }
}

export class FakeTable extends ProxyBase<TableModel> implements Pick<Excel.Table, 'name'> {
  protected readonly scalarProps = ['name', 'id', 'style'] as const;
  /** table.rows.add(index, values) (ExcelApi 1.1): only appending at the bottom (index null) is modelled. */
  readonly rows: { add: (index?: number | null, values?: (Scalar | null)[][]) => void };
  constructor(ctx: FakeContext, private readonly locate: () => TableModel | null, nullable: boolean) {
    super(ctx, 'Table', nullable);
    this.rows = {
      add: (index, values) => {
        if (index !== null && index !== undefined) throw new FakeOfficeError('NotImplemented', 'fake: rows.add only at the bottom (index null)');
        if (!values?.length) throw new FakeOfficeError('NotImplemented', 'fake: rows.add without values');
        this.command('rows.add', [index ?? null, values], (t) => appendRows(t, values));
      },
    };
  }
  preload(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
  protected tryResolve(): TableModel | null {
    const t = this.locate();
    return t && this.context.excel.tables.includes(t) ? t : null;
  }
  protected snapshot(t: TableModel, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'id') return t.id;
    if (prop === 'style') return t.style;
    throw new FakeOfficeError('InvalidArgument', `fake: Table.${prop} cannot be loaded`);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.setLocal('name', v);
    this.command('name', [v], (t) => {
      const other = this.context.excel.findTable(v);
      if (other && other !== t) throw new FakeOfficeError('ItemAlreadyExists', `A table named ${v} already exists.`);
      // Tables and defined names share one namespace.
      if (this.context.excel.names.some((n) => n.name.toLowerCase() === v.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `The name ${v} is already taken by a defined name.`);
      t.name = v;
    });
  }
  set style(v: string) {
    this.command('style', [v], (t) => (t.style = v));
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target().sheet, rect: this.target().rect }));
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target().sheet, rect: { ...this.target().rect, rows: 1 } }));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 } };
    });
  }
  /** ExcelApi 1.13. */
  resize(range: string | FakeRange): void {
    if (!this.context.excel.isSetSupported('ExcelApi', '1.13')) throw new FakeOfficeError('ApiNotFound', 'Table.resize needs ExcelApi 1.13');
    this.command('resize', [typeof range === 'string' ? range : 'Range'], (t) => {
      const rect = typeof range === 'string' ? parseAddress(range).rect : (range as unknown as { target(): Located }).target().rect;
      if (rect.r0 !== t.rect.r0 || rect.c0 !== t.rect.c0) throw new FakeOfficeError('InvalidArgument', 'The table header must stay where it is.');
      t.rect = rect;
    });
  }
  delete(): void {
    this.command('delete', [], (t) => {
      const ex = this.context.excel;
      for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) t.sheet.set(r, c, undefined);
      t.sheet.touch();
      ex.tables.splice(ex.tables.indexOf(t), 1);
    });
  }
  convertToRange(): FakeRange {
    const loc = () => ({ sheet: this.target().sheet, rect: this.target().rect });
    this.command('convertToRange', [], (t) => {
      const ex = this.context.excel;
      ex.tables.splice(ex.tables.indexOf(t), 1);
    });
    return new FakeRange(this.context, loc);
  }
}
