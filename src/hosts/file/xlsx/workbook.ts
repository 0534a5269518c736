// XlsxWorkbook: the data side of the workbook port over an .xlsx file, by patching the OOXML package.
// Only the parts an operation must change are rewritten (the target sheet, styles.xml, workbook.xml and
// its relationships/content types when sheets or names are added); every other zip entry is copied as is.
import { marksFrom, planMarks, type ColumnMark, type SheetMark } from '../../../port/marks.ts';
import type { CellValue, ColumnsPatch, GeneratedSheet, Progress, SheetInfo, SheetValues, SummariesReport, SummarySpec, TierBookMarks } from '../../../port/workbook.ts';
import { columnWrites } from './column-writes.ts';
import { setColumnWidths } from './cols.ts';
import { dateStyleFlags } from './date-styles.ts';
import { XlsxError } from './errors.ts';
import { layoutTables, printNames, tableXml, uniqueTableName, worksheetContent, worksheetXml } from './generated.ts';
import type { PackedPart, PartContent } from './packed-part.ts';
import { layoutTables as placeTables } from '../../../core/output/tables.ts';
import { appendToSheet } from './history.ts';
import { writePivotSummaries, type BookInternals } from './pivot-summaries.ts';
import { CONTENT_TYPE, OpcPackage, REL_TYPE, relIs, relsPathOf } from './package.ts';
import { MAX_COL, MAX_ROW, checkSheetName } from './refs.ts';
import { parseSharedStrings } from './shared-strings.ts';
import { readMergeRanges, type MergeRange } from './sheet-reader.ts';
import { patchCells } from './sheet-patcher.ts';
import { ByteSink } from './sink.ts';
import { sheetTags, type ValueContext } from './sheet-scan.ts';
import { SheetValueCache } from './sheet-values.ts';
import { MINIMAL_STYLES, StyleSheet, argb } from './styles.ts';
import { extendTables, syncTableHeaders, tableInventory } from './tables.ts';
import { WorkbookPart, findWorkbookPart, type SheetEntry } from './workbook-part.ts';
import { isOleCompoundFile, type ZipCodec } from './zip.ts';

export interface OpenOptions {
  /** The zip codec (default: fflate, which runs anywhere; Node hosts pass native zlib). */
  codec?: ZipCodec | undefined;
  /**
   * Keep every sheet's values once read, until that sheet is written (see `kept`): for a host that
   * runs several steps over one open workbook (the standalone page's worker), not for a one-shot run.
   */
  keepValues?: boolean | undefined;
}

/** Sheet-scoped names a generated sheet owns (replaced with the sheet). */
const GENERATED_NAMES = ['_xlnm.Print_Area', '_xlnm.Print_Titles', '_xlnm._FilterDatabase'];

export class XlsxWorkbook {
  private sst: string[] | null = null;
  private styles: StyleSheet | null = null;
  private stylesPath = '';
  /** Extents and values of the sheets read so far (see sheet-values.ts). */
  private readonly values: SheetValueCache;
  private readonly ctx: ValueContext;

  private constructor(
    private readonly pkg: OpcPackage,
    private readonly wb: WorkbookPart,
    keepValues: boolean,
  ) {
    this.ctx = { sharedStrings: () => this.sharedStrings(), dateStyles1904: wb.date1904 ? this.dateStyles() : null };
    this.values = new SheetValueCache(pkg, this.ctx, keepValues);
  }

  /** Opens an .xlsx (or .xlsm) file. Throws XlsxError when the bytes are not a readable workbook. */
  static open(bytes: Uint8Array, options: OpenOptions = {}): XlsxWorkbook {
    if (!(bytes instanceof Uint8Array)) throw new XlsxError('argument', 'XlsxWorkbook.open 需要以 Uint8Array 传入文件内容。', 'XlsxWorkbook.open expects the file as a Uint8Array.');
    if (isOleCompoundFile(bytes)) {
      if (containsUtf16(bytes, 'EncryptionInfo')) {
        throw new XlsxError('encrypted', '工作簿设有密码（已加密）。请在 Excel 中取消密码（文件 › 信息 › 保护工作簿）后再试。', 'The workbook is password-protected (encrypted). Remove the password in Excel (File › Info › Protect Workbook) and try again.');
      }
      throw new XlsxError('not-xlsx', '这是旧版 Excel 工作簿（.xls）。请先在 Excel 中另存为 .xlsx。', 'The file is an old-format Excel workbook (.xls). Save it as .xlsx first.');
    }
    const pkg = OpcPackage.open(bytes, options.codec);
    return XlsxWorkbook.fromPackage(pkg, !!options.keepValues);
  }

