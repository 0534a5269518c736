// The file host: the workbook port over an .xlsx package, or over a CSV held as a value grid. Works the
// same in Node and in the browser: bytes in, bytes out.
import { loc, type Localized } from '../../core/index.ts';
import type { CellValue, CodedSheet, ColumnsPatch, GeneratedSheet, Progress, SheetInfo, SheetValues, SummariesReport, SummarySpec, TierBookMarks, WorkbookPort } from '../../port/workbook.ts';
import { CsvBytes } from './csv-bytes.ts';
import { unterminatedQuoteWarning } from './csv.ts';
import { CsvError, STAND_INS, encodeText, encodingFromName, type CsvEncoding } from './csv-encoding.ts';
import { typedCsvValues } from './csv-numbers.ts';
import { GridView } from './grid-view.ts';
import { MemoryWorkbook } from './memory-workbook.ts';
import { XlsxWorkbook, createBook, type ZipCodec } from './xlsx/index.ts';
import type { PackedPart } from './xlsx/packed-part.ts';

export type FileKind = 'xlsx' | 'csv';

/** One write of an operation: output columns (header row and 0-based columns), a generated sheet, or appended rows. */
export interface Written {
  kind: 'columns' | 'sheet' | 'rows';
  sheet: string;
  row: number;
  cols: number[];
}

/** The xlsx package as a port (its calls are synchronous; the port's are not). */
class XlsxPort implements WorkbookPort {
  constructor(readonly book: XlsxWorkbook) {}
  async listSheets(): Promise<SheetInfo[]> {
    return this.book.listSheets();
  }
  async readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues> {
    return this.book.readSheet(name, options);
  }
  async readMarks(): Promise<TierBookMarks> {
    return this.book.readMarks();
  }
  async writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void> {
    this.book.writeColumns(patch);
    onProgress?.({ done: 1, total: 1, stage: 'write' });
  }
  async replaceSheet(sheet: GeneratedSheet): Promise<void> {
    this.book.replaceSheet(sheet);
  }
  async appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): Promise<void> {
    this.book.appendRows(sheet, header, rows, replace, kind, numberFormats);
  }
  async summaries(specs: SummarySpec[], onProgress?: (p: Progress) => void): Promise<SummariesReport> {
    return this.book.summaries(specs, onProgress);
  }
}

export class FileWorkbook implements WorkbookPort {
  readonly kind: FileKind;
  /** For CSV input: the encoding, BOM and delimiter that were detected (a CSV is written back the same way). */
  readonly csv: { encoding: CsvEncoding; bom: boolean; delimiter: string } | null;
  /** What the reader had to guess, for the user (an unterminated quote in a CSV). */
  readonly warnings: Localized[];
  /**
   * Cells TierBook wrote, per sheet, as runs of rows in a column (a set of "row,col" keys would cost a
   * string per cell of a million-row sheet), and sheets it made: only these are escaped in CSV output.
   */
  private readonly written = new Map<string, { col: number; first: number; last: number }[]>();
  private readonly made = new Set<string>();
  private readonly port: XlsxPort | MemoryWorkbook;
  private readonly codec: ZipCodec | undefined;

  /** A CSV's columns, coded from its bytes (see WorkbookPort.readColumns); an .xlsx does not offer it. */
  readonly readColumns?: (sheet: string, cols: readonly number[], firstRow: number) => Promise<CodedSheet>;

  private constructor(port: XlsxPort | MemoryWorkbook, kind: FileKind, csv: FileWorkbook['csv'], codec: ZipCodec | undefined, warnings: Localized[] = []) {
    this.port = port;
    if (port instanceof MemoryWorkbook) this.readColumns = (sheet, cols, firstRow) => port.readColumns(sheet, cols, firstRow);
    this.kind = kind;
    this.csv = csv;
    this.codec = codec;
    this.warnings = warnings;
  }

  /**
   * Native summaries: PivotTables and a chart in the .xlsx. A CSV holds the static tables in memory (what a
   * read of the sheet or a CSV export sees) and gets the PivotTables when it is saved as a workbook.
   */
  async summaries(specs: SummarySpec[], onProgress?: (p: Progress) => void): Promise<SummariesReport> {
    for (const s of specs) {
      this.bump(s.sheet);
      this.bump(s.source.sheet);
      this.made.add(s.sheet);
      this.writeLog.push({ kind: 'sheet', sheet: s.sheet, row: 1, cols: [] });
    }
    if (this.port instanceof XlsxPort) return this.port.summaries(specs, onProgress);
    const results: SummariesReport['results'] = [];
    for (const spec of specs) {
      const sheet: GeneratedSheet = { name: spec.sheet, kind: spec.key, tables: spec.fallback };
      this.nativeLater.set(sheet, spec);
      await this.port.replaceSheet(sheet);
      results.push({ key: spec.key, sheet: spec.sheet, mode: 'pivot-created', chart: !!spec.chart });
    }
    onProgress?.({ done: specs.length, total: specs.length, stage: 'summaries' });
    return { results, notice: null };
  }

