// Native summaries from the file host (issue 18): a review run through the CLI leaves, in the .xlsx, the tier
// mix and movement as PivotTables over Excel Tables TierBook owns, and a column chart of the mix. Checked by
// readers other than ours: jing (ECMA-376 schemas) on every part we wrote, LibreOffice (its CSV of the
// summary sheet holds the PivotTable it computed itself; the chart is drawn into the PDF), openpyxl and
// exceljs (they open the file; every original cell is unchanged). Re-running replaces, never adds.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PERIOD1, messyWorkbook } from '../../../fixtures/messy-workbook.ts';
import { FileWorkbook } from '../../../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../../../src/run/grade-workbook.ts';
import { hasSoffice, libreOfficeSheets } from '../../../support/libreoffice.ts';
import { openpyxlCells } from '../../../support/openpyxl.ts';
import { ooxmlValidationUnavailable, validatePackage } from '../../../support/ooxml-validate.ts';
import { cellModels, loadExcelJs, sameBytes } from './helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../../../bin/tierbook.js');
const ARTIFACTS = path.resolve(import.meta.dirname, '../../../../test-artifacts/pivot');
const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;
const TIER_IDS = ['vip', 'key', 'regular', 'potential'];

interface MixEntry {
  count: number;
  revenue: number;
  revenueShare: number;
}

