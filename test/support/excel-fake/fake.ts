// The Excel fake: proxies that queue commands, a context.sync() that applies them in order, and the rules
// of the real Excel JavaScript API that the Office host must respect. See README.md beside this file for
// the documented behaviour each rule follows.
/// <reference types="office-js" />
import {
  FakeOfficeError,
  MAX_COLS,
  MAX_ROWS,
  SheetModel,
  addressOf,
  colLetters,
  contains,
  intersects,
  parseAddress,
  type ChartModel,
  type PivotModel,
  type Rect,
  type Scalar,
  type TableModel,
} from './model.ts';
import { FakeSettings } from './settings.ts';
import { cellEditGate, checkCellText, checkOperationCells, roundTrip, runArguments, type LimitState } from './limits.ts';

/** Excel on the web: requests and responses are limited to 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** A range is limited to five million cells for read operations. */
export const READ_CELL_LIMIT = 5_000_000;

export interface Fault {
  /** 1-based number of the sync (counted over the fake's life) that fails. */
  atSync: number;
  code: string;
  message?: string;
  /** Commands of that sync applied before it fails (Excel does not roll a failed batch back). Default 0. */
  afterCommands?: number;
}

export interface SyncRecord {
  n: number;
  requestBytes: number;
  responseBytes: number;
  commands: number;
  calcSuspended: boolean;
  screenSuspended: boolean;
  /** Proxies tracked (created and not untracked) in the Excel.run when the sync ran. */
  tracked: number;
  failed: string | null;
}

export interface FakeOptions {
  /** Requirement sets the fake reports as supported: name → highest version. Default ExcelApi 1.13. */
  supported?: Record<string, string>;
  payloadLimit?: number;
}

interface Command {
  bytes: number;
  calc?: boolean;
  screen?: boolean;
  run(stage: Stage): void;
}

interface Stage {
  commit(fn: () => void, responseBytes: number): void;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
/** What a command costs on the wire: its name, the object path and its arguments as JSON. */
const cost = (...parts: unknown[]) => 48 + utf8(JSON.stringify(parts));

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export class FakeExcel implements LimitState {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Workbook-level defined names (formula with its "="). */
  readonly names: NameModel[] = [];
  readonly settings = new FakeSettings();
  readonly supported: Record<string, string>;
  readonly payloadLimit: number;
  readonly faults: Fault[] = [];
  /** While true every sync fails with InvalidOperationInCellEditMode, as when the user is typing in a cell. */
  cellEditMode = false;
  cellEditCode: LimitState['cellEditCode'] = 'InvalidOperationInCellEditMode';
  delayForCellEditIgnored = false;
  taskPerSync = false;
  readonly syncs: SyncRecord[] = [];
  /** Time spent inside the fake's syncs (to subtract from the caller's own time). */
  fakeMs = 0;
  screenSuspendCalls = 0;
  /** The active sheet and the selected range's address, as activate() and select() leave them. */
  activeSheet: string | null = null;
  selection: string | null = null;
  private tableIds = 0;

  constructor(sheets: { name: string; values: (Scalar | null)[][] }[] = [], options: FakeOptions = {}) {
    this.supported = options.supported ?? { ExcelApi: '1.13' };
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    for (const s of sheets) this.addSheet(s.name, s.values);
  }

  /** Put data in directly (what the user typed): strings stay text, nothing is parsed. */
  addSheet(name: string, values: (Scalar | null)[][]): SheetModel {
    const sheet = new SheetModel(name);
    values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && sheet.set(r, c, v)));
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  /** Values as Range.values reads them ("" for blank), row 1 / column A first, trailing blank rows dropped. */
  values(name: string): Scalar[][] {
    const s = this.sheet(name);
    const used = s.usedValues();
    if (!used) return [];
    const width = used.c0 + used.cols;
    return Array.from({ length: used.r0 + used.rows }, (_, r) => Array.from({ length: width }, (_, c) => s.get(r, c) ?? ''));
  }

