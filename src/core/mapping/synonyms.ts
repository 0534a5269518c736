// The header vocabulary: what account managers actually call each column, in Chinese and English.
//
// Every synonym has a weight: 3 = the canonical name (or the scheme's own label), 2 = a common name,
// 1 = a generic word ("金额", "ID", "名称") that only counts when it is the whole header. Weights 2 and 3
// also match a longer header that contains them ("2025年度消费金额", "Total revenue"), unless the header
// adds a qualifier the synonym lacks ("销售额增长率", "目标销售额", "Revenue growth"): those are other
// quantities, not the one named.
import { loc, type Localized } from '../i18n.ts';
import { BUILTIN_METRICS, isBuiltinMetric, type BuiltinMetricId } from '../scheme/metrics.ts';
import type { Scheme } from '../scheme/schema.ts';
import { modeMetrics } from '../scheme/validate.ts';
import { containsWords, foldHeader, hasNonAscii, type FoldedHeader } from './fold.ts';
import { isUnitText, type FieldKind } from './units.ts';

/** Input fields that are not metrics. */
export const CORE_FIELDS = ['id', 'name', 'lastPurchase', 'override', 'overrideReason'] as const;
export type CoreField = (typeof CORE_FIELDS)[number];

export type Weight = 1 | 2 | 3;

interface Vocabulary {
  /** Weight 3: the canonical names. */
  strong: readonly string[];
  /** Weight 2: common names. */
  common?: readonly string[];
  /** Weight 1: generic words, whole-header matches only. */
  exact?: readonly string[];
  /** Names that imply a unit of their own: ["合作月数", "月"]. Weight 2. */
  implied?: readonly (readonly [string, string])[];
}

const CORE_LABELS: Record<CoreField, Localized> = {
  id: loc('客户编号', 'Customer ID'),
  name: loc('客户名称', 'Customer name'),
  lastPurchase: loc('最近消费日期', 'Last purchase date'),
  override: loc('手动等级', 'Manual tier'),
  overrideReason: loc('调整原因', 'Override reason'),
};

const VOCABULARY: Record<CoreField | BuiltinMetricId, Vocabulary> = {
  id: {
    strong: ['客户编号', '客户ID', '客户代码', '客户号', '客户编码', 'Customer ID', 'Client ID', 'Customer No', 'Customer number', 'Customer code'],
    common: ['客户代号', '会员编号', '会员号', '会员卡号', '账户编号', 'Member ID', 'Account ID', 'Account number', 'Cust ID'],
    // 序号 / No. are row numbers, not customer ids: deliberately absent.
    exact: ['编号', 'ID', '代码', '编码'],
  },
  name: {
    strong: ['客户名称', '客户姓名', '公司名称', '客户全称', '企业名称', 'Customer name', 'Client name', 'Company name'],
    common: ['会员姓名', '会员名称', '客户简称', '单位名称', 'Account name'],
    // 单位 alone means "unit" as often as "organisation": deliberately absent.
    exact: ['客户', '名称', '姓名', '公司', 'Name', 'Customer', 'Company', 'Client'],
  },
  annualSpend: {
    strong: [
      '年度消费金额', '年消费额', '年度消费额', '年消费金额', '年度销售额', '年销售额', '年度采购额', '年度采购金额',
      '年度交易额', '年度交易金额', 'Annual spend', 'Annual revenue', 'Annual sales', 'Yearly spend',
    ],
    common: [
      '消费金额', '消费额', '销售额', '销售金额', '收入贡献', '交易金额', '交易额', '采购金额', '采购额', '营业额',
      'Revenue', 'Sales', 'Spend', 'Monetary', 'Sales amount', 'Total spend',
    ],
    // Cumulative (lifetime) spend only stands in for annual spend when nothing better is there.
    exact: ['累计消费', '累计消费金额', '金额', 'Amount'],
  },
  orderCount: {
    strong: ['消费次数', '消费频次', '购买次数', '订单数', '订单数量', '交易次数', 'Orders', 'Order count', 'Number of orders'],
    common: [
      '下单次数', '订单量', '成交次数', '采购次数', '交易笔数', '订单笔数', '购买频次', '消费频率', '购买频率',
      'Frequency', 'Purchases', 'Transactions', 'Order frequency', 'No of orders',
    ],
    exact: ['次数', '频次'],
  },
  avgOrderValue: {
    strong: ['平均订单金额', '客单价', '平均客单价', 'Average order value', 'AOV'],
    common: ['平均消费金额', '平均每单金额', '单均金额', '笔均金额', '平均交易金额', 'Avg order value', 'Average spend per order'],
  },
  recencyDays: {
    strong: ['距最近消费天数', '最近消费天数', '未消费天数', '距上次消费天数', 'Days since last purchase', 'Recency'],
    common: ['距今天数', '未购买天数', '未下单天数', '距最近购买天数', '最近购买天数', '沉睡天数', 'Days since last order', 'Recency days'],
  },
  cooperationYears: {
    strong: ['合作年限', '合作年数', 'Cooperation years', 'Years of cooperation'],
    common: ['合作时间', '合作时长', '合作期限', '往来年限', '客户年限', 'Tenure', 'Customer tenure', 'Relationship years', 'Years as customer'],
    exact: ['年限', 'Years'],
    implied: [
      ['合作月数', '月'],
      ['合作天数', '天'],
      ['Months as customer', 'months'],
    ],
  },
  profitMargin: {
    strong: ['利润率', '毛利率', 'Profit margin', 'Gross margin'],
    common: ['净利率', '净利润率', 'Margin'],
  },
  clv: {
    strong: ['客户终身价值', '生命周期价值', '客户生命周期价值', 'CLV', 'LTV', 'Customer lifetime value', 'Lifetime value'],
    common: ['终身价值', 'CLTV'],
  },
  satisfaction: {
    strong: ['满意度', '满意度评分', '满意度得分', '客户满意度', 'Satisfaction', 'CSAT'],
    common: ['满意度分数', 'Satisfaction score', 'Customer satisfaction', 'CSAT score'],
  },
  nps: {
    strong: ['NPS', '净推荐值'],
    common: ['推荐值', 'NPS得分', 'NPS score', 'Net promoter score'],
  },
  influence: {
    strong: ['影响力', '行业影响力', 'Influence'],
    common: ['品牌影响力', 'Industry influence', 'Influence score'],
  },
  growthPotential: {
    strong: ['增长潜力', '成长潜力', '发展潜力', 'Growth potential'],
    common: ['潜力评分'],
    exact: ['潜力', 'Potential'],
  },
  strategicImportance: {
    strong: ['战略重要性', '战略价值', 'Strategic importance'],
    common: ['战略地位', '战略意义', 'Strategic value'],
    exact: ['重要性'],
  },
  lastPurchase: {
    strong: ['最近消费日期', '最后购买日期', '最近购买日期', '最后下单日期', '最近交易日期', 'Last order date', 'Last purchase', 'Last purchase date'],
    common: [
      '最后消费日期', '最近下单日期', '最后交易日期', '上次消费日期', '上次购买日期', '最近消费时间', '最后消费时间',
      '最近购买时间', '最近一次消费', '最近一次购买', 'Last order', 'Last transaction date', 'Most recent purchase',
    ],
  },
  override: {
    strong: ['手动等级', '指定等级', '人工等级', '等级调整', 'Manual tier', 'Override', 'Tier override'],
    common: ['手工等级', '调整等级', '特批等级', '人工指定等级', 'Manual grade', 'Assigned tier'],
  },
  overrideReason: {
    strong: ['调整原因', '指定原因', '备注原因', 'Override reason'],
    common: ['调整理由', '等级调整原因', '指定理由', '手动等级原因', 'Reason for override'],
  },
};

