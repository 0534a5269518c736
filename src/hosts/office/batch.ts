// Request batching under Excel on the web's payload limit.
//
// Excel on the web rejects a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
// ResponsePayloadSizeLimitExceeded), and reads at most 5,000,000 cells of one range; Microsoft's advice is
// to split large reads and writes into smaller ranges and sync each.
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
// https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large
//
// Writes are measured before they are sent: every queued operation declares its JSON size, and the batch is
// synced when the next operation would take it over the target. Calculation is suspended for every write
// batch (suspendApiCalculationUntilNextSync lasts until the next sync); screen updating is suspended once per
// operation where ExcelApi 1.9 allows it (Microsoft: don't call it repeatedly, the window flickers).
// https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-excel-processes-temporarily
/// <reference types="office-js" />
import type { CellValue } from '../../port/workbook.ts';
import { toCellInput } from './cells.ts';

export interface BlockLimits {
  /** Bytes a request (or an expected response) is filled to: well under the 5 MB limit. */
  targetBytes: number;
  /** Rows of the first read block, before any response was measured (Microsoft suggests 5k–20k). */
  startRows: number;
  minRows: number;
  maxRows: number;
  /** Cells one read may cover (Excel's limit for get operations). */
  maxCells: number;
}

export const DEFAULT_LIMITS: BlockLimits = {
  targetBytes: 2_500_000,
  startRows: 10_000,
  minRows: 50,
  maxRows: 20_000,
  maxCells: 5_000_000,
};

/** JSON bytes of one cell input as it travels in a request ("…", numbers, booleans) plus its comma. */
export function inputBytes(v: string | number | boolean): number {
  if (typeof v === 'number') return numberBytes(v) + 1;
  if (typeof v === 'boolean') return v ? 5 : 6;
  let n = v.length + 3;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20) n += 5;
    else if (c === 0x22 || c === 0x5c) n += 1;
    else if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 2;
        i++;
      } else n += 2;
    }
  }
  return n;
}

/** Characters of String(v), counted for integers (most numbers in a sheet) without making the string. */
function numberBytes(v: number): number {
  if (!Number.isInteger(v) || v >= 1e15 || v <= -1e15) return String(v).length;
  let n = v < 0 ? 2 : 1;
  for (let a = Math.abs(v); a >= 10; a = Math.floor(a / 10)) n++;
  return n;
}

/**
 * office.js splits a `values` / `numberFormat` write of more than 1,500 cells into chunks of rows itself
 * (setRangePropertiesInBulk in its client code, ExcelApi 1.3+); each chunk adds object paths and actions to the
 * same request — counted here (about 600 bytes a chunk) so that the measured size is what Excel receives.
 */
export const BULK_CELLS = 1500;
export const BULK_CHUNK_BYTES = 600;

/** Request bytes office.js adds to a write of rows × cols cells. */
export function bulkOverhead(rows: number, cols: number): number {
  if (rows * cols <= BULK_CELLS) return 0;
  return Math.ceil(rows / Math.max(1, Math.round(BULK_CELLS / cols))) * BULK_CHUNK_BYTES;
}

/** Rows of values to write, read column by column (the port's ColumnWrite) or row by row. */
export interface RowSource {
  count: number;
  width: number;
  /** The cell as written: text kept as text, null cleared. */
  input(row: number, col: number): string | number | boolean;
}

export function columnsSource(columns: readonly (readonly CellValue[])[], count: number): RowSource {
  return { count, width: columns.length, input: (r, c) => toCellInput(columns[c]![r] ?? null) };
}

export function rowsSource(rows: readonly (readonly CellValue[])[], width: number): RowSource {
  return { count: rows.length, width, input: (r, c) => toCellInput(rows[r]![c] ?? null) };
}

export interface RowBlock {
  start: number;
  count: number;
  bytes: number;
}

/**
 * Split rows into blocks whose requests stay under the byte target (each row measured), of at most
 * maxRows rows and maxCells cells. A generator so that the yielding planner shares the one loop: it
 * yields every thousand rows.
 */