  /** @internal A workbook over an already assembled package (see create.ts). */
  static fromPackage(pkg: OpcPackage, keepValues = false): XlsxWorkbook {
    const path = findWorkbookPart(pkg);
    const wb = new WorkbookPart(pkg, path);
    if (!/<([\w.-]+:)?workbook[\s>]/.test(pkg.text(path))) {
      throw new XlsxError('not-xlsx', '这是一个 zip 压缩包，但不是 .xlsx 工作簿。', 'The file is a zip archive but not an .xlsx workbook.');
    }
    return new XlsxWorkbook(pkg, wb, keepValues);
  }

  // ---- reading ---------------------------------------------------------------------------------------

  /** Worksheets in tab order (chart sheets are left out: they hold no cells). */
  listSheets(): SheetInfo[] {
    return this.wb
      .sheets()
      .filter((s) => s.kind === 'worksheet' && s.part)
      .map((s) => {
        const e = this.values.extent(s);
        return { name: s.name, lastRow: e.lastRow, lastCol: e.lastCol, visible: s.state === 'visible' };
      });
  }

  /** TierBook's marks: its hidden workbook-level names over output columns and generated sheets. */
  readMarks(): TierBookMarks {
    return marksFrom(this.wb.definedNames().filter((d) => d.localSheetId === null).map((d) => ({ name: d.name, formula: d.value })));
  }

  /** Marks columns or sheets as TierBook's; each replaces the sheet's mark of the same key or kind. */
  private mark(marks: readonly (ColumnMark | SheetMark)[]): void {
    if (!marks.length) return;
    const plan = planMarks(this.wb.definedNames().filter((d) => d.localSheetId === null).map((d) => ({ name: d.name, formula: d.value })), marks);
    const drop = new Set(plan.drop.map((n) => n.toLowerCase()));
    this.wb.setHiddenNames((n) => drop.has(n.toLowerCase()), plan.add);
  }

  readSheet(name: string, opts?: { firstRow?: number; lastRow?: number }): SheetValues {
    const s = this.worksheet(name);
    const firstRow = opts?.firstRow ?? 1;
    const lastRow = opts?.lastRow ?? MAX_ROW;
    if (!Number.isInteger(firstRow) || firstRow < 1) throw new XlsxError('argument', `起始行号无效：${firstRow}。`, `Invalid first row ${firstRow}.`);
    if (!Number.isInteger(lastRow)) throw new XlsxError('argument', `结束行号无效：${lastRow}。`, `Invalid last row ${lastRow}.`);
    if (firstRow === 1 && lastRow === MAX_ROW) return { sheet: s.name, firstRow, values: this.values.fullRead(s) };
    return { sheet: s.name, firstRow, values: this.values.block(s, firstRow, lastRow) };
  }

  /** Merged ranges: rows 1-based, columns 0-based (A = 0) like the rest of the port. */
  readMerges(name: string): MergeRange[] {
    return readMergeRanges(this.pkg.text(this.worksheet(name).part));
  }

  /** Read-only parts the standalone grid needs (see grid-reader.ts): the sheet's XML, styles and theme. */
  gridParts(name: string): { xml: string | Uint8Array; styles: string | null; theme: string | null; ctx: ValueContext } {
    const part = (rel: { part: string; external?: boolean } | undefined) => (rel && !rel.external && this.pkg.has(rel.part) ? this.pkg.text(rel.part) : null);
    const rels = this.pkg.rels(this.wb.path);
    const styles = this.styles?.changed ? this.styles.toXml() : part(rels.find((r) => relIs(r.type, 'styles')));
    return { xml: this.pkg.readable(this.worksheet(name).part), styles, theme: part(rels.find((r) => relIs(r.type, 'theme'))), ctx: this.ctx };
  }

  isDate1904(): boolean {
    return this.wb.date1904;
  }