  /** A CSV's summary sheets (as written to memory) → their specs, built natively when saved as .xlsx. */
  private readonly nativeLater = new Map<GeneratedSheet, SummarySpec>();

  /**
   * Open .xlsx bytes, or CSV bytes (UTF-8/16, GB18030, Big5, Shift_JIS; comma, tab or semicolon) as a
   * one-sheet workbook. `codec` compresses and decompresses the package (default fflate; Node passes its
   * native zlib). `encoding` names a CSV's encoding when detection cannot decide. `keepValues` keeps
   * the sheets' values between steps (a long-lived host: the page's worker), see XlsxWorkbook.
   */
  static open(bytes: Uint8Array, fileName: string, options: { codec?: ZipCodec | undefined; encoding?: string; keepValues?: boolean } = {}): FileWorkbook {
    const { codec } = options;
    if (/\.(csv|tsv|txt)$/i.test(fileName)) {
      // Read lazily: its size now (no string per cell), its strings when a step needs every cell.
      const csv = new CsvBytes(bytes, { fileName, ...(options.encoding ? { encoding: encodingFromName(options.encoding) } : {}) });
      const { width, lastRow, lastCol, unterminatedQuoteLine } = csv.outline();
      return new FileWorkbook(
        new MemoryWorkbook([{ name: csv.sheetName, csv: { bytes: csv, width, lastRow, lastCol } }]),
        'csv',
        { encoding: csv.encoding, bom: csv.bom, delimiter: csv.delimiter },
        codec,
        unterminatedQuoteLine === undefined ? [] : [unterminatedQuoteWarning(unterminatedQuoteLine)],
      );
    }
    return new FileWorkbook(new XlsxPort(XlsxWorkbook.open(bytes, { codec, keepValues: options.keepValues })), 'xlsx', null, codec);
  }

  private gridView: GridView | null = null;
  private csvAsXlsx: { writes: number; book: XlsxWorkbook } | null = null;
  /** Where the last operation wrote (cleared by takeWritten), so the grid can move there. */
  private writeLog: Written[] = [];

  /** The standalone grid's reader: formats, widths, merges and windows of cells. */
  get grid(): GridView {
    this.gridView ??= new GridView({
      xlsx: () => {
        const port = this.port;
        if (port instanceof XlsxPort) return port.book;
        if (port.writes.length === 0) return null;
        if (this.csvAsXlsx?.writes !== port.writes.length) this.csvAsXlsx = { writes: port.writes.length, book: XlsxWorkbook.open(this.toXlsx(), { codec: this.codec }) };
        return this.csvAsXlsx.book;
      },
      values: async (sheet) => (await this.port.readSheet(sheet)).values,
      sheets: () => this.listSheets(),
    });
    return this.gridView;
  }

  /** The writes since the last call (the grid moves to the first of them). */
  takeWritten(): Written[] {
    const w = this.writeLog;
    this.writeLog = [];
    return w;
  }

  /** Writes per sheet and in all: every write to this workbook goes through this class (see WorkbookPort.revision). */
  private readonly revisions = new Map<string, number>();
  private writes = 0;

  revision(name?: string): number {
    return name === undefined ? this.writes : (this.revisions.get(name) ?? 0);
  }