  /** The fill a cell shows: a matching conditional format first, else its static fill. */
  fillAt(name: string, r: number, c: number): string | null {
    const s = this.sheet(name);
    for (const cf of s.conditionalFormats) {
      if (contains(cf.rect, r, c) && evalCustomRule(s, cf.formula, cf.rect, r, c)) return cf.fill;
    }
    return (s.formatAt(r, c, 'fill') as string | null) ?? null;
  }

  isSetSupported(name: string, minVersion?: string): boolean {
    const have = this.supported[name];
    return have !== undefined && (minVersion === undefined || versionAtLeast(have, minVersion));
  }

  /** Office.context.requirements, as the host sees it. */
  get requirements(): Office.RequirementSetSupport {
    return { isSetSupported: (name: string, minVersion?: string | number) => this.isSetSupported(name, minVersion === undefined ? undefined : String(minVersion)) };
  }

  injectFault(fault: Fault): void {
    this.faults.push(fault);
  }

  get syncCount(): number {
    return this.syncs.length;
  }
  get largestRequest(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }
  get largestResponse(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }
  resetStats(): void {
    this.syncs.length = 0;
    this.fakeMs = 0;
    this.screenSuspendCalls = 0;
  }

  /** Excel.run: a fresh request context; queued commands left when the batch returns are synced once more. */
  run = async <T>(a: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const [options, batch] = runArguments(a, b);
    const ctx = new FakeContext(this, options);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length) await ctx.sync();
    return result;
  };

  // ---------- used by the proxies ----------

  nextTableId(): string {
    return `{T${++this.tableIds}}`;
  }

  findTable(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && this.sheets.includes(t.sheet));
  }

  /** Excel expands a table when data is written into the row directly below it. */
  expandTables(sheet: SheetModel, rect: Rect): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      const bottom = t.rect.r0 + t.rect.rows - 1;
      const overlapsCols = rect.c0 < t.rect.c0 + t.rect.cols && t.rect.c0 < rect.c0 + rect.cols;
      if (overlapsCols && rect.r0 <= bottom + 1 && rect.r0 + rect.rows - 1 > bottom && rect.r0 > t.rect.r0) {
        t.rect = { ...t.rect, rows: rect.r0 + rect.rows - t.rect.r0 };
      }
    }
  }

  renderPivot(p: PivotModel): void {
    renderPivot(p);
  }
}

// ---------- cell input, as Excel parses typed text ----------

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const CURRENCY = /^[+-]?[$¥￥€£](\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/** A string entered into a cell the way Excel reads it (Range.values set): formulas, numbers, dates, booleans, text. */
export function parseInput(s: string, numberFormat: string): { value: Scalar | undefined; formula?: string; prefixed?: boolean } {
  if (s === '') return { value: undefined };
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), prefixed: true };
  const t = s.trim();
  if (t.startsWith('=')) {
    if (t.length === 1) throw new FakeOfficeError('InvalidArgument', 'There is a problem with this formula: "="');
    return { value: 0, formula: t };
  }
  if (t !== '' && NUMBER.test(t) && /\d/.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    if (Number.isFinite(n)) return { value: pct ? n / 100 : n };
  }
  if (CURRENCY.test(t)) return { value: Number(t.replace(/[$¥￥€£,]/g, '')) };
  const d = ISO_DATE.exec(t);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    if (Number.isFinite(ms)) return { value: Math.round(ms / 86_400_000) + 25_569 };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (ERRORS.has(t.toUpperCase())) return { value: t.toUpperCase() };
  // "+x", "-x", "@x" are taken as formulas, as when typed.
  if (/^[+\-@]/.test(t) && t.length > 1) return { value: 0, formula: `=${t.startsWith('@') ? t.slice(1) : t}` };
  return { value: s };
}