  // ---- writing into a user's sheet ------------------------------------------------------------------

  /**
   * Writes output columns: the header at (headerRow, col) in bold, values from firstRow down (null clears
   * the cell), with number format, fill and wrap from the column. No other cell changes.
   */
  writeColumns(patch: ColumnsPatch): void {
    const s = this.worksheet(patch.sheet);
    checkRow(patch.headerRow, 'header row');
    checkRow(patch.firstRow, 'first row');
    const seen = new Set<number>();
    for (const column of patch.columns) {
      const { col } = column;
      if (!Number.isInteger(col) || col < 0 || col > MAX_COL) throw new XlsxError('argument', `列号无效：${col}。`, `Invalid column index ${col}.`);
      if (seen.has(col)) throw new XlsxError('argument', `第 ${col} 列在一次写入中出现了两次。`, `Column ${col} is written twice in one patch.`);
      seen.add(col);
      const lastRow = patch.firstRow + column.values.length - 1;
      if (lastRow > MAX_ROW) throw new XlsxError('argument', `第 ${col} 列将超出 Excel 的最后一行。`, `Column ${col} would run past Excel's last row.`);
      if (patch.headerRow >= patch.firstRow && patch.headerRow <= lastRow) {
        throw new XlsxError('argument', `表头行 ${patch.headerRow} 落在第 ${col} 列的数据之中。`, `The header row ${patch.headerRow} lies inside the values of column ${col}.`);
      }
      for (const fill of column.fills ?? []) if (fill) argb(fill);
    }
    if (patch.columns.length === 0) return;
    const { text: xml, ascii } = this.pkg.textAndAsciiBytes(s.part);
    const p = sheetTags(xml).p;
    const writes = columnWrites(patch, this.styleSheet(), p);
    const widths = new Map<number, number>();
    for (const c of patch.columns) if (c.width !== undefined) widths.set(c.col, c.width);
    const sink = new ByteSink(xml, ascii, this.pkg.packer());
    const result = patchCells(xml, writes, sink, (head) => setColumnWidths(head, p, widths));
    this.pkg.setChunks(s.part, sink.finishPart());
    this.values.keepWritten(s.part, patch);
    if (result.removedFormula) this.dropCalcChain();
    syncTableHeaders(this.pkg, s, patch);
    this.mark(patch.columns.filter((c) => c.key).map((c) => ({ sheet: s.name, key: c.key!, col: c.col })));
    // Formulas elsewhere may read the columns just written: have Excel recalculate on open.
    this.wb.setFullCalcOnLoad();
  }

  // ---- generated sheets -------------------------------------------------------------------------------

  /** Adds a generated sheet at the end, or replaces the one of that name in place (same tab, same sheetId). */
  replaceSheet(sheet: GeneratedSheet): void {
    this.checkWritable();
    const styles = this.styleSheet();
    let entry = this.wb.find(sheet.name);
    if (entry && entry.kind !== 'worksheet') throw new XlsxError('sheet', `"${entry.name}"是图表工作表，不能替换。`, `"${entry.name}" is a chart sheet and cannot be replaced.`);
    if (entry) this.clearSheetParts(entry);
    else entry = this.wb.addWorksheet(checkSheetName(sheet.name));
    const layout = layoutTables(sheet.tables, styles);
    const relIds: string[] = [];
    if (layout.tables.length) {
      const { names, maxId } = tableInventory(this.pkg, this.wb);
      let id = maxId;
      for (const t of layout.tables) {
        const name = uniqueTableName(t.name, names);
        names.add(name.toLowerCase());
        const part = this.freePartName('xl/tables/table', '.xml');
        this.pkg.setText(part, tableXml(++id, name, t.ref, t.header));
        this.pkg.setOverride(part, CONTENT_TYPE.table);
        relIds.push(this.pkg.addRel(entry.part, REL_TYPE.table, part));
      }
    }
    const widths = new Map<number, number>();
    sheet.widths?.forEach((w, c) => {
      if (w !== undefined && w !== null) widths.set(c, w);
    });
    const xml = worksheetContent({
      lastRow: layout.lastRow,
      lastCol: layout.lastCol,
      rows: layout.write,
      widths,
      freezeRows: sheet.freezeRows,
      print: sheet.print,
      rowBreaks: (sheet.print?.breakBefore ?? []).map((i) => pageBreakRow(sheet.tables, i)),
      tableRelIds: relIds,
    }, this.pkg.packer());
    this.setSheetXml(entry, xml);
    this.values.markGenerated(entry.part);
    const names = sheet.print ? printNames(entry.name, layout.lastRow, layout.lastCol, sheet.print) : new Map<string, string>();
    this.wb.setSheetNames(entry.index, GENERATED_NAMES, names);
    if (sheet.kind) this.mark([{ sheet: entry.name, kind: sheet.kind }]);
  }

