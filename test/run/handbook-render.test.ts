// The handbook as a person sees it: LibreOffice renders the 等级管理手册 sheet to PDF (A4, fit to width),
// and the first page is kept as a PNG under test-artifacts/ for a person to look at.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset, handbookSheet } from '../../src/core/index.ts';
import { XlsxWorkbook, createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { hasSoffice } from '../support/libreoffice.ts';

const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;
if (!hasPoppler) console.warn('poppler-utils (pdftoppm, pdftotext) is not installed: the handbook PNG is not rendered. CI installs it.');
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

describe.runIf(hasSoffice && hasPoppler)('the handbook sheet, printed', () => {
  it.each([
    ['b2b-value', 'zh-CN', '客户等级管理手册', ['VIP客户(战略客户)', '定制化解决方案', '每月至少拜访一次']],
    ['rfm-5', 'en-US', 'Customer Tier Handbook', ['Champions', 'Hibernating']],
  ] as const)('%s in %s renders to an A4 PDF', (id, lang, title, words) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-hb-'));
    const sheet = handbookSheet(getPreset(id)!, lang);
    const book = XlsxWorkbook.open(createWorkbook([{ name: sheet.name, values: [] }]));
    book.replaceSheet(sheet);
    const file = path.join(dir, 'handbook.xlsx');
    writeFileSync(file, book.save());
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = path.join(dir, 'handbook.pdf');
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // A4 portrait is 595 × 842 points.
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(title);
    for (const w of words) expect(text.replace(/\s+/g, ''), w).toContain(w.replace(/\s+/g, ''));
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, `handbook-${id}-${lang}`)]);
    expect(readdirSync(ARTIFACTS).some((f) => f.startsWith(`handbook-${id}-${lang}`) && f.endsWith('.png'))).toBe(true);
  }, 120_000);
});
