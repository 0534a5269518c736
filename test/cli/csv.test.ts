// CSV through the CLI as users meet it: a scheme whose texts start with = + - @ (a shared JSON, an edited
// rules sheet) never becomes a live formula in the CSV we write; the user's own fields stay as they were;
// Big5 and Shift_JIS files are read and written back in their encoding; an unclosed quote is named. The command
// runs in process (test/cli/main.test.ts spawns it once).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { getPreset, schemeToJson } from '../../src/core/index.ts';
import { parseCsv } from '../../src/hosts/file/csv.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tb-cli-csv-'));
const py = (text: string, codec: string) =>
  execFileSync('/usr/bin/python3', ['-c', `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('${codec}'))`], { input: Buffer.from(text, 'utf8') });

/** salon-spend with every text we write starting with a formula character. */
function hostileScheme(): string {
  const s = getPreset('salon-spend')!;
  const starts = ['=HYPERLINK("http://evil.example","点我")', '+SUM(1)', '@SUM(1)', '-1+2'];
  s.tiers.forEach((t, i) => {
    t.label = { 'zh-CN': starts[i]!, 'en-US': starts[i]! };
    t.benefits = { lines: [{ 'zh-CN': '=DDE("cmd";"/c calc";"x")', 'en-US': '\t=1+1' }] };
  });
  return schemeToJson(s);
}

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV output and formulas', () => {
  it('escapes every field we generate that starts with = + - @, tab or CR; leaves the user\'s fields alone', async () => {
    const dir = tmp();
    const scheme = path.join(dir, 'scheme.json');
    writeFileSync(scheme, hostileScheme());
    const file = path.join(dir, '会员.csv');
    const user = '会员编号,姓名,年度消费金额,备注\r\nM1,张三,25000,=SUM(1)\r\nM2,李四,12000,+1\r\nM3,王五,6000,@x\r\nM4,赵六,100,-3\r\n';
    writeFileSync(file, user);
    const r = (await runCli(['grade', file, '--in-place', '--scheme', scheme, '--lang', 'zh-CN']));
    expect(r.status, r.stderr).toBe(0);
    const { rows } = parseCsv(readFileSync(file, 'utf8'));
    const userRows = parseCsv(user).rows;
    const width = userRows[0]!.length;
    rows.forEach((row, i) => {
      expect(row.slice(0, width)).toEqual(userRows[i]); // byte for byte what the user had
      for (const field of row.slice(width)) expect(field, `row ${i + 1}: ${field}`).not.toMatch(FORMULA);
    });
    // The escaped texts are still there to read, after the apostrophe.
    expect(rows[1]![width]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(rows.slice(1).map((r) => r[width])).toEqual(['\'=HYPERLINK("http://evil.example","点我")', "'+SUM(1)", "'@SUM(1)", "'-1+2"]);
  }, 60_000);
});

describe('CSV encodings through the CLI', () => {
  const BIG5 = '客戶編號,客戶名稱,年度消費金額,合作年限\r\nKH-1,華信精密,"1,250,000",6\r\nKH-2,雲啟科技,980000,7\r\n';
  const maps = ['--map', 'id=客戶編號', '--map', 'name=客戶名稱', '--map', 'annualSpend=年度消費金額', '--map', 'cooperationYears=合作年限'];

  it('grades a Big5 CSV with its real text and writes it back in Big5 (not UTF-8 garbage)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'big5.csv');
    writeFileSync(file, py(BIG5, 'big5'));
    const r = (await runCli(['grade', file, '--in-place', '--json', '--lang', 'en-US', ...maps]));
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.customers.map((c: { name: string; tier: string }) => [c.name, c.tier])).toEqual([
      ['華信精密', 'vip'],
      ['雲啟科技', 'key'],
    ]);
    const bytes = readFileSync(file);
    const text = new TextDecoder('big5', { fatal: true }).decode(bytes);
    expect(text.split('\r\n')[1]).toMatch(/^KH-1,華信精密,"1,250,000",6,/);
    // The first line of the file is still the user's Big5 bytes.
    expect(bytes.subarray(0, bytes.indexOf(0x2c)).equals(py('客戶編號', 'big5'))).toBe(true);
  }, 60_000);

  it('stops before grading when the encoding is unclear, naming the encodings tried and --encoding; the file is untouched', async () => {
    const dir = tmp();
    const file = path.join(dir, 'latin.csv');
    const bytes = py('Kunde,Umsatz,Jahre\r\nMüller,1250000,6\r\n', 'cp1252');
    writeFileSync(file, bytes);
    for (const lang of ['zh-CN', 'en-US']) {
      const r = (await runCli(['grade', file, '--in-place', '--lang', lang]));
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('--encoding');
      expect(r.stderr).toContain('big5');
      if (lang === 'zh-CN') expect(r.stderr).toMatch(/无法确定文件的编码/);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 60_000);

  it('--encoding reads a file in the named encoding', async () => {
    const dir = tmp();
    const file = path.join(dir, 'sj.csv');
    writeFileSync(file, py('顧客ID,顧客名,年間購入額,取引年数\r\nK-1,山田商事,1250000,6\r\n', 'shift_jis'));
    const r = (await runCli(['grade', file, '--json', '--encoding', 'sjis', '--lang', 'en-US', '--map', 'id=顧客ID', '--map', 'name=顧客名', '--map', 'annualSpend=年間購入額', '--map', 'cooperationYears=取引年数']));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).customers[0]).toMatchObject({ id: 'K-1', name: '山田商事', tier: 'vip' });
  }, 60_000);
});

describe('--in-place on an orders-only CSV', () => {
  it('is refused: the graded customers are a new table and would replace the orders (the old code did)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'orders.csv');
    const orders = '订单号,客户编号,日期,金额\r\nD1,K1,2025-03-01,1200\r\nD2,K2,2025-04-02,800\r\nD3,K1,2025-05-02,300\r\n';
    writeFileSync(file, orders);
    for (const [lang, want] of [
      ['zh-CN', /不能写回.*--out/],
      ['en-US', /cannot be written back.*--out/],
    ] as const) {
      const r = (await runCli(['grade', file, '--scheme', 'rfm-5', '--in-place', '--lang', lang]));
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(want);
    }
    expect(readFileSync(file, 'utf8')).toBe(orders);
    // --out to a CSV of its own is fine.
    const out = (await runCli(['grade', file, '--scheme', 'rfm-5', '--out', path.join(dir, 'customers.csv'), '--lang', 'en-US']));
    expect(out.status, out.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'customers.csv'), 'utf8')).toMatch(/^Customer ID,/) // the input's encoding: UTF-8 without BOM;
  }, 60_000);
});

describe('an unterminated quote', () => {
  it('is a warning naming the line (it used to swallow the rest of the file silently)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'q.csv');
    writeFileSync(file, '客户编号,客户名称,年度消费金额,合作年限\nKH-1,华信,1250000,6\nKH-2,"云启,980000,7\nKH-3,恒达,200000,4\n');
    for (const [lang, want] of [
      ['zh-CN', /第 3 行.*引号/],
      ['en-US', /Line 3 .*quote/],
    ] as const) {
      const r = (await runCli(['grade', file, '--json', '--lang', lang]));
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).warnings.some((w: string) => want.test(w))).toBe(true);
      const text = (await runCli(['grade', file, '--lang', lang, '--out', path.join(dir, `out-${lang}.xlsx`)]));
      expect(text.stdout).toMatch(want);
    }
  }, 60_000);
});
