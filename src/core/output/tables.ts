// Plain tables the core produces for hosts to render: rules, history, summaries, the handbook.

// CellValue lives in ../cells.ts (input and output both use it); re-exported here for existing callers.
import type { CellValue } from '../cells.ts';

export type { CellValue };

/** A table placed on a generated sheet. */
export interface SheetTable {
  /** A title line above the table (bold). */
  title?: string;
  /** Lines of explanatory text under the title (e.g. definitions). */
  notes?: string[];
  header: string[];
  rows: CellValue[][];
  /** Number format per column (null = general). */
  numberFormats?: (string | null)[];
  /** Background colour per row (#RRGGBB) or null, e.g. the tier colour. */
  rowFills?: (string | null)[];
  /** Name for an Excel Table over header + rows (hosts that support tables create one). */
  tableName?: string;
}

/** A sheet TierBook generates and owns entirely (rules, history, summaries, handbook). */
export interface GeneratedSheet {
  name: string;
  /** The kind of generated sheet ('rules', 'history' …): hosts mark the sheet as TierBook's under it. */
  kind?: string;
  tables: SheetTable[];
  /** Column widths in characters, by column index. */
  widths?: number[];
  /** Print setup for sheets meant to be printed (the handbook). */
  print?: {
    landscape?: boolean;
    fitToWidth?: boolean;
    repeatRows?: [number, number];
    /** Tables (by index) that start on a new page, so the short tables above print whole on theirs. */
    breakBefore?: number[];
  };
  /** Freeze the rows above this 1-based row. */
  freezeRows?: number;
}

/** Where a generated table landed: sheet row of its title (if any), header and first data row. */
export interface TablePlacement {
  titleRow: number | null;
  headerRow: number;
  firstDataRow: number;
}

/**
 * The row layout every host uses for a generated sheet, top to bottom: title, notes, header, rows,
 * then one blank row before the next table. Shared so readers of the sheet (the rules sheet) agree with writers.
 */
export function layoutTables(tables: readonly SheetTable[]): TablePlacement[] {
  let row = 1;
  return tables.map((t) => {
    const titleRow = t.title !== undefined ? row++ : null;
    row += t.notes?.length ?? 0;
    const headerRow = row++;
    const firstDataRow = row;
    row += t.rows.length + 1;
    return { titleRow, headerRow, firstDataRow };
  });
}

/** The values grid of a generated sheet (row 1 first, column A first), laid out as every host lays it out. */
export function sheetValues(sheet: GeneratedSheet): CellValue[][] {
  const grid: CellValue[][] = [];
  const put = (row: number, cells: readonly CellValue[]) => {
    while (grid.length < row) grid.push([]);
    grid[row - 1] = [...cells];
  };
  const placements = layoutTables(sheet.tables);
  sheet.tables.forEach((t, i) => {
    const p = placements[i]!;
    if (p.titleRow !== null) put(p.titleRow, [t.title ?? null]);
    (t.notes ?? []).forEach((n, k) => put((p.titleRow ?? p.headerRow - (t.notes?.length ?? 0) - 1) + 1 + k, [n]));
    put(p.headerRow, t.header);
    t.rows.forEach((r, k) => put(p.firstDataRow + k, r));
  });
  return grid;
}
