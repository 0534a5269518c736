// Defined names (workbook.names, ExcelApi 1.4).
import type { FakeContext } from './context.ts';
import { FakeOfficeError, type NameModel } from './model.ts';
import { NamedCollection, ProxyBase } from './proxy.ts';
import { cost } from './requests.ts';

export /** workbook.names: load, add (ExcelApi 1.4), getItem / getItemOrNullObject (case-insensitive, as Excel). */
class FakeNamedItemCollection extends NamedCollection<NameModel, FakeNamedItem> {
  protected override readonly scalarProps = ['items'] as const;
  constructor(ctx: FakeContext) {
    super(ctx, 'NamedItemCollection', null);
  }
  protected models(): NameModel[] {
    return this.context.excel.names;
  }
  protected proxy(locate: () => NameModel | null, nullable: boolean): FakeNamedItem {
    return new FakeNamedItem(this.context, locate, nullable);
  }
  protected override itemData(n: NameModel, props: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(props.map((p) => [p, namedItemProp(n, p)]));
  }
  private find(key: string): NameModel | null {
    return this.context.excel.names.find((n) => n.name.toLowerCase() === key.toLowerCase()) ?? null;
  }
  /** ExcelApi 1.4. Names follow Excel's rules: a letter, _ or \\ first, then letters, digits, _ . \\; no cell reference. */
  add(name: string, reference: string): FakeNamedItem {
    if (!this.context.excel.isSetSupported('ExcelApi', '1.4'))
      throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.');
    let created: NameModel | null = null;
    this.context.enqueue({
      bytes: cost(this.typeName, 'add', [name, reference]),
      run: () => {
        if (this.find(name) || this.context.excel.findTable(name)) throw new FakeOfficeError('ItemAlreadyExists', `The resource being created already exists: ${name}`);
        if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || name.length > 255)
          throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${name}`);
        created = { name, formula: reference.startsWith('=') ? reference : `=${reference}`, visible: true };
        this.context.excel.names.push(created);
      },
    });
    return new FakeNamedItem(this.context, () => created, false);
  }
}

function namedItemProp(n: NameModel, prop: string): unknown {
  if (prop === 'value') return n.formula.replace(/^=/, '');
  if (prop === 'type') return 'Range';
  return n[prop as keyof NameModel];
}

export class FakeNamedItem extends ProxyBase<NameModel> {
  protected readonly scalarProps = ['name', 'formula', 'value', 'visible', 'type'] as const;
  constructor(ctx: FakeContext, private readonly locate: () => NameModel | null, nullable: boolean) {
    super(ctx, 'NamedItem', nullable);
  }
  protected tryResolve(): NameModel | null {
    return this.locate();
  }
  protected snapshot(t: NameModel, prop: string): unknown {
    return namedItemProp(t, prop);
  }
  /** Values known from a collection load. */
  preload(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  get value(): string {
    return this.read('value');
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(v: boolean) {
    this.setLocal('visible', v);
    this.command('visible', [v], (t) => (t.visible = v));
  }
  delete(): void {
    this.command('delete', [], (t) => {
      const all = this.context.excel.names;
      all.splice(all.indexOf(t), 1);
    });
  }
}