/** Evaluates a custom conditional-format rule of the one shape the fake supports: =$X<row>="text" (or a number). */
function evalCustomRule(sheet: SheetModel, formula: string, rect: Rect, r: number, c: number): boolean {
  const m = /^=\$?([A-Z]{1,3})\$?(\d+)=(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?)|(TRUE|FALSE))$/.exec(formula);
  if (!m) throw new FakeOfficeError('NotImplemented', `fake: conditional-format formula not supported: ${formula}`);
  const col = parseAddress(`${m[1]}1`).rect.c0;
  const row = Number(m[2]) - 1 + (r - rect.r0);
  void c;
  const v = sheet.get(row, col);
  if (m[3] !== undefined) return typeof v === 'string' && v.toLowerCase() === m[3].replace(/""/g, '"').toLowerCase();
  if (m[4] !== undefined) return v === Number(m[4]);
  return v === (m[5] === 'TRUE');
}

// ---------- PivotTable rendering ----------

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
function renderPivot(p: PivotModel): void {
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
      const subset = records.filter((r) => keyOf(r) === JSON.stringify(key));
      out.push([...key, ...p.data.map((d, i) => (d.showAs === 'PercentOfGrandTotal' ? agg(subset, d) / (grand[i] || 1) : agg(subset, d)))]);
    }
    out.push([totalLabel, ...p.rows.slice(1).map(() => ''), ...p.data.map((d, i) => (d.showAs === 'PercentOfGrandTotal' ? 1 : grand[i]!))]);
  } else {
    const d = p.data[0];
    out.push([...p.rows, ...colItems, totalLabel]);
    const cell = (subset: (Scalar | undefined)[][]) => (d ? agg(subset, d) : '');
    for (const key of rowKeys) {
      const subset = records.filter((r) => keyOf(r) === JSON.stringify(key));
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

// ---------- the request context and its proxies ----------

function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

function propsOf(arg: unknown): string[] {
  if (arg === undefined) return ['*'];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === 'object' && 'select' in arg) return propsOf((arg as { select?: string }).select);
  return Object.keys(arg as object);
}

export class FakeContext {
  readonly queue: Command[] = [];
  readonly workbook: FakeWorkbook;
  tracked = 0;
  constructor(
    readonly excel: FakeExcel,
    readonly runOptions: Excel.RunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    let t0 = performance.now();
    const commands = this.queue.splice(0);
    const n = excel.syncs.length + 1;
    const requestBytes = 64 + commands.reduce((s, c) => s + c.bytes, 0);
    const record: SyncRecord = {
      n,
      requestBytes,
      responseBytes: 0,
      commands: commands.length,
      calcSuspended: commands.some((c) => c.calc),
      screenSuspended: commands.some((c) => c.screen),
      tracked: this.tracked,
      failed: null,
    };
    excel.syncs.push(record);
    const fail = (e: FakeOfficeError) => {
      record.failed = e.code;
      excel.fakeMs += performance.now() - t0;
      return Promise.reject(e);
    };
    // An awaited sync yields to the event loop, as the real round trip does.
    await roundTrip(excel);
    const editing = await cellEditGate(excel, this.runOptions);
    if (editing) return fail(editing);
    t0 = performance.now(); // fakeMs counts Excel's work, not the round trip's wait
    if (requestBytes > excel.payloadLimit)
      return fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`));
    const fault = excel.faults.find((f) => f.atSync === n);
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    const stage: Stage = {
      commit(fn, bytes) {
        commits.push(fn);
        responseBytes += bytes;
      },
    };
    try {
      commands.forEach((c, i) => {
        if (fault && i === (fault.afterCommands ?? 0)) throw new FakeOfficeError(fault.code, fault.message ?? `Injected ${fault.code}`);
        c.run(stage);
      });
      if (fault && (fault.afterCommands ?? 0) >= commands.length) throw new FakeOfficeError(fault.code, fault.message ?? `Injected ${fault.code}`);
    } catch (e) {
      if (e instanceof FakeOfficeError) return fail(e);
      throw e;
    }
    record.responseBytes = responseBytes;
    if (responseBytes > excel.payloadLimit)
      return fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${responseBytes} bytes) has exceeded the limit.`));
    for (const f of commits) f();
    excel.fakeMs += performance.now() - t0;
  }

  /** context.trackedObjects (only remove is used). */
  readonly trackedObjects = {
    remove: (o: { untrack(): unknown }) => o.untrack(),
  };
}

