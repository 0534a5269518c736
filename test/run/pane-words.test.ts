// The pane's words for the mapping advice the core leaves as codes: columns are chosen in the Data step,
// schemes in the Rules step — never the command line's --map or --scheme (which the pane does not have).
import { describe, expect, it } from 'vitest';
import { getPreset, loc, sayAdvised, type MappingAdvice } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { RunError } from '../../src/run/errors.ts';
import { forPane, paneWords } from '../../src/run/pane-words.ts';
import { GradingSession } from '../../src/run/session.ts';

const CLI_SYNTAX = /--map|--scheme|命令行|command line/;

function session(sheets: { name: string; values: (string | number)[][] }[]) {
  const book = FileWorkbook.open(createWorkbook(sheets), 'book.xlsx');
  return new GradingSession(() => book, { lang: 'zh-CN', today: 46_000 });
}

describe('the pane words each advice code', () => {
  const message = loc('找到的情况。', 'What was found.');
  const cases: [MappingAdvice, string, string][] = [
    [{ kind: 'choose-column', field: 'annualSpend' }, '找到的情况。请在「数据」步骤中为该字段选择列。', 'What was found. Choose its column in the Data step.'],
    [
      { kind: 'use-letter', field: 'annualSpend', letter: 'B' },
      '找到的情况。请先在表中给要用的那一列改个名字，再在「数据」步骤中选择它。',
      'What was found. Rename the one to use in the sheet, then choose it in the Data step.',
    ],
    [{ kind: 'choose-columns' }, '找到的情况。（请在「数据」步骤中为这些指标选择列）', 'What was found. (choose their columns in the Data step)'],
    [
      { kind: 'orders-scheme', schemes: ['rfm-5', 'abc-revenue'] },
      '找到的情况。订单导出可在「规则」步骤中改用 "RFM 五分位客户分群"、"ABC 分类（帕累托 80/95）" 方案，或加一张含这些列的客户表',
      'What was found. For an orders export choose the "RFM quintile segments" or "ABC classes (Pareto 80/95)" scheme in the Rules step, or add a customer sheet with these columns',
    ],
  ];
  for (const [advice, zh, en] of cases)
    it(advice.kind, () => {
      expect(sayAdvised({ message, advice }, paneWords)).toEqual(loc(zh, en));
    });

  it('the column name the user chose, as the pane calls it', () => {
    expect(sayAdvised({ given: { field: 'annualSpend', text: '合作年份' }, message: loc('表头中找不到列"合作年份"。', 'no column "合作年份" in the header row.') }, paneWords)).toEqual(
      loc('所选列"合作年份"：表头中找不到列"合作年份"。', 'The chosen column "合作年份": no column "合作年份" in the header row.'),
    );
  });

  it('the preset names are the Rules step\'s', () => {
    expect(getPreset('rfm-5')!.name).toEqual(loc('RFM 五分位客户分群', 'RFM quintile segments'));
  });

  it('an error without advice codes passes as it is', () => {
    const e = new RunError('period', loc('期间不对', 'Bad period'));
    expect(forPane(e)).toBe(e);
  });
});

describe('the session says the advice in the pane\'s words', () => {
  const b2b = getPreset('b2b-value')!;

  it('mapping problems: two equally good columns, a missing one', async () => {
    const s = session([{ name: '客户', values: [['客户编号', '客户名称', '销售额', '采购金额'], ['K1', '甲', 100, 200]] }]);
    const view = await s.inspect(b2b, {});
    expect(view.problems.map((p) => [p.field, p.message])).toEqual([
      [
        'annualSpend',
        loc(
          '"年度消费金额"有多列可选："销售额"（C 列）、"采购金额"（D 列），无法确定用哪一列。请在「数据」步骤中为该字段选择列。',
          'Several columns could be "Annual spend": "销售额" (column C), "采购金额" (column D). Choose its column in the Data step.',
        ),
      ],
      [
        'cooperationYears',
        loc(
          '找不到"合作年限"对应的列。表头中有：客户编号、客户名称、销售额、采购金额。请在「数据」步骤中为该字段选择列。',
          'No column for "Years of cooperation". Headers found: 客户编号, 客户名称, 销售额, 采购金额. Choose its column in the Data step.',
        ),
      ],
    ]);
    expect(view.blocking).toEqual(
      loc(
        `工作表"客户"：${view.problems[0]!.message['zh-CN']}\n${view.problems[1]!.message['zh-CN']}`,
        `Sheet "客户": ${view.problems[0]!.message['en-US']}\n${view.problems[1]!.message['en-US']}`,
      ),
    );
  });

  it('a column chosen in the dropdown that is not there', async () => {
    const s = session([{ name: '客户', values: [['客户编号', '客户名称', '销售额', '合作年限'], ['K1', '甲', 100, 3]] }]);
    const view = await s.inspect(b2b, { sheet: '客户', mapping: { annualSpend: '合作年份' } });
    expect(view.problems.map((p) => p.message['zh-CN'])).toEqual(['所选列"合作年份"：表头中找不到列"合作年份"。表头中有：客户编号、客户名称、销售额、合作年限。']);
    expect(JSON.stringify(view)).not.toMatch(CLI_SYNTAX);
  });

  it('an orders export under a scheme it cannot carry: choose another scheme in the Rules step', async () => {
    const s = session([{ name: '订单记录', values: [['订单号', '客户编号', '日期', '金额'], ['D1', 'K1', '2025-03-01', 1200], ['D2', 'K2', '2025-04-02', 800]] }]);
    const error = await s.preview(b2b, {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RunError);
    const text = (error as RunError).text;
    expect(text['zh-CN']).toBe(
      '只有订单记录，能算出的是消费金额、订单数、平均订单金额和最近消费天数；方案"企业客户价值分级"还需要：合作年限。订单导出可在「规则」步骤中改用 "RFM 五分位客户分群"、"ABC 分类（帕累托 80/95）" 方案，或加一张含这些列的客户表',
    );
    expect(text['en-US']).not.toMatch(CLI_SYNTAX);
    expect(text['en-US']).toContain('in the Rules step');
  });
});
