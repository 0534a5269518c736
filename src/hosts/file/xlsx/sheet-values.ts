// What an XlsxWorkbook knows of its sheets' values between calls: each sheet's extent, the values read
// while finding it (handed to the first full read), and — for a long-lived host (keepValues) — every sheet's
// values as last read, patched after output columns are written instead of parsing the sheet again.
import type { CellValue, ColumnsPatch } from '../../../port/workbook.ts';
import { XlsxError } from './errors.ts';
import { appendKept, patchKept } from './kept-values.ts';
import type { OpcPackage } from './package.ts';
import { MAX_ROW } from './refs.ts';
import { readValues, type Extent } from './sheet-reader.ts';
import type { ValueContext } from './sheet-scan.ts';
import type { SheetEntry } from './workbook-part.ts';

export class SheetValueCache {
  private readonly extents = new Map<string, Extent>();
  /**
   * Values read while finding a sheet's extent, kept for the first full read of that sheet: listing the
   * sheets and then reading them (what every run does) scans each sheet once. Dropped on any write.
   */
  private readonly unread = new Map<string, CellValue[][]>();
  /**
   * With keepValues: each sheet's values as last read, per part; a full read hands out a copy of the rows
   * (callers may change what they get) instead of parsing the XML again. A write drops its part only.
   */
  private readonly kept: Map<string, CellValue[][]> | null;
  /** Sheets we generated (records, action lists): no step reads their values back, only the page lists their size. */
  private readonly generated = new Set<string>();

  constructor(
    private readonly pkg: OpcPackage,
    private readonly ctx: ValueContext,
    keepValues: boolean,
  ) {
    this.kept = keepValues ? new Map() : null;
  }

  extent(s: SheetEntry): Extent {
    const key = s.part.toLowerCase();
    if (this.extents.has(key)) return this.extents.get(key)!;
    // A generated sheet: only its size is asked for (the page lists the sheets after every step), so find it
    // without reading a value; a full read, if any, parses the values then.
    if (this.kept && this.generated.has(key)) this.extents.set(key, this.sizeOnly(s));
    else this.unread.set(key, this.scan(s));
    return this.extents.get(key)!;
  }

  /** Every value of a sheet: the ones read while finding its extent (once), else a new scan. */
  fullRead(s: SheetEntry): CellValue[][] {
    const key = s.part.toLowerCase();
    const kept = this.kept?.get(key);
    if (kept) return kept.map((row) => row.slice());
    const values = this.unread.get(key);
    if (!values) return this.kept ? this.scan(s).map((row) => row.slice()) : this.scan(s);
    this.unread.delete(key);
    return this.kept ? values.map((row) => row.slice()) : values;
  }

  /** Rows [firstRow, lastRow] of a sheet, parsed from its XML. */
  block(s: SheetEntry, firstRow: number, lastRow: number): CellValue[][] {
    return lastRow < firstRow ? [] : readValues(this.pkg.readable(s.part), this.ctx, firstRow, lastRow);
  }

  /** Output columns were written: kept values and extent follow the patch when they can, else are let go. */
  keepWritten(part: string, patch: ColumnsPatch): void {
    const key = part.toLowerCase();
    const values = this.kept?.get(key);
    const extent = this.extents.get(key);
    this.changed(part);
    // A 1904 workbook's date cells read back shifted: parse those again.
    if (!values || !extent || this.ctx.dateStyles1904) return;
    const next = patchKept(values, extent, patch);
    if (!next) return;
    this.kept!.set(key, next.values);
    this.extents.set(key, next.extent);
  }

  /**
   * Rows were appended to a history sheet (`created`: it was made empty just before): kept values and
   * extent follow the append when they can (the next step reads the history), else are let go.
   */
  keepAppended(part: string, header: readonly string[], rows: readonly CellValue[][], replace: { col: number; key: CellValue } | undefined, created: boolean): void {
    const key = part.toLowerCase();
    const values = created ? [] : this.kept?.get(key);
    const extent = created ? { lastRow: 0, lastCol: -1 } : this.extents.get(key);
    this.changed(part);
    if (!this.kept || !values || !extent || this.ctx.dateStyles1904) return;
    const next = appendKept(values, extent, header, rows, replace);
    if (!next) return;
    this.kept.set(key, next.values);
    this.extents.set(key, next.extent);
  }

  /** A sheet TierBook generated: once written, it is sized without its values (see extent). */
  markGenerated(part: string): void {
    this.generated.add(part.toLowerCase());
  }

  /** A sheet part was rewritten: its extent is stale, and values kept from the reading phase are let go. */
  changed(part: string): void {
    this.extents.delete(part.toLowerCase());
    this.unread.clear();
    this.kept?.delete(part.toLowerCase());
  }

  /** Reads every value of a sheet, recording its extent on the way. */
  private scan(s: SheetEntry): CellValue[][] {
    const extent: Extent = { lastRow: 0, lastCol: -1 };
    const values = named(s, () => readValues(this.pkg.readable(s.part), this.ctx, 1, MAX_ROW, extent));
    this.extents.set(s.part.toLowerCase(), extent);
    this.kept?.set(s.part.toLowerCase(), values);
    return values;
  }

  /** A sheet's extent alone: rows [1, 0] return no values, the scan still walks every row for the extent. */
  private sizeOnly(s: SheetEntry): Extent {
    const extent: Extent = { lastRow: 0, lastCol: -1 };
    named(s, () => readValues(this.pkg.readable(s.part), this.ctx, 1, 0, extent));
    return extent;
  }
}

/** Runs a read of sheet `s`, naming the sheet in its errors: the scanner knows only its XML. */
function named<T>(s: SheetEntry, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof XlsxError) throw new XlsxError(e.code, `工作表"${s.name}"：${e.text['zh-CN']}`, `Sheet "${s.name}": ${e.text['en-US']}`);
    throw e;
  }
}