/** The shared machinery of proxies: loading, PropertyNotLoaded, null objects. */
abstract class ProxyBase<T> {
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

// ----- workbook, application -----

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ bytes: cost('Application', 'suspendApiCalculationUntilNextSync'), calc: true, run: () => {} });
  }
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    if (!this.ctx.excel.isSetSupported('ExcelApi', '1.9'))
      throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.');
    this.ctx.excel.screenSuspendCalls++;
    this.ctx.enqueue({ bytes: cost('Application', 'suspendScreenUpdatingUntilNextSync'), screen: true, run: () => {} });
  }
}

class FakeWorkbook {
  readonly application: FakeApplication;
  readonly names: FakeNamedItemCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly pivotTables: FakePivotTableCollection;
  constructor(ctx: FakeContext) {
    this.application = new FakeApplication(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.pivotTables = new FakePivotTableCollection(ctx, null);
  }
}

// ----- defined names -----

export interface NameModel {
  name: string;
  /** The formula as NamedItem.formula gives it ("='Sheet'!$H:$H"). */
  formula: string;
  visible: boolean;
}

/** workbook.names: load, add (ExcelApi 1.4), getItem / getItemOrNullObject (case-insensitive, as Excel). */
class FakeNamedItemCollection extends ProxyBase<NameModel[]> {
  protected readonly scalarProps = ['items'] as const;
  private itemProxies: FakeNamedItem[] | undefined;
  constructor(ctx: FakeContext) {
    super(ctx, 'NamedItemCollection', false);
  }
  protected tryResolve(): NameModel[] {
    return this.context.excel.names;
  }
  protected snapshot(): unknown {
    return null;
  }
  override load(arg?: unknown): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      bytes: cost(this.typeName, 'load', props),
      run: (stage) => {
        const names = [...this.context.excel.names];
        const data = names.map((n) => Object.fromEntries(props.map((p) => [p, namedItemProp(n, p)])));
        stage.commit(() => {
          this.itemProxies = names.map((n, i) => {
            const p = new FakeNamedItem(this.context, () => n, false);
            p.preload(data[i]!);
            return p;
          });
        }, utf8(JSON.stringify(data)));
      },
    });
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.itemProxies) throw notLoaded(this.typeName, 'items');
    return this.itemProxies;
  }
  private find(key: string): NameModel | null {
    return this.context.excel.names.find((n) => n.name.toLowerCase() === key.toLowerCase()) ?? null;
  }
  getItem(key: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(key), false);
  }
  getItemOrNullObject(key: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(key), true);
  }
  /** ExcelApi 1.4. Names follow Excel's rules: a letter, _ or \\ first, then letters, digits, _ . \\; no cell reference. */
  add(name: string, reference: string): FakeNamedItem {
    if (!this.context.excel.isSetSupported('ExcelApi', '1.4'))
      throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.');
    let created: NameModel | null = null;
    this.context.enqueue({
      bytes: cost(this.typeName, 'add', [name, reference]),
      run: () => {
        if (this.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `The resource being created already exists: ${name}`);
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

// ----- worksheets -----

class FakeWorksheetCollection extends ProxyBase<SheetModel[]> {
  protected readonly scalarProps = ['items'] as const;
  private itemProxies: FakeWorksheet[] | undefined;
  constructor(ctx: FakeContext) {
    super(ctx, 'WorksheetCollection', false);
  }
  protected tryResolve(): SheetModel[] {
    return this.context.excel.sheets;
  }
  protected snapshot(): unknown {
    return null;
  }
  override load(arg?: unknown): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      bytes: cost(this.typeName, 'load', props),
      run: (stage) => {
        const sheets = [...this.context.excel.sheets];
        const data = sheets.map((s) => ({ name: s.name, visibility: s.visibility, position: this.context.excel.sheets.indexOf(s) }));
        stage.commit(() => {
          this.itemProxies = sheets.map((s, i) => {
            const p = new FakeWorksheet(this.context, () => s, false, true);
            p.preload(props.includes('*') || props.length === 0 ? data[i]! : Object.fromEntries(props.filter((k) => k in data[i]!).map((k) => [k, data[i]![k as 'name']])));
            return p;
          });
        }, utf8(JSON.stringify(data)));
      },
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw notLoaded(this.typeName, 'items');
    return this.itemProxies;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.find(key), false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.find(key), true);
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

// ----- ranges -----

interface Located {
  sheet: SheetModel;
  rect: Rect;
}

class FakeRangeFill {
  constructor(private readonly range: FakeRange) {}
  set color(v: string) {
    if (v === null || v === undefined) throw new FakeOfficeError('InvalidArgument', 'null is not a valid color value');
    this.range.formatCommand('format.fill.color', v, (l) => l.sheet.formats.push({ rect: l.rect, fill: v }));
  }
  get color(): string {
    throw notLoaded('RangeFill', 'color');
  }
  clear(): void {
    this.range.formatCommand('format.fill.clear', null, (l) => l.sheet.formats.push({ rect: l.rect, fill: null }));
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeRangeFill(range);
    const r = range;
    this.font = {
      set bold(v: boolean) {
        r.formatCommand('format.font.bold', v, (l) => l.sheet.formats.push({ rect: l.rect, bold: v }));
      },
      get bold(): boolean {
        throw notLoaded('RangeFont', 'bold');
      },
    };
  }
  set columnWidth(points: number) {
    this.range.formatCommand('format.columnWidth', points, (l) => {
      for (let c = l.rect.c0; c < l.rect.c0 + l.rect.cols; c++) l.sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    throw notLoaded('RangeFormat', 'columnWidth');
  }
  set wrapText(v: boolean) {
    this.range.formatCommand('format.wrapText', v, (l) => l.sheet.formats.push({ rect: l.rect, wrap: v }));
  }
  get wrapText(): boolean {
    throw notLoaded('RangeFormat', 'wrapText');
  }
}

class FakeConditionalFormat {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  constructor(range: FakeRange, model: () => { formula: string; fill: string | null }) {
    this.custom = {
      rule: {
        set formula(v: string) {
          range.formatCommand('conditionalFormat.custom.rule.formula', v, () => (model().formula = v));
        },
        get formula(): string {
          throw notLoaded('ConditionalFormatRule', 'formula');
        },
      },
      format: {
        fill: {
          set color(v: string) {
            range.formatCommand('conditionalFormat.custom.format.fill.color', v, () => (model().fill = v));
          },
          get color(): string {
            throw notLoaded('ConditionalRangeFill', 'color');
          },
        },
      },
    };
  }
}

export class FakeRange extends ProxyBase<Located> implements Pick<Excel.Range, 'values' | 'numberFormat' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'> {
  protected readonly scalarProps = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'numberFormat'] as const;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat; clearAll: () => void };
  private untracked = false;
  constructor(
    ctx: FakeContext,
    private readonly locate: () => Located | null,
    nullable = false,
  ) {
    super(ctx, 'Range', nullable);
    ctx.tracked++;
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = {
      add: (type: string) => {
        if (type !== 'Custom') throw new FakeOfficeError('NotImplemented', `fake: conditional format type ${type}`);
        let model: { rect: Rect; formula: string; fill: string | null } | null = null;
        this.formatCommand('conditionalFormats.add', type, (l) => {
          model = { rect: l.rect, formula: '', fill: null };
          l.sheet.conditionalFormats.push(model);
        });
        return new FakeConditionalFormat(this, () => model!);
      },
      clearAll: () =>
        this.formatCommand('conditionalFormats.clearAll', null, (l) => {
          l.sheet.conditionalFormats = l.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, l.rect));
        }),
    };
  }
  protected tryResolve(): Located | null {
    return this.locate();
  }
  protected snapshot(l: Located, prop: string): unknown {
    const { sheet, rect } = l;
    switch (prop) {
      case 'address':
        return addressOf(sheet.name, rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'cellCount':
        return rect.rows * rect.cols;
      case 'values':
      case 'numberFormat': {
        if (rect.rows * rect.cols > READ_CELL_LIMIT)
          throw new FakeOfficeError('RangeExceedsLimit', `The cell count in the range (${rect.rows * rect.cols}) has exceeded the maximum supported number.`);
        const out: (Scalar | string)[][] = new Array(rect.rows);
        for (let r = 0; r < rect.rows; r++) {
          const row = new Array<Scalar>(rect.cols);
          const src = sheet.rows[rect.r0 + r];
          for (let c = 0; c < rect.cols; c++) row[c] = prop === 'values' ? (src?.[rect.c0 + c] ?? '') : sheet.numberFormatAt(rect.r0 + r, rect.c0 + c);
          out[r] = row;
        }
        return out;
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `fake: Range.${prop} cannot be loaded`);
    }
  }

  formatCommand(name: string, arg: unknown, run: (l: Located) => void): void {
    this.context.enqueue({ bytes: cost('Range', name, arg), run: () => run(this.target()) });
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(input: Scalar[][]) {
    this.setLocal('values', input);
    if (!Array.isArray(input) || !input.every(Array.isArray)) throw new FakeOfficeError('InvalidArgument', 'fake: values must be a two-dimensional array');
    this.context.enqueue({
      bytes: cost('Range', 'values', input),
      run: () => {
        const { sheet, rect } = this.target();
        checkDims(rect, input);
        for (let r = 0; r < rect.rows; r++) {
          const row = input[r]!;
          for (let c = 0; c < rect.cols; c++) {
            const v = row[c];
            if (v === null || v === undefined) continue; // null leaves the cell unchanged
            checkCellText(v, () => addressOf(sheet.name, { r0: rect.r0 + r, c0: rect.c0 + c, rows: 1, cols: 1 }));
            const rr = rect.r0 + r;
            const cc = rect.c0 + c;
            if (typeof v === 'string') {
              const p = parseInput(v, sheet.numberFormatAt(rr, cc));
              sheet.set(rr, cc, p.value, p.formula, p.prefixed);
            } else sheet.set(rr, cc, v);
          }
        }
        sheet.touch();
        this.context.excel.expandTables(sheet, rect);
      },
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this.setLocal('numberFormat', input);
    this.context.enqueue({
      bytes: cost('Range', 'numberFormat', input),
      run: () => {
        const { sheet, rect } = this.target();
        checkDims(rect, input);
        for (let r = 0; r < rect.rows; r++)
          for (let c = 0; c < rect.cols; c++) {
            const f = input[r]![c];
            if (f !== null && f !== undefined) sheet.setNumberFormat(rect.r0 + r, rect.c0 + c, f);
          }
      },
    });
  }
  clear(applyTo: string = 'All'): void {
    this.formatCommand('clear', applyTo, ({ sheet, rect }) => {
      const all = applyTo === 'All';
      if (all || applyTo === 'Contents') {
        const last = Math.min(sheet.rows.length, rect.r0 + rect.rows);
        for (let r = rect.r0; r < last; r++) for (let c = rect.c0; c < Math.min(rect.c0 + rect.cols, sheet.rows[r]!.length); c++) sheet.set(r, c, undefined);
        sheet.touch();
      }
      if (all || applyTo === 'Formats') {
        sheet.formats.push({ rect, fill: null, bold: false, wrap: false });
        for (const [c, col] of sheet.numberFormats) if (c >= rect.c0 && c < rect.c0 + rect.cols) col.fill(undefined, rect.r0, Math.min(col.length, rect.r0 + rect.rows));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
      }
    });
  }
  /** Only whole rows (getEntireRow) with shift Up are modelled. */
  delete(shift: string): void {
    this.formatCommand('delete', shift, ({ sheet, rect }) => {
      if (shift !== 'Up' || rect.c0 !== 0 || rect.cols !== MAX_COLS) throw new FakeOfficeError('NotImplemented', 'fake: only entire rows can be deleted (shift Up)');
      checkOperationCells(rect, 'Range.delete');
      sheet.deleteRows(rect.r0, rect.rows, this.context.excel.tables);
    });
  }
  select(): void {
    this.formatCommand('select', null, ({ sheet, rect }) => {
      this.context.excel.selection = addressOf(sheet.name, rect);
    });
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { r0: rect.r0, rows: rect.rows, c0: 0, cols: MAX_COLS } };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 } };
    });
  }
  untrack(): this {
    if (!this.untracked) {
      this.untracked = true;
      this.context.tracked--;
    }
    return this;
  }
}

