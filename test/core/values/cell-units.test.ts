// Units typed into cells, read against the criterion's unit (issue 13): every form, and every refusal
// in both languages' messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loc } from '../../../src/core/i18n.ts';
import { parseMetricColumn, type MetricSpec } from '../../../src/core/grading/table.ts';
import { applyScale } from '../../../src/core/mapping/units.ts';
import { chineseNumeral, parseUnitCell } from '../../../src/core/values/cell-units.ts';
import type { Unit } from '../../../src/core/scheme/metrics.ts';

const spec = (unit: Unit, max?: number): MetricSpec => ({
  metric: 'm',
  label: loc('指标', 'Metric'),
  unit,
  ...(max !== undefined ? { max } : {}),
});

/** Parse one cell through the metric column parser, as a run does. */
function read(cell: string, unit: Unit, max?: number) {
  const r = parseMetricColumn([cell], spec(unit, max), () => ({ cell: 'D7' }));
  return { value: r.column.values[0]!, issue: r.issues[0], conversions: r.conversions };
}

describe('units in cells, read against the criterion', () => {
  it.each([
    ['6年', 6], ['10 年', 10], ['６年', 6], ['3年半', 3.5], ['半年', 0.5], ['18个月', 1.5], ['2年3个月', 2.25],
    ['4年11个月', 4 + 11 / 12], ['一年半', 1.5], ['18月', 1.5], ['6 years', 6], ['2 yrs 6 months', 2.5], ['1个半月', 1.5 / 12],
  ])('years: %s → %d', (cell, want) => {
    const r = read(cell, 'years');
    expect(r.issue).toBeUndefined();
    expect(r.value).toBeCloseTo(want, 12);
  });

  it.each([
    ['12次', 12], ['11单', 11], ['15笔', 15], ['8件', 8], ['3个', 3], ['12 次', 12], ['１２次', 12], ['1.2万次', 12000], ['40 orders', 40],
  ])('counts: %s → %d', (cell, want) => {
    const r = read(cell, 'count');
    expect(r.issue).toBeUndefined();
    expect(r.value).toBe(want);
  });

  it.each([
    ['30天', 30], ['30日', 30], ['2周', 14], ['两周', 14], ['3个月', 91.25], ['1周3天', 10], ['45 days', 45],
  ])('days: %s → %d', (cell, want) => {
    const r = read(cell, 'days');
    expect(r.issue).toBeUndefined();
    expect(r.value).toBeCloseTo(want, 12);
  });

  it('says when months were counted as days', () => {
    const r = read('3个月', 'days');
    expect(r.conversions[0]!.note['zh-CN']).toContain('365÷12');
    expect(r.conversions[0]!.note['en-US']).toContain('365÷12');
  });

  it.each([
    ['85分', undefined, 85], ['85分', 100, 85], ['4.5/5', 10, 9], ['4.5/5', 5, 4.5], ['4.5星', 10, 9], ['4.5星', 5, 4.5], ['8/10', 100, 80],
  ] as const)('scores: %s on a 0–%s scale → %d', (cell, max, want) => {
    const r = read(cell, 'score', max);
    expect(r.issue).toBeUndefined();
    expect(r.value).toBeCloseTo(want, 12);
  });

  it('says a score was converted to the criterion scale', () => {
    const r = read('4.5/5', 'score', 10);
    expect(r.conversions).toHaveLength(1);
    expect(r.conversions[0]!.note['zh-CN']).toBe('按 5 分制换算为 10 分制');
    expect(r.conversions[0]!.note['en-US']).toBe('converted from a scale of 5 to 10');
  });

  it.each([['12%', 0.12], ['12 %', 0.12], ['百分之十二', 0.12], ['百分之12.5', 0.125], ['百分之五', 0.05]])('percent: %s → %d', (cell, want) => {
    const r = read(cell, 'percent');
    expect(r.issue).toBeUndefined();
    expect(r.value).toBeCloseTo(want, 15);
  });

  it.each([
    ['30天', 'years', '无法把“30天”换算为年：天不能准确换算成年；应为年数（如 6年、3年半、18个月）', 'Cannot convert "30天" to years: days do not convert exactly to years; expected years (e.g. 6年, 3年半, 18个月)'],
    ['2周', 'years', '无法把“2周”换算为年：周不能准确换算成年', 'Cannot convert "2周" to years: weeks do not convert exactly to years'],
    ['1年', 'days', '无法把“1年”换算为天：年不能准确换算成天；应为天数（如 30天、2周）', 'Cannot convert "1年" to days: years do not convert exactly to days; expected days (e.g. 30天, 2周)'],
    ['12次', 'years', '“12次”是次数，这一列应为年数', '"12次" is a count; this column expects years'],
    ['6年', 'currency', '“6年”是时长，这一列应为金额', '"6年" is a duration; this column expects an amount'],
    ['3个月', 'count', '“3个月”是时长，这一列应为次数', '"3个月" is a duration; this column expects a count'],
    ['85分', 'years', '“85分”是评分，这一列应为年数', '"85分" is a score; this column expects years'],
    ['百分之十二', 'count', '“百分之十二”是百分比，这一列应为次数', '"百分之十二" is a percentage; this column expects a count'],
    ['4.5/5', 'score', '“4.5/5”是 5 分制的评分，但该指标没有设定分值范围，无法换算', '"4.5/5" is a score out of 5, but the criterion has no valid range to convert it to'],
    ['6/5', 'score', '无法把“6/5”识别为评分：分数超过满分', 'Cannot read "6/5" as a score: it exceeds the full mark'],
  ] as const)('refuses %s for %s, naming the text and the unit expected', (cell, unit, zh, en) => {
    const r = read(cell, unit);
    expect(Number.isNaN(r.value)).toBe(true);
    expect(r.issue?.code).toBe('wrong-unit');
    expect(r.issue?.cell).toBe('D7');
    expect(r.issue?.message['zh-CN']).toContain(`指标：${zh}`);
    expect(r.issue?.message['en-US']).toContain(`Metric: ${en}`);
  });

  it.each(['3半年', '年', '3年年', '3个月2年', '12次次', 'abc年x', '十十年'])('keeps refusing %s as not a number', (cell) => {
    const r = read(cell, 'years');
    expect(Number.isNaN(r.value)).toBe(true);
    expect(r.issue?.code).toBe('not-a-number');
  });

  it('never applies the header unit and the cell unit twice', () => {
    // 合作年限（月）: plain cells are months, cells with their own unit are already years.
    const cells = ['18', '2年', '18个月', '3年半'];
    const parsed = parseMetricColumn(cells, spec('years'));
    applyScale(parsed.column.values, 1 / 12, cells);
    expect(Array.from(parsed.column.values)).toEqual([1.5, 2, 1.5, 3.5]);
    // 距最近消费（周）: a "30天" cell is days already.
    const days = ['2', '30天'];
    const d = parseMetricColumn(days, spec('days'));
    applyScale(d.column.values, 7, days);
    expect(Array.from(d.column.values)).toEqual([14, 30]);
  });

  it('reads small Chinese numerals', () => {
    expect([chineseNumeral('十二'), chineseNumeral('二十'), chineseNumeral('九十九'), chineseNumeral('两'), chineseNumeral('十')]).toEqual([12, 20, 99, 2, 10]);
    expect([chineseNumeral('十十'), chineseNumeral('百'), chineseNumeral('')]).toEqual([undefined, undefined, undefined]);
  });

  it('leaves text without a unit to the number parser', () => {
    expect(parseUnitCell('待定', { unit: 'years' })).toBeUndefined();
    expect(parseUnitCell('', { unit: 'years' })).toBeUndefined();
  });
});

