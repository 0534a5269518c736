// The Excel fake: proxies that queue commands, a context.sync() that applies them in order, and the rules
// of the real Excel JavaScript API that the Office host must respect. See README.md beside this file for
// the documented behaviour each rule follows.
/// <reference types="office-js" />
import { FakeContext } from './context.ts';
import { evalCustomRule } from './input.ts';
import { FakeOfficeError, SheetModel, colLetters, contains, type ChartModel, type NameModel, type PivotModel, type Scalar, type TableModel } from './model.ts';
import { renderPivot } from './pivots.ts';
import { PAYLOAD_LIMIT, type Fault, type SyncRecord } from './requests.ts';
import { FakeSettings } from './settings.ts';
import { runArguments, type LimitState } from './limits.ts';

export { FakeContext } from './context.ts';
export { parseInput } from './input.ts';
export { PAYLOAD_LIMIT, READ_CELL_LIMIT, type Fault, type SyncRecord } from './requests.ts';

export interface FakeOptions {
  /** Requirement sets the fake reports as supported: name → highest version. Default ExcelApi 1.13. */
  supported?: Record<string, string>;
  payloadLimit?: number;
}

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
  /** CPU time of this process spent inside the fake's syncs (Excel's work, in another process for real). */
  fakeCpuMs = 0;
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
    this.fakeCpuMs = 0;
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

  renderPivot(p: PivotModel): void {
    renderPivot(p);
  }
}

export { FakeOfficeError, colLetters };