function checkDims(rect: Rect, input: unknown[][]): void {
  if (input.length !== rect.rows || input.some((r) => r.length !== rect.cols))
    throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
}

// ----- named collections (tables, PivotTables) -----

/**
 * A workbook- or sheet-level collection of named objects: load() gives `items` with their names loaded,
 * getItem / getItemOrNullObject find one by name, case-insensitively as Excel does.
 */
abstract class NamedCollection<M extends { name: string; sheet: SheetModel }, P> extends ProxyBase<M[]> {
  protected readonly scalarProps = [] as const;
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
  /** A proxy over one model (or over the one a lookup finds). */
  protected abstract proxy(locate: () => M | null, nullable: boolean): P & { preload(data: Record<string, unknown>): void };
  /** Throws when the requirement set for this kind of object is not supported. */
  protected requireApi(): void {}
  protected tryResolve(): M[] {
    const all = this.models().filter((m) => this.context.excel.sheets.includes(m.sheet));
    return this.sheetOf ? all.filter((m) => m.sheet === this.sheetOf!()) : all;
  }
  protected snapshot(): unknown {
    return null;
  }
  override load(): this {
    this.requireApi();
    this.context.enqueue({
      bytes: cost(this.typeName, 'load'),
      run: (stage) => {
        const found = this.tryResolve();
        stage.commit(() => {
          this.itemProxies = found.map((m) => {
            const p = this.proxy(() => m, false);
            p.preload({ name: m.name });
            return p;
          });
        }, utf8(JSON.stringify(found.map((m) => ({ name: m.name })))));
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

// ----- tables -----

class FakeTableCollection extends NamedCollection<TableModel, FakeTable> {
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
  constructor(ctx: FakeContext, private readonly locate: () => TableModel | null, nullable: boolean) {
    super(ctx, 'Table', nullable);
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

// ----- PivotTables (ExcelApi 1.8) -----

class FakePivotTableCollection extends NamedCollection<PivotModel, FakePivotTable> {
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
        if (ex.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `A PivotTable named ${name} already exists.`);
        const src: PivotModel['source'] =
          source instanceof FakeTable
            ? { table: (source as unknown as { target(): TableModel }).target() }
            : typeof source === 'string'
              ? (() => {
                  const t = ex.findTable(source);
                  if (t) return { table: t };
                  const p = parseAddress(source);
                  return { sheet: ex.sheet(p.sheet!), rect: p.rect };
                })()
              : (source as unknown as { target(): Located }).target();
        const dest = typeof destination === 'string' ? parseAddress(destination) : null;
        const at = dest ? { sheet: dest.sheet ? ex.sheet(dest.sheet) : this.sheetOf!(), rect: dest.rect } : (destination as unknown as { target(): Located }).target();
        created = {
          name,
          sheet: at.sheet,
          at: { r: at.rect.r0, c: at.rect.c0 },
          source: src,
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
  constructor(
    private readonly pivot: FakePivotTable,
    private readonly axis: 'rows' | 'columns' | 'filters' | 'data' | 'all',
  ) {}
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
  refresh(): void {
    this.pivotCommand('refresh', [], (p) => p.refreshes++);
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

// ----- charts -----

class FakeChartCollection extends ProxyBase<ChartModel[]> {
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
        created = { name: `Chart ${this.context.excel.charts.length + 1}`, type, sheet: this.sheetOf(), source: src, seriesBy, title: null, position: null };
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
      c.source = (sourceData as unknown as { target(): Located }).target();
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

export { FakeOfficeError, colLetters };
