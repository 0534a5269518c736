// The words of the rules sheet, in both languages. Reading accepts either language (and the raw ids),
// so a workbook keeps working after its language is switched.
import type { Lang, Localized } from '../i18n.ts';
import { headerKey } from '../output/columns.ts';
import type { Unit } from './metrics.ts';
import type { Cadence, Mode, Operator, ReviewPolicy } from './schema.ts';

type Vocab<K extends string> = Record<K, Localized>;

export const SHEET_NAME: Localized = { 'zh-CN': '等级规则', 'en-US': 'Tier Rules' };

export const SECTIONS = {
  settings: { 'zh-CN': '方案设置', 'en-US': 'Settings' },
  tiers: { 'zh-CN': '等级与权益', 'en-US': 'Tiers and benefits' },
  criteria: { 'zh-CN': '评级指标', 'en-US': 'Criteria' },
  rules: { 'zh-CN': '评级条件', 'en-US': 'Conditions' },
  bands: { 'zh-CN': '评分标准', 'en-US': 'Scoring bands' },
  tierScores: { 'zh-CN': '等级分数线', 'en-US': 'Tier score lines' },
  segments: { 'zh-CN': '客户群划分', 'en-US': 'Segments' },
} satisfies Record<string, Localized>;
export type SectionKey = keyof typeof SECTIONS;

export const SETTINGS = {
  id: { 'zh-CN': '方案标识', 'en-US': 'Scheme id' },
  nameZh: { 'zh-CN': '方案名称（中文）', 'en-US': 'Name (Chinese)' },
  nameEn: { 'zh-CN': '方案名称（英文）', 'en-US': 'Name (English)' },
  descriptionZh: { 'zh-CN': '说明（中文）', 'en-US': 'Description (Chinese)' },
  descriptionEn: { 'zh-CN': '说明（英文）', 'en-US': 'Description (English)' },
  mode: { 'zh-CN': '评级方式', 'en-US': 'Grading mode' },
  currency: { 'zh-CN': '货币符号', 'en-US': 'Currency symbol' },
  valueMetric: { 'zh-CN': '价值指标', 'en-US': 'Value metric' },
  period: { 'zh-CN': '评估周期', 'en-US': 'Review period' },
  churnDays: { 'zh-CN': '流失判定天数', 'en-US': 'Churn after days without purchase' },
  downgrade: { 'zh-CN': '降级规则', 'en-US': 'Downgrade policy' },
  downgradePeriods: { 'zh-CN': '连续未达标期数', 'en-US': 'Periods below before downgrade' },
  recency: { 'zh-CN': 'R 指标', 'en-US': 'R metric' },
  frequency: { 'zh-CN': 'F 指标', 'en-US': 'F metric' },
  monetary: { 'zh-CN': 'M 指标', 'en-US': 'M metric' },
  abcMetric: { 'zh-CN': 'ABC 指标', 'en-US': 'ABC metric' },
  abcCuts: { 'zh-CN': 'ABC 切分点', 'en-US': 'ABC cut points' },
} satisfies Record<string, Localized>;
export type SettingKey = keyof typeof SETTINGS;

export const SETTINGS_HEADER = { item: { 'zh-CN': '项目', 'en-US': 'Item' }, value: { 'zh-CN': '值', 'en-US': 'Value' } };

