// Reading and writing workbook files on disk (Node only: the CLI and tests). Never overwrites the input
// unless asked; the default output sits beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileWorkbook } from './file-workbook.ts';
import { NODE_ZIP } from './node-zip.ts';

/** Opens a workbook file; its package is (de)compressed with Node's native zlib. */
export function openWorkbookFile(file: string): FileWorkbook {
  return FileWorkbook.open(new Uint8Array(readFileSync(file)), file, { codec: NODE_ZIP });
}

/** Where a graded copy goes by default: "客户.xlsx" → "客户.graded.xlsx" (a CSV input becomes .xlsx). */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.[^.]+$/, '');
  return path.join(dir, `${base}.graded.xlsx`);
}

export async function saveWorkbookFile(book: FileWorkbook, file: string, csvSheet?: string): Promise<void> {
  if (/\.csv$/i.test(file)) {
    if (!csvSheet) throw new Error('a CSV output needs the sheet to export');
    writeFileSync(file, await book.toCsv(csvSheet));
  } else writeFileSync(file, book.toXlsx());
}
