// The presets: thresholds taken from the tier-management handbook examples our users follow.
import { loc } from '../../i18n.ts';
import type { Scheme, SchemeInput } from '../schema.ts';
import { parseScheme } from '../validate.ts';
import { criterion, lines } from './common.ts';
export { DEFAULT_PRESET_ID } from './default.ts';

const salonSpend: SchemeInput = {
  id: 'salon-spend',
  name: loc('会员消费分级（按年度消费）', 'Membership by annual spend'),
  description: loc(
    '按年度消费金额划分：钻石会员 ≥ ¥20,000，金卡会员 ≥ ¥10,000，银卡会员 ≥ ¥5,000，其余为普通会员。',
    'By annual spend: Diamond ≥ ¥20,000, Gold ≥ ¥10,000, Silver ≥ ¥5,000, everyone else Regular.',
  ),
  valueMetric: 'annualSpend',
  tiers: [
    {
      id: 'diamond',
      label: loc('钻石会员', 'Diamond Member'),
      color: '#B4A7D6',
      benefits: { lines: lines(['专属客服', 'Dedicated service'], ['优先购买权', 'Priority purchase'], ['定制服务', 'Customised service']) },
    },
    {
      id: 'gold',
      label: loc('金卡会员', 'Gold Member'),
      color: '#FFD966',
      benefits: { lines: lines(['会员价', 'Member prices'], ['积分加倍', 'Double points'], ['会员活动', 'Member events']) },
    },
    {
      id: 'silver',
      label: loc('银卡会员', 'Silver Member'),
      color: '#D9D9D9',
      benefits: { lines: lines(['会员价', 'Member prices'], ['积分加倍', 'Double points'], ['会员活动', 'Member events']) },
    },
    {
      id: 'regular',
      label: loc('普通会员', 'Regular Member'),
      color: '#E2EFDA',
      benefits: { lines: lines(['基本服务', 'Basic service'], ['新品通知', 'New-product notices']) },
    },
  ],
  criteria: [criterion('annualSpend')],
  mode: {
    kind: 'rules',
    rules: [
      { tier: 'diamond', when: { metric: 'annualSpend', op: '>=', value: 20_000 } },
      { tier: 'gold', when: { metric: 'annualSpend', op: '>=', value: 10_000 } },
      { tier: 'silver', when: { metric: 'annualSpend', op: '>=', value: 5_000 } },
    ],
  },
  review: { period: 'year', churnDays: 365, downgrade: { policy: 'immediate' } },
};

const b2bValue: SchemeInput = {
  id: 'b2b-value',
  name: loc('企业客户价值分级', 'B2B customer value tiers'),
  description: loc(
    'VIP客户(战略客户)：年度消费 ≥ ¥1,000,000 且合作 ≥ 5 年；重要客户：≥ ¥500,000 且 ≥ 3 年；普通客户：≥ ¥100,000；其余为潜在客户。',
    'VIP (strategic): annual spend ≥ ¥1,000,000 and ≥ 5 years; Key: ≥ ¥500,000 and ≥ 3 years; Regular: ≥ ¥100,000; everyone else Potential.',
  ),
  valueMetric: 'annualSpend',
  tiers: [
    {
      id: 'vip',
      label: loc('VIP客户(战略客户)', 'VIP (strategic)'),
      color: '#F4B183',
      expectedShare: { min: 0.05, max: 0.1 },
      benefits: {
        lines: lines(
          ['定制化解决方案', 'Customised solutions'],
          ['重要活动邀请', 'Invitations to key events'],
          ['行业报告', 'Industry reports'],
        ),
        owner: loc('专属服务团队', 'Dedicated service team'),
        cadence: 'monthly',
      },
    },
    {
      id: 'key',
      label: loc('重要客户', 'Key'),
      color: '#FFD966',
      expectedShare: { min: 0.15, max: 0.2 },
      benefits: { lines: lines(['价格优惠', 'Price concessions']), owner: loc('客户经理对接', 'Account manager'), cadence: 'quarterly' },
    },
    {
      id: 'regular',
      label: loc('普通客户', 'Regular'),
      color: '#DDEBF7',
      expectedShare: { min: 0.4, max: 0.5 },
      benefits: {
        lines: lines(['常规服务', 'Standard service']),
        owner: loc('客户经理', 'Account managers'),
        channel: loc('电话和邮件', 'by phone and e-mail'),
        cadence: 'as-needed',
      },
    },
    {
      id: 'potential',
      label: loc('潜在客户', 'Potential'),
      color: '#E2EFDA',
      expectedShare: { min: 0.2, max: 0.3 },
      benefits: { lines: lines(['培育营销活动', 'Nurturing campaigns']), owner: loc('统一管理', 'Managed centrally'), cadence: 'as-needed' },
    },
  ],
  criteria: [criterion('annualSpend'), criterion('cooperationYears')],
  mode: {
    kind: 'rules',
    rules: [
      {
        tier: 'vip',
        when: { all: [{ metric: 'annualSpend', op: '>=', value: 1_000_000 }, { metric: 'cooperationYears', op: '>=', value: 5 }] },
      },
      {
        tier: 'key',
        when: { all: [{ metric: 'annualSpend', op: '>=', value: 500_000 }, { metric: 'cooperationYears', op: '>=', value: 3 }] },
      },
      { tier: 'regular', when: { metric: 'annualSpend', op: '>=', value: 100_000 } },
    ],
  },
  review: { period: 'year', churnDays: 365, downgrade: { policy: 'after-periods', periods: 2 } },
};

