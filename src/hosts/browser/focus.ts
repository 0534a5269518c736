// Where the standalone grid goes after a step wrote: Apply to the output columns it wrote into the
// customer sheet, Summaries to the tier-mix sheet, Handbook (and saving the rules) to the sheet written.
import type { Written } from '../file/file-workbook.ts';
import type { SessionCall } from './protocol.ts';

export interface GridFocus {
  sheet: string;
  /** 1-based row to show (the header row of written columns, else 1). */
  row: number;
  /** 0-based columns to mark; empty for a whole sheet. */
  cols: number[];
}

export function focusAfter(method: SessionCall['method'], value: unknown, writes: readonly Written[]): GridFocus | null {
  const sheetWrite = (name: unknown) => (typeof name === 'string' ? { sheet: name, row: 1, cols: [] } : null);
  if (method === 'summaries') {
    const first = (value as { sheets?: unknown[] } | null)?.sheets?.[0];
    return sheetWrite(first) ?? sheetWrite(writes.find((w) => w.kind === 'sheet')?.sheet);
  }
  if (method === 'handbook' || method === 'saveRules') return sheetWrite(value);
  const columns = writes.find((w) => w.kind === 'columns');
  if (columns) return { sheet: columns.sheet, row: columns.row, cols: [...columns.cols].sort((a, b) => a - b) };
  const sheet = typeof (value as { sheet?: unknown } | null)?.sheet === 'string' ? (value as { sheet: string }).sheet : writes[0]?.sheet;
  return sheetWrite(sheet);
}