/**
 * Words that make a header a different quantity from the synonym inside it: a rate, a share, a rank, a
 * target, a change, an average, another period. A contains-match needs the synonym to include them too.
 */
const QUALIFIERS_ZH = [
  '率', '占比', '比例', '比重', '排名', '名次', '排序', '目标', '预算', '预测', '预计', '计划', '增长', '增幅', '同比',
  '环比', '变化', '变动', '差额', '差异', '平均', '均值', '人均', '上年', '去年', '上一年', '前年', '上期', '上季', '上月',
  '负责人', '经理', '专员', '代表', '退货', '退款', '取消',
];
const QUALIFIERS_EN = [
  'rate', 'ratio', 'share', 'rank', 'ranking', 'target', 'budget', 'forecast', 'plan', 'planned', 'growth', 'change',
  'delta', 'diff', 'avg', 'average', 'mean', 'pct', 'percent', 'previous', 'prior', 'last year', 'ly', 'yoy', 'mom',
  // people and places, not quantities: "Sales rep", "Sales region"
  'rep', 'representative', 'manager', 'owner', 'person', 'region', 'channel', 'team', 'return', 'returns', 'refund',
  'refunds', 'cancelled', 'canceled',
];
/** A date field's header that names an amount or a count is not the date ("Last purchase amount"), and back. */
const NOT_A_DATE = ['金额', '额', '次数', '天数', '数量', 'amount', 'value', 'spend', 'revenue', 'count', 'days', 'number'];
const NOT_A_NUMBER = ['日期', '时间', 'date', 'time'];

export interface Synonym {
  field: string;
  /** As written in the catalogue or the scheme, for explanations. */
  text: string;
  key: string;
  words: string;
  weight: Weight;
  /** Whole-header matches only. */
  exactOnly: boolean;
  /** A unit the name itself implies ("合作月数" → 月). */
  impliedUnit?: string;
}

export interface FieldDef {
  field: string;
  label: Localized;
  kind: FieldKind;
  /** Breaks ties between fields wanting the same header: 3 needed by the mode, 2 used by the scheme, 1 other. */
  priority: number;
  synonyms: Synonym[];
}

/** Fold a header, splitting units off. */
export function fold(text: string): FoldedHeader {
  return foldHeader(text, isUnitText);
}

