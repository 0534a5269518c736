// LibreOffice as an independent reader of what we write: convert .xlsx to CSV (every sheet) or PDF.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: read-back checks through LibreOffice are skipped. CI installs it.');

/** Every sheet of an .xlsx as rows of CSV fields, read by LibreOffice. Keyed by sheet name. */
export function libreOfficeSheets(xlsx: Uint8Array, sheetNames: string[]): Map<string, string[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-lo-'));
  const file = path.join(dir, 'book.xlsx');
  writeFileSync(file, xlsx);
  // Filter options: comma, double quote, UTF-8 (76), from row 1, … , sheet -1 = every sheet into its own file.
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const out = new Map<string, string[][]>();
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  for (const name of sheetNames) {
    const f = files.find((x) => x === `book-${name}.csv`);
    if (f) out.set(name, parseCsv(readFileSync(path.join(dir, f), 'utf8')));
  }
  return out;
}

/** CSV as LibreOffice writes it (RFC 4180 quotes), parsed independently of the product's own reader. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