function* planSteps(source: RowSource, limits: BlockLimits): Generator<void, RowBlock[]> {
  const blocks: RowBlock[] = [];
  const maxRows = Math.max(1, Math.min(limits.maxRows, Math.floor(limits.maxCells / Math.max(1, source.width))));
  // office.js's own split, spread over the rows.
  const overhead = (BULK_CHUNK_BYTES * source.width) / BULK_CELLS;
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < source.count; r++) {
    if (r % 1_000 === 0 && r > 0) yield;
    let rowBytes = 3 + overhead;
    for (let c = 0; c < source.width; c++) rowBytes += inputBytes(source.input(r, c));
    if (r > start && (bytes + rowBytes > limits.targetBytes || r - start >= maxRows)) {
      blocks.push({ start, count: r - start, bytes });
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (source.count > start) blocks.push({ start, count: source.count - start, bytes });
  return blocks;
}

export function planBlocks(source: RowSource, limits: BlockLimits): RowBlock[] {
  const steps = planSteps(source, limits);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** planBlocks, giving the thread back every few dozen milliseconds (a million rows take seconds to measure). */
export async function planBlocksYielding(source: RowSource, limits: BlockLimits, pause: () => Promise<void> | null): Promise<RowBlock[]> {
  const steps = planSteps(source, limits);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    const p = pause();
    if (p) await p;
  }
}

/** The grid of one block, ready for Range.values. */
export function blockGrid(source: RowSource, block: RowBlock): (string | number | boolean)[][] {
  const grid = new Array<(string | number | boolean)[]>(block.count);
  for (let i = 0; i < block.count; i++) {
    const row = new Array<string | number | boolean>(source.width);
    for (let c = 0; c < source.width; c++) row[c] = source.input(block.start + i, c);
    grid[i] = row;
  }
  return grid;
}

export interface BatchOptions {
  limits: BlockLimits;
  /** Suspend calculation for each batch (writes). */
  suspendCalc: boolean;
  /** Suspend screen updating with the first batch of the operation (ExcelApi 1.9). */
  suspendScreen: boolean;
  /** Called after every sync (for the host's statistics). */
  onSync?: () => void;
}

/**
 * Queues write operations and syncs when the next one would take the request over the byte target, so the
 * number of syncs is the payload divided by the target, never the number of rows or cells.
 */
/** Request contexts (one per Excel.run, one per operation) whose screen updating is already suspended. */
const screenSuspended = new WeakSet<object>();

export class WriteBatch {
  private pending = 0;
  private ops = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: BatchOptions,
  ) {}

  /** Queue an operation of about `bytes` request bytes; `queue` makes the proxy calls. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.ops > 0 && this.pending + bytes > this.options.limits.targetBytes) await this.flush();
    if (this.ops === 0) this.begin();
    queue();
    this.pending += bytes + 64;
    this.ops++;
  }

  private begin(): void {
    const app = this.context.workbook.application;
    // Both last until the next sync, so they open each batch, before its writes.
    if (this.options.suspendCalc) app.suspendApiCalculationUntilNextSync();
    // Once per operation, however many batches it makes: each call makes the window flicker.
    if (this.options.suspendScreen && !screenSuspended.has(this.context)) {
      app.suspendScreenUpdatingUntilNextSync();
      screenSuspended.add(this.context);
    }
  }

  /** Send what is queued (nothing to do when the batch is empty). */
  async flush(): Promise<void> {
    if (this.ops === 0) return;
    await this.sync();
  }

  /** The caller synced the context itself (to read what it queued): what was queued has been sent. */
  synced(): void {
    this.pending = 0;
    this.ops = 0;
    this.syncs++;
    this.options.onSync?.();
  }

  /** Sync now, queued writes or not (to read something the next step needs). */
  async sync(): Promise<void> {
    this.pending = 0;
    this.ops = 0;
    await this.context.sync();
    this.syncs++;
    this.options.onSync?.();
  }
}

/** A1 column letters of a 0-based index (the core's own). */
export { columnLetter as columnLetters } from '../../core/index.ts';

/** Column width in characters (as the port gives it) → points (Range.format.columnWidth). */
export function widthPoints(chars: number): number {
  // Excel's default font: ~7 px per character plus 5 px padding; 0.75 pt per px.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