const crmActivity: SchemeInput = {
  id: 'crm-activity',
  name: loc('CRM 活跃度分级', 'CRM activity tiers'),
  description: loc(
    '钻石级：消费 > ¥5,000 且次数 > 10；黄金级：次数 > 10；白银级：平均订单 ≥ ¥500（无该列时按 消费 ÷ 次数 计算）；其余为普通级。',
    'Diamond: spend > ¥5,000 and orders > 10; Gold: orders > 10; Silver: average order ≥ ¥500 (spend ÷ orders when no column gives it); everyone else Regular.',
  ),
  valueMetric: 'annualSpend',
  tiers: [
    {
      id: 'diamond',
      label: loc('钻石级', 'Diamond'),
      color: '#B4A7D6',
      benefits: { lines: lines(['专属优惠活动', 'Exclusive offers'], ['个性化服务', 'Personalised service']) },
    },
    {
      id: 'gold',
      label: loc('黄金级', 'Gold'),
      color: '#FFD966',
      benefits: { lines: lines(['定期回访', 'Regular follow-ups'], ['专属折扣', 'Exclusive discounts']), cadence: 'quarterly' },
    },
    { id: 'silver', label: loc('白银级', 'Silver'), color: '#D9D9D9', benefits: { lines: lines(['会员积分计划', 'Loyalty points programme']) } },
    { id: 'regular', label: loc('普通级', 'Regular'), color: '#E2EFDA', benefits: { lines: lines(['营销活动', 'Marketing campaigns']) } },
  ],
  criteria: [criterion('annualSpend'), criterion('orderCount'), criterion('avgOrderValue')],
  mode: {
    kind: 'rules',
    rules: [
      {
        tier: 'diamond',
        when: { all: [{ metric: 'annualSpend', op: '>', value: 5_000 }, { metric: 'orderCount', op: '>', value: 10 }] },
      },
      { tier: 'gold', when: { metric: 'orderCount', op: '>', value: 10 } },
      { tier: 'silver', when: { metric: 'avgOrderValue', op: '>=', value: 500 } },
    ],
  },
  review: { period: 'quarter', churnDays: 365, downgrade: { policy: 'one-step' } },
};

const abcRevenue: SchemeInput = {
  id: 'abc-revenue',
  name: loc('ABC 分类（帕累托 80/95）', 'ABC classes (Pareto 80/95)'),
  description: loc(
    '按收入从高到低排序（同额按客户编号升序）：排在前面的客户累计收入占比低于 80% 时为 A 类，低于 95% 时为 B 类，其余为 C 类。',
    'Customers by revenue, highest first (ties by customer id): A while the revenue share of those ranked above is below 80%, B below 95%, else C.',
  ),
  valueMetric: 'annualSpend',
  tiers: [
    {
      id: 'A',
      label: loc('A类客户', 'Class A'),
      color: '#F4B183',
      benefits: { lines: lines(['重点维护', 'Key-account care']), owner: loc('客户经理', 'Account manager'), cadence: 'monthly' },
    },
    {
      id: 'B',
      label: loc('B类客户', 'Class B'),
      color: '#FFD966',
      benefits: { lines: lines(['定期维护', 'Regular care']), owner: loc('客户经理', 'Account manager'), cadence: 'quarterly' },
    },
    {
      id: 'C',
      label: loc('C类客户', 'Class C'),
      color: '#E2EFDA',
      benefits: { lines: lines(['标准化服务', 'Standard service']), owner: loc('统一管理', 'Managed centrally'), cadence: 'as-needed' },
    },
  ],
  criteria: [criterion('annualSpend')],
  mode: { kind: 'abc', metric: 'annualSpend', cuts: [0.8, 0.95] },
  review: { period: 'year', churnDays: 365, downgrade: { policy: 'immediate' } },
};

