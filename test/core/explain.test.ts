// Reasons, gaps and benefits: what the customer sees next to the tier, in both languages.
import { describe, it, expect } from 'vitest';
import { PRESET_IDS, gradeRecords, type CellInput, type CustomerGrade } from '../../src/core/index.ts';
import { crit, gradeOne, makeScheme, preset, records } from './helpers.ts';

const both = (g: { 'zh-CN': string; 'en-US': string } | undefined | null) => (g ? [g['zh-CN'], g['en-US']] : null);

describe('salon-spend', () => {
  const s = preset('salon-spend');

  it('silver at ¥9,700: reason with value and threshold, gap "还差 ¥300 升至金卡会员"', () => {
    const g = gradeOne(s, { annualSpend: '9,700' });
    expect(g.tier).toBe('silver');
    expect(both(g.reason)).toEqual(['年度消费金额 ¥9,700 ≥ ¥5,000', 'Annual spend ¥9,700 ≥ ¥5,000']);
    expect(both(g.gap?.text)).toEqual(['年度消费金额还差 ¥300 升至金卡会员', 'Annual spend ¥300 short of Gold Member']);
    expect(g.gap?.tier).toBe('gold');
    expect(g.gap?.items).toEqual([
      expect.objectContaining({ metric: 'annualSpend', op: '>=', target: 10_000, current: 9_700, delta: 300 }),
    ]);
    expect(both(g.benefits)).toEqual(['会员价、积分加倍、会员活动', 'Member prices; Double points; Member events']);
  });

  it('a cent short of gold', () => {
    const g = gradeOne(s, { annualSpend: 9_999.99 });
    expect(both(g.gap?.text)).toEqual(['年度消费金额还差 ¥0.01 升至金卡会员', 'Annual spend ¥0.01 short of Gold Member']);
    expect(g.gap?.items[0]?.delta).toBeCloseTo(0.01, 9);
  });

  it('the fallback tier names the rule it missed', () => {
    const g = gradeOne(s, { annualSpend: 4_000 });
    expect(g.tier).toBe('regular');
    expect(both(g.reason)).toEqual(['未达到银卡会员标准：年度消费金额 ¥4,000 < ¥5,000', 'Below Silver Member: Annual spend ¥4,000 < ¥5,000']);
    expect(both(g.gap?.text)).toEqual(['年度消费金额还差 ¥1,000 升至银卡会员', 'Annual spend ¥1,000 short of Silver Member']);
  });

  it('the top tier has no gap', () => {
    const g = gradeOne(s, { annualSpend: 20_000 });
    expect(g.tier).toBe('diamond');
    expect(both(g.reason)).toEqual(['年度消费金额 ¥20,000 ≥ ¥20,000', 'Annual spend ¥20,000 ≥ ¥20,000']);
    expect(g.gap).toBeNull();
    expect(both(g.benefits)).toEqual(['专属客服、优先购买权、定制服务', 'Dedicated service; Priority purchase; Customised service']);
  });

  it('an override keeps the rules’ reason and drops the gap of a tier it does not hold', () => {
    const g = gradeOne(s, { annualSpend: 600_000 }, { override: '金卡会员', overrideReason: '老客户' });
    expect(both(g.reason)).toEqual([
      '手动指定为金卡会员（原因：老客户）；按规则应为钻石会员：年度消费金额 ¥600,000 ≥ ¥20,000',
      'Set by hand to Gold Member (reason: 老客户); the rules say Diamond Member: Annual spend ¥600,000 ≥ ¥20,000',
    ]);
    expect(g.gap).toBeNull();
    expect(g.benefits['zh-CN']).toBe('会员价、积分加倍、会员活动');
  });
});

