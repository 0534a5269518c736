// The shared machinery of the fake's proxies: loading, PropertyNotLoaded, null objects, and named collections
// (tables, PivotTables).
import type { FakeContext } from './context.ts';
import { FakeOfficeError, type SheetModel } from './model.ts';
import { cost, utf8 } from './requests.ts';

export function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

export function propsOf(arg: unknown): string[] {
  if (arg === undefined) return ['*'];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === 'object' && 'select' in arg) return propsOf((arg as { select?: string }).select);
  return Object.keys(arg as object);
}

/** The shared machinery of proxies: loading, PropertyNotLoaded, null objects. */
export abstract class ProxyBase<T> {
  protected readonly loaded = new Map<string, unknown>();
  /** undefined until a sync told whether the object exists (for *OrNullObject proxies). */
  protected nullState: boolean | undefined;
  constructor(
    readonly context: FakeContext,
    readonly typeName: string,
    protected readonly nullable: boolean,
  ) {
    if (nullable) {
      context.enqueue({
        bytes: cost(typeName, 'OrNullObject'),
        run: (stage) => {
          const exists = this.tryResolve() !== null;
          stage.commit(() => (this.nullState = !exists), 8);
        },
      });
    }
  }

  /** The model object, or null when it does not exist (throws ItemNotFound for non-nullable proxies). */
  protected abstract tryResolve(): T | null;
  /** A loadable scalar property's current value. */
  protected abstract snapshot(target: T, prop: string): unknown;
  protected abstract readonly scalarProps: readonly string[];

  protected target(): T {
    const t = this.tryResolve();
    if (t === null) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, this.typeName);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw notLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }

  protected read<V>(prop: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.loaded.has(prop)) throw notLoaded(this.typeName, prop);
    return this.loaded.get(prop) as V;
  }

  /** A property set by the add-in reads back locally (Office.js keeps the set value on the proxy). */
  protected setLocal(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected command(method: string, args: unknown[], run: (t: T) => void, flags: { calc?: boolean; screen?: boolean } = {}): void {
    this.context.enqueue({ bytes: cost(this.typeName, method, args), ...flags, run: () => run(this.target()) });
  }

  load(arg?: unknown): this {
    const props = propsOf(arg).flatMap((p) => (p === '*' || p === '$all' ? [...this.scalarProps] : [p]));
    this.context.enqueue({
      bytes: cost(this.typeName, 'load', props),
      run: (stage) => {
        const t = this.tryResolve();
        if (t === null) {
          if (!this.nullable) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, this.typeName);
          stage.commit(() => (this.nullState = true), 8);
          return;
        }
        const data: Record<string, unknown> = {};
        for (const p of props) data[p] = this.snapshot(t, p);
        stage.commit(() => {
          for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
          if (this.nullable) this.nullState = false;
        }, utf8(JSON.stringify(data)));
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/**
 * A workbook- or sheet-level collection of named objects (worksheets, defined names, tables, PivotTables):
 * load() gives `items` with what was asked loaded (by default their names), getItem / getItemOrNullObject
 * find one by name, case-insensitively as Excel does.
 */
export abstract class NamedCollection<M extends { name: string; sheet?: SheetModel }, P> extends ProxyBase<M[]> {
  protected readonly scalarProps: readonly string[] = [];
  private itemProxies: P[] | undefined;
  constructor(
    ctx: FakeContext,
    typeName: string,
    protected readonly sheetOf: (() => SheetModel) | null,
  ) {
    super(ctx, typeName, false);
  }
  /** Every model of the kind in the workbook. */
  protected abstract models(): M[];
  /** A proxy over one model (or over the one a lookup finds); `listed` when it comes from load()'s items. */
  protected abstract proxy(locate: () => M | null, nullable: boolean, listed?: boolean): P & { preload(data: Record<string, unknown>): void };
  /** What load() returns for one item, given the properties asked ("items/name" asked as "name"). */
  protected itemData(m: M, props: readonly string[]): Record<string, unknown> {
    void props;
    return { name: m.name };
  }
  /** Throws when the requirement set for this kind of object is not supported. */
  protected requireApi(): void {}
  protected tryResolve(): M[] {
    // Objects on a deleted sheet are gone with it.
    const all = this.models().filter((m) => m.sheet === undefined || this.context.excel.sheets.includes(m.sheet));
    return this.sheetOf ? all.filter((m) => m.sheet === this.sheetOf!()) : all;
  }
  protected snapshot(): unknown {
    return null;
  }
  override load(arg?: unknown): this {
    this.requireApi();
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      bytes: cost(this.typeName, 'load', props),
      run: (stage) => {
        const found = [...this.tryResolve()];
        const data = found.map((m) => this.itemData(m, props));
        stage.commit(() => {
          this.itemProxies = found.map((m, i) => {
            const p = this.proxy(() => m, false, true);
            p.preload(data[i]!);
            return p;
          });
        }, utf8(JSON.stringify(data)));
      },
    });
    return this;
  }
  get items(): P[] {
    if (!this.itemProxies) throw notLoaded(this.typeName, 'items');
    return this.itemProxies;
  }
  private named(key: string): () => M | null {
    return () => this.tryResolve().find((m) => m.name.toLowerCase() === key.toLowerCase()) ?? null;
  }
  getItemOrNullObject(key: string): P {
    this.requireApi();
    return this.proxy(this.named(key), true);
  }
  getItem(key: string): P {
    this.requireApi();
    return this.proxy(this.named(key), false);
  }
}
