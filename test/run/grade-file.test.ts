// A grading run end to end on a messy real-world workbook, through the file host: tiers, non-destructive
// write-back (every other cell unchanged, before and after grading twice), rules sheet, history, and
// LibreOffice reading back what we wrote.
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { PERIOD1, cellMap, messyWorkbook } from '../fixtures/messy-workbook.ts';
import { hasSoffice, libreOfficeSheets } from '../support/libreoffice.ts';

const SHEET = '客户名单';
// b2b-value grades by rules: no score column.
const OUTPUT_HEADERS = ['客户等级', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题'];

async function gradeBytes(bytes: Uint8Array, period?: string) {
  const book = FileWorkbook.open(bytes, 'book.xlsx');
  const run = await gradeWorkbook(book, { lang: 'zh-CN', ...(period ? { period } : {}), gradedAt: new Date('2026-01-05T09:00:00Z'), today: 46000 });
  return { run, bytes: book.toXlsx() };
}

/** Output column letters: the first empty columns right of the data (A–G, so H onwards). */
const OUT_COLS = ['H', 'I', 'J', 'K', 'L', 'M', 'N'];
const isOutputCell = (key: string) => key.startsWith(`${SHEET}!`) && OUT_COLS.includes(key.slice(SHEET.length + 1).replace(/\d+$/, ''));
const isGeneratedSheet = (key: string) => /^(等级规则|等级历史)!/.test(key);

describe('grading a messy workbook through the file host', () => {
  it('grades every customer as the b2b-value rules say, with issues by cell', async () => {
    const { run } = await gradeBytes(await messyWorkbook());
    const byId = new Map(run.result.table.ids.map((id, i) => [`${id}@${run.result.table.rows![i]}`, i]));
    const tierOf = (id: string, row: number) => {
      const i = byId.get(`${id}@${row}`);
      const t = run.result.tier[i!]!;
      return t < 0 ? null : run.scheme.tiers[t]!.id;
    };
    expect(run.customers.headerRow).toBe(4);
    expect(run.result.size).toBe(PERIOD1.length);
    expect(tierOf('KH-001', 5)).toBe('vip');
    expect(tierOf('KH-002', 6)).toBe('key'); // 98万 = 980,000
    expect(tierOf('KH-005', 10)).toBe('vip'); // years typed full-width "９"
    expect(tierOf('KH-006', 11)).toBe('regular'); // "１２０，０００"
    expect(tierOf('KH-007', 12)).toBe('potential'); // 99,999 < 100,000
    expect(tierOf('KH-008', 13)).toBeNull(); // 待定
    expect(tierOf('KH-009', 14)).toBeNull(); // #N/A
    expect(tierOf('KH-010', 15)).toBeNull(); // years blank
    expect(tierOf('KH-012', 18)).toBe('key'); // manual override 重要客户
    const issues = run.result.issues.map((x) => `${x.cell} ${x.code}`);
    expect(issues).toContain('C13 not-a-number');
    expect(issues).toContain('C14 excel-error');
    expect(issues).toContain('A17 duplicate-id');
  });

  it('changes no cell it does not own, and re-grading replaces its columns instead of adding a second set', async () => {
    const original = await messyWorkbook();
    const before = await cellMap(original);
    const once = (await gradeBytes(original)).bytes;
    const afterOnce = await cellMap(once);
    for (const [key, value] of before) if (!isOutputCell(key)) expect(afterOnce.get(key), key).toBe(value);
    for (const key of afterOnce.keys()) if (!before.has(key)) expect(isOutputCell(key) || isGeneratedSheet(key), key).toBe(true);
    expect(OUTPUT_HEADERS.map((_, i) => afterOnce.get(`${SHEET}!${OUT_COLS[i]}4`))).toEqual(OUTPUT_HEADERS.map((h) => JSON.stringify(h)));

    const twice = (await gradeBytes(once)).bytes;
    const afterTwice = await cellMap(twice);
    expect([...afterTwice.entries()]).toEqual([...afterOnce.entries()]);
    expect([...afterTwice.keys()].some((k) => k.startsWith(`${SHEET}!O`))).toBe(false);
  });

  it('writes text that looks like a formula as text', async () => {
    const { bytes } = await gradeBytes(await messyWorkbook(), '2025H2');
    const cells = await cellMap(bytes);
    const names = [...cells.entries()].filter(([k]) => k.startsWith('等级历史!C')).map(([, v]) => v);
    expect(names).toContain(JSON.stringify('=HYPERLINK("http://example.com","点我")'));
  });

  it.runIf(hasSoffice)('reads back in LibreOffice: tiers present, user cells untouched', async () => {
    const { bytes } = await gradeBytes(await messyWorkbook(), '2025H2');
    const sheets = libreOfficeSheets(bytes, [SHEET, '等级规则', '等级历史', '产品目录']);
    const rows = sheets.get(SHEET)!;
    expect(rows[3]!.slice(7, 10)).toEqual(['客户等级', '客户权益', '评级依据']);
    expect(rows[4]![0]).toBe('KH-001');
    expect(rows[4]![7]).toBe('VIP客户(战略客户)');
    expect(rows[4]![2]).toBe('¥1,250,000');
    expect(rows[12]![7]).toBe('未评级');
    expect(sheets.get('产品目录')![2]).toEqual(['B 型', '=not a formula']);
    expect(sheets.get('等级规则')!.some((r) => r[0] === '评级条件')).toBe(true);
    expect(sheets.get('等级历史')![0]!.slice(0, 5)).toEqual(['期间', '客户编号', '客户名称', '等级标识', '客户等级']);
  });

  it('keeps one snapshot per period in the history, and shows the previous tier and the change', async () => {
    const first = (await gradeBytes(await messyWorkbook(), '2025H1')).bytes;
    // The next half-year: the same workbook graded again for 2025H2, twice (the re-run replaces the snapshot).
    const second = (await gradeBytes(first, '2025H2')).bytes;
    const { run, bytes } = await gradeBytes(second, '2025H2');
    expect(run.previousPeriod).toBe('2025H1');
    const cells = await cellMap(bytes);
    const periods = [...cells.entries()].filter(([k]) => /^等级历史!A\d+$/.test(k) && k !== '等级历史!A1').map(([, v]) => JSON.parse(v));
    expect(periods.filter((p) => p === '2025H1')).toHaveLength(PERIOD1.length);
    expect(periods.filter((p) => p === '2025H2')).toHaveLength(PERIOD1.length);
    expect(cells.get(`${SHEET}!L5`)).toBe(JSON.stringify('VIP客户(战略客户)'));
    expect(cells.get(`${SHEET}!M5`)).toBe(JSON.stringify('='));
  });
});
