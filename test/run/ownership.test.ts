// Issue 12, items 6 and 7: only what TierBook marked is ever replaced. A user's own 客户等级 / 数据问题
// column and a user's sheet called 等级规则 / 等级历史 stay as they are; workbooks graded by the version
// before marks are re-graded without a second set of columns. File host on openpyxl and LibreOffice files,
// and the Office host on the Excel fake.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { fakeWith, hostOn } from '../hosts/office/helpers.ts';
import { SOFFICE, libreConvert, readFile, tempDir, text, writeFile, zipEntries } from '../hosts/file/xlsx/helpers.ts';
import { schemaErrors } from '../hosts/file/xlsx/schema-check.ts';
import { openpyxlBook, openpyxlCells, openpyxlNames } from '../support/openpyxl.ts';

const HEADER = "['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数', '客户等级', '数据问题']";
const ROWS = "[['C1', '甲', 1200000, 6, 0, 'A', '手工核对'], ['C2', '乙', 300000, 3, 1, 'B', None], ['C3', '丙', 5000, 1, 0, 'C', '缺合同']]";
// Rules mode (b2b-value) writes no score column.
const OURS = ['客户等级（TierBook）', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题（TierBook）'];

async function grade(bytes: Uint8Array, period?: string): Promise<Uint8Array> {
  const book = FileWorkbook.open(bytes, 'book.xlsx');
  await gradeWorkbook(book, { lang: 'zh-CN', gradedAt: new Date('2026-01-05T09:00:00Z'), today: 46000, ...(period ? { period } : {}) });
  return book.toXlsx();
}

const row1 = (cells: Record<string, [string, unknown]>) =>
  Object.entries(cells)
    .filter(([ref]) => /^[A-Z]+1$/.test(ref))
    .sort(([a], [b]) => a.length - b.length || a.localeCompare(b))
    .map(([, v]) => v[1]);

describe('a user column with one of our headers', () => {
  const input = () => openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)`);

  it('is left alone: ours go next to it under a distinct header, and a re-run replaces only ours', async () => {
    const once = await grade(input());
    const cells = openpyxlCells(once)['客户']!;
    expect(['F2', 'F3', 'F4', 'G2', 'G4'].map((r) => cells[r]![1])).toEqual(['A', 'B', 'C', '手工核对', '缺合同']);
    expect(row1(cells)).toEqual(['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数', '客户等级', '数据问题', ...OURS]);
    // The marks: hidden workbook-level names over our columns (H…N) and the rules sheet.
    const names = openpyxlNames(once);
    expect(names['_TierBook.col.tier.1']).toEqual(["'客户'!$H:$H", true]);
    expect(names['_TierBook.col.issues.1']).toEqual(["'客户'!$N:$N", true]);
    expect(names['_TierBook.sheet.rules.1']).toEqual(["'等级规则'!$1:$1048576", true]);
    expect(schemaErrors(text(zipEntries(once)['xl/workbook.xml']), 'SpreadsheetML_Workbook')).toBe('');

    const twice = await grade(once);
    const again = openpyxlCells(twice)['客户']!;
    expect(again).toEqual(cells);
    expect(Object.keys(openpyxlNames(twice)).sort()).toEqual(Object.keys(names).sort());
  });

  it('keeps the marks through LibreOffice: re-saved there and graded again, still one set of columns', async () => {
    if (!SOFFICE) return;
    const once = await grade(input());
    const dir = tempDir('marks-lo');
    mkdirSync(path.join(dir, 'in'));
    const src = writeFile(path.join(dir, 'in'), 'book.xlsx', once);
    libreConvert([src], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'out'));
    const resaved = readFile(path.join(dir, 'out', 'book.xlsx'));
    const twice = await grade(resaved);
    const cells = openpyxlCells(twice)['客户']!;
    expect(row1(cells)).toEqual(['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数', '客户等级', '数据问题', ...OURS]);
    expect(cells.F2![1]).toBe('A');
  });
});

describe('the user’s own grade column', () => {
  it('is offered as the previous tier when no earlier period is in the history (上期等级, 等级变动)', async () => {
    const input = openpyxlBook(
      `ws = wb.active\nws.title = '客户'\nws.append(['客户编号', '年度消费金额', '合作年限', '客户等级'])\n` +
        `for r in [['C1', 1200000, 6, '重要客户'], ['C2', 300000, 3, '重要客户'], ['C3', 5000, 1, '潜在客户'], ['C4', 5000, 1, '自定义']]: ws.append(r)`,
    );
    const cells = openpyxlCells(await grade(input))['客户']!;
    expect(cells.E1![1]).toBe('客户等级（TierBook）');
    const col = (letter: string) => [2, 3, 4, 5].map((r) => cells[`${letter}${r}`]?.[1] ?? null);
    expect(col('E')).toEqual(['VIP客户(战略客户)', '普通客户', '潜在客户', '潜在客户']);
    expect(col('I')).toEqual(['重要客户', '重要客户', '潜在客户', '自定义']);
    // A grade that names no tier of the scheme has no direction.
    expect(col('J')).toEqual(['↑', '↓', '=', null]);
  });
});

describe('a user sheet with one of our sheet names', () => {
  it('is never read as rules, replaced or appended to; ours get a free name', async () => {
    const input = openpyxlBook(
      `ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)\n` +
        `r = wb.create_sheet('等级规则')\nr.append(['我的笔记', '下季度调整 VIP 门槛'])\n` +
        `h = wb.create_sheet('等级历史')\nh.append(['日期', '事件'])\nh.append(['2025-01-02', '客户 C1 升级'])`,
    );
    const before = openpyxlCells(input);
    const out = await grade(input, '2025Q4');
    const after = openpyxlCells(out);
    expect(after['等级规则']).toEqual(before['等级规则']);
    expect(after['等级历史']).toEqual(before['等级历史']);
    expect(Object.keys(after)).toEqual(['客户', '等级规则', '等级历史', '等级规则 (2)', '等级历史 (2)', '等级分布', 'TierBookMixData', '行动清单', '服务成本']);
    expect(after['等级历史 (2)']!.A1).toEqual(['s', '期间']);
    // Graded again: the same sheets, ours replaced in place.
    const again = openpyxlCells(await grade(out, '2025Q4'));
    expect(Object.keys(again)).toEqual(Object.keys(after));
    expect(again['等级规则']).toEqual(before['等级规则']);
  });
});

describe('a workbook graded by the version before marks', () => {
  it('is re-graded in place: its exact block of our headers, and its sheets, are taken as ours once and marked', async () => {
    // What that version wrote: our eight headers side by side after the data, the rules and history sheets.
    const legacy = openpyxlBook(
      `ws = wb.active\nws.title = '客户'\nws.append(['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数', '客户等级', '等级得分', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题'])\n` +
        `for r in [['C1', '甲', 1200000, 6, 0, '旧等级', 1, 'x', 'y', 'z', None, None, None], ['C2', '乙', 300000, 3, 1, '旧等级', 2, 'x', 'y', 'z', None, None, None]]: ws.append(r)\n` +
        `h = wb.create_sheet('等级历史')\nh.append(['期间', '客户编号', '客户名称', '等级标识', '客户等级', '等级得分', '计算等级', '年度消费金额', '合作年限', '评级时间'])\n` +
        `h.append(['2025Q3', 'C1', '甲', 'regular', '普通客户', None, 'regular', 200000, 6, '2025-10-01'])`,
    );
    const out = await grade(legacy, '2025Q4');
    const cells = openpyxlCells(out);
    // Rules mode writes no score: the old 等级得分 column (ours) is emptied, header included, not left stale.
    expect(row1(cells['客户']!)).toEqual(['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数', '客户等级', '', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题']);
    expect(cells['客户']!.G2?.[1] ?? null).toBeNull();
    expect(cells['客户']!.F2![1]).not.toBe('旧等级');
    // Its history was continued, not duplicated: the previous period shows as the previous tier.
    expect(Object.keys(cells)).toEqual(['客户', '等级历史', '等级规则', '等级分布', 'TierBookMixData', '等级变动', 'TierBookMovementData', '流失分析', '行动清单', '服务成本']);
    expect(cells['客户']!.K2).toEqual(['s', '普通客户']);
    const names = openpyxlNames(out);
    expect(names['_TierBook.col.tier.1']).toEqual(["'客户'!$F:$F", true]);
    expect(names['_TierBook.sheet.history.1']).toEqual(["'等级历史'!$1:$1048576", true]);
  });

  it('but a lone 客户等级 column (no full block) is the user’s', async () => {
    const book = openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(['客户编号', '年度消费金额', '合作年限', '客户等级', '等级得分'])\nws.append(['C1', 1200000, 6, 'A', 99])`);
    const cells = openpyxlCells(await grade(book))['客户']!;
    expect([cells.D2![1], cells.E2![1]]).toEqual(['A', 99]);
    expect(cells.F1).toEqual(['s', '客户等级（TierBook）']);
    expect(cells.G1).toEqual(['s', '客户权益']);
  });
});

describe('a CSV (which keeps no marks)', () => {
  it('is re-graded without a second set of columns, its user 客户等级 column left alone', async () => {
    const csv = new TextEncoder().encode('客户编号,年度消费金额,合作年限,客户等级\r\nK1,1200000,6,A\r\nK2,5000,1,C\r\n');
    const gradeCsv = async (bytes: Uint8Array) => {
      const book = FileWorkbook.open(bytes, '客户.csv');
      await gradeWorkbook(book, { lang: 'zh-CN', today: 46000 });
      return book.toCsv('客户');
    };
    const once = await gradeCsv(csv);
    const twice = await gradeCsv(once);
    const header = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header(twice)).toBe(header(once));
    expect(header(once)).toBe(['客户编号', '年度消费金额', '合作年限', '客户等级', ...OURS.slice(0, 6), '数据问题'].join(','));
    expect(new TextDecoder().decode(twice).split('\r\n')[1]!.split(',').slice(0, 5)).toEqual(['K1', '1200000', '6', 'A', 'VIP客户(战略客户)']);
  });
});

describe('the Office host (Excel fake)', () => {
  it('leaves the user’s 客户等级 column alone, marks its own columns and replaces only them on a re-run', async () => {
    const fake = fakeWith([
      ['客户编号', '年度消费金额', '合作年限', '客户等级'],
      ['K1', 1200000, 6, 'A'],
      ['K2', 5000, 1, 'C'],
    ]);
    await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    const values = fake.values('客户名单');
    expect(values[0]).toEqual(['客户编号', '年度消费金额', '合作年限', '客户等级', ...OURS.map((h) => (h === '数据问题（TierBook）' ? '数据问题' : h))]);
    expect(values.map((r) => r[3])).toEqual(['客户等级', 'A', 'C']);
    const marks = fake.names.filter((n) => n.name.startsWith('_TierBook.col.'));
    expect(marks.map((n) => [n.name, n.formula, n.visible]).sort()).toContainEqual(['_TierBook.col.tier.1', "='客户名单'!$E:$E", false]);
    expect(marks).toHaveLength(7);
  });

  it('without defined names (below ExcelApi 1.4) re-grades its own unmarked columns in place, by their header block', async () => {
    const fake = fakeWith([['客户编号', '年度消费金额', '合作年限'], ['K1', 1200000, 6]], { supported: { ExcelApi: '1.3' } });
    await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    expect(fake.values('客户名单')[0]).toEqual(['客户编号', '年度消费金额', '合作年限', '客户等级', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题']);
    expect(fake.names).toEqual([]);
  });
});