export const TIER_COLUMNS = {
  order: { 'zh-CN': '顺序', 'en-US': 'Order' },
  id: { 'zh-CN': '等级标识', 'en-US': 'Tier id' },
  labelZh: { 'zh-CN': '名称（中文）', 'en-US': 'Name (Chinese)' },
  labelEn: { 'zh-CN': '名称（英文）', 'en-US': 'Name (English)' },
  color: { 'zh-CN': '颜色', 'en-US': 'Colour' },
  shareMin: { 'zh-CN': '预期占比下限', 'en-US': 'Expected share min' },
  shareMax: { 'zh-CN': '预期占比上限', 'en-US': 'Expected share max' },
  benefitsZh: { 'zh-CN': '权益（中文）', 'en-US': 'Benefits (Chinese)' },
  benefitsEn: { 'zh-CN': '权益（英文）', 'en-US': 'Benefits (English)' },
  ownerZh: { 'zh-CN': '服务负责人（中文）', 'en-US': 'Service owner (Chinese)' },
  ownerEn: { 'zh-CN': '服务负责人（英文）', 'en-US': 'Service owner (English)' },
  cadence: { 'zh-CN': '联系频率', 'en-US': 'Contact cadence' },
  channelZh: { 'zh-CN': '联系方式（中文）', 'en-US': 'Channel (Chinese)' },
  channelEn: { 'zh-CN': '联系方式（英文）', 'en-US': 'Channel (English)' },
  // Costs (服务成本): optional — a sheet without these columns keeps the defaults.
  perContact: { 'zh-CN': '每次联系成本', 'en-US': 'Cost per contact' },
  discount: { 'zh-CN': '折扣比例', 'en-US': 'Discount' },
  perCustomer: { 'zh-CN': '每客户年度权益成本', 'en-US': 'Benefit cost per customer per year' },
} satisfies Record<string, Localized>;

export const CRITERION_COLUMNS = {
  metric: { 'zh-CN': '指标标识', 'en-US': 'Metric id' },
  labelZh: { 'zh-CN': '名称（中文）', 'en-US': 'Name (Chinese)' },
  labelEn: { 'zh-CN': '名称（英文）', 'en-US': 'Name (English)' },
  unit: { 'zh-CN': '单位', 'en-US': 'Unit' },
  direction: { 'zh-CN': '方向', 'en-US': 'Direction' },
  missing: { 'zh-CN': '空值处理', 'en-US': 'Blank values' },
  column: { 'zh-CN': '对应列', 'en-US': 'Column' },
  min: { 'zh-CN': '最小值', 'en-US': 'Min' },
  max: { 'zh-CN': '最大值', 'en-US': 'Max' },
} satisfies Record<string, Localized>;

export const RULE_COLUMNS = {
  tier: { 'zh-CN': '等级标识', 'en-US': 'Tier id' },
  group: { 'zh-CN': '条件组', 'en-US': 'Group' },
  metric: { 'zh-CN': '指标', 'en-US': 'Metric' },
  op: { 'zh-CN': '运算符', 'en-US': 'Operator' },
  value: { 'zh-CN': '阈值', 'en-US': 'Threshold' },
  max: { 'zh-CN': '上限（介于时）', 'en-US': 'Upper (between)' },
} satisfies Record<string, Localized>;

export const BAND_COLUMNS = {
  metric: { 'zh-CN': '指标', 'en-US': 'Metric' },
  weight: { 'zh-CN': '权重', 'en-US': 'Weight' },
  min: { 'zh-CN': '下限（含）', 'en-US': 'From (incl.)' },
  max: { 'zh-CN': '上限（不含）', 'en-US': 'To (excl.)' },
  points: { 'zh-CN': '得分', 'en-US': 'Points' },
} satisfies Record<string, Localized>;

export const TIER_SCORE_COLUMNS = {
  tier: { 'zh-CN': '等级标识', 'en-US': 'Tier id' },
  minScore: { 'zh-CN': '最低分', 'en-US': 'Minimum score' },
} satisfies Record<string, Localized>;

export const SEGMENT_COLUMNS = {
  tier: { 'zh-CN': '等级标识', 'en-US': 'Tier id' },
  rMin: { 'zh-CN': 'R 最低', 'en-US': 'R min' },
  rMax: { 'zh-CN': 'R 最高', 'en-US': 'R max' },
  fMin: { 'zh-CN': 'F 最低', 'en-US': 'F min' },
  fMax: { 'zh-CN': 'F 最高', 'en-US': 'F max' },
  mMin: { 'zh-CN': 'M 最低', 'en-US': 'M min' },
  mMax: { 'zh-CN': 'M 最高', 'en-US': 'M max' },
} satisfies Record<string, Localized>;

