// What the standalone grid shows of a workbook opened from a file: per sheet its layout (column widths,
// merges) and the workbook's table of cell formats, per window of rows the values and a format index per
// cell. An .xlsx is read from its XML; a CSV shows plain values until something is written into it, then
// the workbook it would be saved as (so written formats and colours show the same as for an .xlsx).
import type { CellValue, SheetInfo } from '../../port/workbook.ts';
import type { XlsxWorkbook } from './xlsx/index.ts';
import { GridReader, readSheetLayout, type GridBlock, type SheetLayout } from './xlsx/grid-reader.ts';
import { GENERAL_LOOK, readCellLooks, type CellLook } from './xlsx/style-table.ts';

export type { CellLook, GridBlock };

export interface GridLayout extends SheetLayout {
  sheet: string;
  /** Cell formats by index (a cell's entry in GridBlock.looks). */
  looks: CellLook[];
  /** Serial dates count from 1904 (Mac workbooks). */
  date1904: boolean;
}

/** The two sources a grid can read: an .xlsx package, or value grids (CSV) with a way to an .xlsx. */
export interface GridBook {
  xlsx(): XlsxWorkbook | null;
  values(sheet: string): Promise<CellValue[][]>;
  sheets(): Promise<SheetInfo[]>;
}

export class GridView {
  private readonly readers = new Map<string, GridReader>();
  private looks: { styles: string | null; looks: CellLook[] } | null = null;

  constructor(private readonly book: GridBook) {}

  async layout(sheet: string): Promise<GridLayout> {
    const x = this.book.xlsx();
    if (!x) return { sheet, widths: [], defaultWidth: 8.43, merges: [], looks: [GENERAL_LOOK], date1904: false };
    const parts = x.gridParts(sheet);
    if (this.looks?.styles !== parts.styles) this.looks = { styles: parts.styles, looks: readCellLooks(parts.styles, parts.theme) };
    // Date cells of a 1904 workbook are handed over as 1900-system serials already (the cell reader converts them).
    return { sheet, ...readSheetLayout(parts.xml), looks: this.looks.looks, date1904: false };
  }

  /** Rows [firstRow, lastRow] (1-based) from column A, as wide as the sheet's used area. */
  async block(sheet: string, firstRow: number, lastRow: number): Promise<GridBlock> {
    const info = (await this.book.sheets()).find((s) => s.name === sheet);
    const width = Math.max(0, (info?.lastCol ?? -1) + 1);
    const last = Math.min(lastRow, info?.lastRow ?? 0);
    const x = this.book.xlsx();
    if (!x) {
      const all = await this.book.values(sheet);
      const values = all.slice(firstRow - 1, Math.max(firstRow - 1, last)).map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
      return { firstRow, width, values, looks: new Uint32Array(values.length * width) };
    }
    const parts = x.gridParts(sheet);
    let reader = this.readers.get(sheet);
    if (!reader) this.readers.set(sheet, (reader = new GridReader()));
    return reader.block(parts.xml, parts.ctx, firstRow, last, width);
  }
}