  private bump(sheet: string): void {
    this.writes++;
    this.revisions.set(sheet, (this.revisions.get(sheet) ?? 0) + 1);
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.port.listSheets();
  }
  readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues> {
    return this.port.readSheet(name, options);
  }
  readMarks(): Promise<TierBookMarks> {
    return this.port.readMarks();
  }
  writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void> {
    this.bump(patch.sheet);
    let runs = this.written.get(patch.sheet);
    if (!runs) this.written.set(patch.sheet, (runs = []));
    for (const c of patch.columns) {
      runs.push({ col: c.col, first: patch.headerRow, last: patch.headerRow });
      if (c.values.length) runs.push({ col: c.col, first: patch.firstRow, last: patch.firstRow + c.values.length - 1 });
    }
    this.writeLog.push({ kind: 'columns', sheet: patch.sheet, row: patch.headerRow, cols: patch.columns.map((c) => c.col) });
    return this.port.writeColumns(patch, onProgress);
  }
  replaceSheet(sheet: GeneratedSheet): Promise<void> {
    this.bump(sheet.name);
    this.made.add(sheet.name);
    this.writeLog.push({ kind: 'sheet', sheet: sheet.name, row: 1, cols: [] });
    return this.port.replaceSheet(sheet);
  }
  appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, kind?: string, numberFormats?: readonly (string | null)[]): Promise<void> {
    this.bump(sheet);
    this.made.add(sheet);
    this.writeLog.push({ kind: 'rows', sheet, row: 1, cols: [] });
    return this.port.appendRows(sheet, header, rows, replace, kind, numberFormats);
  }

  /**
   * Compresses the big new parts of a workbook ahead of toXlsx through `pack` (the page's worker: the
   * browser's zlib). A CSV is left to toXlsx, which builds its workbook then.
   */
  async packAhead(pack: (chunks: Uint8Array[]) => Promise<PackedPart | null>, minSize: number): Promise<void> {
    if (this.port instanceof XlsxPort) await this.port.book.packAhead(pack, minSize);
  }

  /** The workbook as .xlsx bytes. A CSV becomes a workbook: its sheet, then every write replayed through the xlsx writer. */
  toXlsx(): Uint8Array {
    if (this.port instanceof XlsxPort) return this.port.book.save();
    // The typed copy is not kept in a variable: it can go once its sheet is written, before the replay and the save.
    const book = createBook(
      this.port.originalSheets().map((s) => ({ name: s.name, values: typedCsvValues(s.values, s.fresh) })),
      this.codec,
    );
    for (const w of this.port.writes) {
      if (w.kind === 'columns') book.writeColumns(w.patch);
      else if (w.kind === 'sheet') {
        const spec = this.nativeLater.get(w.sheet);
        if (spec) book.summaries([spec]);
        else book.replaceSheet(w.sheet);
      }
      else book.appendRows(w.sheet, w.header, w.rows, w.replace, w.mark, w.numberFormats);
    }
    return book.save();
  }

  /**
   * One sheet as CSV: a CSV input in its own encoding, BOM and delimiter (never re-encoded behind the
   * user's back); anything else as UTF-8 with BOM (so Excel opens Chinese text correctly), comma-separated.
   * Text TierBook wrote that starts with = + - @, tab or CR is escaped (OWASP CSV injection: a leading
   * apostrophe, quoted) so no spreadsheet runs it as a formula; the user's own fields are written as read.
   * Throws a CsvError, before anything is written, when the encoding cannot hold the text.
   */
  async toCsv(sheet: string): Promise<Uint8Array> {
    const { values, firstRow } = await this.port.readSheet(sheet);
    const encoding = this.csv?.encoding ?? 'utf-8';
    const bom = this.csv ? this.csv.bom : true;
    const delimiter = this.csv?.delimiter ?? ',';
    const made = this.made.has(sheet);
    // The runs by column, once: a cell then looks only at its own column's few runs.
    const byCol = new Map<number, { first: number; last: number }[]>();
    for (const w of this.written.get(sheet) ?? []) {
      const runs = byCol.get(w.col);
      if (runs) runs.push(w);
      else byCol.set(w.col, [w]);
    }
    const ours = (r: number, c: number) => made || (byCol.get(c)?.some((w) => w.first <= firstRow + r && firstRow + r <= w.last) ?? false);
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    const lines = values.map((row, r) =>
      Array.from({ length: width }, (_, c) => {
        const v = row[c] ?? null;
        return ours(r, c) ? ourField(v, delimiter, encoding) : csvField(v, delimiter);
      }).join(delimiter),
    );
    const text = `${lines.join('\r\n')}\r\n`;
    const out = encodeText(text, encoding, bom);
    if ('bytes' in out) return out.bytes;
    const chars = out.missing.slice(0, 10).join(' ');
    throw new CsvError(
      loc(
        `结果中有字符无法用原文件的编码 ${encoding} 保存（${chars}），没有写入。请改存为工作簿：去掉 --in-place（默认输出 .graded.xlsx）或用 --out 文件.xlsx`,
        `The result holds characters the file's encoding ${encoding} cannot store (${chars}); nothing was written. Save it as a workbook instead: drop --in-place (the default output is .graded.xlsx) or use --out file.xlsx`,
      ),
    );
  }
}

/** Characters that start a formula in a spreadsheet (OWASP): = + - @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(v: CellValue, delimiter: string): string {
  if (v === null) return '';
  const s = String(v);
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A field TierBook wrote: text that could start a formula gets a leading apostrophe and quotes. */
function ourField(v: CellValue, delimiter: string, encoding: CsvEncoding): string {
  if (typeof v !== 'string') return csvField(v, delimiter);
  let s = v;
  // Our own words in an encoding that lacks a sign: its nearest stand-in (≥ → ≧ in Shift_JIS).
  if (encoding !== 'utf-8' && encoding !== 'utf-16le' && encoding !== 'utf-16be')
    s = s.replace(/[≥≤¥·—–]/g, (ch) => ('bytes' in encodeText(ch, encoding, false) ? ch : (STAND_INS[ch] ?? ch)));
  if (FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return csvField(s, delimiter);
}