export const MODE_WORDS: Vocab<Mode['kind']> = {
  rules: { 'zh-CN': '条件规则', 'en-US': 'rules' },
  points: { 'zh-CN': '加权评分', 'en-US': 'points' },
  rfm: { 'zh-CN': 'RFM 五分位', 'en-US': 'rfm' },
  abc: { 'zh-CN': 'ABC 帕累托', 'en-US': 'abc' },
};
export const PERIOD_WORDS: Vocab<ReviewPolicy['period']> = {
  quarter: { 'zh-CN': '季度', 'en-US': 'quarter' },
  'half-year': { 'zh-CN': '半年', 'en-US': 'half-year' },
  year: { 'zh-CN': '年', 'en-US': 'year' },
};
export const DOWNGRADE_WORDS: Vocab<ReviewPolicy['downgrade']['policy']> = {
  immediate: { 'zh-CN': '立即降级', 'en-US': 'immediate' },
  'one-step': { 'zh-CN': '每期最多降一级', 'en-US': 'one-step' },
  'after-periods': { 'zh-CN': '连续未达标后降级', 'en-US': 'after-periods' },
};
export const UNIT_WORDS: Vocab<Unit> = {
  currency: { 'zh-CN': '金额', 'en-US': 'currency' },
  count: { 'zh-CN': '次数', 'en-US': 'count' },
  days: { 'zh-CN': '天数', 'en-US': 'days' },
  years: { 'zh-CN': '年数', 'en-US': 'years' },
  percent: { 'zh-CN': '百分比', 'en-US': 'percent' },
  score: { 'zh-CN': '分值', 'en-US': 'score' },
  number: { 'zh-CN': '数值', 'en-US': 'number' },
};
export const DIRECTION_WORDS: Vocab<'higher' | 'lower'> = {
  higher: { 'zh-CN': '越高越好', 'en-US': 'higher' },
  lower: { 'zh-CN': '越低越好', 'en-US': 'lower' },
};
export const MISSING_WORDS: Vocab<'zero' | 'unrated'> = {
  zero: { 'zh-CN': '按 0 计', 'en-US': 'zero' },
  unrated: { 'zh-CN': '不评级', 'en-US': 'unrated' },
};
export const CADENCE_WORDS: Vocab<Cadence> = {
  weekly: { 'zh-CN': '每周', 'en-US': 'weekly' },
  monthly: { 'zh-CN': '每月', 'en-US': 'monthly' },
  quarterly: { 'zh-CN': '每季度', 'en-US': 'quarterly' },
  'half-yearly': { 'zh-CN': '每半年', 'en-US': 'half-yearly' },
  yearly: { 'zh-CN': '每年', 'en-US': 'yearly' },
  'as-needed': { 'zh-CN': '按需', 'en-US': 'as-needed' },
};
export const OPERATOR_WORDS: Vocab<Operator> = {
  '>=': { 'zh-CN': '≥', 'en-US': '≥' },
  '>': { 'zh-CN': '>', 'en-US': '>' },
  '<=': { 'zh-CN': '≤', 'en-US': '≤' },
  '<': { 'zh-CN': '<', 'en-US': '<' },
  '=': { 'zh-CN': '=', 'en-US': '=' },
  between: { 'zh-CN': '介于', 'en-US': 'between' },
};
/** Other spellings users type for operators. */
const OPERATOR_ALIASES: Record<string, Operator> = { '>=': '>=', '=>': '>=', '<=': '<=', '=<': '<=', '==': '=', '大于等于': '>=', '不低于': '>=', '大于': '>', '小于等于': '<=', '不高于': '<=', '小于': '<', '等于': '=', '在…之间': 'between', '之间': 'between' };

/** Read a word in either language (or the raw id) back to its key. */
export function fromWord<K extends string>(vocab: Vocab<K>, text: unknown): K | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  for (const k of Object.keys(vocab) as K[]) {
    if (headerKey(k) === key || headerKey(vocab[k]['zh-CN']) === key || headerKey(vocab[k]['en-US']) === key) return k;
  }
  return undefined;
}

export function operatorFromWord(text: unknown): Operator | undefined {
  return fromWord(OPERATOR_WORDS, text) ?? OPERATOR_ALIASES[headerKey(text)];
}

export function word<K extends string>(vocab: Vocab<K>, key: K, lang: Lang): string {
  return vocab[key][lang];
}
