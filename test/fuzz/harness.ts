// The fuzz harness: builds the cases, grades each through the real CLI entry (main() in process, a few
// spawned), and checks what the promise says — every original cell unchanged after grading once and twice
// (exceljs, and openpyxl for a sample), LibreOffice opens every output, every part we wrote or patched
// validates against ECMA-376, no formula made from text, every failure one line with exit 2.
// Each failure is filed under the defect family it shows, so a run's table is the evidence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli/main.ts';
import { parseCsv } from '../support/libreoffice.ts';
import { ooxmlValidationUnavailable, schemaParts, validateParts, type ValidationItem } from '../support/ooxml-validate.ts';
import { buildCases, dumpOpenpyxl, sofficeConvertAsync, spawnAsync, type FuzzCase, type OpenpyxlDump } from './cases.ts';
import { OUR_SHEET_NAMES } from './spec.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/tierbook.js');

export interface Failure {
  defect: string;
  detail: string;
}
export interface CaseResult {
  id: string;
  family: string;
  producer: string;
  features: string[];
  failures: Failure[];
}
export interface FuzzReport {
  seed: number;
  results: CaseResult[];
  skipped: string[];
  seconds: number;
}
export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Keep the files here (default: a temp dir, removed afterwards). */
  dir?: string;
  /** Read every k-th graded workbook back with openpyxl too. */
  openpyxlEvery?: number;
  /** Also run the spawned CLI checks (hostile invocations, a few real processes). */
  spawned?: boolean;
  log?: (line: string) => void;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** An exception main() let through: a stack trace for the user. */
  thrown?: string;
}

/** main() in process, with its console output captured. Calls are sequential. */
async function runMain(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const saved = { log: console.log, error: console.error, warn: console.warn, out: process.stdout.write, err: process.stderr.write };
  const toOut = (...a: unknown[]) => void (stdout += `${a.map(String).join(' ')}\n`);
  const toErr = (...a: unknown[]) => void (stderr += `${a.map(String).join(' ')}\n`);
  console.log = toOut;
  console.error = toErr;
  console.warn = toErr;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } catch (e) {
    return { code: -1, stdout, stderr, thrown: e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e) };
  } finally {
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}

async function spawnCli(args: string[], opts: { shell?: string } = {}): Promise<Run> {
  const env = { ...process.env, LANG: 'zh_CN.UTF-8' };
  const r = opts.shell ? await spawnAsync('bash', ['-c', opts.shell], 300_000, env) : await spawnAsync(process.execPath, [BIN, ...args], 300_000, env);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A failure must be one line on stderr, in the user's language, with exit 2 — never a stack trace. */
function checkRefusal(run: Run, failures: Failure[]): void {
  if (run.thrown !== undefined) {
    failures.push({ defect: 'stack-trace', detail: run.thrown });
    return;
  }
  const lines = run.stderr.trim().split('\n').filter(Boolean);
  if (/^\s+at .+[:(]/m.test(run.stderr)) failures.push({ defect: 'stack-trace', detail: lines[0] ?? '' });
  else if (run.code !== 2) failures.push({ defect: 'exit-code', detail: `exit ${run.code}: ${lines[0] ?? ''}` });
  else if (lines.length !== 1) failures.push({ defect: 'multi-line-message', detail: lines.slice(0, 2).join(' / ') });
  else if (!/[\u4e00-\u9fff]/.test(lines[0]!)) failures.push({ defect: 'message-not-in-user-language', detail: lines[0]! });
}

// ---------- cells, through exceljs ----------

type Cells = Map<string, Map<string, string>>;

async function exceljsCells(file: string): Promise<Cells> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Cells = new Map();
  wb.eachSheet((ws) => {
    const cells = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.set(cell.address, JSON.stringify([cell.type, cell.value ?? null, cell.formula ?? null, cell.note ?? null]));
      }),
    );
    out.set(ws.name, cells);
  });
  return out;
}

/** The defect an original cell changing shows, from what the case put there. */
function cellDefect(c: FuzzCase, sheet: string, a: string): string {
  const m = c.spec?.meta;
  if (m?.userOurSheets.includes(sheet)) return 'user-sheet-taken-over';
  if (m && sheet === m.customerSheet && m.formulasRight.includes(a)) return 'formula-right-overwritten';
  if (m && sheet === m.customerSheet && m.userOurColumn.includes(a)) return 'user-column-overwritten';
  if (m && sheet === m.customerSheet && m.textRight.includes(a)) return 'text-right-overwritten';
  return 'cell-changed';
}

