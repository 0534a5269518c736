// The summary sheets as printed (LibreOffice → PDF): 等级分布 and 等级变动 are set up one page wide, so no
// table is cut between columns onto a second page. Each sheet is printed alone; the pages are kept as PNGs
// under test-artifacts/ for a person to look at.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mixSheet, movementSheet, tierMixOf, type GeneratedSheet } from '../../src/core/index.ts';
import { generateSample } from '../../scripts/sample/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { XlsxWorkbook, createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { hasSoffice } from '../support/libreoffice.ts';

const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

/** Two half-years of a generated customer base, graded as a review run does. */
async function summarySheets(): Promise<GeneratedSheet[]> {
  const sample = generateSample({ customers: 300, periods: ['2025H1', '2025H2'], seed: 5 });
  const spend = sample.customers[0]!.indexOf('年度消费金额');
  const customers = sample.customers.map((r) => r.filter((_, c) => c !== spend));
  let book = FileWorkbook.open(createWorkbook([{ name: '客户信息', values: customers }, { name: '订单记录', values: sample.orders }]), 'p.xlsx');
  await gradeWorkbook(book, { lang: 'zh-CN', period: '2025H1' });
  book = FileWorkbook.open(book.toXlsx(), 'p.xlsx');
  const run = await gradeWorkbook(book, { lang: 'zh-CN', period: '2025H2' });
  return [mixSheet(tierMixOf(run.result), run.scheme, 'zh-CN'), movementSheet(run.movement!, run.scheme, 'zh-CN')];
}

describe('summary sheets, printed', () => {
  it('are set up to print one page wide', async () => {
    for (const sheet of await summarySheets()) expect(sheet.print, sheet.name).toMatchObject({ fitToWidth: true });
  });

  it.runIf(hasSoffice && hasPoppler)('每张汇总表的每个表格都完整地印在一页宽内 (LibreOffice PDF)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-print-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const sheet of await summarySheets()) {
      const book = XlsxWorkbook.open(createWorkbook([{ name: sheet.name, values: [] }]));
      book.replaceSheet(sheet);
      const file = path.join(dir, `${sheet.name}.xlsx`);
      writeFileSync(file, book.save());
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
      const pdf = path.join(dir, `${sheet.name}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      // The mix is one page; the movement's matrices and summary are one page, its list of movers starts the next.
      const breaks = sheet.print?.breakBefore ?? [];
      expect(pages, sheet.name).toBe(breaks.length ? 3 : 1);
      sheet.tables.forEach((t, k) => {
        const text = page(breaks.includes(k) ? 2 : 1);
        // The table's header row is whole on one line (first and last cell together).
        const line = text.split('\n').find((l) => l.includes(t.header[0]!) && l.includes(t.header[t.header.length - 1]!));
        expect(line, `${sheet.name}: ${t.header.join(' | ')}`).toBeTruthy();
      });
      // The tables before a break end on the first page: their last row is there too.
      const first = page(1);
      for (const t of sheet.tables.filter((_, k) => !breaks.includes(k))) expect(first, sheet.name).toContain(String(t.rows[t.rows.length - 1]![0]));
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(ARTIFACTS, `summary-${sheet.name}`)]);
    }
  }, 180_000);
});
