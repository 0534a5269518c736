// The fuzz cases: messy workbooks from three producers and hostile inputs, each with what the grading
// must do with it. Building the files is batched per producer (one python, one soffice run for many).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { getPreset, schemeToJson } from '../../src/core/index.ts';
import { chance, colName, int, pick, randomBook, rngFrom, type BookSpec, type Rng } from './spec.ts';
import { writeExcelJs } from './write-exceljs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PYTHON = '/usr/bin/python3';
const TOOL = path.join(here, 'openpyxl_tool.py');

export type Producer = 'exceljs' | 'openpyxl' | 'libreoffice' | 'hostile';
/**
 * What the run must do: `grade` exit 0 with every check; `refuse` exit 2 with one line; `either` one of
 * the two (a file we may or may not be able to read, but never a stack trace or a silent loss).
 */
export type Expect = 'grade' | 'refuse' | 'either';

export interface FuzzCase {
  id: string;
  family: string;
  producer: Producer;
  /** The producer a LibreOffice re-save started from, or the producer of a hostile file's base. */
  base?: 'exceljs' | 'openpyxl';
  expect: Expect;
  input: string;
  spec?: BookSpec;
  /** Extra arguments for `tierbook grade`. */
  args: string[];
  /** For CSVs: the text and its encoding (to decode what is written back). */
  csv?: { text: string; encoding: string; names: string[] };
  /** A second file graded for comparison (the 1904 twin's 1900 sibling). */
  twin?: string;
  /** Hostile file kinds with an oracle of their own. */
  kind?: string;
  /** Raw cell elements of the customer sheet that must survive byte for byte (the no-`r` case). */
  rawCells?: string[];
  sheetPart?: string;
}