function compareCells(c: FuzzCase, before: Cells, after: Cells, stage: string, failures: Failure[]): void {
  const seen = new Set<string>();
  for (const [sheet, cells] of before) {
    const got = after.get(sheet);
    if (!got) {
      failures.push({ defect: c.spec?.meta.userOurSheets.includes(sheet) ? 'user-sheet-taken-over' : 'sheet-lost', detail: `${stage}: sheet ${sheet} gone` });
      continue;
    }
    for (const [a, v] of cells) {
      const w = got.get(a);
      if (w === v) continue;
      const defect = cellDefect(c, sheet, a);
      if (seen.has(defect)) continue; // one failure per defect and stage is enough evidence
      seen.add(defect);
      failures.push({ defect, detail: `${stage}: ${sheet}!${a} ${v.slice(0, 80)} → ${(w ?? 'empty').slice(0, 80)}` });
    }
  }
  // No formula where the user had none: text we write must never become a formula.
  for (const [sheet, cells] of after) {
    const orig = before.get(sheet);
    for (const [a, v] of cells) {
      if (orig?.get(a) === v) continue;
      const [, , formula] = JSON.parse(v) as [number, unknown, string | null];
      if (formula !== null && !(orig?.get(a) && (JSON.parse(orig.get(a)!) as unknown[])[2] !== null)) {
        failures.push({ defect: 'formula-from-text', detail: `${stage}: ${sheet}!${a} = ${formula.slice(0, 80)}` });
        return;
      }
    }
  }
}

