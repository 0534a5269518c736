// The handbook's column headers, shared by its sections (the criteria tables and the rest).
import { loc } from '../i18n.ts';

export const HEADER = {
  tier: loc('客户等级', 'Tier'),
  criteria: loc('划分标准', 'Criteria'),
  summaryCriteria: loc('划分指标', 'Criteria'),
  summaryBenefits: loc('对应权益', 'Benefits'),
  benefits: loc('权益内容', 'Benefits'),
  owner: loc('服务负责人', 'Service owner'),
  cadence: loc('联系频率', 'Contact cadence'),
  channel: loc('联系方式', 'Channel'),
  step: loc('环节', 'Step'),
  rule: loc('规则', 'Rule'),
  detail: loc('说明', 'Details'),
  metric: loc('评分指标', 'Metric'),
  gradingMetric: loc('评级指标', 'Metric'),
  weight: loc('权重', 'Weight'),
  band: loc('分段', 'Band'),
  points: loc('得分', 'Points'),
  dimension: loc('维度', 'Dimension'),
  meaning: loc('含义', 'Meaning'),
  unit: loc('单位', 'Unit'),
  direction: loc('方向', 'Direction'),
  blank: loc('空白值', 'Blank values'),
  range: loc('有效范围', 'Valid range'),
};

/** An empty cell. */
export const DASH = '—';
