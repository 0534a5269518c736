// The file host: the workbook port over an .xlsx package, or over a CSV held as a value grid. Works the
// same in Node and in the browser: bytes in, bytes out.
import type { CellValue, ColumnsPatch, GeneratedSheet, Progress, SheetInfo, SheetValues, WorkbookPort } from '../../port/workbook.ts';
import { readCsv } from './csv.ts';
import { MemoryWorkbook } from './memory-workbook.ts';
import { XlsxWorkbook, createWorkbook, type ZipCodec } from './xlsx/index.ts';

export type FileKind = 'xlsx' | 'csv';

/** The xlsx package as a port (its calls are synchronous; the port's are not). */
class XlsxPort implements WorkbookPort {
  constructor(readonly book: XlsxWorkbook) {}
  async listSheets(): Promise<SheetInfo[]> {
    return this.book.listSheets();
  }
  async readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues> {
    return this.book.readSheet(name, options);
  }
  async writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void> {
    this.book.writeColumns(patch);
    onProgress?.({ done: 1, total: 1, stage: 'write' });
  }
  async replaceSheet(sheet: GeneratedSheet): Promise<void> {
    this.book.replaceSheet(sheet);
  }
  async appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, numberFormats?: readonly (string | null)[]): Promise<void> {
    this.book.appendRows(sheet, header, rows, replace, numberFormats);
  }
}

export class FileWorkbook implements WorkbookPort {
  readonly kind: FileKind;
  /** For CSV input: the encoding and delimiter that were detected. */
  readonly csv: { encoding: string; delimiter: string } | null;
  private readonly port: XlsxPort | MemoryWorkbook;
  private readonly codec: ZipCodec | undefined;

  private constructor(port: XlsxPort | MemoryWorkbook, kind: FileKind, csv: FileWorkbook['csv'], codec: ZipCodec | undefined) {
    this.port = port;
    this.kind = kind;
    this.csv = csv;
    this.codec = codec;
  }

  /**
   * Open .xlsx bytes, or CSV bytes (UTF-8 or GB18030, comma or tab) as a one-sheet workbook. `codec`
   * compresses and decompresses the package (default fflate; Node passes its native zlib).
   */
  static open(bytes: Uint8Array, fileName: string, options: { codec?: ZipCodec | undefined } = {}): FileWorkbook {
    const { codec } = options;
    if (/\.(csv|tsv|txt)$/i.test(fileName)) {
      const read = readCsv(bytes, { fileName });
      return new FileWorkbook(
        new MemoryWorkbook([{ name: read.sheetName, values: read.values }]),
        'csv',
        { encoding: read.encoding, delimiter: read.delimiter },
        codec,
      );
    }
    return new FileWorkbook(new XlsxPort(XlsxWorkbook.open(bytes, { codec })), 'xlsx', null, codec);
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.port.listSheets();
  }
  readSheet(name: string, options?: { firstRow?: number; lastRow?: number }): Promise<SheetValues> {
    return this.port.readSheet(name, options);
  }
  writeColumns(patch: ColumnsPatch, onProgress?: (p: Progress) => void): Promise<void> {
    return this.port.writeColumns(patch, onProgress);
  }
  replaceSheet(sheet: GeneratedSheet): Promise<void> {
    return this.port.replaceSheet(sheet);
  }
  appendRows(sheet: string, header: string[], rows: CellValue[][], replace?: { col: number; key: CellValue }, numberFormats?: readonly (string | null)[]): Promise<void> {
    return this.port.appendRows(sheet, header, rows, replace, numberFormats);
  }

  /** The workbook as .xlsx bytes. A CSV becomes a workbook: its sheet, then every write replayed through the xlsx writer. */
  toXlsx(): Uint8Array {
    if (this.port instanceof XlsxPort) return this.port.book.save();
    const book = XlsxWorkbook.open(createWorkbook(this.port.originalSheets(), this.codec), { codec: this.codec });
    for (const w of this.port.writes) {
      if (w.kind === 'columns') book.writeColumns(w.patch);
      else if (w.kind === 'sheet') book.replaceSheet(w.sheet);
      else book.appendRows(w.sheet, w.header, w.rows, w.replace, w.numberFormats);
    }
    return book.save();
  }

  /** One sheet as UTF-8 CSV (with BOM, so Excel opens Chinese text correctly). */
  async toCsv(sheet: string): Promise<Uint8Array> {
    const { values } = await this.port.readSheet(sheet);
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    const text = values.map((r) => Array.from({ length: width }, (_, c) => csvField(r[c] ?? null)).join(',')).join('\r\n');
    return new TextEncoder().encode(`\uFEFF${text}\r\n`);
  }
}

function csvField(v: CellValue): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