  /**
   * Appends rows to a history sheet (created with a bold header when missing), first dropping the rows
   * whose cell in `replace.col` equals `replace.key` (compared as text).
   */
  appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): void {
    const headerStyle = header.length ? this.styleSheet().xfIndex({ bold: true }) : 0;
    const styles = numberFormats?.map((f) => (f ? this.styleSheet().xfIndex({ numberFormat: f }) : undefined));
    let entry = this.wb.find(sheet);
    if (entry && entry.kind !== 'worksheet') throw new XlsxError('sheet', `"${entry.name}"是图表工作表。`, `"${entry.name}" is a chart sheet.`);
    const created = !entry;
    if (!entry) {
      this.checkWritable();
      entry = this.wb.addWorksheet(checkSheetName(sheet));
      this.setSheetXml(entry, worksheetXml({ lastRow: 0, lastCol: -1, rows: [] }));
    }
    if (kind) this.mark([{ sheet: entry.name, kind }]);
    const { text: before, ascii } = this.pkg.textAndAsciiBytes(entry.part);
    const sink = new ByteSink(before, ascii, this.pkg.packer());
    const result = appendToSheet(before, this.ctx, header, headerStyle, rows, replace, sink, styles);
    this.pkg.setChunks(entry.part, sink.finishPart());
    this.values.keepAppended(entry.part, header, rows, replace, created);
    if (/<(\w+:)?f[\s>]/.test(before)) this.dropCalcChain();
    extendTables(this.pkg, entry, result.lastRowBefore, result.lastRowAfter);
  }

  /** Native summaries: PivotTables over Excel Tables and a chart of the tier mix (see pivot-summaries.ts). */
  summaries(specs: readonly SummarySpec[], onProgress?: (p: Progress) => void): SummariesReport {
    return writePivotSummaries(this.internals(), specs, onProgress);
  }

  private internals(): BookInternals {
    return {
      pkg: this.pkg,
      wb: this.wb,
      styles: () => this.styleSheet(),
      replaceSheet: (sheet) => this.replaceSheet(sheet),
      clearSheetParts: (s) => this.clearSheetParts(s),
      setSheetXml: (s, xml) => this.setSheetXml(s, xml),
      mark: (marks) => this.mark(marks),
      freePartName: (prefix, suffix) => this.freePartName(prefix, suffix),
      checkWritable: () => this.checkWritable(),
      tableInventory: () => tableInventory(this.pkg, this.wb),
    };
  }

  // ---- saving -----------------------------------------------------------------------------------------

  /** Compresses the big new parts ahead of the save (see OpcPackage.packAhead). */
  packAhead(pack: (chunks: Uint8Array[]) => Promise<PackedPart | null>, minSize: number): Promise<void> {
    return this.pkg.packAhead(pack, minSize);
  }

  save(): Uint8Array {
    if (this.styles?.changed) this.pkg.setText(this.stylesPath, this.styles.toXml());
    return this.pkg.save();
  }

  // ---- internals --------------------------------------------------------------------------------------

  private worksheet(name: string): SheetEntry {
    const s = this.wb.find(name);
    if (!s) throw new XlsxError('sheet', `工作簿中没有名为"${name}"的工作表。`, `The workbook has no sheet named "${name}".`);
    if (s.kind !== 'worksheet') throw new XlsxError('sheet', `"${s.name}"是图表工作表，不是普通工作表。`, `"${s.name}" is a chart sheet, not a worksheet.`);
    if (!s.part) throw new XlsxError('corrupt', `工作簿已损坏：缺少工作表"${s.name}"的部件。`, `The workbook is damaged: the part of sheet "${s.name}" is missing.`);
    return s;
  }

  private setSheetXml(s: SheetEntry, xml: string | PartContent): void {
    if (typeof xml === 'string') this.pkg.setText(s.part, xml);
    else this.pkg.setChunks(s.part, xml);
    this.values.changed(s.part);
  }

  private sharedStrings(): string[] {
    if (this.sst) return this.sst;
    const rel = this.pkg.rels(this.wb.path).find((r) => relIs(r.type, 'sharedStrings'));
    this.sst = rel && !rel.external && this.pkg.has(rel.part) ? parseSharedStrings(this.pkg.text(rel.part)) : [];
    return this.sst;
  }

  /** Which cell styles show dates (read only for 1904-date workbooks). */
  private dateStyles(): Uint8Array {
    const rel = this.pkg.rels(this.wb.path).find((r) => relIs(r.type, 'styles'));
    return rel && !rel.external && this.pkg.has(rel.part) ? dateStyleFlags(this.pkg.text(rel.part), rel.part) : new Uint8Array(0);
  }

  private styleSheet(): StyleSheet {
    if (this.styles) return this.styles;
    const rel = this.pkg.rels(this.wb.path).find((r) => relIs(r.type, 'styles'));
    if (rel && !rel.external && this.pkg.has(rel.part)) {
      this.stylesPath = this.pkg.entryName(rel.part) ?? rel.part;
      this.styles = new StyleSheet(this.pkg.text(this.stylesPath));
    } else {
      this.stylesPath = this.freePartName('xl/styles', '.xml');
      this.pkg.setText(this.stylesPath, MINIMAL_STYLES);
      this.pkg.setOverride(this.stylesPath, CONTENT_TYPE.styles);
      this.pkg.addRel(this.wb.path, REL_TYPE.styles, this.stylesPath);
      this.styles = new StyleSheet(MINIMAL_STYLES);
    }
    return this.styles;
  }

  /** New parts use transitional namespaces; a Strict OOXML workbook can be read and patched, not extended. */
  private checkWritable(): void {
    if (this.wb.isStrict) throw new XlsxError('unsupported', '此工作簿使用严格 Open XML 格式，TierBook 无法向其中添加工作表。请先另存为普通 .xlsx。', 'This workbook uses Strict Open XML; TierBook cannot add sheets to it. Save it as a regular .xlsx first.');
  }

  /** Removes what hangs off a sheet that is about to be rewritten: its tables, drawings, comments … */
  private clearSheetParts(s: SheetEntry): void {
    const old = this.pkg.text(s.part);
    for (const rel of this.pkg.rels(s.part)) {
      if (!rel.external && this.pkg.has(rel.part)) this.pkg.removePartTree(rel.part);
    }
    this.pkg.remove(relsPathOf(s.part));
    if (/<(\w+:)?f[\s>]/.test(old)) this.dropCalcChain();
  }

  /** Drops xl/calcChain.xml: it may list cells that no longer hold formulas; Excel rebuilds it. */
  private dropCalcChain(): void {
    const rels = this.pkg.rels(this.wb.path).filter((r) => relIs(r.type, 'calcChain'));
    for (const r of rels) {
      if (!r.external) {
        this.pkg.remove(r.part);
        this.pkg.removeOverride(r.part);
      }
    }
    this.pkg.removeRels(this.wb.path, rels.map((r) => r.id));
  }

  /** The first `${prefix}${n}${suffix}` part name not in the package. */
  private freePartName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.pkg.has(name)) return name;
    }
  }
}

function checkRow(row: number, what: string): void {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new XlsxError('argument', `${what === 'header row' ? '表头行号' : '起始行号'}无效：${row}。`, `Invalid ${what} ${row}.`);
}

/** True when the UTF-16LE form of `text` occurs in the bytes (names in an OLE compound file directory). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** The row a page break goes after so that table `index` starts a page: the row above its title (or notes, or header). */
function pageBreakRow(tables: GeneratedSheet['tables'], index: number): number {
  const p = placeTables(tables)[index];
  if (!p) return 0;
  const notes = tables[index]!.notes?.length ?? 0;
  return (p.titleRow ?? p.headerRow - notes) - 1;
}
