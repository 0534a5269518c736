// The Office.js host: the workbook port over Excel.run. Nothing else in TierBook calls Office.js.
//
// Reads load only `values`, of the used range (getUsedRangeOrNullObject(true): cells with values, not mere
// formatting), in row blocks sized from the bytes of the previous response. Writes send values first and
// formats after, in blocks measured before they are sent; calculation is suspended for each write batch and
// screen updating once per operation (ExcelApi 1.9). context.sync() runs once per block, never per row or cell.
// A failure says which blocks had been written; only output columns and TierBook's own sheets are ever
// written, so the user's data is untouched and the next run rewrites the output columns (found by header).
/// <reference types="office-js" />
import { loc } from '../../core/i18n.ts';
import { marksFrom, planMarks, type ColumnMark, type SheetMark } from '../../port/marks.ts';
import type { CellValue, ColumnWrite, ColumnsPatch, GeneratedSheet, Progress, SheetInfo, SheetValues, SummariesReport, SummarySpec, TierBookMarks, WorkbookPort } from '../../port/workbook.ts';
import { RunError } from '../../run/errors.ts';
import { DEFAULT_LIMITS, WriteBatch, widthPoints, type BlockLimits } from './batch.ts';
import { columnsGrid, planColumnBlocks } from './column-inputs.ts';
import { breather } from './yield.ts';
import { jsonBytes, toCellInput } from './cells.ts';
import { cancelledError, hostError, type WrittenBlocks } from './errors.ts';
import { readRows } from './read.ts';
import { emptySheet, newBatch, rewriteTable, writeFills, writeGenerated, writeNumberFormat, type SheetEnv } from './sheets.ts';
import { writeSummaries } from './summaries.ts';

/** Excel.run(options, batch), or a stand-in with the same shape (the Excel fake in tests). */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Every request waits while the user is typing in a cell, instead of failing (the default); builds that predate
 * the option fail with InvalidOperation or InvalidOperationInCellEditMode, both mapped in errors.ts.
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** Office.context.requirements.isSetSupported, or a stand-in. */
export interface RequirementCheck {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface OfficeWorkbookOptions {
  /** Default: Excel.run. */
  run?: ExcelRun;
  /** Default: Office.context.requirements. */
  requirements?: RequirementCheck;
  /** Cancels the current operation between two blocks. */
  signal?: AbortSignal;
  /** Progress of reads and summaries (writeColumns reports to its own callback). */
  onProgress?: (p: Progress) => void;
  limits?: Partial<BlockLimits>;
}

/** The Excel Table TierBook keeps over the history sheet. */
export const HISTORY_TABLE = 'TierBookHistory';
const EXCEL_ROWS = 1_048_576;

export interface OfficeHostStats {
  /** context.sync() calls made by the host since it was created. */
  syncs: number;
  /** Row blocks read and written. */
  readBlocks: number;
  writeBlocks: number;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly stats: OfficeHostStats = { syncs: 0, readBlocks: 0, writeBlocks: 0 };
  private readonly run: ExcelRun;
  private readonly requirements: RequirementCheck;
  private readonly limits: BlockLimits;
  private readonly signal: AbortSignal | undefined;
  private readonly onProgress: ((p: Progress) => void) | undefined;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? ((o, batch) => Excel.run(o, batch));
    this.requirements = options.requirements ?? { isSetSupported: (name: string, version?: string) => Office.context.requirements.isSetSupported(name, version) };
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.signal = options.signal;
    this.onProgress = options.onProgress;
  }

  supports(set: string, version: string): boolean {
    try {
      return this.requirements.isSetSupported(set, version);
    } catch {
      return false;
    }
  }

  private env(written: WrittenBlocks | null, onBlock?: (done: number, total: number) => void): SheetEnv {
    return {
      limits: this.limits,
      supports: (s, v) => this.supports(s, v),
      checkCancel: () => {
        if (this.signal?.aborted) throw cancelledError(written);
      },
      onSync: () => this.stats.syncs++,
      ...(onBlock ? { onBlock } : {}),
    };
  }

  /** One Excel.run, with Excel's errors turned into the user's message. */
  private async excel<T>(doing: ReturnType<typeof loc>, written: WrittenBlocks | null, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (this.signal?.aborted) throw cancelledError(null);
    try {
      return await this.run(RUN_OPTIONS, batch);
    } catch (e) {
      throw hostError(e, doing, written);
    }
  }