// Property: a value rendered with any unit the criterion accepts parses back to the same number.
const YEARS_FORMS: ((n: number) => [string, number])[] = [
  (n) => [`${n}年`, n],
  (n) => [`${n} 年`, n],
  (n) => [`${n}年半`, n + 0.5],
  (n) => [`${n * 12}个月`, n],
  (n) => [`${n}年${n % 12}个月`, n + (n % 12) / 12],
  (n) => [`${n} years`, n],
];
const DAY_FORMS: ((n: number) => [string, number])[] = [
  (n) => [`${n}天`, n],
  (n) => [`${n}日`, n],
  (n) => [`${n}周`, n * 7],
  (n) => [`${n}周${n % 7}天`, n * 7 + (n % 7)],
  (n) => [`${n}个月`, (n * 365) / 12],
];
const COUNT_FORMS = ['次', '单', '笔', '件', '个', ' 次', ' orders'].map((w) => (n: number): [string, number] => [`${n}${w}`, n]);

describe('property: rendered with any accepted unit, a value reads back', () => {
  it.each([
    ['years', YEARS_FORMS],
    ['days', DAY_FORMS],
    ['count', COUNT_FORMS],
  ] as const)('%s', (unit, forms) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: forms.length - 1 }), (n, f) => {
        const [cell, want] = forms[f]!(n);
        const r = read(cell, unit);
        expect(r.issue).toBeUndefined();
        expect(r.value).toBeCloseTo(want, 9);
      }),
    );
  });

  it('scores: k/outOf on a 0–max criterion reads as k/outOf·max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(5, 10, 100), (outOf, k0, max) => {
        const k = k0 % (outOf + 1);
        expect(read(`${k}/${outOf}`, 'score', max).value).toBeCloseTo((k / outOf) * max, 9);
        expect(read(`${k}分`, 'score').value).toBe(k);
      }),
    );
  });
});