describe('b2b-value', () => {
  const s = preset('b2b-value');
  const at = (spend: CellInput, years: CellInput): CustomerGrade => gradeOne(s, { annualSpend: spend, cooperationYears: years });

  it('vip: both conditions with values and thresholds, no gap, service level in the benefits', () => {
    const g = at('¥1,250,000', 6);
    expect(g.tier).toBe('vip');
    expect(both(g.reason)).toEqual([
      '年度消费金额 ¥1,250,000 ≥ ¥1,000,000；合作年限 6 年 ≥ 5 年',
      'Annual spend ¥1,250,000 ≥ ¥1,000,000; Years of cooperation 6 years ≥ 5 years',
    ]);
    expect(g.gap).toBeNull();
    expect(both(g.benefits)).toEqual([
      '定制化解决方案、重要活动邀请、行业报告（专属服务团队，每月至少拜访一次）',
      'Customised solutions; Invitations to key events; Industry reports (Dedicated service team, visit at least monthly)',
    ]);
  });

  it('key: the gap lists every unmet condition of vip', () => {
    const g = at('55万', 3);
    expect(g.tier).toBe('key');
    expect(both(g.reason)).toEqual([
      '年度消费金额 ¥550,000 ≥ ¥500,000；合作年限 3 年 ≥ 3 年',
      'Annual spend ¥550,000 ≥ ¥500,000; Years of cooperation 3 years ≥ 3 years',
    ]);
    expect(both(g.gap?.text)).toEqual([
      '升至VIP客户(战略客户)：年度消费金额还差 ¥450,000；合作年限还差 2 年',
      'To reach VIP (strategic): Annual spend ¥450,000 short; Years of cooperation 2 years short',
    ]);
    expect(g.gap?.items.map((x) => [x.metric, x.delta])).toEqual([['annualSpend', 450_000], ['cooperationYears', 2]]);
  });

  it('key with vip spend: only the unmet condition is in the gap', () => {
    const g = at(2_000_000, 4);
    expect(g.tier).toBe('key');
    expect(both(g.gap?.text)).toEqual(['合作年限还差 1 年 升至VIP客户(战略客户)', 'Years of cooperation 1 year short of VIP (strategic)']);
  });

  it('regular with big spend but two years: the gap to key is the missing year', () => {
    const g = at(2_000_000, 2);
    expect(g.tier).toBe('regular');
    expect(both(g.reason)).toEqual(['年度消费金额 ¥2,000,000 ≥ ¥100,000', 'Annual spend ¥2,000,000 ≥ ¥100,000']);
    expect(both(g.gap?.text)).toEqual(['合作年限还差 1 年 升至重要客户', 'Years of cooperation 1 year short of Key']);
  });

  it('potential', () => {
    const g = at('9,700元', 2);
    expect(both(g.reason)).toEqual(['未达到普通客户标准：年度消费金额 ¥9,700 < ¥100,000', 'Below Regular: Annual spend ¥9,700 < ¥100,000']);
    expect(both(g.gap?.text)).toEqual(['年度消费金额还差 ¥90,300 升至普通客户', 'Annual spend ¥90,300 short of Regular']);
  });

  it('unrated: the reason is the data issue, no gap, no benefits', () => {
    const g = at('待定', 4);
    expect(g.tier).toBeNull();
    expect(both(g.reason)).toEqual([
      '未评级：年度消费金额：无法把“待定”识别为数字；如果没有数据，请让单元格留空',
      'Not graded: Annual spend: Cannot read "待定" as a number; leave the cell empty if there is no value',
    ]);
    expect(g.gap).toBeNull();
    expect(both(g.benefits)).toEqual(['', '']);
  });
});

describe('crm-activity: strict ">" gaps', () => {
  const s = preset('crm-activity');

  it('orders (a count) say how many more are needed', () => {
    const g = gradeOne(s, { annualSpend: 9_700, orderCount: 8 });
    expect(g.tier).toBe('silver');
    expect(both(g.reason)).toEqual(['平均订单金额 ¥1,212.50 ≥ ¥500', 'Average order value ¥1,212.50 ≥ ¥500']);
    expect(both(g.gap?.text)).toEqual(['消费次数还差 3 次（需 > 10 次）升至黄金级', 'To reach Gold: Orders 3 short (needs > 10)']);
  });

  it('spend (currency) must exceed the threshold', () => {
    const g = gradeOne(s, { annualSpend: 3_000, orderCount: 12 });
    expect(g.tier).toBe('gold');
    expect(both(g.reason)).toEqual(['消费次数 12 次 > 10 次', 'Orders 12 > 10']);
    expect(both(g.gap?.text)).toEqual(['年度消费金额需超过 ¥5,000（当前 ¥3,000）升至钻石级', 'To reach Diamond: Annual spend must exceed ¥5,000 (now ¥3,000)']);
    expect(g.gap?.items[0]?.delta).toBeNull();
  });

  it('regular lists both failed sides of the silver rule it missed', () => {
    const g = gradeOne(s, { annualSpend: 300, orderCount: 3 });
    expect(g.tier).toBe('regular');
    expect(both(g.reason)).toEqual(['未达到白银级标准：平均订单金额 ¥100 < ¥500', 'Below Silver: Average order value ¥100 < ¥500']);
    expect(both(g.gap?.text)).toEqual(['平均订单金额还差 ¥400 升至白银级', 'Average order value ¥400 short of Silver']);
  });
});

