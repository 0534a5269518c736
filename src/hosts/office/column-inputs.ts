// The output columns as Range.values input, read column by column: planning a million rows into blocks and
// building each block's grid go down each column's own array, with no call through a per-cell reader. The
// blocks and grids are those of planBlocks / blockGrid over columnsSource (the row-by-row reader).
import type { CellValue } from "../../port/workbook.ts";
import {
  BULK_CELLS,
  BULK_CHUNK_BYTES,
  inputBytes,
  type BlockLimits,
  type RowBlock,
} from "./batch.ts";
import { toCellInput } from "./cells.ts";

/** Rows measured between two yields. */
const ROWS_PER_STEP = 4_096;

/** planSteps over columns: the same blocks (each row's bytes summed in the same order), a column at a time. */
export function* planColumnSteps(
  columns: readonly (readonly CellValue[])[],
  count: number,
  limits: BlockLimits,
): Generator<void, RowBlock[]> {
  const width = columns.length;
  const blocks: RowBlock[] = [];
  const maxRows = Math.max(
    1,
    Math.min(limits.maxRows, Math.floor(limits.maxCells / Math.max(1, width))),
  );
  const overhead = (BULK_CHUNK_BYTES * width) / BULK_CELLS;
  const rowBytes = new Float64Array(Math.min(count, ROWS_PER_STEP));
  let start = 0;
  let bytes = 0;
  for (let from = 0; from < count; from += ROWS_PER_STEP) {
    if (from > 0) yield;
    const to = Math.min(count, from + ROWS_PER_STEP);
    rowBytes.fill(3 + overhead);
    for (let c = 0; c < width; c++) {
      const values = columns[c]!;
      for (let r = from; r < to; r++)
        rowBytes[r - from] =
          rowBytes[r - from]! + inputBytes(toCellInput(values[r] ?? null));
    }
    for (let r = from; r < to; r++) {
      const b = rowBytes[r - from]!;
      if (
        r > start &&
        (bytes + b > limits.targetBytes || r - start >= maxRows)
      ) {
        blocks.push({ start, count: r - start, bytes });
        start = r;
        bytes = 0;
      }
      bytes += b;
    }
  }
  if (count > start) blocks.push({ start, count: count - start, bytes });
  return blocks;
}

/** planColumnSteps, giving the thread back when `pause` asks to. */
export async function planColumnBlocks(
  columns: readonly (readonly CellValue[])[],
  count: number,
  limits: BlockLimits,
  pause: () => Promise<void> | null,
): Promise<RowBlock[]> {
  const steps = planColumnSteps(columns, count, limits);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    const p = pause();
    if (p) await p;
  }
}

/** One block of the columns as Range.values input (blockGrid of columnsSource). */
export function columnsGrid(
  columns: readonly (readonly CellValue[])[],
  block: RowBlock,
): (string | number | boolean)[][] {
  const width = columns.length;
  const grid = new Array<(string | number | boolean)[]>(block.count);
  for (let i = 0; i < block.count; i++)
    grid[i] = new Array<string | number | boolean>(width);
  for (let c = 0; c < width; c++) {
    const values = columns[c]!;
    for (let i = 0; i < block.count; i++)
      grid[i]![c] = toCellInput(values[block.start + i] ?? null);
  }
  return grid;
}
