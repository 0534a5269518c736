// openpyxl (what Python export scripts write) as an independent producer and reader of .xlsx files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';

/**
 * Runs a Python script with `openpyxl` imported, `IN` bound to the path of `input` (when given) and `OUT` to a
 * path the script may save to; returns what it printed and the bytes saved at OUT (if any).
 */
export function openpyxl(script: string, input?: Uint8Array): { stdout: string; bytes: Uint8Array | null } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-openpyxl-'));
  try {
    const inPath = path.join(dir, 'in.xlsx');
    const outPath = path.join(dir, 'out.xlsx');
    if (input) writeFileSync(inPath, input);
    const prelude = `import openpyxl, json, datetime\nIN = ${JSON.stringify(inPath)}\nOUT = ${JSON.stringify(outPath)}\n`;
    const stdout = execFileSync(PYTHON, ['-c', prelude + script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let bytes: Uint8Array | null = null;
    try {
      bytes = new Uint8Array(readFileSync(outPath));
    } catch {
      bytes = null;
    }
    return { stdout, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A workbook written by openpyxl from a script that fills `wb` (a new Workbook); saved for you. */
export function openpyxlBook(build: string): Uint8Array {
  const { bytes } = openpyxl(`wb = openpyxl.Workbook()\n${build}\nwb.save(OUT)\n`);
  if (!bytes) throw new Error('openpyxl wrote nothing');
  return bytes;
}

/**
 * Every cell of every sheet as openpyxl reads it (formulas as their text, not their cached values):
 * sheet → "A1" → JSON of [type, value].
 */
export function openpyxlCells(bytes: Uint8Array): Record<string, Record<string, [string, unknown]>> {
  const { stdout } = openpyxl(
    `wb = openpyxl.load_workbook(IN)\nout = {}\nfor ws in wb.worksheets:\n  d = {}\n  for row in ws.iter_rows():\n    for c in row:\n      if c.value is not None:\n        v = c.value\n        if isinstance(v, (datetime.datetime, datetime.date)): v = v.isoformat()\n        elif not isinstance(v, (int, float, str, bool)): v = str(v)\n        d[c.coordinate] = [c.data_type, v]\n  out[ws.title] = d\nprint(json.dumps(out))\n`,
    bytes,
  );
  return JSON.parse(stdout) as Record<string, Record<string, [string, unknown]>>;
}

/** The workbook's defined names as openpyxl reads them: name → [value, hidden]. */
export function openpyxlNames(bytes: Uint8Array): Record<string, [string, boolean]> {
  const { stdout } = openpyxl(
    `wb = openpyxl.load_workbook(IN)\nout = {}\nfor d in wb.defined_names.definedName:\n  out[d.name] = [d.attr_text, bool(d.hidden)]\nprint(json.dumps(out))\n`,
    bytes,
  );
  return JSON.parse(stdout) as Record<string, [string, boolean]>;
}