describe('other operators', () => {
  const s = makeScheme(
    {
      kind: 'rules',
      rules: [
        { tier: 't1', when: { any: [{ metric: 'days', op: '<', value: 30 }, { all: [{ metric: 'sat', op: '=', value: 10 }, { metric: 'n', op: '>', value: 3 }] }] } },
        { tier: 't2', when: { metric: 'sat', op: 'between', value: 5, max: 8 } },
        { tier: 't3', when: { metric: 'days', op: '<=', value: 90 } },
      ],
    },
    [
      crit('days', { label: { 'zh-CN': '天数', 'en-US': 'Days' }, unit: 'days' }),
      crit('sat', { label: { 'zh-CN': '满意度', 'en-US': 'Satisfaction' }, unit: 'score' }),
      crit('n', { label: { 'zh-CN': '次数', 'en-US': 'Orders' }, unit: 'count' }),
    ],
    4,
  );
  const g = gradeRecords(s, records([
    { days: 10, sat: 10, n: 5 },
    { days: 30, sat: 10, n: 3 },
    { days: 100, sat: 8, n: 1 },
    { days: 91, sat: 9, n: 1 },
  ]));

  it('"any" names only the branches that held; =, >, < in both languages', () => {
    expect(both(g[0]!.reason)).toEqual([
      '天数 10 天 < 30 天；满意度 10 分 = 10 分；次数 5 次 > 3 次',
      'Days 10 days < 30 days; Satisfaction 10 = 10; Orders 5 > 3',
    ]);
  });

  it('between and ≤ reasons, and gaps for between, < and ≤', () => {
    expect(both(g[1]!.reason)).toEqual(['天数 30 天 ≤ 90 天', 'Days 30 days ≤ 90 days']);
    expect(both(g[1]!.gap?.text)).toEqual(['满意度需在 5 分–8 分 之间（当前 10 分）升至二级', 'To reach Two: Satisfaction must be within 5–8 (now 10)']);
    expect(both(g[2]!.reason)).toEqual(['满意度 8 分 在 5 分–8 分 之间', 'Satisfaction 8 within 5–8']);
    // "any": the closest branch (one unmet comparison) is the gap
    expect(both(g[2]!.gap?.text)).toEqual(['天数需低于 30 天（当前 100 天）升至一级', 'To reach One: Days must be below 30 days (now 100 days)']);
    expect(g[2]!.gap?.items.map((x) => [x.op, x.delta])).toEqual([['<', 70]]);
    expect(both(g[3]!.reason)).toEqual(['未达到三级标准：天数 91 天 > 90 天', 'Below Three: Days 91 days > 90 days']);
    expect(both(g[3]!.gap?.text)).toEqual(['天数需降至 90 天 以内（当前 91 天）升至三级', 'To reach Three: Days must be at most 90 days (now 91 days)']);
  });
});

describe('abc-revenue', () => {
  it('reasons name the revenue and the share before the customer; the gap is the lowest revenue of the class above', () => {
    const g = gradeRecords(preset('abc-revenue'), records([50, 30, 15, 5].map((v) => ({ annualSpend: v }))));
    expect(both(g[0]!.reason)).toEqual(['年度消费金额 ¥50，排在其前的客户累计占比 0% < 80%', 'Annual spend ¥50; customers ranked above hold 0% < 80%']);
    expect(both(g[2]!.reason)).toEqual(['年度消费金额 ¥15，排在其前的客户累计占比 80% < 95%', 'Annual spend ¥15; customers ranked above hold 80% < 95%']);
    expect(both(g[2]!.gap?.text)).toEqual([
      '年度消费金额还差 ¥15（该级最低 ¥30）升至A类客户',
      'To reach Class A: Annual spend ¥15 short (lowest in tier: ¥30)',
    ]);
    expect(both(g[3]!.reason)).toEqual(['年度消费金额 ¥5，排在其前的客户累计占比 95% ≥ 95%', 'Annual spend ¥5; customers ranked above hold 95% ≥ 95%']);
    expect(g[3]!.gap?.items[0]).toMatchObject({ target: 15, current: 5, delta: 10 });
  });
});

describe('the top tier never has a gap, in any mode; every other tier has one to the tier just above', () => {
  // ABC: total 5.61M → shares before 0, .891, .945, .980, .998 → A, B, B, C, C (every class populated)
  const rows = [
    { annualSpend: 5_000_000, cooperationYears: 10, orderCount: 50, recencyDays: 1, growthPotential: 10, avgOrderValue: 100_000 },
    { annualSpend: 300_000, cooperationYears: 0, orderCount: 1, recencyDays: 300, growthPotential: 0, avgOrderValue: 100 },
    { annualSpend: 200_000, cooperationYears: 0, orderCount: 2, recencyDays: 200, growthPotential: 1, avgOrderValue: 100 },
    { annualSpend: 100_000, cooperationYears: 1, orderCount: 3, recencyDays: 100, growthPotential: 2, avgOrderValue: 100 },
    { annualSpend: 10_000, cooperationYears: 1, orderCount: 4, recencyDays: 50, growthPotential: 3, avgOrderValue: 100 },
  ];
  it.each([...PRESET_IDS])('%s', (id) => {
    const s = preset(id);
    const g = gradeRecords(s, records(rows));
    expect(g[0]!.tier).toBe(s.tiers[0]!.id);
    expect(g.filter((x) => x.tier !== s.tiers[0]!.id).length).toBeGreaterThan(0);
    for (const x of g) {
      const t = s.tiers.findIndex((tier) => tier.id === x.tier);
      expect(t).toBeGreaterThanOrEqual(0);
      if (t === 0) {
        expect(x.gap, x.id).toBeNull();
        continue;
      }
      const up = s.tiers[t - 1]!;
      expect(x.gap?.tier, x.id).toBe(up.id);
      expect(x.gap!.items.length).toBeGreaterThan(0);
      expect(x.gap!.text['zh-CN']).toContain(up.label['zh-CN']);
      expect(x.gap!.text['en-US']).toContain(up.label['en-US']);
    }
  });
});
