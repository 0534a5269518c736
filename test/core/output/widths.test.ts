// Column widths skip the cells that cannot widen a column (issue 16): the widths stay those of fitting every cell.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/core/explain/format.ts';
import { columnWidths, displayWidth } from '../../../src/core/output/widths.ts';
import type { CellValue, SheetTable } from '../../../src/core/output/tables.ts';

/** Every cell fitted, as before the shortcut. */
function everyCell(tables: readonly SheetTable[], min = 8, max = 60): number[] {
  const widths: number[] = [];
  const fit = (c: number, v: CellValue) => {
    if (v === null) return;
    const text = typeof v === 'number' ? formatNumber(v, 1) : String(v);
    widths[c] = Math.max(widths[c] ?? min, Math.min(max, displayWidth(text) + 2));
  };
  for (const t of tables) {
    t.header.forEach((h, c) => fit(c, h));
    for (const row of t.rows) row.forEach((v, c) => fit(c, v));
  }
  return Array.from(widths, (w) => w ?? min);
}

/** A small deterministic generator (no flaky cases). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

const WORDS = ['金牌客户', 'Gold', '华东', 'a\u0301', '👍', 'Customer with a long name Ltd.', '', 'ｆｕｌｌ'];

describe('columnWidths', () => {
  it('gives the widths of fitting every cell, on numbers, text, wide text and blanks', () => {
    const next = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const cols = 1 + Math.floor(next() * 5);
      const value = (): CellValue => {
        const k = next();
        if (k < 0.15) return null;
        if (k < 0.2) return next() < 0.5;
        if (k < 0.6) {
          const mag = 10 ** Math.floor(next() * 18 - 3);
          const v = (next() - 0.3) * mag;
          return next() < 0.3 ? Math.round(v) : next() < 0.1 ? 9.96 * mag : v;
        }
        return Array.from({ length: 1 + Math.floor(next() * 4) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
      };
      const rows = Array.from({ length: Math.floor(next() * 40) }, () => Array.from({ length: cols }, value));
      const tables: SheetTable[] = [{ header: Array.from({ length: cols }, (_, c) => (c % 2 ? '客户编号' : 'Id')), rows }];
      const [min, max] = next() < 0.5 ? [8, 60] : [10, 12 + Math.floor(next() * 20)];
      expect(columnWidths(tables, min, max)).toEqual(everyCell(tables, min, max));
    }
  });

  it('keeps the extremes: 0.95 and 9.96 rounding up, a huge number, infinities', () => {
    const tables: SheetTable[] = [{ header: ['x'], rows: [[0.95], [9.96], [999.96], [-999_999.96], [1e21], [Infinity], [-Infinity], [NaN]] }];
    expect(columnWidths(tables, 1, 60)).toEqual(everyCell(tables, 1, 60));
  });
});