  /** Activate a sheet and select one cell (the task pane's "show me" on a data issue). */
  async select(sheet: string, cell: string): Promise<void> {
    await this.excel(loc(`选择 ${sheet}!${cell}`, `Selecting ${sheet}!${cell}`), null, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
      this.stats.syncs++;
    });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.excel(loc('读取工作表列表', 'Listing the sheets'), null, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      this.stats.syncs++;
      const used = sheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load('rowIndex,rowCount,columnIndex,columnCount');
        return range;
      });
      await context.sync();
      this.stats.syncs++;
      return sheets.items.map((ws, i): SheetInfo => {
        const u = used[i]!;
        const empty = u.isNullObject;
        return {
          name: ws.name,
          lastRow: empty ? 0 : u.rowIndex + u.rowCount,
          lastCol: empty ? -1 : u.columnIndex + u.columnCount - 1,
          visible: ws.visibility === 'Visible',
        };
      });
    });
  }

  async readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues> {
    const firstRow = Math.max(1, options?.firstRow ?? 1);
    return this.excel(loc(`读取工作表"${name}"`, `Reading sheet "${name}"`), null, async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount,columnIndex,columnCount');
      await context.sync();
      this.stats.syncs++;
      if (used.isNullObject) return { sheet: name, firstRow, values: [] };
      const last = Math.min(options?.lastRow ?? Infinity, used.rowIndex + used.rowCount);
      const width = used.columnIndex + used.columnCount;
      const values = await this.readRows(context, ws, firstRow - 1, Math.max(0, last - firstRow + 1), width, name);
      return { sheet: name, firstRow, values };
    });
  }

  /** Rows [r0, r0 + count) × columns [0, width) in blocks (read.ts), with progress for the sheet. */
  private readRows(context: Excel.RequestContext, ws: Excel.Worksheet, r0: number, count: number, width: number, sheet: string): Promise<CellValue[][]> {
    return readRows(context, ws, r0, count, width, {
      limits: this.limits,
      signal: this.signal,
      onSync: () => this.stats.syncs++,
      onBlock: (done, total) => {
        this.stats.readBlocks++;
        this.onProgress?.({ done, total, stage: `read:${sheet}` });
      },
    });
  }

  async writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void> {
    const columns = [...patch.columns].sort((a, b) => a.col - b.col);
    const height = columns.reduce((h, c) => Math.max(h, c.values.length), 0);
    // Contiguous output columns go in one range per block.
    const segments: ColumnWrite[][] = [];
    for (const c of columns) {
      const last = segments[segments.length - 1];
      if (last && last[last.length - 1]!.col === c.col - 1) last.push(c);
      else segments.push([c]);
    }
    const segmentValues = segments.map((seg) => seg.map((c) => c.values));
    // Blocks are planned over all segments together: one request carries the same rows of every segment.
    const blocks = await planColumnBlocks(columns.map((c) => c.values), height, this.limits, breather());
    const total = blocks.length + 1;
    const r0 = patch.firstRow - 1;
    const written: WrittenBlocks = { what: loc('输出列', 'the output columns'), done: 0, total: blocks.length, rows: null };
    await this.excel(loc(`写入工作表"${patch.sheet}"的输出列`, `Writing the output columns of "${patch.sheet}"`), written, async (context) => {
      const env = this.env(written);
      const ws = context.workbook.worksheets.getItem(patch.sheet);
      const marking = await this.planMarks(context, columns.filter((c) => c.key).map((c) => ({ sheet: patch.sheet, key: c.key!, col: c.col })));
      const batch = new WriteBatch(context, { limits: this.limits, suspendCalc: true, suspendScreen: this.supports('ExcelApi', '1.9'), onSync: env.onSync });
      // Marks and headers go first, in the first request: whatever else lands, the next run finds these columns.
      if (marking) await batch.add(marking.bytes, marking.apply);
      for (const seg of segments) {
        const header = [seg.map((c) => toCellInput(c.header))];
        await batch.add(jsonBytes(header), () => {
          const range = ws.getRangeByIndexes(patch.headerRow - 1, seg[0]!.col, 1, seg.length);
          range.values = header;
          range.untrack();
        });
      }
      for (const block of blocks) {
        env.checkCancel();
        for (let s = 0; s < segments.length; s++) {
          const seg = segments[s]!;
          await batch.add(s === 0 ? block.bytes : 0, () => {
            const range = ws.getRangeByIndexes(r0 + block.start, seg[0]!.col, block.count, seg.length);
            range.values = columnsGrid(segmentValues[s]!, block);
            range.untrack();
          });
        }
        await batch.flush();
        written.done++;
        written.rows = [patch.firstRow, patch.firstRow + block.start + block.count - 1];
        this.stats.writeBlocks++;
        onProgress?.({ done: written.done, total, stage: 'write' });
      }
      env.checkCancel();
      // Formats, after every value is in place.
      for (const c of columns) {
        await batch.add(80, () => {
          const col = ws.getRangeByIndexes(patch.headerRow - 1, c.col, 1, 1);
          if (c.width) col.format.columnWidth = widthPoints(c.width);
          col.untrack();
        });
        if (!height) continue;
        if (c.wrap !== undefined)
          await batch.add(80, () => {
            const data = ws.getRangeByIndexes(r0, c.col, height, 1);
            data.format.wrapText = c.wrap!;
            data.untrack();
          });
        if (c.numberFormat) await writeNumberFormat(ws, batch, r0, c.col, height, c.numberFormat, this.limits);
        if (c.fills) await writeFills(ws, batch, r0, c.col, 1, height, c.fills, [{ col: c.col, values: c.values }]);
      }
      await batch.flush();
      onProgress?.({ done: total, total, stage: 'format' });
    });
  }

  async replaceSheet(sheet: GeneratedSheet): Promise<void> {
    await this.excel(loc(`写入工作表"${sheet.name}"`, `Writing sheet "${sheet.name}"`), null, async (context) => {
      const env = this.env(null);
      const ws = await this.ownedSheet(context, sheet.name, env);
      await writeGenerated(context, ws, sheet, env);
      if (sheet.kind) await this.markNow(context, [{ sheet: sheet.name, kind: sheet.kind }]);
    });
  }

  async readMarks(): Promise<TierBookMarks> {
    if (!this.supports('ExcelApi', '1.4')) return { columns: [], sheets: [] };
    return this.excel(loc('读取 TierBook 标记', 'Reading TierBook marks'), null, async (context) => marksFrom(await this.names(context)));
  }

  /** The workbook-level names with their formulas (one sync). */
  private async names(context: Excel.RequestContext): Promise<{ name: string; formula: string }[]> {
    // NamedItem.formula is ExcelApi 1.7; before it, value gives a named range's address.
    const prop = this.supports('ExcelApi', '1.7') ? 'formula' : 'value';
    const names = context.workbook.names;
    names.load(`items/name,items/${prop}`);
    await context.sync();
    this.stats.syncs++;
    return names.items.map((n) => ({ name: n.name, formula: String((prop === 'formula' ? n.formula : n.value) ?? '') }));
  }

  /**
   * Reads the names and plans `marks` (hidden names; each replaces the sheet's mark of the same key or
   * kind); `apply` queues the changes. Null without ExcelApi 1.4 (no names.add): nothing is marked, and
   * the next run recognises the columns as a previous version's.
   */
  private async planMarks(context: Excel.RequestContext, marks: readonly (ColumnMark | SheetMark)[]): Promise<{ bytes: number; apply: () => void } | null> {
    if (!marks.length || !this.supports('ExcelApi', '1.4')) return null;
    const plan = planMarks(await this.names(context), marks);
    return {
      bytes: 120 * (plan.drop.length + plan.add.length),
      apply: () => {
        for (const name of plan.drop) context.workbook.names.getItem(name).delete();
        for (const n of plan.add) context.workbook.names.add(n.name, `=${n.ref}`).visible = false;
      },
    };
  }

  private async markNow(context: Excel.RequestContext, marks: readonly (ColumnMark | SheetMark)[]): Promise<void> {
    const marking = await this.planMarks(context, marks);
    if (!marking) return;
    marking.apply();
    await context.sync();
    this.stats.syncs++;
  }

  /** The named sheet emptied (TierBook owns it), or a new one at the end. */
  private async ownedSheet(context: Excel.RequestContext, name: string, env: SheetEnv, hidden = false): Promise<Excel.Worksheet> {
    const found = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    env.onSync();
    if (found.isNullObject) {
      const ws = context.workbook.worksheets.add(name);
      if (hidden) ws.visibility = 'Hidden';
      return ws;
    }
    await emptySheet(context, found, env);
    return found;
  }

  async appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): Promise<void> {
    const written: WrittenBlocks = { what: loc('历史记录', 'the history rows'), done: 0, total: 0, rows: null };
    await this.excel(loc(`写入工作表"${sheet}"`, `Writing sheet "${sheet}"`), written, async (context) => {
      const env = this.env(written, (done, total) => {
        written.done = done;
        written.total = total;
      });
      const found = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      this.stats.syncs++;
      let old: CellValue[][] = [];
      let existingHeader: CellValue[] | null = null;
      const ws: Excel.Worksheet = found.isNullObject ? context.workbook.worksheets.add(sheet) : found;
      // The sheet exists by the mark's sync (a name cannot refer to a sheet not there yet).
      if (kind) await this.markNow(context, [{ sheet, kind }]);
      if (!found.isNullObject) {
        const used = found.getUsedRangeOrNullObject(true);
        used.load('rowIndex,rowCount,columnIndex,columnCount');
        await context.sync();
        this.stats.syncs++;
        if (!used.isNullObject) {
          const all = await this.readRows(context, ws, 0, used.rowIndex + used.rowCount, used.columnIndex + used.columnCount, sheet);
          existingHeader = all[0] ?? null;
          old = all.slice(1);
        }
      }
      const key = replace ? String(replace.key ?? '') : null;
      const kept = replace ? old.filter((r) => String(r[replace.col] ?? '') !== key) : old;
      let from = 0;
      while (from < kept.length && kept[from] === old[from]) from++;
      const content = [...kept, ...rows];
      if (content.length + 1 > EXCEL_ROWS)
        throw new RunError(
          'host',
          loc(
            `"${sheet}"将有 ${content.length + 1} 行，超过 Excel 每张工作表 1,048,576 行的上限。请把较早的期间移到另一个工作簿。`,
            `"${sheet}" would hold ${content.length + 1} rows, more than Excel's 1,048,576 per sheet. Move earlier periods to another workbook.`,
          ),
        );
      const width = Math.max(header.length, existingHeader?.length ?? 0, ...rows.map((r) => r.length), old.reduce((w, r) => Math.max(w, lastFilled(r) + 1), 0));
      await rewriteTable(context, ws, env, {
        tableName: HISTORY_TABLE,
        header: existingHeader && existingHeader.some((h) => h !== null) ? existingHeader : header,
        rows: content,
        from,
        oldCount: old.length,
        width,
        writeHeader: !existingHeader || existingHeader.every((h) => h === null),
      });
      if (numberFormats?.some(Boolean) && rows.length) {
        const batch = newBatch(context, env);
        for (const [c, f] of numberFormats.entries()) if (f) await writeNumberFormat(ws, batch, 1 + kept.length, c, rows.length, f, this.limits);
        await batch.flush();
      }
    });
  }

  /** Native summaries: PivotTables and a chart (ExcelApi 1.8), else the static tables; see summaries.ts. */
  async summaries(specs: SummarySpec[], onProgress?: (p: Progress) => void): Promise<SummariesReport> {
    const progress = onProgress ?? this.onProgress;
    return this.excel(loc('写入汇总', 'Writing the summaries'), null, async (context) => {
      const report = await writeSummaries(context, specs, {
        env: this.env(null),
        native: this.supports('ExcelApi', '1.8'),
        ownedSheet: (name, env, hidden) => this.ownedSheet(context, name, env, hidden),
        readRowCount: async (ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load('rowIndex,rowCount');
          await context.sync();
          this.stats.syncs++;
          return used.isNullObject ? 0 : used.rowIndex + used.rowCount;
        },
        ...(progress ? { onProgress: progress } : {}),
      });
      await this.markNow(context, specs.map((x) => ({ sheet: x.sheet, kind: x.key })));
      return report;
    });
  }
}

function lastFilled(row: readonly CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (row[c] !== null && row[c] !== undefined) return c;
  return -1;
}
