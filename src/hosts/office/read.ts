// Reading rows in blocks: Range.values of at most limits.maxCells cells, each block sized from the bytes per
// row of the previous response, so that no response nears Excel on the web's 5 MB limit; one sync per block.
/// <reference types="office-js" />
import type { CellValue } from '../../port/workbook.ts';
import { inputBytes, type BlockLimits } from './batch.ts';
import { fromCellOutput } from './cells.ts';
import { cancelledError, excelCodeOf } from './errors.ts';

export interface ReadEnv {
  limits: BlockLimits;
  signal: AbortSignal | undefined;
  /** After every sync and every block (the host's statistics). */
  onSync(): void;
  onBlock(done: number, total: number): void;
}

/** JSON bytes of one value of a response (Excel's values are strings, numbers, booleans; "" for a blank). */
function outputBytes(v: unknown): number {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return inputBytes(v);
  return v === null || v === undefined ? 5 : 16;
}

/**
 * Rows [r0, r0 + count) × columns [0, width) in blocks: the first of limits.startRows rows, each next one
 * sized from the bytes per row of the previous response; a block over Excel's response limit is retried at a quarter.
 */
export async function readRows(context: Excel.RequestContext, ws: Excel.Worksheet, r0: number, count: number, width: number, env: ReadEnv): Promise<CellValue[][]> {
  const L = env.limits;
  const cap = Math.max(1, Math.min(L.maxRows, Math.floor(L.maxCells / Math.max(1, width))));
  const out: CellValue[][] = new Array(count);
  let rows = Math.min(L.startRows, cap);
  let start = 0;
  let retries = 0;
  while (start < count) {
    if (env.signal?.aborted) throw cancelledError(null);
    const n = Math.min(rows, count - start);
    const range = ws.getRangeByIndexes(r0 + start, 0, n, width);
    range.load('values');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of ≤ 20,000 rows / ~2.5 MB, as Microsoft advises for large ranges: O(blocks), never O(rows)
      await context.sync();
      env.onSync();
    } catch (e) {
      const code = excelCodeOf(e);
      if ((code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit') && n > 1 && retries < 8) {
        rows = Math.max(1, Math.floor(n / 4));
        retries++;
        continue;
      }
      throw e;
    }
    const values = range.values as unknown[][];
    // The response's bytes, counted while its rows are converted in place (it is ours: no copy, and no
    // JSON text of it made only to be measured).
    let bytes = 2;
    for (let i = 0; i < n; i++) {
      const row = values[i]!;
      bytes += 3;
      for (let c = 0; c < width; c++) {
        const v = row[c];
        bytes += outputBytes(v);
        row[c] = fromCellOutput(v);
      }
      out[start + i] = row as CellValue[];
    }
    range.untrack();
    start += n;
    retries = 0;
    rows = Math.max(L.minRows, Math.min(cap, Math.floor(L.targetBytes / Math.max(1, bytes / n))));
    env.onBlock(start, count);
  }
  return out;
}