function grade(input: string, output: string, period: string): { tierMix: Record<string, MixEntry> } {
  const r = spawnSync(process.execPath, [BIN, 'grade', input, '--period', period, '--out', output, '--json'], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { tierMix: Record<string, MixEntry> };
}

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Directory of a part name. */
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
function resolve(from: string, target: string): string {
  const segs = target.startsWith('/') ? [] : dirOf(from).split('/').filter(Boolean);
  for (const s of target.replace(/^\//, '').split('/')) {
    if (s === '..') segs.pop();
    else if (s && s !== '.') segs.push(s);
  }
  return segs.join('/');
}
/** Internal relationships of a part: id, type (last segment) and target part. */
function relsOf(entries: Record<string, Uint8Array>, part: string): { id: string; type: string; part: string }[] {
  const d = dirOf(part);
  const relsPath = `${d ? `${d}/` : ''}_rels/${part.slice(d ? d.length + 1 : 0)}.rels`;
  return [...text(entries[relsPath]).matchAll(/<Relationship\b[^>]*>/g)]
    .filter((m) => attrOf(m[0], 'TargetMode') !== 'External')
    .map((m) => ({ id: attrOf(m[0], 'Id')!, type: attrOf(m[0], 'Type')!.replace(/.*\//, ''), part: resolve(part, attrOf(m[0], 'Target')!) }));
}

/**
 * What is wrong with the package's PivotTable bookkeeping: parts nothing points to, relationships and
 * overrides to missing parts, a <pivotCache> list that does not match the caches, PivotTables on caches
 * the workbook does not list.
 */
function packageProblems(entries: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const reached = new Set<string>();
  const walk = (part: string) => {
    for (const r of relsOf(entries, part)) {
      if (!entries[r.part]) problems.push(`${part} → missing ${r.part}`);
      else if (!reached.has(r.part)) {
        reached.add(r.part);
        walk(r.part);
      }
    }
  };
  walk('');
  for (const name of Object.keys(entries)) if (!name.endsWith('/') && !name.endsWith('.rels') && name !== '[Content_Types].xml' && !reached.has(name)) problems.push(`orphan ${name}`);
  for (const m of text(entries['[Content_Types].xml']).matchAll(/<Override\b[^>]*>/g)) {
    const p = attrOf(m[0], 'PartName')!.replace(/^\//, '');
    if (!entries[p]) problems.push(`override for missing ${p}`);
  }
  const wbRels = relsOf(entries, 'xl/workbook.xml');
  const listed = [...text(entries['xl/workbook.xml']).matchAll(/<pivotCache\b[^>]*>/g)].map((m) => ({ id: Number(attrOf(m[0], 'cacheId')), rel: /\s[\w]+:id="([^"]*)"/.exec(m[0])![1]! }));
  const caches = Object.keys(entries).filter((n) => /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/.test(n));
  if (listed.length !== caches.length) problems.push(`${listed.length} <pivotCache> for ${caches.length} caches`);
  if (new Set(listed.map((l) => l.id)).size !== listed.length) problems.push('duplicate cacheId');
  const cacheById = new Map(listed.map((l) => [l.id, wbRels.find((r) => r.id === l.rel)?.part]));
  for (const pt of Object.keys(entries).filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))) {
    const id = Number(attrOf(/<pivotTableDefinition\b[^>]*>/.exec(text(entries[pt]))![0], 'cacheId'));
    const cache = relsOf(entries, pt).find((r) => r.type === 'pivotCacheDefinition')?.part;
    if (!cache || cacheById.get(id) !== cache) problems.push(`${pt}: cacheId ${id} is not its cache ${cache}`);
  }
  return problems;
}

/** The PivotTable as LibreOffice computed it: rows under the header that starts with `first`, to the total line. */
function pivotRows(csv: string[][], first: string): string[][] {
  const h = csv.findIndex((r) => r[0] === first);
  expect(h, `header ${first}`).toBeGreaterThanOrEqual(0);
  const out: string[][] = [csv[h]!];
  for (let r = h + 1; r < csv.length && csv[r]![0] !== ''; r++) out.push(csv[r]!);
  return out;
}

const num = (s: string) => (s.endsWith('%') ? Number(s.slice(0, -1).replace(/,/g, '')) / 100 : Number(s.replace(/[¥,]/g, '')));

describe('native summaries from the file host', () => {
  it('a review run leaves PivotTables, a chart and the records tables; every part written validates; re-runs replace them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-pivot-'));
    const original = await messyWorkbook();
    const input = path.join(dir, 'in.xlsx');
    writeFileSync(input, original);
    const out1 = path.join(dir, 'p1.xlsx');
    const doc = grade(input, out1, '2025H2');
    const bytes = new Uint8Array(readFileSync(out1));
    const entries = unzipSync(bytes);
    const before = unzipSync(original);

    // The parts: two caches? one (no earlier period: mix only), its records, the PivotTable, chart and drawing.
    const names = Object.keys(entries);
    expect(names.filter((n) => n.startsWith('xl/pivotTables/pivotTable'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('xl/pivotCache/pivotCacheRecords'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('xl/charts/chart'))).toHaveLength(1);
    expect(packageProblems(entries)).toEqual([]);
    const cache = text(entries['xl/pivotCache/pivotCacheDefinition1.xml']);
    expect(cache).toContain('refreshOnLoad="1"');
    expect(cache).toContain('<worksheetSource name="TierBookMixData"/>');
    const pivot = text(entries['xl/pivotTables/pivotTable1.xml']);
    expect(pivot).toContain('name="TierBookMix"');
    expect(pivot).toContain('showDataAs="percentOfTotal"');
    // The records sheet is hidden and marked as ours; so is the summary sheet.
    const workbook = text(entries['xl/workbook.xml']);
    expect(workbook).toMatch(/<sheet name="TierBookMixData"[^>]*state="hidden"/);
    expect(workbook).toContain(`<definedName name="_TierBook.sheet.pivotSource.1" hidden="1">'TierBookMixData'!$1:$1048576</definedName>`);
    expect(workbook).toContain(`<definedName name="_TierBook.sheet.mix.1" hidden="1">'等级分布'!$1:$1048576</definedName>`);

    // Every other part keeps its bytes: the user's other sheets, theme, document properties.
    const rewritten = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet2.xml']);
    for (const name of Object.keys(before)) if (!rewritten.has(name)) expect(sameBytes(before[name], entries[name]), name).toBe(true);

    // openpyxl and exceljs open it, and every original cell is as it was.
    const cellsBefore = openpyxlCells(original);
    const cellsAfter = openpyxlCells(bytes);
    for (const [sheet, cells] of Object.entries(cellsBefore)) for (const [ref, v] of Object.entries(cells)) expect(cellsAfter[sheet]?.[ref], `${sheet}!${ref}`).toEqual(v);
    expect(cellsAfter['等级分布']!.A1).toEqual(['s', expect.stringContaining('等级分布')]);
    const ejBefore = cellModels(await loadExcelJs(original));
    const ejAfter = cellModels(await loadExcelJs(bytes));
    for (const [sheet, cells] of ejBefore) for (const [ref, m] of cells) expect(ejAfter.get(sheet)?.get(ref), `${sheet}!${ref}`).toEqual(m);

    // Every part the run wrote or changed validates against the ECMA-376 transitional schemas.
    if (ooxmlValidationUnavailable) console.warn(ooxmlValidationUnavailable);
    else {
      const errors = await validatePackage(bytes, (p) => !sameBytes(before[p], entries[p]));
      expect([...errors]).toEqual([]);
    }

    // The next period (movement joins), then the same period again: the same parts, nothing orphaned or doubled.
    const out2 = path.join(dir, 'p2.xlsx');
    grade(out1, out2, '2026H1');
    const out3 = path.join(dir, 'p3.xlsx');
    grade(out2, out3, '2026H1');
    const e2 = unzipSync(new Uint8Array(readFileSync(out2)));
    const e3 = unzipSync(new Uint8Array(readFileSync(out3)));
    for (const e of [e2, e3]) {
      expect(packageProblems(e)).toEqual([]);
      expect(Object.keys(e).filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))).toHaveLength(2);
      expect(Object.keys(e).filter((n) => /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/.test(n))).toHaveLength(2);
      expect(Object.keys(e).filter((n) => /^xl\/charts\//.test(n))).toHaveLength(1);
    }
    expect(Object.keys(e3).sort()).toEqual(Object.keys(e2).sort());
    expect(text(e3['xl/workbook.xml']).match(/<pivotCache\b[^>]*cacheId="(\d+)"/g)).toEqual(text(e2['xl/workbook.xml']).match(/<pivotCache\b[^>]*cacheId="(\d+)"/g));
    if (!ooxmlValidationUnavailable) expect([...(await validatePackage(new Uint8Array(readFileSync(out3)), (p) => !sameBytes(before[p], e3[p])))]).toEqual([]);

    // LibreOffice computes the PivotTable from the hidden table: its numbers are --json's tierMix.
    if (!hasSoffice) return;
    const lo = libreOfficeSheets(bytes, ['等级分布']).get('等级分布')!;
    const rows = pivotRows(lo, '等级序号');
    expect(rows[0]!.slice(0, 5)).toEqual(['等级序号', '客户等级', '客户数', '收入合计', '收入占比']);
    const shown = rows.slice(1, -1);
    const graded = TIER_IDS.filter((id) => doc.tierMix[id]!.count > 0);
    expect(shown.map((r) => TIER_IDS[Number(r[0]) - 1])).toEqual(graded);
    for (const r of shown) {
      const mix = doc.tierMix[TIER_IDS[Number(r[0]) - 1]!]!;
      expect(num(r[2]!)).toBe(mix.count);
      expect(num(r[3]!)).toBeCloseTo(mix.revenue, 2);
      expect(num(r[4]!)).toBeCloseTo(mix.revenueShare, 9);
    }
    expect(num(rows[rows.length - 1]![2]!)).toBe(graded.reduce((n, id) => n + doc.tierMix[id]!.count, 0));
    expect(PERIOD1.length).toBeGreaterThan(shown.length);
  }, 300_000);

  it("a user's own PivotTable on our cache keeps it: a re-run leaves both and writes a cache of its own", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-pivot-user-'));
    const input = path.join(dir, 'in.xlsx');
    writeFileSync(input, await messyWorkbook());
    const out1 = path.join(dir, 'p1.xlsx');
    grade(input, out1, '2025H2');
    // The user copies our PivotTable onto their own sheet 产品目录 (Excel shares the cache between the two).
    const e = unzipSync(new Uint8Array(readFileSync(out1)));
    const userSheet = 'xl/worksheets/sheet3.xml';
    expect(text(e['xl/workbook.xml'])).toContain('name="产品目录"');
    e['xl/pivotTables/pivotTable9.xml'] = strToU8(text(e['xl/pivotTables/pivotTable1.xml']).replace('name="TierBookMix"', 'name="MyPivot"'));
    e['xl/pivotTables/_rels/pivotTable9.xml.rels'] = e['xl/pivotTables/_rels/pivotTable1.xml.rels']!;
    const rels = 'xl/worksheets/_rels/sheet3.xml.rels';
    const rel = '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable9.xml"/>';
    e[rels] = strToU8(e[rels] ? text(e[rels]).replace('</Relationships>', `${rel}</Relationships>`) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
    e['[Content_Types].xml'] = strToU8(text(e['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/pivotTables/pivotTable9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>'));
    const shared = path.join(dir, 'shared.xlsx');
    writeFileSync(shared, zipSync(e));
    expect(packageProblems(unzipSync(new Uint8Array(readFileSync(shared))))).toEqual([]);

    const out2 = path.join(dir, 'p2.xlsx');
    grade(shared, out2, '2025H2');
    const after = unzipSync(new Uint8Array(readFileSync(out2)));
    expect(packageProblems(after)).toEqual([]);
    // Theirs is untouched and still on the cache it had; ours is on a new one.
    expect(sameBytes(after['xl/pivotTables/pivotTable9.xml'], e['xl/pivotTables/pivotTable9.xml'])).toBe(true);
    expect(sameBytes(after[userSheet], e[userSheet])).toBe(true);
    expect(text(after['xl/pivotTables/_rels/pivotTable9.xml.rels'])).toContain('pivotCacheDefinition1.xml');
    const ours = Object.keys(after).filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n) && text(after[n]).includes('name="TierBookMix"'));
    expect(ours).toHaveLength(1);
    expect(text(after[ours[0]!.replace('pivotTables/', 'pivotTables/_rels/') + '.rels'])).not.toContain('pivotCacheDefinition1.xml');
    expect(Object.keys(after).filter((n) => /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/.test(n))).toHaveLength(2);
  }, 120_000);

  it('a CSV saved as a workbook gets the PivotTables and chart too; its sheet in memory holds the static tables', async () => {
    const csv = new TextEncoder().encode('客户编号,年度消费金额,合作年限\r\nK1,1200000,6\r\nK2,600000,4\r\nK3,150000,2\r\nK4,90000,1\r\nK5,80000,3\r\n');
    const book = FileWorkbook.open(csv, '客户.csv');
    const run = await gradeWorkbook(book, { lang: 'zh-CN', period: '2025H2' });
    expect(run.summaries?.native?.results.map((r) => [r.sheet, r.mode, r.chart])).toEqual([['等级分布', 'pivot-created', true]]);
    expect((await book.readSheet('等级分布')).values.some((r) => r[0] === '客户等级')).toBe(true);
    const entries = unzipSync(book.toXlsx());
    expect(Object.keys(entries).filter((n) => /^xl\/(pivotTables|pivotCache|charts)\/[^/]+\.xml$/.test(n)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/pivotTables/pivotTable1.xml',
    ]);
    expect(packageProblems(entries)).toEqual([]);
    expect(text(entries['xl/pivotCache/pivotCacheDefinition1.xml'])).toContain('recordCount="5"');
  });

  it.runIf(hasSoffice && hasPoppler)('LibreOffice draws the chart beside the PivotTable (PDF page kept as PNG)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-pivot-pdf-'));
    return messyWorkbook().then((original) => {
      const input = path.join(dir, 'book-in.xlsx');
      writeFileSync(input, original);
      const out = path.join(dir, 'book.xlsx');
      grade(input, out, '2025H2');
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'pipe', timeout: 180_000 });
      const pdf = path.join(dir, 'book.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const page = Array.from({ length: pages }, (_, i) => i + 1).find((n) =>
        execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).includes('各等级客户数'),
      );
      expect(page, 'the page with the chart title').toBeDefined();
      const onPage = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
      // The PivotTable and the chart's category axis (tier names) are on the same page as the title.
      expect(onPage).toContain('等级序号');
      expect(onPage.split('VIP客户(战略客户)').length).toBeGreaterThanOrEqual(3);
      mkdirSync(ARTIFACTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(page), '-l', String(page), pdf, path.join(ARTIFACTS, 'tier-mix')]);
      expect(readdirSync(ARTIFACTS).some((f) => f.startsWith('tier-mix') && f.endsWith('.png'))).toBe(true);
    });
  }, 300_000);
});
