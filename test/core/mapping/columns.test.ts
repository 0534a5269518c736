import { describe, it, expect } from 'vitest';
import { loc } from '../../../src/core/i18n.ts';
import { mapColumns, sayAdvised, type ColumnMapping, type MappingProblem } from '../../../src/core/mapping/index.ts';
import { commandLineWords } from '../../../src/cli/advice-words.ts';
import { preset } from '../../support/schemes.ts';
import { rulesScheme } from './schemes.ts';

/** field → column index, for compact assertions. */
function cols(m: ColumnMapping): Record<string, number> {
  return Object.fromEntries(Object.entries(m.byField).map(([f, c]) => [f, c.col]));
}
const codes = (m: ColumnMapping) => m.problems.map((p) => `${p.code}:${p.field ?? ''}`);
/** A problem as the command line says it (the core leaves --map to the host; the words here are the CLI's). */
const cli = (p: MappingProblem) => sayAdvised(p, commandLineWords);

describe('mapColumns: synonyms', () => {
  it('maps a realistic Chinese header row (RFM: recency from the last-purchase date)', () => {
    const headers = ['序号', '客户编号', '客户名称', '联系人', '联系电话', '年度消费金额（元）', '消费次数', '最近消费日期', '合作年限', '满意度评分', null, '备注'];
    const m = mapColumns(headers, preset('rfm-5'));
    expect(cols(m)).toEqual({
      id: 1,
      name: 2,
      annualSpend: 5,
      orderCount: 6,
      lastPurchase: 7,
      cooperationYears: 8,
      satisfaction: 9,
    });
    expect(m.problems).toEqual([]);
    expect(m.byField.annualSpend).toEqual({
      field: 'annualSpend',
      col: 5,
      header: '年度消费金额（元）',
      matchedBy: 'synonym',
      synonym: '年度消费金额',
      scale: 1,
    });
    expect(m.unmapped).toEqual([
      { col: 0, header: '序号' },
      { col: 3, header: '联系人' },
      { col: 4, header: '联系电话' },
      { col: 11, header: '备注' },
    ]);
    expect(m.columns.map((c) => c.field)).toEqual(['id', 'name', 'annualSpend', 'orderCount', 'lastPurchase', 'cooperationYears', 'satisfaction']);
  });

  it('ignores case, spaces, line breaks and full-width forms', () => {
    const headers = ['  ＣＵＳＴＯＭＥＲ　ＩＤ ', 'customer NAME', 'Ａｎｎｕａｌ  Ｓｐｅｎｄ', 'ORDER\ncount', 'aov', '客 户 编 号 2'];
    const m = mapColumns(headers, preset('crm-activity'));
    expect(cols(m)).toEqual({ id: 0, name: 1, annualSpend: 2, orderCount: 3, avgOrderValue: 4 });
    expect(m.byField.id!.header).toBe('ＣＵＳＴＯＭＥＲ　ＩＤ');
    expect(m.problems).toEqual([]);
  });

  it('ignores required-field stars and trailing colons', () => {
    const m = mapColumns(['*客户编号', '客户名称：', '年度消费金额 *'], preset('salon-spend'));
    expect(m.columns.map((c) => [c.field, c.col, c.matchedBy])).toEqual([
      ['id', 0, 'synonym'],
      ['name', 1, 'synonym'],
      ['annualSpend', 2, 'synonym'],
    ]);
  });

  it('maps camelCase and snake_case exports from other systems', () => {
    const m = mapColumns(['CustomerID', 'customer_name', 'AnnualSpend', 'order_count', 'last_order_date'], preset('rfm-5'));
    expect(cols(m)).toEqual({ id: 0, name: 1, annualSpend: 2, orderCount: 3, lastPurchase: 4 });
    expect(m.problems).toEqual([]);
  });

  it('covers the whole vocabulary of the brief, one header at a time', () => {
    const cases: [string, string][] = [
      ['客户代码', 'id'], ['客户号', 'id'], ['编号', 'id'], ['Client ID', 'id'], ['ID', 'id'],
      ['客户姓名', 'name'], ['公司名称', 'name'], ['客户', 'name'], ['名称', 'name'], ['姓名', 'name'], ['Customer', 'name'], ['Company', 'name'],
      ['年消费额', 'annualSpend'], ['消费金额(元)', 'annualSpend'], ['累计消费', 'annualSpend'], ['收入贡献', 'annualSpend'], ['交易金额', 'annualSpend'],
      ['采购金额', 'annualSpend'], ['Sales', 'annualSpend'], ['Spend', 'annualSpend'], ['Amount', 'annualSpend'], ['Monetary', 'annualSpend'],
      ['消费频次', 'orderCount'], ['购买次数', 'orderCount'], ['订单数量', 'orderCount'], ['交易次数', 'orderCount'], ['Frequency', 'orderCount'],
      ['客单价', 'avgOrderValue'], ['平均客单价', 'avgOrderValue'], ['Average order value', 'avgOrderValue'],
      ['合作年数', 'cooperationYears'], ['合作时间', 'cooperationYears'], ['Years', 'cooperationYears'], ['Cooperation years', 'cooperationYears'], ['Tenure', 'cooperationYears'],
      ['最后购买日期', 'lastPurchase'], ['最近购买日期', 'lastPurchase'], ['最后下单日期', 'lastPurchase'], ['最近交易日期', 'lastPurchase'],
      ['Last order date', 'lastPurchase'], ['Last purchase', 'lastPurchase'], ['Last purchase date', 'lastPurchase'],
      ['最近消费天数', 'recencyDays'], ['距最近消费天数', 'recencyDays'], ['未消费天数', 'recencyDays'], ['Recency', 'recencyDays'], ['Days since last purchase', 'recencyDays'],
      ['利润率', 'profitMargin'], ['毛利率', 'profitMargin'], ['Margin', 'profitMargin'], ['Profit margin', 'profitMargin'],
      ['客户终身价值', 'clv'], ['生命周期价值', 'clv'], ['CLV', 'clv'], ['LTV', 'clv'],
      ['满意度', 'satisfaction'], ['满意度得分', 'satisfaction'], ['CSAT', 'satisfaction'], ['NPS', 'nps'], ['净推荐值', 'nps'],
      ['影响力', 'influence'], ['行业影响力', 'influence'], ['Influence', 'influence'],
      ['增长潜力', 'growthPotential'], ['成长潜力', 'growthPotential'], ['发展潜力', 'growthPotential'], ['Growth potential', 'growthPotential'],
      ['战略重要性', 'strategicImportance'], ['战略价值', 'strategicImportance'], ['Strategic importance', 'strategicImportance'],
      ['手动等级', 'override'], ['指定等级', 'override'], ['人工等级', 'override'], ['等级调整', 'override'], ['Manual tier', 'override'], ['Override', 'override'], ['Tier override', 'override'],
      ['调整原因', 'overrideReason'], ['指定原因', 'overrideReason'], ['备注原因', 'overrideReason'], ['Override reason', 'overrideReason'],
    ];
    const scheme = preset('salon-spend');
    const wrong = cases.filter(([header, field]) => {
      const m = mapColumns([header], scheme);
      return m.byField[field]?.col !== 0 || m.columns.filter((c) => c.col === 0 && c.matchedBy !== 'name-fallback').length !== 1;
    });
    expect(wrong).toEqual([]);
  });

  it('matches a header that contains a synonym, but not one that qualifies it', () => {
    const m = mapColumns(['客户编号', '客户名称', '2025年度消费金额', '消费次数合计', 'Total Revenue growth'], preset('crm-activity'));
    expect(m.byField.annualSpend).toMatchObject({ col: 2, matchedBy: 'contains', synonym: '年度消费金额' });
    expect(m.byField.orderCount).toMatchObject({ col: 3, matchedBy: 'contains', synonym: '消费次数' });
    expect(m.unmapped).toEqual([{ col: 4, header: 'Total Revenue growth' }]);

    const en = mapColumns(['Customer ID', 'Company', 'Total revenue (¥k)', 'Sales rep', 'Revenue target'], preset('salon-spend'));
    expect(en.byField.annualSpend).toMatchObject({ col: 2, matchedBy: 'contains', synonym: 'Revenue', scale: 1000 });
    expect(en.unmapped.map((u) => u.header)).toEqual(['Sales rep', 'Revenue target']);

    const zh = mapColumns(['客户名称', '销售额增长率', '销售额占比', '目标销售额', '平均消费金额'], preset('salon-spend'));
    expect(zh.byField.annualSpend).toBeUndefined();
    expect(zh.byField.avgOrderValue?.col).toBe(4); // "average spend" is the average order value, not the spend
    expect(codes(zh)).toContain('missing-required:annualSpend');

    // An amount is not a date, a return is not an order.
    const other = mapColumns(['客户编号', 'Last purchase amount', '退货订单数', '最近一次消费时间', '上次消费距今天数'], preset('rfm-5'));
    expect(other.byField.lastPurchase).toMatchObject({ col: 3, matchedBy: 'contains', synonym: '最近一次消费' });
    expect(other.byField.recencyDays).toMatchObject({ col: 4, matchedBy: 'contains', synonym: '距今天数' });
    expect(other.unmapped.map((u) => u.header)).toEqual(['Last purchase amount', '退货订单数']);
  });

  it('never maps one header to two fields: the more specific synonym wins', () => {
    // "累计消费次数" contains both 累计消费 (spend) and 消费次数 (orders): it is a count.
    const m = mapColumns(['客户编号', '累计消费次数', '等级调整原因', '等级调整'], preset('salon-spend'));
    expect(m.byField.orderCount?.col).toBe(1);
    expect(m.byField.annualSpend).toBeUndefined();
    expect(m.byField.overrideReason?.col).toBe(2);
    expect(m.byField.override?.col).toBe(3);
    const seen = m.columns.map((c) => c.col);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('mapColumns: our own output columns', () => {
  it('never reads a column an earlier run wrote, in either language', () => {
    const scheme = rulesScheme([
      { metric: 'satisfaction', label: loc('满意度', 'Satisfaction'), unit: 'score' },
    ]);
    const headers = ['客户编号', '客户名称', '客户等级', '等级得分', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题', 'Tier', 'Score', ' 客户等级 '];
    const m = mapColumns(headers, scheme);
    expect(m.byField.satisfaction).toBeUndefined();
    expect(m.byField.override).toBeUndefined();
    expect(m.outputColumns).toEqual([
      { key: 'tier', col: 2 },
      { key: 'score', col: 3 },
      { key: 'benefits', col: 4 },
      { key: 'reason', col: 5 },
      { key: 'gap', col: 6 },
      { key: 'previous', col: 7 },
      { key: 'change', col: 8 },
      { key: 'issues', col: 9 },
      { key: 'tier', col: 10 },
      { key: 'score', col: 11 },
      { key: 'tier', col: 12 },
    ]);
    expect(m.unmapped).toEqual([]);
    expect(codes(m)).toEqual(['missing-required:satisfaction']);
    // …and they are not offered as headers to choose from.
    expect(m.problems[0]!.message['zh-CN']).toContain('表头中有：客户编号、客户名称。');
  });

  it('maps the inputs of a sheet that was graded once, leaving the previous results alone', () => {
    const headers = ['客户编号', '客户名称', '年度消费金额', '合作年限', '手动等级', '调整原因', '客户等级', '客户权益', '评级依据', '上期等级'];
    const m = mapColumns(headers, preset('b2b-value'));
    expect(cols(m)).toEqual({ id: 0, name: 1, annualSpend: 2, cooperationYears: 3, override: 4, overrideReason: 5 });
    expect(m.outputColumns.map((o) => o.key)).toEqual(['tier', 'benefits', 'reason', 'previous']);
    expect(m.problems).toEqual([]);
  });

  it('refuses an explicit mapping onto an output column', () => {
    const m = mapColumns(['客户编号', '客户名称', '年度消费金额', '客户等级'], preset('salon-spend'), { explicit: { override: '客户等级' } });
    expect(m.byField.override).toBeUndefined();
    expect(m.problems).toEqual([
      {
        code: 'explicit-output-column',
        severity: 'error',
        field: 'override',
        given: { field: 'override', text: '客户等级' },
        message: loc('列"客户等级"是 TierBook 写入的结果列，不能作为输入。', '"客户等级" is a result column TierBook writes, not an input.'),
      },
    ]);
    expect(cli(m.problems[0]!)).toEqual(
      loc('--map override=客户等级：列"客户等级"是 TierBook 写入的结果列，不能作为输入。', '--map override=客户等级: "客户等级" is a result column TierBook writes, not an input.'),
    );
  });
});

describe('mapColumns: explicit mappings', () => {
  const headers = ['客户编号', '客户名称', '年度消费金额', '合作时间', '合作年限（月）'];

  it('--map wins over synonyms and keeps the header unit', () => {
    const auto = mapColumns(headers, preset('b2b-value'));
    expect(auto.byField.cooperationYears).toMatchObject({ col: 4, matchedBy: 'synonym', scale: 1 / 12 });

    const m = mapColumns(headers, preset('b2b-value'), { explicit: { cooperationYears: '合作时间' } });
    expect(m.byField.cooperationYears).toEqual({ field: 'cooperationYears', col: 3, header: '合作时间', matchedBy: 'explicit', scale: 1 });
    expect(m.unmapped).toEqual([{ col: 4, header: '合作年限（月）' }]);
    expect(m.problems).toEqual([]);

    const months = mapColumns(['客户编号', '客户名称', '金额', '在网时长(月)'], preset('b2b-value'), { explicit: { cooperationYears: '在网时长（月）' } });
    expect(months.byField.cooperationYears).toMatchObject({ col: 3, matchedBy: 'explicit' });
    expect(months.byField.cooperationYears!.scale).toBeCloseTo(1 / 12, 12);
  });

  it('finds the header folded, by its name without the unit, or by column letter', () => {
    const a = mapColumns(headers, preset('b2b-value'), { explicit: { cooperationYears: ' 合作年限(月) ' } });
    expect(a.byField.cooperationYears?.col).toBe(4);
    const b = mapColumns(['客户编号', '客户名称', '销售额（万元）', '合作年限'], preset('b2b-value'), { explicit: { annualSpend: '销售额' } });
    expect(b.byField.annualSpend).toMatchObject({ col: 2, matchedBy: 'explicit', scale: 10_000 });
    const c = mapColumns(headers, preset('b2b-value'), { explicit: { cooperationYears: 'd' } });
    expect(c.byField.cooperationYears?.col).toBe(3);
  });

  it('accepts the field by any case or by its label', () => {
    const a = mapColumns(headers, preset('b2b-value'), { explicit: { CooperationYears: '合作时间' } });
    expect(a.byField.cooperationYears?.col).toBe(3);
    const b = mapColumns(headers, preset('b2b-value'), { explicit: { 合作年限: '合作时间' } });
    expect(b.byField.cooperationYears?.col).toBe(3);
  });

  it('a criterion column wins over synonyms; --map wins over the criterion column', () => {
    const scheme = rulesScheme([
      { metric: 'annualSpend', label: loc('年度消费金额', 'Annual spend'), unit: 'currency', column: '2025 成交额（万元）' },
    ]);
    const headers2 = ['客户编号', '客户名称', '年度消费金额', '2025成交额(万元)', '2024成交额(万元)'];
    const m = mapColumns(headers2, scheme);
    expect(m.byField.annualSpend).toMatchObject({ col: 3, matchedBy: 'criterion-column', scale: 10_000 });
    expect(m.problems).toEqual([]);
    const x = mapColumns(headers2, scheme, { explicit: { annualSpend: '2024成交额(万元)' } });
    expect(x.byField.annualSpend).toMatchObject({ col: 4, matchedBy: 'explicit' });
  });

  it('a named header that is not there is an error, with no fallback to synonyms', () => {
    const m = mapColumns(headers, preset('b2b-value'), { explicit: { cooperationYears: '合作年份' } });
    expect(m.byField.cooperationYears).toBeUndefined();
    expect(m.problems).toEqual([
      {
        code: 'explicit-not-found',
        severity: 'error',
        field: 'cooperationYears',
        given: { field: 'cooperationYears', text: '合作年份' },
        message: loc(
          '表头中找不到列"合作年份"。表头中有：客户编号、客户名称、年度消费金额、合作时间、合作年限（月）。',
          'no column "合作年份" in the header row. Headers found: 客户编号, 客户名称, 年度消费金额, 合作时间, 合作年限（月）.',
        ),
      },
    ]);
    expect(cli(m.problems[0]!)).toEqual(
      loc(
        '--map cooperationYears=合作年份：表头中找不到列"合作年份"。表头中有：客户编号、客户名称、年度消费金额、合作时间、合作年限（月）。',
        '--map cooperationYears=合作年份: no column "合作年份" in the header row. Headers found: 客户编号, 客户名称, 年度消费金额, 合作时间, 合作年限（月）.',
      ),
    );
    const scheme = rulesScheme([{ metric: 'annualSpend', label: loc('年度消费金额', 'Annual spend'), unit: 'currency', column: '成交额' }]);
    const s = mapColumns(['客户编号', '年度消费金额'], scheme);
    expect(s.byField.annualSpend).toBeUndefined();
    expect(s.problems.map((p) => [p.code, cli(p)['en-US']])).toEqual([
      ['explicit-not-found', 'the column set for "Annual spend" in the scheme: no column "成交额" in the header row. Headers found: 客户编号, 年度消费金额.'],
    ]);
  });

  it('an unknown field is reported', () => {
    const m = mapColumns(headers, preset('b2b-value'), { explicit: { spend: '年度消费金额' } });
    expect(m.problems.map((p) => p.code)).toEqual(['unknown-field']);
    expect(m.problems[0]!.given).toEqual({ field: 'spend', text: '年度消费金额' });
    expect(cli(m.problems[0]!)['en-US']).toMatch(/^--map spend=年度消费金额: there is no field "spend"\. Known fields: id, name, lastPurchase, override, overrideReason, annualSpend, cooperationYears/);
    expect(m.byField.annualSpend?.col).toBe(2); // synonyms still apply
  });

  it('a header named twice asks for the column letter', () => {
    const m = mapColumns(['客户编号', '销售额', '销售额'], preset('salon-spend'), { explicit: { annualSpend: '销售额' } });
    expect(m.byField.annualSpend).toBeUndefined();
    expect(m.problems[0]).toMatchObject({ code: 'ambiguous', severity: 'error', field: 'annualSpend', cols: [1, 2] });
    expect(m.problems[0]!.advice).toEqual({ kind: 'use-letter', field: 'annualSpend', letter: 'B' });
    expect(cli(m.problems[0]!)['zh-CN']).toBe(
      '--map annualSpend=销售额：有多列都叫"销售额"："销售额"（B 列）、"销售额"（C 列）。可改用列字母指定，如 --map annualSpend=B。',
    );
    const ok = mapColumns(['客户编号', '销售额', '销售额'], preset('salon-spend'), { explicit: { annualSpend: 'C' } });
    expect(ok.byField.annualSpend?.col).toBe(2);
  });
});

describe('mapColumns: ambiguity', () => {
  it('prefers a whole-header synonym over a contains match, silently', () => {
    const m = mapColumns(['客户编号', '消费金额明细', '消费金额'], preset('salon-spend'));
    expect(m.byField.annualSpend).toMatchObject({ col: 2, matchedBy: 'synonym' });
    expect(m.problems).toEqual([]);
  });

  it('prefers the canonical and the more specific name, silently', () => {
    expect(mapColumns(['客户编号', '销售额', '年度销售额'], preset('salon-spend')).byField.annualSpend?.col).toBe(2);
    expect(mapColumns(['客户编号', '金额', '交易金额'], preset('salon-spend')).byField.annualSpend?.col).toBe(2);
    expect(mapColumns(['客户编号', '累计消费金额', '消费金额'], preset('salon-spend')).byField.annualSpend?.col).toBe(2);
    const m = mapColumns(['客户编号', '本年销售额', '上年销售额'], preset('salon-spend'));
    expect(m.byField.annualSpend?.col).toBe(1);
    expect(m.problems).toEqual([]);
  });

  it('reports two equally good spend columns instead of picking one', () => {
    const m = mapColumns(['客户编号', '客户名称', '销售额', '采购金额'], preset('salon-spend'));
    expect(m.byField.annualSpend).toBeUndefined();
    expect(m.problems).toEqual([
      {
        code: 'ambiguous',
        severity: 'error',
        field: 'annualSpend',
        cols: [2, 3],
        message: loc(
          '"年度消费金额"有多列可选："销售额"（C 列）、"采购金额"（D 列），无法确定用哪一列。',
          'Several columns could be "Annual spend": "销售额" (column C), "采购金额" (column D).',
        ),
        advice: { kind: 'choose-column', field: 'annualSpend' },
      },
    ]);
    expect(cli(m.problems[0]!)).toEqual(
      loc(
        '"年度消费金额"有多列可选："销售额"（C 列）、"采购金额"（D 列），无法确定用哪一列。可用 --map annualSpend=列名 指定。',
        'Several columns could be "Annual spend": "销售额" (column C), "采购金额" (column D). Use --map annualSpend=<header> to choose one.',
      ),
    );
    expect(m.unmapped.map((u) => u.col)).toEqual([2, 3]);
  });

  it('reports one column per year, and duplicate headers', () => {
    const years = mapColumns(['客户编号', '2024年销售额', '2025年销售额'], preset('salon-spend'));
    expect(years.problems.map((p) => [p.code, p.cols])).toEqual([['ambiguous', [1, 2]]]);
    const units = mapColumns(['客户编号', '销售额(2024)', '销售额(2025)'], preset('salon-spend'));
    expect(units.problems.map((p) => [p.code, p.cols])).toEqual([['ambiguous', [1, 2]]]);
    const twice = mapColumns(['Customer ID', 'Revenue', 'revenue'], preset('salon-spend'));
    expect(twice.problems.map((p) => [p.code, p.cols])).toEqual([['ambiguous', [1, 2]]]);
  });

  it('stays quiet about ambiguity in metrics the scheme does not use', () => {
    const m = mapColumns(['客户编号', '年度消费金额', '满意度', 'CSAT'], preset('salon-spend'));
    expect(m.problems).toEqual([]);
    expect(m.byField.satisfaction).toBeUndefined();
  });

  it('an ambiguous name is an error only when it would have to serve as the id', () => {
    const withId = mapColumns(['客户编号', '客户名称', '公司名称', '年度消费金额'], preset('salon-spend'));
    expect(withId.problems.map((p) => [p.code, p.field, p.severity])).toEqual([['ambiguous', 'name', 'warning']]);
    const noId = mapColumns(['客户名称', '公司名称', '年度消费金额'], preset('salon-spend'));
    expect(noId.problems.map((p) => [p.code, p.field, p.severity])).toEqual([['ambiguous', 'name', 'error']]);
  });
});

describe('mapColumns: missing columns', () => {
  it('names the missing metric and lists the headers found, in both languages', () => {
    const m = mapColumns(['客户编号', '客户名称', '年度消费金额', '联系人'], preset('b2b-value'));
    expect(m.problems).toEqual([
      {
        code: 'missing-required',
        severity: 'error',
        field: 'cooperationYears',
        message: {
          'zh-CN': '找不到"合作年限"对应的列。表头中有：客户编号、客户名称、年度消费金额、联系人。',
          'en-US': 'No column for "Years of cooperation". Headers found: 客户编号, 客户名称, 年度消费金额, 联系人.',
        },
        advice: { kind: 'choose-column', field: 'cooperationYears' },
      },
    ]);
    expect(cli(m.problems[0]!)).toEqual({
      'zh-CN': '找不到"合作年限"对应的列。表头中有：客户编号、客户名称、年度消费金额、联系人。可用 --map cooperationYears=列名 指定。',
      'en-US': 'No column for "Years of cooperation". Headers found: 客户编号, 客户名称, 年度消费金额, 联系人. Use --map cooperationYears=<header> to choose one.',
    });
  });

  it('does not ask for the average order value when spend and orders are there', () => {
    expect(mapColumns(['客户编号', '年度消费金额', '消费次数'], preset('crm-activity')).problems).toEqual([]);
    const m = mapColumns(['Customer ID', 'Annual spend'], preset('crm-activity'));
    expect(m.problems.map((p) => p.field)).toEqual(['orderCount', 'avgOrderValue']);
    expect(cli(m.problems[1]!)['en-US']).toBe(
      'No column for "Average order value" (it can also be computed from annual spend and order count columns). Headers found: Customer ID, Annual spend. Use --map avgOrderValue=<header> to choose one.',
    );
  });

  it('does not ask for recency days when a last-purchase date column is there', () => {
    expect(mapColumns(['客户编号', '最近购买日期', '订单数', '销售额'], preset('rfm-5')).problems).toEqual([]);
    const m = mapColumns(['客户编号', '订单数', '销售额'], preset('rfm-5'));
    expect(m.problems.map((p) => p.field)).toEqual(['recencyDays']);
    expect(cli(m.problems[0]!)['zh-CN']).toBe(
      '找不到"距最近消费天数"对应的列（也可提供"最近消费日期"列，按期末日期计算天数）。表头中有：客户编号、订单数、销售额。可用 --map recencyDays=列名 指定。',
    );
  });

  it('lets the name serve as the id, with a warning', () => {
    const m = mapColumns(['客户名称', '年度消费金额'], preset('salon-spend'));
    expect(m.byField.id).toEqual({ field: 'id', col: 0, header: '客户名称', matchedBy: 'name-fallback', synonym: '客户名称', scale: 1 });
    expect(m.problems).toEqual([
      {
        code: 'id-from-name',
        severity: 'warning',
        field: 'id',
        message: loc(
          '没有找到客户编号列，改用"客户名称"列作为客户编号；同名的客户会被标为重复。',
          'No customer ID column; "客户名称" serves as the ID, so customers with the same name are flagged as duplicates.',
        ),
      },
    ]);
  });

  it('without an id or a name column reports missing-id', () => {
    const m = mapColumns(['联系人', '年度消费金额', null, ''], preset('salon-spend'));
    expect(m.problems).toEqual([
      {
        code: 'missing-id',
        severity: 'error',
        field: 'id',
        message: loc('找不到客户编号或客户名称列。表头中有：联系人、年度消费金额。', 'No customer ID or name column. Headers found: 联系人, 年度消费金额.'),
        advice: { kind: 'choose-column', field: 'id' },
      },
    ]);
    expect(cli(m.problems[0]!)).toEqual(
      loc(
        '找不到客户编号或客户名称列。表头中有：联系人、年度消费金额。可用 --map id=列名 指定。',
        'No customer ID or name column. Headers found: 联系人, 年度消费金额. Use --map id=<header> to choose one.',
      ),
    );
  });

  it('an empty header row lists no headers', () => {
    const m = mapColumns([null, '  '], preset('salon-spend'));
    expect(m.problems.map((p) => cli(p)['zh-CN'])).toEqual([
      '找不到客户编号或客户名称列。表头中有：（无）。可用 --map id=列名 指定。',
      '找不到"年度消费金额"对应的列。表头中有：（无）。可用 --map annualSpend=列名 指定。',
    ]);
  });
});

describe('mapColumns: user-defined metrics', () => {
  const scheme = rulesScheme([
    { metric: 'annualSpend', label: loc('年度消费金额', 'Annual spend'), unit: 'currency' },
    { metric: 'visits', label: loc('拜访次数', 'Visits'), unit: 'count' },
    { metric: 'storeSales', label: loc('门店销售额', 'Store sales'), unit: 'currency' },
  ]);

  it('match their criterion label in either language, with units', () => {
    const zh = mapColumns(['客户编号', '年度消费金额', '拜访次数（次）', '门店销售额（万元）'], scheme);
    expect(zh.byField.visits).toMatchObject({ col: 2, matchedBy: 'synonym', synonym: '拜访次数', scale: 1 });
    expect(zh.byField.storeSales).toMatchObject({ col: 3, matchedBy: 'synonym', synonym: '门店销售额', scale: 10_000 });
    expect(zh.problems).toEqual([]);
    const en = mapColumns(['Customer ID', 'Annual spend', 'VISITS', 'Store Sales (k)'], scheme);
    expect(cols(en)).toEqual({ id: 0, annualSpend: 1, visits: 2, storeSales: 3 });
    expect(en.byField.storeSales!.scale).toBe(1000);
  });

  it('a label wins over a built-in synonym it contains', () => {
    // "门店销售额" contains 销售额 (annual spend) but is the user's own metric.
    const m = mapColumns(['客户编号', '门店销售额', '拜访次数'], scheme);
    expect(m.byField.storeSales?.col).toBe(1);
    expect(m.byField.annualSpend).toBeUndefined();
    expect(codes(m)).toEqual(['missing-required:annualSpend']);
  });

  it('a built-in metric declared with its own label matches that label too', () => {
    const s = rulesScheme([{ metric: 'annualSpend', label: loc('年度回款额', 'Collected revenue'), unit: 'currency' }]);
    const m = mapColumns(['客户编号', '年度回款额（万元）'], s);
    expect(m.byField.annualSpend).toMatchObject({ col: 1, synonym: '年度回款额', scale: 10_000 });
    expect(m.problems).toEqual([]);
  });

  it('missing ones are reported by their label', () => {
    const m = mapColumns(['客户编号', '年度消费金额'], scheme);
    expect(m.problems.map((p) => p.message['en-US'].split('.')[0])).toEqual(['No column for "Visits"', 'No column for "Store sales"']);
  });
});

describe('a field declined by an empty explicit name', () => {
  it('stays unmapped, and a metric the scheme needs is reported missing', async () => {
    const { mapColumns } = await import('../../../src/core/mapping/index.ts');
    const { getPreset } = await import('../../../src/core/index.ts');
    const m = mapColumns(['客户编号', '年度消费金额', '合作年限'], getPreset('b2b-value')!, { explicit: { cooperationYears: '' } });
    expect(m.byField.cooperationYears).toBeUndefined();
    expect(m.byField.annualSpend?.col).toBe(1);
    expect(m.problems.find((p) => p.field === 'cooperationYears')?.code).toBe('missing-required');
  });
});

describe('mapColumns: advice as codes, not command-line words', () => {
  it('no message says --map; what to do is an advice code each host words', () => {
    const salon = preset('salon-spend');
    const problems = [
      ...mapColumns(['客户编号', '客户名称', '销售额', '采购金额'], salon).problems,
      ...mapColumns(['联系人', '备注'], salon).problems,
      ...mapColumns(['客户编号', '销售额', '销售额'], salon, { explicit: { annualSpend: '销售额' } }).problems,
      ...mapColumns(['客户编号', '销售额'], salon, { explicit: { annualSpend: '金额', spend: '销售额' } }).problems,
      ...mapColumns(['客户编号', '销售额', '客户等级'], salon, { explicit: { override: '客户等级' } }).problems,
    ];
    expect(problems.map((p) => [p.code, p.field, p.given ?? null, p.advice ?? null])).toEqual([
      ['ambiguous', 'annualSpend', null, { kind: 'choose-column', field: 'annualSpend' }],
      ['missing-id', 'id', null, { kind: 'choose-column', field: 'id' }],
      ['missing-required', 'annualSpend', null, { kind: 'choose-column', field: 'annualSpend' }],
      ['ambiguous', 'annualSpend', { field: 'annualSpend', text: '销售额' }, { kind: 'use-letter', field: 'annualSpend', letter: 'B' }],
      ['explicit-not-found', 'annualSpend', { field: 'annualSpend', text: '金额' }, null],
      ['unknown-field', 'spend', { field: 'spend', text: '销售额' }, null],
      ['explicit-output-column', 'override', { field: 'override', text: '客户等级' }, null],
    ]);
    for (const p of problems) expect(JSON.stringify(p.message)).not.toContain('--map');
  });
});
