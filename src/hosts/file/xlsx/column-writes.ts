// The cells of an output-column patch as the sheet patcher asks for them, row by row.
import type { CellValue, ColumnsPatch } from '../../../port/workbook.ts';
import { cellPresent, writeCell } from './cells.ts';
import { colName } from './refs.ts';
import type { CellWrites, RowWrites } from './sheet-patcher.ts';
import type { CellStyle, StyleSheet } from './styles.ts';

/** The cells of a column patch, generated row by row: header (bold) and values (number format, fill, wrap). */
export function columnWrites(patch: ColumnsPatch, styles: StyleSheet, p: string): CellWrites {
  const columns = [...patch.columns].sort((a, b) => a.col - b.col);
  const headerStyle = styles.xfIndex({ bold: true });
  const styleFor = columns.map((column) => {
    const cache = new Map<string | null, number | undefined>();
    return (fill: string | null): number | undefined => {
      if (cache.has(fill)) return cache.get(fill);
      const style: CellStyle = { numberFormat: column.numberFormat ?? null, fill, wrap: !!column.wrap };
      const xf = style.numberFormat || fill || style.wrap ? styles.xfIndex(style) : undefined;
      cache.set(fill, xf);
      return xf;
    };
  });
  const letters = columns.map((c) => colName(c.col));
  const longest = Math.max(0, ...columns.map((c) => c.values.length));
  const rows: number[] = [];
  for (let i = 0; i < longest; i++) rows.push(patch.firstRow + i);
  if (columns.length) {
    const at = rows.findIndex((r) => r > patch.headerRow);
    rows.splice(at < 0 ? rows.length : at, 0, patch.headerRow);
  }
  // One row's writes, refilled for each row (the patcher writes them before asking for the next): the
  // columns written, and for each its column index k, value and style.
  let current = 0;
  const cols: number[] = [];
  const present: boolean[] = [];
  const ks: number[] = [];
  const values: CellValue[] = [];
  const cellStyles: (number | undefined)[] = [];
  const add = (k: number, value: CellValue, style: number | undefined) => {
    cols.push(columns[k]!.col);
    present.push(cellPresent(value, style));
    ks.push(k);
    values.push(value);
    cellStyles.push(style);
  };
  const rowWrites: RowWrites = { cols, present, write: (j, out) => writeCell(out, letters[ks[j]!]!, current, values[j]!, cellStyles[j], p) };
  return {
    rows,
    cells(row: number): RowWrites {
      current = row;
      cols.length = 0;
      present.length = 0;
      ks.length = 0;
      values.length = 0;
      cellStyles.length = 0;
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k]!;
        if (row === patch.headerRow) {
          add(k, column.header, headerStyle);
          continue;
        }
        const i = row - patch.firstRow;
        if (i >= 0 && i < column.values.length) add(k, column.values[i] ?? null, styleFor[k]!(column.fills?.[i] ?? null));
      }
      return rowWrites;
    },
  };
}