// ---------- the run ----------

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tb-fuzz-'));
  fs.mkdirSync(dir, { recursive: true });
  const profile = path.join(dir, 'soffice-profile');
  const skipped: string[] = [];
  try {
    const cases = await buildCases(opts.cases, opts.seed, dir, profile);
    log(`built ${cases.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const results: CaseResult[] = [];
    const outputs: { c: FuzzCase; res: CaseResult; file: string; baseline: string; stage: string; named?: string }[] = [];
    const openpyxlPairs: { c: FuzzCase; res: CaseResult; input: string; output: string; stage: string }[] = [];
    let graded = 0;
    // LibreOffice opens every output: converted in batches (one soffice at a time) while grading goes on.
    const loIn = path.join(dir, 'lo-check-in');
    fs.mkdirSync(loIn, { recursive: true });
    const loOpened = new Map<string, boolean>();
    let loChain: Promise<void> = Promise.resolve();
    let loPending: string[] = [];
    const flushLo = () => {
      const files = loPending;
      loPending = [];
      if (files.length)
        loChain = loChain.then(async () => {
          const done = await sofficeConvertAsync(files, 'csv', path.join(dir, 'lo-check-out'), profile);
          for (const f of files) loOpened.set(f, done.has(f));
        });
    };
    const addOutput = (o: (typeof outputs)[number]) => {
      const named = path.join(loIn, `o${outputs.length}.xlsx`);
      fs.copyFileSync(o.file, named);
      outputs.push({ ...o, named });
      loPending.push(named);
      if (loPending.length >= 40) flushLo();
    };
    for (const c of cases) {
      const res: CaseResult = { id: c.id, family: c.family, producer: c.producer === 'hostile' ? `hostile/${c.base}` : c.producer, features: c.spec?.meta.features ?? [], failures: [] };
      results.push(res);
      const f = res.failures;
      const caseDir = path.dirname(c.input);
      const out1 = path.join(caseDir, 'out1.xlsx');
      const out2 = path.join(caseDir, 'out2.xlsx');
      const before = fs.readFileSync(c.input);
      const run1 = await runMain(['grade', c.input, '--out', out1, '--json', '--lang', 'zh-CN', ...c.args]);
      if (!before.equals(fs.readFileSync(c.input))) f.push({ defect: 'input-changed', detail: 'grading without --in-place changed the input' });
      if (run1.code !== 0 || run1.thrown !== undefined) {
        if (c.expect === 'grade') {
          const msg = run1.thrown ?? run1.stderr.trim().split('\n')[0] ?? '';
          const ours = c.spec?.meta.userOurSheets.some((s) => msg.includes(s));
          f.push({ defect: ours ? 'user-sheet-taken-over' : run1.thrown ? 'stack-trace' : 'refused-valid-workbook', detail: msg.slice(0, 160) });
        }
        checkRefusal(run1, f);
        continue;
      }
      if (c.expect === 'refuse') {
        f.push({ defect: c.kind === 'crc' ? 'crc-unchecked' : `accepted-${c.kind}`, detail: `exit 0 on a ${c.kind} input` });
        continue;
      }
      graded++;
      let json: { customers: { id: string; name: string | null; tier: string | null; score: number | null }[]; warnings: string[] } | undefined;
      try {
        json = JSON.parse(run1.stdout) as typeof json;
      } catch {
        f.push({ defect: 'json-unreadable', detail: run1.stdout.slice(0, 120) });
      }
      if (run1.stderr.trim() && /^\s+at /m.test(run1.stderr)) f.push({ defect: 'stack-trace', detail: run1.stderr.split('\n')[0]! });

      // Oracles of the special kinds.
      if (c.kind === 'crc') f.push({ defect: 'crc-unchecked', detail: 'a damaged entry (CRC mismatch) was graded without a word' });
      if (c.kind === 'last-row' && json && json.customers.length !== c.spec!.meta.customers && !json.warnings.some((w) => /1048577|1048576|1,048,576|最后一行|last row/i.test(w)))
        f.push({ defect: 'last-row-dropped', detail: `${json.customers.length} of ${c.spec!.meta.customers} customers graded, no warning` });
      if (c.csv && json) {
        const names = json.customers.map((x) => x.name);
        if (names.join('|') !== c.csv.names.join('|')) f.push({ defect: 'csv-encoding-garbled', detail: `${c.csv.encoding}: read ${String(names[0])} for ${c.csv.names[0]}` });
      }
      if (c.twin && json) {
        const twinOut = path.join(caseDir, 'twin-out.xlsx');
        const tw = await runMain(['grade', c.twin, '--out', twinOut, '--json', '--lang', 'zh-CN', ...c.args]);
        const twin = tw.code === 0 ? (JSON.parse(tw.stdout) as NonNullable<typeof json>) : undefined;
        const key = (j: NonNullable<typeof json>) => j.customers.map((x) => `${x.id}:${x.tier}`).join(',');
        if (!twin) f.push({ defect: 'refused-valid-workbook', detail: `1900 twin: ${tw.stderr.trim().split('\n')[0]}` });
        else if (key(twin) !== key(json)) f.push({ defect: 'date1904', detail: `1904: ${key(json).slice(0, 60)} vs 1900: ${key(twin).slice(0, 60)}` });
      }
      if (c.kind === 'no-r-attr') {
        const xml = new TextDecoder().decode(unzipSync(new Uint8Array(fs.readFileSync(out1)))[c.sheetPart!]);
        const lost = c.rawCells!.filter((raw) => !xml.includes(raw));
        if (lost.length) f.push({ defect: 'r-attribute-added', detail: `${lost.length} of ${c.rawCells!.length} cells rewritten, e.g. ${lost[0]!.slice(0, 60)}` });
      }

      // CSV in place: the user's fields stay as they were (same bytes in the same encoding), and nothing
      // we generate starts like a formula.
      if (c.csv) {
        const inPlace = path.join(caseDir, `inplace${path.extname(c.input)}`);
        fs.copyFileSync(c.input, inPlace);
        const r = await runMain(['grade', inPlace, '--in-place', '--lang', 'zh-CN', ...c.args]);
        if (r.code !== 0) checkRefusal(r, f);
        else {
          const bytes = fs.readFileSync(inPlace);
          const got = parseCsv(new TextDecoder(c.csv.encoding).decode(bytes));
          const orig = parseCsv(c.csv.text);
          const keeps = (rows: string[][]) => orig.every((o, i) => o.every((v, j) => rows[i]?.[j] === v));
          for (let i = 0; i < orig.length; i++) {
            const row = got[i] ?? [];
            if (orig[i]!.some((v, j) => row[j] !== v)) {
              // Read right but written back in another encoding, or written back garbled.
              const asUtf8 = keeps(parseCsv(new TextDecoder('utf-8').decode(bytes)));
              const j = orig[i]!.findIndex((v, k) => row[k] !== v);
              f.push({ defect: asUtf8 ? 'csv-in-place-encoding-changed' : 'csv-encoding-written-back', detail: `${c.csv.encoding} line ${i + 1}: ${orig[i]![j]} → ${String(row[j]).slice(0, 40)}${asUtf8 ? ' (the file is now UTF-8)' : ''}` });
              break;
            }
            const bad = row.slice(orig[i]!.length).find((v) => /^[=+@\t\r]/.test(v) || (/^-/.test(v) && !/^-\d+(\.\d+)?%?$/.test(v)));
            if (bad !== undefined) {
              f.push({ defect: 'csv-injection', detail: `line ${i + 1}: ${bad.slice(0, 60)}` });
              break;
            }
          }
        }
      }

      // Every original cell, after grading once and twice.
      const run2 = await runMain(['grade', out1, '--out', out2, '--json', '--lang', 'zh-CN', ...c.args]);
      if (run2.code !== 0) {
        f.push({ defect: run2.thrown ? 'stack-trace' : 'regrade-refused', detail: (run2.thrown ?? run2.stderr.trim().split('\n')[0] ?? '').slice(0, 160) });
        checkRefusal(run2, f);
      }
      if (c.csv) {
        // A CSV holds no formulas: none may appear in the workbook made from it (its "=HYPERLINK(…)" names included).
        try {
          compareCells(c, new Map(), await exceljsCells(out1), 'CSV graded to xlsx', f);
        } catch (e) {
          f.push({ defect: 'exceljs-cannot-read-output', detail: `CSV graded to xlsx: ${(e as Error).message.split('\n')[0]!}` });
        }
      } else {
        let inCells: Cells | undefined;
        try {
          inCells = await exceljsCells(c.input);
        } catch {
          // exceljs cannot read some producers' files (openpyxl's comments): openpyxl reads those instead.
          openpyxlPairs.push({ c, res, input: c.input, output: out1, stage: 'openpyxl, graded once' });
          if (run2.code === 0) openpyxlPairs.push({ c, res, input: c.input, output: out2, stage: 'openpyxl, graded twice' });
        }
        if (inCells)
          for (const [file, stage] of [[out1, 'graded once'], ...(run2.code === 0 ? [[out2, 'graded twice']] : [])] as const) {
            try {
              compareCells(c, inCells, await exceljsCells(file), stage, f);
            } catch (e) {
              f.push({ defect: 'exceljs-cannot-read-output', detail: `${stage}: ${(e as Error).message.split('\n')[0]!}` });
            }
          }
        if (inCells && opts.openpyxlEvery && graded % opts.openpyxlEvery === 0 && run2.code === 0) openpyxlPairs.push({ c, res, input: c.input, output: out2, stage: 'openpyxl, graded twice' });
      }
      addOutput({ c, res, file: out1, baseline: c.input, stage: 'graded once' });
      if (run2.code === 0) addOutput({ c, res, file: out2, baseline: out1, stage: 'graded twice' });
    }
    log(`graded ${cases.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    flushLo();
    // openpyxl, LibreOffice and jing work side by side (two cores).
    const [dumped, , , spawned] = await Promise.all([
      dumpOpenpyxl([...new Set(openpyxlPairs.flatMap((p) => [p.input, p.output]))], dir),
      loChain,
      validateOutputs(outputs, skipped),
      (opts.spawned ?? true) ? spawnedChecks(cases, dir) : [],
    ]);
    results.push(...spawned);
    for (const p of openpyxlPairs) {
      const a = dumped.dumps[p.input];
      const b = dumped.dumps[p.output];
      if (!a) continue; // openpyxl cannot read this input either: nothing to compare with
      if (!b) {
        p.res.failures.push({ defect: 'openpyxl-cannot-read-output', detail: `${p.stage}: ${dumped.errors[p.output] ?? ''}` });
        continue;
      }
      const toCells = (d: OpenpyxlDump): Cells =>
        new Map(Object.entries(d).map(([s, cells]) => [s, new Map(Object.entries(cells).map(([k, v]) => [k, JSON.stringify([v[0], v[1], v[0] === 'f' ? v[1] : null, null])]))]));
      compareCells(p.c, toCells(a), toCells(b), p.stage, p.res.failures);
    }
    for (const o of outputs) {
      if (loOpened.get(o.named!)) continue;
      const defect = o.c.base === 'openpyxl' ? 'libreoffice-refuses-output(openpyxl)' : 'libreoffice-refuses-output';
      if (!o.res.failures.some((x) => x.defect === defect)) o.res.failures.push({ defect, detail: `${o.stage}: soffice could not load it` });
    }
    log(`read back (openpyxl ${openpyxlPairs.length}), opened in LibreOffice (${outputs.length}), validated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { seed: opts.seed, results, skipped, seconds: (Date.now() - t0) / 1000 };
  } finally {
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Output = { c: FuzzCase; res: CaseResult; file: string; baseline: string; stage: string };

/**
 * ECMA-376: every part a run wrote or changed, against the same part before the run (a part the producer
 * already wrote invalid may keep its own errors, not gain new ones).
 */
async function validateOutputs(outputs: Output[], skipped: string[]): Promise<void> {
  if (ooxmlValidationUnavailable) {
    skipped.push(ooxmlValidationUnavailable);
    return;
  }
  const items: ValidationItem[] = [];
  const pairs: { o: Output; part: string; key: string; baseKey?: string }[] = [];
  outputs.forEach((o, i) => {
    const after = unzipSync(new Uint8Array(fs.readFileSync(o.file)));
    let before: Record<string, Uint8Array> = {};
    try {
      if (!o.baseline.endsWith('.csv')) before = unzipSync(new Uint8Array(fs.readFileSync(o.baseline)));
    } catch {
      before = {}; // a hostile input fflate cannot read: every part counts as new
    }
    const changed = (p: string) => !before[p] || Buffer.compare(Buffer.from(before[p]), Buffer.from(after[p]!)) !== 0;
    const beforeParts = new Map(schemaParts(before).map((p) => [p.part, p]));
    for (const p of schemaParts(after, changed)) {
      const key = `${i}:${p.part}`;
      items.push({ key, schema: p.schema, xml: p.xml });
      const b = beforeParts.get(p.part);
      const baseKey = b ? `${i}:before:${p.part}` : undefined;
      if (b) items.push({ key: baseKey!, schema: b.schema, xml: b.xml });
      pairs.push({ o, part: p.part, key, ...(baseKey ? { baseKey } : {}) });
    }
  });
  const errors = await validateParts(items);
  for (const [k, v] of errors) if (k.startsWith('schema:')) throw new Error(`jing failed: ${v.join(' ')}`);
  const strip = (e: string) => e.replace(/^\d+:\d+ /, '');
  for (const p of pairs) {
    const errs = errors.get(p.key);
    if (!errs) continue;
    const known = new Set((p.baseKey ? (errors.get(p.baseKey) ?? []) : []).map(strip));
    const fresh = errs.filter((e) => !known.has(strip(e)));
    if (!fresh.length) continue;
    const defect = `schema-invalid ${p.part.replace(/\d+/g, 'N')}`;
    if (!p.o.res.failures.some((x) => x.defect === defect)) p.o.res.failures.push({ defect, detail: `${p.o.stage}: ${fresh[0]}` });
  }
}

/** The real process for a few cases, and the invocations that used to end in a stack trace. */
async function spawnedChecks(cases: FuzzCase[], dir: string): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const sample = cases.find((c) => c.expect === 'grade' && !c.csv && !c.spec?.meta.userOurSheets.length) ?? cases[0]!;
  const cliDir = path.join(dir, 'cli');
  fs.mkdirSync(cliDir, { recursive: true });
  const input = path.join(cliDir, 'in.xlsx');
  fs.copyFileSync(sample.input, input);
  const add = async (family: string, check: (f: Failure[]) => Promise<void>) => {
    const res: CaseResult = { id: `cli-${results.length}`, family, producer: 'cli', features: [], failures: [] };
    results.push(res);
    await check(res.failures);
  };
  const inputUnchanged = (f: Failure[], bytes: Buffer) => {
    if (!bytes.equals(fs.readFileSync(input))) f.push({ defect: 'out-is-input', detail: 'the input was overwritten' });
  };
  const original = fs.readFileSync(input);
  await add('process-grade', async (f) => {
    const r = await spawnCli(['grade', input, '--out', path.join(cliDir, 'spawned.xlsx'), '--lang', 'zh-CN']);
    if (r.code !== 0) f.push({ defect: 'refused-valid-workbook', detail: r.stderr.trim().split('\n')[0] ?? '' });
  });
  await add('folder-as-input', async (f) => checkRefusal(await spawnCli(['grade', cliDir, '--lang', 'zh-CN']), f));
  await add('out-into-missing-folder', async (f) => checkRefusal(await spawnCli(['grade', input, '--out', path.join(cliDir, 'missing', 'x.xlsx'), '--lang', 'zh-CN']), f));
  await add('out-onto-folder', async (f) => checkRefusal(await spawnCli(['grade', input, '--out', cliDir, '--lang', 'zh-CN']), f));
  await add('out-is-input', async (f) => {
    const r = await spawnCli(['grade', input, '--out', input, '--lang', 'zh-CN']);
    inputUnchanged(f, original);
    if (r.code === 0) f.push({ defect: 'out-is-input', detail: '--out naming the input was accepted without --in-place' });
    else checkRefusal(r, f);
  });
  for (const period of ['2025H3', 'abc', '2025-13'])
    await add(`period-${period}`, async (f) => {
      const r = await spawnCli(['grade', input, '--out', path.join(cliDir, `p-${period}.xlsx`), '--period', period, '--lang', 'zh-CN']);
      if (r.code === 0) f.push({ defect: 'period-accepted', detail: `--period ${period} accepted` });
      else checkRefusal(r, f);
    });
  await add('presets-epipe', async (f) => {
    const err = path.join(cliDir, 'epipe.err');
    // `| true` closes the pipe before tierbook writes: the EPIPE of `presets | head -c1`, every time.
    await spawnCli([], { shell: `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} presets 2>${JSON.stringify(err)} | true` });
    const text = fs.readFileSync(err, 'utf8');
    if (/^\s+at /m.test(text) || /EPIPE/.test(text)) f.push({ defect: 'stack-trace', detail: `presets | head -c1: ${text.trim().split('\n')[0]}` });
  });
  await add('presets-json', async (f) => {
    const r = await spawnCli(['presets', '--json']);
    try {
      JSON.parse(r.stdout);
    } catch {
      f.push({ defect: 'presets-json-ignored', detail: r.stdout.split('\n')[0] ?? '' });
    }
  });
  return results;
}

/** Cases run per family × producer, and failures per defect family × producer. */
export function summarize(report: FuzzReport): string {
  const runs = new Map<string, number>();
  const fails = new Map<string, Map<string, number>>();
  for (const r of report.results) {
    runs.set(`${r.family}\t${r.producer}`, (runs.get(`${r.family}\t${r.producer}`) ?? 0) + 1);
    for (const d of new Set(r.failures.map((x) => x.defect))) {
      const m = fails.get(d) ?? new Map<string, number>();
      m.set(r.producer, (m.get(r.producer) ?? 0) + 1);
      fails.set(d, m);
    }
  }
  const lines = [`seed ${report.seed}: ${report.results.length} cases in ${report.seconds.toFixed(0)} s`, '', 'cases run (family / producer / count):'];
  for (const [k, n] of [...runs].sort()) lines.push(`  ${k.replace('\t', ' / ')} / ${n}`);
  const failing = report.results.filter((r) => r.failures.length).length;
  lines.push('', `failing cases: ${failing}; failures per defect family (cases, by producer):`);
  for (const [d, m] of [...fails].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    const example = report.results.find((r) => r.failures.some((x) => x.defect === d))!;
    const detail = example.failures.find((x) => x.defect === d)!.detail;
    lines.push(`  ${d}: ${sum(m)} (${[...m].map(([p, n]) => `${p} ${n}`).join(', ')}) — e.g. ${example.id}: ${detail}`);
  }
  for (const s of report.skipped) lines.push(`skipped: ${s}`);
  return lines.join('\n');
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export { OUR_SHEET_NAMES };
