// Shared helpers for the xlsx host tests (not a test file): temp dirs, exceljs models, zip entries and
// LibreOffice (soffice) conversions.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

export { ExcelJS };

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the OS temp dir (removed when the test process exits). */
export function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tierbook-xlsx-${label}-`));
  created.push(dir);
  return dir;
}

export async function excelJsBytes(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export interface CellModel {
  type: number;
  value: unknown;
  formula?: string;
}

/** exceljs's view of every cell with something in it: sheet → address → type, value and formula. */
export function cellModels(wb: ExcelJS.Workbook): Map<string, Map<string, CellModel>> {
  const out = new Map<string, Map<string, CellModel>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, CellModel>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const m: CellModel = { type: cell.type, value: JSON.parse(JSON.stringify(cell.value ?? null)) as unknown };
        if (cell.formula) m.formula = cell.formula;
        cells.set(cell.address, m);
      });
    });
    out.set(ws.name, cells);
  });
  return out;
}

/** The uncompressed content of every zip entry. */
export function zipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Entry names whose content differs between two archives (added and removed ones included). */
export function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = zipEntries(before);
  const b = zipEntries(after);
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !sameBytes(a[n], b[n])).sort();
}

export function text(bytes: Uint8Array | undefined): string {
  return new TextDecoder().decode(bytes);
}

// ---- LibreOffice ---------------------------------------------------------------------------------------

function findSoffice(): string | null {
  for (const candidate of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const SOFFICE = findSoffice();
if (!SOFFICE) console.warn('[xlsx tests] LibreOffice (soffice) was not found: the LibreOffice checks are SKIPPED.');

/** One LibreOffice profile per test file, so parallel conversions never fight over a profile lock. */
const PROFILE = tempDir('lo-profile');

/** Converts files with soffice in one call; returns the output directory. */
export function libreConvert(files: readonly string[], convertTo: string, outDir: string): string {
  if (!SOFFICE) throw new Error('soffice not available');
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${PROFILE}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', outDir, ...files],
    { stdio: 'pipe', timeout: 240_000 },
  );
  return outDir;
}

/**
 * Every sheet of every file as UTF-8 CSV through LibreOffice (token 12 = -1 writes one file per sheet,
 * named "<file>-<sheet>.csv"; token 9 = false exports raw values, not as displayed).
 * Returns file path → sheet name → rows.
 */
export function libreCsv(files: readonly string[]): Map<string, Map<string, string[][]>> {
  const out = tempDir('csv');
  libreConvert(files, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', out);
  const result = new Map<string, Map<string, string[][]>>();
  const produced = fs.readdirSync(out);
  for (const file of files) {
    const base = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const name of produced) {
      if (name.startsWith(`${base}-`) && name.endsWith('.csv')) {
        sheets.set(name.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(out, name), 'utf8')));
      }
    }
    result.set(file, sheets);
  }
  return result;
}

import { parseCsv } from '../../../support/libreoffice.ts';

export { parseCsv };

/** Writes bytes to dir/name and returns the path. */
export function writeFile(dir: string, name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

export function readFile(p: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(p));
}