const rfm5: SchemeInput = {
  id: 'rfm-5',
  name: loc('RFM 五分位客户分群', 'RFM quintile segments'),
  description: loc(
    'R（距最近消费天数，越少越好）、F（消费次数）、M（消费金额）按 20/40/60/80 百分位（PERCENTILE.INC）切分，各打 1–5 分，再按分数范围归入客户群，先匹配者优先。',
    'R (days since last purchase, fewer is better), F (orders) and M (spend) are scored 1–5 at the 20/40/60/80th percentiles (PERCENTILE.INC); segments by score ranges, first match wins.',
  ),
  valueMetric: 'annualSpend',
  tiers: [
    {
      id: 'champions',
      label: loc('重要价值客户', 'Champions'),
      color: '#F4B183',
      benefits: { lines: lines(['专属礼遇', 'Exclusive rewards'], ['新品抢先体验', 'Early access']), owner: loc('专属客户经理', 'Dedicated account manager'), cadence: 'monthly' },
    },
    {
      id: 'loyal',
      label: loc('忠诚客户', 'Loyal'),
      color: '#FFD966',
      benefits: { lines: lines(['会员积分加倍', 'Double points'], ['交叉推荐', 'Cross-sell offers']), cadence: 'quarterly' },
    },
    { id: 'potential', label: loc('潜力客户', 'Potential loyalists'), color: '#C6E0B4', benefits: { lines: lines(['会员计划邀请', 'Membership invitation']) } },
    { id: 'new', label: loc('新客户', 'New'), color: '#DDEBF7', benefits: { lines: lines(['新客引导', 'Onboarding']), cadence: 'monthly' } },
    { id: 'needs-attention', label: loc('需要关注', 'Needs attention'), color: '#EDEDED', benefits: { lines: lines(['限时优惠', 'Limited-time offers']) } },
    { id: 'at-risk', label: loc('流失风险客户', 'At risk'), color: '#F8CBAD', benefits: { lines: lines(['挽回关怀', 'Win-back outreach']), cadence: 'monthly' } },
    { id: 'hibernating', label: loc('休眠客户', 'Hibernating'), color: '#D9D9D9', benefits: { lines: lines(['唤醒活动', 'Re-activation campaigns']) } },
  ],
  criteria: [criterion('recencyDays'), criterion('orderCount'), criterion('annualSpend')],
  mode: {
    kind: 'rfm',
    recency: 'recencyDays',
    frequency: 'orderCount',
    monetary: 'annualSpend',
    segments: [
      { tier: 'champions', r: [4, 5], f: [4, 5], m: [4, 5] },
      { tier: 'loyal', r: [3, 5], f: [4, 5] },
      { tier: 'potential', r: [4, 5], f: [2, 3] },
      { tier: 'new', r: [4, 5], f: [1, 1] },
      { tier: 'needs-attention', r: [3, 3], f: [1, 3] },
      { tier: 'at-risk', r: [1, 2], f: [3, 5] },
    ],
  },
  review: { period: 'quarter', churnDays: 365, downgrade: { policy: 'immediate' } },
};

const b2bWeighted: SchemeInput = {
  id: 'b2b-weighted',
  name: loc('企业客户综合评分', 'B2B weighted score'),
  description: loc(
    '价值贡献（年度消费，权重 50%）、合作稳定性（合作年限，25%）、增长潜力（0–10 分，25%；空白按 0 分）分段计分，加权总分（0–100）：VIP ≥ 80，重要 ≥ 60，普通 ≥ 35，其余潜在。',
    'Value contribution (annual spend, weight 50%), cooperation stability (years, 25%) and growth potential (0–10, 25%; blank counts as 0) earn band points; the weighted total (0–100): VIP ≥ 80, Key ≥ 60, Regular ≥ 35, else Potential.',
  ),
  valueMetric: 'annualSpend',
  tiers: b2bValue.tiers.map((t) => ({ ...t })),
  criteria: [
    criterion('annualSpend'),
    criterion('cooperationYears'),
    criterion('growthPotential', { missing: 'zero', min: 0, max: 10 }),
  ],
  mode: {
    kind: 'points',
    criteria: [
      {
        metric: 'annualSpend',
        weight: 0.5,
        bands: [
          { min: 1_000_000, points: 100 },
          { min: 500_000, points: 80 },
          { min: 200_000, points: 60 },
          { min: 100_000, points: 40 },
          { min: 50_000, points: 20 },
        ],
      },
      {
        metric: 'cooperationYears',
        weight: 0.25,
        bands: [
          { min: 8, points: 100 },
          { min: 5, points: 80 },
          { min: 3, points: 60 },
          { min: 1, points: 30 },
        ],
      },
      {
        metric: 'growthPotential',
        weight: 0.25,
        bands: [
          { min: 8, points: 100 },
          { min: 6, points: 70 },
          { min: 4, points: 40 },
          { min: 0, points: 10 },
        ],
      },
    ],
    tierBands: [
      { tier: 'vip', minScore: 80 },
      { tier: 'key', minScore: 60 },
      { tier: 'regular', minScore: 35 },
    ],
  },
  review: { period: 'half-year', churnDays: 365, downgrade: { policy: 'after-periods', periods: 2 } },
};

const PRESET_INPUTS: readonly SchemeInput[] = [salonSpend, b2bValue, crmActivity, abcRevenue, rfm5, b2bWeighted];

export const PRESET_IDS = PRESET_INPUTS.map((p) => p.id);

/** A validated copy of a preset (callers may change it freely), or undefined for an unknown id. */
export function getPreset(id: string): Scheme | undefined {
  const input = PRESET_INPUTS.find((p) => p.id === id);
  return input ? parseScheme(JSON.parse(JSON.stringify(input))) : undefined;
}

export function listPresets(): Scheme[] {
  return PRESET_INPUTS.map((p) => parseScheme(JSON.parse(JSON.stringify(p))));
}