function synonym(field: string, text: string, weight: Weight, exactOnly: boolean, impliedUnit?: string): Synonym | null {
  const f = fold(text);
  if (!f.key) return null;
  return { field, text, key: f.key, words: f.words, weight, exactOnly, ...(impliedUnit ? { impliedUnit } : {}) };
}

function vocabularySynonyms(field: string, v: Vocabulary): Synonym[] {
  const out: (Synonym | null)[] = [
    ...v.strong.map((t) => synonym(field, t, 3, false)),
    ...(v.common ?? []).map((t) => synonym(field, t, 2, false)),
    ...(v.exact ?? []).map((t) => synonym(field, t, 1, true)),
    ...(v.implied ?? []).map(([t, u]) => synonym(field, t, 2, false, u)),
  ];
  return out.filter((s): s is Synonym => s !== null);
}

/**
 * Every field a header can be mapped to: the core fields, every built-in metric, and the scheme's own
 * metrics. A criterion's label (both languages) is a weight-3 synonym of its metric; a user-defined
 * metric's id is a whole-header synonym too.
 */
export function fieldDefs(scheme?: Scheme): FieldDef[] {
  const needed = new Set(scheme ? modeMetrics(scheme) : []);
  const used = new Set<string>([...(scheme?.criteria.map((c) => c.metric) ?? []), ...(scheme?.valueMetric ? [scheme.valueMetric] : [])]);
  const defs = new Map<string, FieldDef>();
  for (const field of CORE_FIELDS) {
    defs.set(field, {
      field,
      label: CORE_LABELS[field],
      kind: field === 'lastPurchase' ? 'date' : 'text',
      priority: 2,
      synonyms: vocabularySynonyms(field, VOCABULARY[field]),
    });
  }
  for (const metric of Object.keys(BUILTIN_METRICS) as BuiltinMetricId[]) {
    const info = BUILTIN_METRICS[metric];
    defs.set(metric, {
      field: metric,
      label: info.label,
      kind: info.unit,
      priority: needed.has(metric) ? 3 : used.has(metric) ? 2 : 1,
      synonyms: vocabularySynonyms(metric, VOCABULARY[metric]),
    });
  }
  for (const c of scheme?.criteria ?? []) {
    let def = defs.get(c.metric);
    if (!def) {
      def = { field: c.metric, label: c.label, kind: c.unit, priority: needed.has(c.metric) ? 3 : 2, synonyms: [] };
      defs.set(c.metric, def);
      const own = synonym(c.metric, c.metric, 2, true);
      if (own) def.synonyms.push(own);
    } else {
      def.label = c.label;
      def.kind = c.unit;
    }
    for (const text of [c.label['zh-CN'], c.label['en-US']]) {
      const s = synonym(c.metric, text, 3, false);
      if (s && !def.synonyms.some((x) => x.key === s.key && x.weight === 3)) def.synonyms.push(s);
    }
  }
  return [...defs.values()];
}

export interface SynonymMatch {
  synonym: Synonym;
  /** 2 = the whole header (without its unit) is the synonym; 1 = the header contains it. */
  tier: 1 | 2;
}

/** Whether the header has a word the synonym lacks (CJK by substring, English by whole word). */
function adds(header: FoldedHeader, syn: Synonym, word: string): boolean {
  return hasNonAscii(word)
    ? header.key.includes(word) && !syn.key.includes(word)
    : containsWords(header.words, word) && !containsWords(syn.words, word);
}

function qualified(header: FoldedHeader, syn: Synonym, kind: FieldKind): boolean {
  const words = kind === 'date' ? NOT_A_DATE : kind === 'text' ? [] : NOT_A_NUMBER;
  return [...QUALIFIERS_ZH, ...QUALIFIERS_EN, ...words].some((w) => adds(header, syn, w));
}

/** How a folded header matches one synonym of a field of the given kind, if at all. */
export function matchSynonym(header: FoldedHeader, syn: Synonym, kind: FieldKind): SynonymMatch | null {
  if (!header.key) return null;
  if (header.key === syn.key) return { synonym: syn, tier: 2 };
  if (syn.exactOnly || header.key.length <= syn.key.length) return null;
  const inside = hasNonAscii(syn.key) ? header.key.includes(syn.key) : containsWords(header.words, syn.words);
  if (!inside || qualified(header, syn, kind)) return null;
  return { synonym: syn, tier: 1 };
}

/** A field's best match for a header: whole-header first, then weight, then the longest synonym. */
export function bestMatch(header: FoldedHeader, def: FieldDef): SynonymMatch | null {
  let best: SynonymMatch | null = null;
  for (const syn of def.synonyms) {
    const m = matchSynonym(header, syn, def.kind);
    if (!m) continue;
    if (
      !best ||
      m.tier > best.tier ||
      (m.tier === best.tier && (syn.weight > best.synonym.weight || (syn.weight === best.synonym.weight && syn.key.length > best.synonym.key.length)))
    )
      best = m;
  }
  return best;
}

/** Whether a field is a built-in metric or a core field (for callers that list the vocabulary). */
export function isKnownField(field: string): boolean {
  return isBuiltinMetric(field) || (CORE_FIELDS as readonly string[]).includes(field);
}
