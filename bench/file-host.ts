// The file host end to end: a 100,000-customer × 12-column .xlsx graded by the CLI (time and peak memory),
// next to LibreOffice converting the same file in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { mb, runCli } from './cli-child.ts';
import { prng, rate, type BenchLine } from './harness.ts';

const HEADERS = ['客户编号', '客户名称', '年度消费金额', '合作年限', '订单数', '最近消费日期', '行业', '所在城市', '联系人', '电话', '客户经理', '备注'];

const EXCEL_ROWS = 1_048_576;

/** A realistic customer sheet: title row, Chinese headers, amounts partly as text. */
export async function writeCustomerXlsx(file: string, n: number): Promise<void> {
  const rnd = prng(11);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('客户名单');
  // A full sheet (1,048,575 customers under the header) leaves no room for the title row.
  if (n + 2 <= EXCEL_ROWS) ws.addRow(['2025年客户名单']).commit();
  ws.addRow(HEADERS).commit();
  const cities = ['上海', '北京', '广州', '深圳', '杭州', '成都'];
  for (let i = 0; i < n; i++) {
    const spend = Math.round(Math.exp(11 + 1.5 * (rnd() + rnd() + rnd() - 1.5)));
    ws.addRow([
      `KH-${String(i + 1).padStart(6, '0')}`,
      `客户${i + 1}有限公司`,
      i % 7 === 0 ? `¥${spend.toLocaleString('en-US')}` : spend,
      Math.floor(rnd() * 12),
      Math.floor(rnd() * 40),
      45_000 + Math.floor(rnd() * 700),
      ['制造', '零售', '物流', '科技'][i % 4],
      cities[i % cities.length],
      `联系人${i % 997}`,
      `138${String(10_000_000 + i).slice(-8)}`,
      `经理${i % 37}`,
      i % 50 === 0 ? '重点跟进' : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The goal of each size: 100k rows from issue 9 (< 600 MB); the full sheet from issue 16 (≤ 0.5× LibreOffice, ≤ 1 GB). */
const TARGETS: Record<number, { rssMb: number; vsLibreOffice?: number }> = { 100_000: { rssMb: 600 }, 1_048_575: { rssMb: 1024, vsLibreOffice: 0.5 } };

export async function benchFileHost(n = 100_000): Promise<BenchLine[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
  const input = path.join(dir, 'customers.xlsx');
  await writeCustomerXlsx(input, n);
  const lines: BenchLine[] = [];
  const stats = runCli(['grade', input, '--out', path.join(dir, 'graded.xlsx'), '--period', '2025H2']);
  const soffice = spawnSync('soffice', ['--version']).status === 0;
  let loMs = NaN;
  if (soffice) {
    const t0 = performance.now();
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'csv', '--outdir', dir, input], { stdio: 'pipe', timeout: 1_800_000 });
    loMs = performance.now() - t0;
  }
  const target = TARGETS[n] ?? { rssMb: 600 };
  const rssMb = stats.maxRssKb / 1024;
  const met = rssMb <= target.rssMb && (target.vsLibreOffice === undefined || stats.ms <= target.vsLibreOffice * loMs);
  lines.push({
    section: 'file host',
    name: `grade ${n.toLocaleString('en-US')}×12 .xlsx end to end (read, grade, write back, history, save)`,
    rows: n,
    ms: stats.ms,
    rowsPerSec: rate(n, stats.ms),
    ratio: soffice ? `${(stats.ms / loMs).toFixed(2)}× LibreOffice` : 'soffice absent',
    note: `peak memory ${mb(stats.maxRssKb)} (target ${target.vsLibreOffice !== undefined ? `≤ ${target.vsLibreOffice}× LibreOffice, ` : ''}≤ ${target.rssMb} MB${met ? ', met' : ', MISSED'})`,
    extra: { maxRssMb: Math.round(rssMb), targetRssMb: target.rssMb },
  });
  if (soffice) lines.push({ section: 'file host', name: 'LibreOffice: convert the same .xlsx to CSV (reference)', rows: n, ms: loMs, rowsPerSec: rate(n, loMs) });
  rmSync(dir, { recursive: true, force: true });
  return lines;
}