function runTool(command: string, jobs: unknown[], dir: string): Record<string, unknown> {
  if (!jobs.length) return {};
  const file = path.join(dir, `${command}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(jobs));
  const r = spawnSync(PYTHON, [TOOL, command, file], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 900_000 });
  if (r.status !== 0) throw new Error(`openpyxl_tool ${command} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** openpyxl writes many specs in one Python run. */
export function writeOpenpyxl(jobs: { spec: BookSpec; out: string }[], dir: string): void {
  const res = runTool('write', jobs, dir) as { errors?: Record<string, string> };
  if (res.errors && Object.keys(res.errors).length) throw new Error(`openpyxl could not write: ${JSON.stringify(res.errors)}`);
}

export type OpenpyxlDump = Record<string, Record<string, [string, unknown]>>;

/** openpyxl's view of many workbooks, in one Python run: path → sheet → address → [data_type, value]. */
export async function dumpOpenpyxl(files: string[], dir: string): Promise<{ dumps: Record<string, OpenpyxlDump | undefined>; errors: Record<string, string> }> {
  if (!files.length) return { dumps: {}, errors: {} };
  const file = path.join(dir, `dump-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(files));
  const r = await spawnAsync(PYTHON, [TOOL, 'dump', file], 900_000);
  if (r.status !== 0) throw new Error(`openpyxl_tool dump failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout) as Record<string, OpenpyxlDump> & { errors?: Record<string, string> };
  const { errors = {}, ...dumps } = res;
  return { dumps, errors: errors as Record<string, string> };
}

const SOFFICE_FILTER: Record<string, string> = { xlsx: 'xlsx:Calc MS Excel 2007 XML', xls: 'xls:MS Excel 97', ods: 'ods', csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1' };

/**
 * LibreOffice converts many files in one run (its start-up is slow). Returns the converted path per input
 * (absent when LibreOffice could not load or convert it). Inputs must have distinct base names.
 */
export function sofficeConvert(files: string[], to: 'xlsx' | 'xls' | 'ods' | 'csv', outDir: string, profileDir: string): Map<string, string> {
  const out = new Map<string, string>();
  fs.mkdirSync(outDir, { recursive: true });
  const chunk = 150;
  for (let i = 0; i < files.length; i += chunk) {
    const part = files.slice(i, i + chunk);
    spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', SOFFICE_FILTER[to]!, '--outdir', outDir, ...part], {
      stdio: 'pipe',
      timeout: 60_000 + part.length * 10_000,
    });
    for (const f of part) {
      const target = path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${to}`);
      if (fs.existsSync(target) && fs.statSync(target).size > 0) out.set(f, target);
    }
  }
  return out;
}

/** Runs a command without blocking the event loop (LibreOffice and jing work while main() grades). */
export function spawnAsync(cmd: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ status: -1, stdout, stderr: String(e) });
    });
  });
}

/** sofficeConvert without blocking: one soffice at a time per profile, so callers chain these. */
export async function sofficeConvertAsync(files: string[], to: 'xlsx' | 'csv', outDir: string, profileDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  fs.mkdirSync(outDir, { recursive: true });
  if (!files.length) return out;
  await spawnAsync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', SOFFICE_FILTER[to]!, '--outdir', outDir, ...files], 60_000 + files.length * 10_000);
  for (const f of files) {
    const target = path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${to}`);
    if (fs.existsSync(target)) out.set(f, target);
  }
  return out;
}

/** b2b-value with tier labels and benefits that look like formulas: what a shared scheme JSON may hold. */
export function injectedSchemeJson(): string {
  const s = JSON.parse(schemeToJson(getPreset('b2b-value')!)) as { tiers: { label: Record<string, string>; benefits: { lines: Record<string, string>[] } }[] };
  const payloads = ['=HYPERLINK("http://evil.example","点我")', '+SUM(1,1)', '@SUM(1)', '=DDE("cmd";"/C calc";"!A0")', '-2+3'];
  s.tiers.forEach((t, i) => {
    const p = payloads[i % payloads.length]!;
    t.label = { 'zh-CN': `${p}${i}`, 'en-US': `${p}${i}` };
    if (t.benefits.lines[0]) t.benefits.lines[0] = { 'zh-CN': payloads[(i + 1) % payloads.length]!, 'en-US': payloads[(i + 1) % payloads.length]! };
  });
  return JSON.stringify(s);
}

/** Tiers by days since the last purchase: a scheme whose grades move when dates are read wrong. */
export function recencySchemeJson(): string {
  const s = JSON.parse(schemeToJson(getPreset('salon-spend')!)) as { id: string; criteria: unknown[]; mode: { rules: unknown[] } };
  s.id = 'fuzz-recency';
  s.criteria.push({ metric: 'recencyDays', label: { 'zh-CN': '距最近消费天数', 'en-US': 'Recency' }, unit: 'days', direction: 'lower', missing: 'unrated' });
  s.mode.rules = (
    [
      ['diamond', 30],
      ['gold', 90],
      ['silver', 180],
    ] as const
  ).map(([tier, value]) => ({ tier, when: { metric: 'recencyDays', op: '<=', value } }));
  return JSON.stringify(s);
}

const HOSTILE_KINDS = [
  'truncated', 'random-bytes', 'xls', 'ods', 'ole-as-xlsx', 'zip64', 'malformed-xml', 'crc', 'date1904', 'csv-big5', 'csv-shift_jis',
  'csv-utf-16le', 'csv-utf-16be', 'csv-gb18030', 'csv-injection', 'xlsx-injection', 'no-r-attr', 'last-row', 'xfd',
] as const;

/** Which cases a run holds: the same (seed, count) always gives the same list. */
export function planCases(count: number, seed: number): { id: string; producer: Producer; hostile?: string; base: 'exceljs' | 'openpyxl'; seed: number }[] {
  const rng = rngFrom(seed);
  const plan: ReturnType<typeof planCases> = [];
  let h = int(rng, 0, HOSTILE_KINDS.length - 1);
  for (let i = 0; i < count; i++) {
    const r = rng();
    const caseSeed = Math.floor(rng() * 2 ** 31);
    const base = chance(rng, 0.6) ? 'exceljs' : 'openpyxl';
    const id = `c${String(i).padStart(5, '0')}`;
    if (r < 0.38) plan.push({ id, producer: 'exceljs', base: 'exceljs', seed: caseSeed });
    else if (r < 0.62) plan.push({ id, producer: 'openpyxl', base: 'openpyxl', seed: caseSeed });
    else if (r < 0.77) plan.push({ id, producer: 'libreoffice', base, seed: caseSeed });
    else plan.push({ id, producer: 'hostile', hostile: HOSTILE_KINDS[h++ % HOSTILE_KINDS.length], base, seed: caseSeed });
  }
  return plan;
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const CSV_NAMES: Record<string, string[]> = {
  big5: ['台北市信義區貿易股份有限公司', '高雄港務物流有限公司', '新竹科學園區電子股份有限公司', '臺中精密機械有限公司'],
  shift_jis: ['株式会社サンプル商事', '東京電機株式会社', '大阪物流株式会社', '名古屋精密工業株式会社'],
  'utf-16le': ['上海华信精密机械有限公司', '杭州云启科技有限公司', 'Ünïcødé GmbH', '深圳博远电子'],
  'utf-16be': ['上海华信精密机械有限公司', '杭州云启科技有限公司', '成都天府食品', '武汉长江建材'],
  gb18030: ['上海华信精密机械有限公司', '杭州云启科技有限公司', '成都天府食品有限公司', '武汉长江建材有限公司'],
  'utf-8': ['上海华信精密机械有限公司', '=HYPERLINK("http://example.com","点我")', '成都天府食品有限公司', '@总部客户'],
};

function csvCase(rng: Rng, encoding: string): { text: string; names: string[] } {
  const names = CSV_NAMES[encoding]!;
  const n = int(rng, 4, 12);
  // Big5 and Shift-JIS cannot encode simplified headers: those exports carry English ones.
  const ascii = encoding === 'big5' || encoding === 'shift_jis';
  const lines = [(ascii ? ['Customer ID', 'Customer name', 'Annual revenue', 'Years'] : ['客户编号', '客户名称', '年度消费金额', '合作年限']).join(',')];
  const used: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${names[i % names.length]!}${i >= names.length ? i : ''}`;
    used.push(name);
    lines.push([`KH-${1000 + i}`, csvField(name), String(int(rng, 1, 300) * 10_000), String(int(rng, 0, 9))].join(','));
  }
  return { text: `${lines.join('\r\n')}\r\n`, names: used };
}

/** The sheet part of the customer sheet in an exceljs-written package (sheets are numbered in order). */
function customerSheetPart(spec: BookSpec): string {
  return `xl/worksheets/sheet${spec.sheets.findIndex((s) => s.name === spec.meta.customerSheet) + 1}.xml`;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Builds every case's input file under `dir`. */
export async function buildCases(count: number, seed: number, dir: string, profileDir: string): Promise<FuzzCase[]> {
  const plan = planCases(count, seed);
  const cases: FuzzCase[] = [];
  const pyJobs: { spec: BookSpec; out: string }[] = [];
  const resave: { c: FuzzCase; src: string }[] = [];
  const toConvert: { c: FuzzCase; src: string; to: 'xls' | 'ods' }[] = [];
  const zip64Jobs: { src: string; out: string; c: FuzzCase }[] = [];
  const encodeJobs: { text: string; encoding: string; out: string }[] = [];
  const injected = path.join(dir, 'injected-scheme.json');
  fs.writeFileSync(injected, injectedSchemeJson());
  const recency = path.join(dir, 'recency-scheme.json');
  fs.writeFileSync(recency, recencySchemeJson());

  for (const p of plan) {
    const rng = rngFrom(p.seed);
    const caseDir = path.join(dir, p.id);
    fs.mkdirSync(caseDir, { recursive: true });
    const args: string[] = [];
    if (chance(rng, 0.2)) args.push('--period', pick(rng, ['2025H2', '2025Q4', '2025']));
    if (chance(rng, 0.08)) args.push('--scheme', injected);
    const writeBase = async (spec: BookSpec, file: string) => {
      if (p.base === 'exceljs') fs.writeFileSync(file, await writeExcelJs(spec));
      else pyJobs.push({ spec, out: file });
    };
    if (p.producer === 'exceljs' || p.producer === 'openpyxl' || p.producer === 'libreoffice') {
      const spec = randomBook(rng, p.id);
      const src = path.join(caseDir, p.producer === 'libreoffice' ? `src-${p.id}.xlsx` : 'in.xlsx');
      await writeBase(spec, src);
      const c: FuzzCase = { id: p.id, family: 'messy', producer: p.producer, base: p.base, expect: 'grade', input: path.join(caseDir, 'in.xlsx'), spec, args };
      if (p.producer === 'libreoffice') resave.push({ c, src });
      cases.push(c);
      continue;
    }
    const kind = p.hostile!;
    const c: FuzzCase = { id: p.id, family: kind, producer: 'hostile', base: p.base, kind, expect: 'refuse', input: path.join(caseDir, 'in.xlsx'), args: [] };
    cases.push(c);
    if (kind.startsWith('csv-') && kind !== 'csv-injection') {
      const encoding = kind.slice(4);
      const { text, names } = csvCase(rng, encoding);
      c.input = path.join(caseDir, 'in.csv');
      c.expect = 'either';
      const bom = encoding.startsWith('utf-16') ? '\uFEFF' : '';
      c.csv = { text, encoding, names };
      encodeJobs.push({ text: bom + text, encoding: encoding.replace('-', '_').replace('utf_16le', 'utf-16-le').replace('utf_16be', 'utf-16-be'), out: c.input });
      continue;
    }
    if (kind === 'csv-injection') {
      const { text, names } = csvCase(rng, 'utf-8');
      c.input = path.join(caseDir, 'in.csv');
      c.expect = 'grade';
      c.csv = { text, encoding: 'utf-8', names };
      c.args = ['--scheme', injected];
      fs.writeFileSync(c.input, text);
      continue;
    }
    const spec = randomBook(rng, p.id, { plain: true, ...(kind === 'date1904' ? { date1904: true } : {}) });
    c.spec = spec;
    if (kind === 'date1904') {
      // The same workbook in both date systems must grade alike (recency comes from the date column).
      c.expect = 'grade';
      c.args = ['--scheme', recency, '--period', '2025H2'];
      c.twin = path.join(caseDir, 'twin1900.xlsx');
      await writeBase(spec, c.input);
      await writeBase({ ...spec, date1904: false }, c.twin);
      continue;
    }
    if (kind === 'xlsx-injection') {
      c.expect = 'grade';
      c.args = ['--scheme', injected, '--period', '2025H2'];
      await writeBase(spec, c.input);
      continue;
    }
    if (kind === 'zip64') {
      const src = path.join(caseDir, 'src.xlsx');
      await writeBase(spec, src);
      c.expect = 'either';
      zip64Jobs.push({ src, out: c.input, c });
      continue;
    }
    if (kind === 'xls' || kind === 'ods' || kind === 'ole-as-xlsx') {
      const src = path.join(caseDir, `src-${p.id}.xlsx`);
      await writeBase(spec, src);
      toConvert.push({ c, src, to: kind === 'ods' ? 'ods' : 'xls' });
      continue;
    }
    // The rest start from an exceljs file and damage or stretch it.
    const bytes = await writeExcelJs(spec);
    c.base = 'exceljs';
    c.producer = 'hostile';
    const part = customerSheetPart(spec);
    c.sheetPart = part;
    const entries = unzipSync(bytes);
    const sheetXml = dec.decode(entries[part]);
    if (kind === 'truncated') fs.writeFileSync(c.input, bytes.slice(0, int(rng, 4, bytes.length - 23)));
    else if (kind === 'random-bytes') fs.writeFileSync(c.input, Uint8Array.from({ length: int(rng, 1, 4000) }, () => int(rng, 0, 255)));
    else if (kind === 'malformed-xml') {
      entries[part] = enc.encode(sheetXml.replace('</row>', '</rwo>'));
      fs.writeFileSync(c.input, zipSync(entries));
    } else if (kind === 'crc') {
      // Stored (not deflated) entries, then one digit of a number changed in the sheet: the zip still
      // reads, only the CRC says the entry is damaged.
      const stored: Record<string, [Uint8Array, { level: 0 }]> = {};
      for (const [name, data] of Object.entries(entries)) stored[name] = [data, { level: 0 }];
      const zipped = Buffer.from(zipSync(stored));
      const at = zipped.indexOf(Buffer.from(entries[part]!));
      const v = zipped.indexOf(Buffer.from('<v>'), at);
      zipped[v + 3] = zipped[v + 3] === 0x31 ? 0x32 : 0x31;
      fs.writeFileSync(c.input, zipped);
    } else if (kind === 'no-r-attr') {
      // `r` is optional on cells (ECMA-376 §18.3.1.4): other writers leave it out.
      const stripped = sheetXml.replace(/<c r="[A-Z]+\d+"/g, '<c');
      entries[part] = enc.encode(stripped);
      c.expect = 'grade';
      c.rawCells = [...stripped.matchAll(/<c\b[^>]*?(?:\/>|>.*?<\/c>)/g)].map((m) => m[0]);
      fs.writeFileSync(c.input, zipSync(entries));
    } else if (kind === 'last-row') {
      const last = spec.meta.lastDataRow;
      const moved = sheetXml.replace(new RegExp(`<row r="${last}"`), '<row r="1048577"').replace(new RegExp(`(<c r="[A-Z]+)${last}"`, 'g'), '$11048577"');
      entries[part] = enc.encode(moved);
      c.expect = 'either';
      fs.writeFileSync(c.input, zipSync(entries));
    } else if (kind === 'xfd') {
      const s = spec.sheets.find((x) => x.name === spec.meta.customerSheet)!;
      s.cells.push({ a: `XFD${spec.meta.firstDataRow}`, k: 's', v: '最右边的备注' });
      c.expect = 'either';
      fs.writeFileSync(c.input, await writeExcelJs(spec));
    }
  }

  writeOpenpyxl(pyJobs, dir);
  for (const [command, jobs] of [
    ['encode', encodeJobs],
    ['zip64', zip64Jobs.map(({ src, out }) => ({ src, out }))],
  ] as const) {
    const res = runTool(command, jobs, dir) as { errors?: Record<string, string> };
    if (res.errors && Object.keys(res.errors).length) throw new Error(`openpyxl_tool ${command} failed: ${JSON.stringify(res.errors)}`);
  }
  // LibreOffice re-saves (xlsx → xlsx) and conversions to .xls/.ods, one soffice run per target format.
  const lo = path.join(dir, 'lo-produced');
  const resaved = sofficeConvert(resave.map((r) => r.src), 'xlsx', path.join(lo, 'xlsx'), profileDir);
  for (const r of resave) {
    const got = resaved.get(r.src);
    if (!got) throw new Error(`LibreOffice could not re-save ${r.src}`);
    fs.copyFileSync(got, r.c.input);
  }
  for (const to of ['xls', 'ods'] as const) {
    const jobs = toConvert.filter((t) => t.to === to);
    const done = sofficeConvert(jobs.map((j) => j.src), to, path.join(lo, to), profileDir);
    for (const j of jobs) {
      const got = done.get(j.src);
      if (!got) throw new Error(`LibreOffice could not convert ${j.src} to ${to}`);
      j.c.input = j.c.kind === 'ole-as-xlsx' ? path.join(path.dirname(j.c.input), 'in.xlsx') : path.join(path.dirname(j.c.input), `in.${to}`);
      fs.copyFileSync(got, j.c.input);
    }
  }
  return cases;
}

export { colName, strToU8 };
