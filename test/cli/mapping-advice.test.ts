// The command line's words for the mapping advice the core and the run leave as codes: what to do is said with
// --map and --scheme, exactly as before the codes (these lines were taken from the command line before them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loc, sayAdvised } from '../../src/core/index.ts';
import { commandLineWords } from '../../src/cli/advice-words.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-advice-'));
function book(name: string, values: (string | number)[][], sheet = '客户'): string {
  const file = path.join(dir, name);
  writeFileSync(file, createWorkbook([{ name: sheet, values }]));
  return file;
}

async function stderr(args: string[], lang: string): Promise<string> {
  const r = await runCli([...args, '--lang', lang]);
  expect(r.status).toBe(2);
  return r.stderr;
}

describe('mapping advice on the command line', () => {
  it('two equally good columns, and a missing one: "可用 --map 字段=列名 指定"', async () => {
    const file = book('two.xlsx', [['客户编号', '客户名称', '销售额', '采购金额'], ['K1', '甲', 100, 200]]);
    expect(await stderr(['grade', file], 'zh-CN')).toBe(
      'tierbook: 工作表"客户"："年度消费金额"有多列可选："销售额"（C 列）、"采购金额"（D 列），无法确定用哪一列。可用 --map annualSpend=列名 指定。 | 找不到"合作年限"对应的列。表头中有：客户编号、客户名称、销售额、采购金额。可用 --map cooperationYears=列名 指定。\n',
    );
    expect(await stderr(['grade', file], 'en-US')).toBe(
      'tierbook: Sheet "客户": Several columns could be "Annual spend": "销售额" (column C), "采购金额" (column D). Use --map annualSpend=<header> to choose one. | No column for "Years of cooperation". Headers found: 客户编号, 客户名称, 销售额, 采购金额. Use --map cooperationYears=<header> to choose one.\n',
    );
  });

  it('--map naming a header twice asks for the column letter; a header not there is named as given', async () => {
    const same = book('same.xlsx', [['客户编号', '销售额', '销售额'], ['K1', 100, 200]]);
    expect(await stderr(['grade', same, '--map', 'annualSpend=销售额'], 'zh-CN')).toContain(
      'tierbook: 工作表"客户"：--map annualSpend=销售额：有多列都叫"销售额"："销售额"（B 列）、"销售额"（C 列）。可改用列字母指定，如 --map annualSpend=B。 | ',
    );
    expect(await stderr(['grade', same, '--map', 'annualSpend=销售额'], 'en-US')).toContain(
      'tierbook: Sheet "客户": --map annualSpend=销售额: several columns are called "销售额": "销售额" (column B), "销售额" (column C). Use the column letter instead, e.g. --map annualSpend=B. | ',
    );
    expect(await stderr(['grade', same, '--map', 'annualSpend=合作年份'], 'en-US')).toContain(
      'tierbook: Sheet "客户": --map annualSpend=合作年份: no column "合作年份" in the header row. Headers found: 客户编号, 销售额, 销售额. | ',
    );
  });

  it('an orders export under a scheme it cannot carry: "--scheme rfm-5"', async () => {
    const file = book('orders.xlsx', [['订单号', '客户编号', '日期', '金额'], ['D1', 'K1', '2025-03-01', 1200], ['D2', 'K2', '2025-04-02', 800]], '订单记录');
    expect(await stderr(['grade', file, '--scheme', 'b2b-value'], 'zh-CN')).toBe(
      'tierbook: 只有订单记录，能算出的是消费金额、订单数、平均订单金额和最近消费天数；方案"企业客户价值分级"还需要：合作年限。订单导出可改用 rfm-5、abc-revenue 方案（命令行：--scheme rfm-5），或加一张含这些列的客户表\n',
    );
    expect(await stderr(['grade', file, '--scheme', 'b2b-value'], 'en-US')).toBe(
      'tierbook: With only an orders export, spend, order count, average order and days since last purchase are known. The scheme "B2B customer value tiers" also needs: Years of cooperation. For an orders export use the rfm-5 or abc-revenue scheme (command line: --scheme rfm-5), or add a customer sheet with these columns\n',
    );
  });
});

describe('the command line words the columns a customer sheet lacks', () => {
  it('as the run said it before the codes', () => {
    const message = loc('工作表"客户"缺少评级所需的列。方案"X"还需要：合作年限。表头中有：客户编号', 'Sheet "客户" lacks columns needed for grading. The scheme "X" also needs: Years of cooperation. Headers found: 客户编号');
    expect(sayAdvised({ message, advice: { kind: 'choose-columns' } }, commandLineWords)).toEqual(
      loc(
        '工作表"客户"缺少评级所需的列。方案"X"还需要：合作年限。表头中有：客户编号（命令行可用 --map 指标=列名 指定列）',
        'Sheet "客户" lacks columns needed for grading. The scheme "X" also needs: Years of cooperation. Headers found: 客户编号 (on the command line, name a column with --map metric=Header)',
      ),
    );
  });
});
