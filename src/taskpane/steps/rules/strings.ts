// The rules editor's own words (merged into the pane's string table). Data from the scheme (tier names,
// metric labels, benefit lines) and validation messages come from the core in both languages already.
export const RULES_STRINGS = {
  rulesCopyJson: { 'zh-CN': '复制 JSON', 'en-US': 'Copy JSON' },
  rulesCopiedJson: { 'zh-CN': '方案 JSON 已复制到剪贴板', 'en-US': 'Scheme JSON copied to the clipboard' },
  rulesTitle: { 'zh-CN': '评级规则', 'en-US': 'Tier rules' },

  // ---- choosing, loading, saving, files ----
  rulesPreset: { 'zh-CN': '预设方案', 'en-US': 'Preset' },
  rulesPresetHint: {
    'zh-CN': '选择后会替换当前正在编辑的规则（可撤销）',
    'en-US': 'Choosing one replaces the rules being edited (you can undo)',
  },
  rulesActions: { 'zh-CN': '规则操作', 'en-US': 'Rule actions' },
  rulesLoad: { 'zh-CN': '从规则表读取', 'en-US': 'Load from rules sheet' },
  rulesSave: { 'zh-CN': '保存到规则表', 'en-US': 'Save to rules sheet' },
  rulesImport: { 'zh-CN': '导入 JSON', 'en-US': 'Import JSON' },
  rulesExport: { 'zh-CN': '导出 JSON', 'en-US': 'Export JSON' },
  rulesImportInput: { 'zh-CN': '选择方案 JSON 文件', 'en-US': 'Choose a scheme JSON file' },
  rulesPresetApplied: { 'zh-CN': '已切换为「{name}」', 'en-US': 'Switched to “{name}”' },
  rulesLoaded: { 'zh-CN': '已从「{sheet}」工作表读取规则', 'en-US': 'Rules loaded from the “{sheet}” sheet' },
  rulesNoSheet: {
    'zh-CN': '这个工作簿还没有规则表；点“保存到规则表”即可创建',
    'en-US': 'This workbook has no rules sheet yet; “Save to rules sheet” creates one',
  },
  rulesLoadFailed: { 'zh-CN': '「{sheet}」工作表中的规则无法读取', 'en-US': 'The rules on the “{sheet}” sheet can’t be read' },
  rulesLoadError: { 'zh-CN': '无法读取规则表', 'en-US': 'Couldn’t read the rules sheet' },
  rulesSaved: { 'zh-CN': '已保存到「{sheet}」工作表', 'en-US': 'Saved to the “{sheet}” sheet' },
  rulesSaveFailed: { 'zh-CN': '保存失败', 'en-US': 'Couldn’t save' },
  rulesImported: { 'zh-CN': '已导入「{name}」', 'en-US': 'Imported “{name}”' },
  rulesImportFailed: { 'zh-CN': '无法导入「{file}」', 'en-US': 'Couldn’t import “{file}”' },
  rulesExported: { 'zh-CN': '已导出 {file}', 'en-US': 'Exported {file}' },
  rulesUndo: { 'zh-CN': '撤销', 'en-US': 'Undo' },
  rulesDismiss: { 'zh-CN': '关闭', 'en-US': 'Dismiss' },
  rulesBusy: { 'zh-CN': '正在处理…', 'en-US': 'Working…' },

  // ---- problems ----
  rulesProblemsTitle: {
    'zh-CN': '还有 {n} 处问题，修正后才能保存或导出',
    'en-US': 'Problems to fix before saving or exporting: {n}',
  },
  rulesSectionProblems: { 'zh-CN': '{n} 处问题', 'en-US': '{n} problems' },
  rulesShow: { 'zh-CN': '定位', 'en-US': 'Show' },
  rulesShowAria: { 'zh-CN': '定位到：{where}', 'en-US': 'Show: {where}' },
  rulesWhereScheme: { 'zh-CN': '方案', 'en-US': 'Scheme' },

  // ---- sections ----
  rulesSectionTiers: { 'zh-CN': '等级', 'en-US': 'Tiers' },
  rulesSectionCriteria: { 'zh-CN': '评级指标', 'en-US': 'Criteria' },
  rulesSectionThresholds: { 'zh-CN': '门槛', 'en-US': 'Thresholds' },
  rulesSectionBenefits: { 'zh-CN': '权益与服务', 'en-US': 'Benefits and service' },
  rulesSectionReview: { 'zh-CN': '复评与降级', 'en-US': 'Review and downgrades' },
  rulesBilingualHint: {
    'zh-CN': '这里编辑的是中文内容，英文内容保持不变（英文为空时会先复制中文）',
    'en-US': 'You are editing the English text; the Chinese text is kept (when it is blank, the English is copied)',
  },

  // ---- tiers ----
  rulesTierName: { 'zh-CN': '等级名称', 'en-US': 'Tier name' },
  rulesTierColor: { 'zh-CN': '颜色', 'en-US': 'Colour' },
  rulesTierColorAria: { 'zh-CN': '{tier} 的颜色', 'en-US': 'Colour of {tier}' },
  rulesShareMin: { 'zh-CN': '预期占比下限', 'en-US': 'Min share' },
  rulesShareMax: { 'zh-CN': '预期占比上限', 'en-US': 'Max share' },
  rulesShareHint: {
    'zh-CN': '该等级客户数占全部客户的比例，用于检查分级结果是否合理；都留空表示不检查',
    'en-US': 'The share of all customers expected in this tier, to check the tier mix; leave both blank to skip',
  },

  // ---- criteria ----
  rulesCritName: { 'zh-CN': '指标名称', 'en-US': 'Name' },
  rulesCritUnit: { 'zh-CN': '单位：{unit}', 'en-US': 'Unit: {unit}' },
  rulesCritMissing: { 'zh-CN': '空白单元格', 'en-US': 'Blank cells' },
  rulesMissingZero: { 'zh-CN': '按 0 计算', 'en-US': 'Count as 0' },
  rulesMissingUnrated: { 'zh-CN': '暂不评级（记为数据问题）', 'en-US': 'Leave unrated (data issue)' },
  rulesCritMin: { 'zh-CN': '有效值下限', 'en-US': 'Valid from' },
  rulesCritMax: { 'zh-CN': '有效值上限', 'en-US': 'Valid up to' },
  rulesCritRangeHint: {
    'zh-CN': '超出范围的值会记为数据问题；留空表示不限',
    'en-US': 'Values outside the range are flagged as data issues; leave blank for no limit',
  },
  rulesUnit_currency: { 'zh-CN': '金额', 'en-US': 'Amount' },
  rulesUnit_count: { 'zh-CN': '次数', 'en-US': 'Count' },
  rulesUnit_days: { 'zh-CN': '天数', 'en-US': 'Days' },
  rulesUnit_years: { 'zh-CN': '年数', 'en-US': 'Years' },
  rulesUnit_percent: { 'zh-CN': '百分比', 'en-US': 'Percent' },
  rulesUnit_score: { 'zh-CN': '分值', 'en-US': 'Score' },
  rulesUnit_number: { 'zh-CN': '数值', 'en-US': 'Number' },
  rulesSuffix_count: { 'zh-CN': '次', 'en-US': 'times' },
  rulesSuffix_days: { 'zh-CN': '天', 'en-US': 'days' },
  rulesSuffix_years: { 'zh-CN': '年', 'en-US': 'yrs' },
  rulesSuffix_score: { 'zh-CN': '分', 'en-US': 'pts' },

  // ---- grading method ----
  rulesModeLabel: { 'zh-CN': '评级方式：{mode}', 'en-US': 'Grading method: {mode}' },
  rulesMode_rules: { 'zh-CN': '按条件规则', 'en-US': 'rules' },
  rulesMode_points: { 'zh-CN': '加权打分', 'en-US': 'weighted points' },
  rulesMode_rfm: { 'zh-CN': 'RFM 分群', 'en-US': 'RFM segments' },
  rulesMode_abc: { 'zh-CN': 'ABC 分类', 'en-US': 'ABC classes' },
  rulesFallback: { 'zh-CN': '其余客户归为「{tier}」', 'en-US': 'Everyone else is “{tier}”' },

  // rules mode
  rulesRulesHint: { 'zh-CN': '从高到低逐级判断，先满足者优先', 'en-US': 'Checked from the top tier down; the first match wins' },
  rulesAll: { 'zh-CN': '全部满足', 'en-US': 'Meets all of' },
  rulesAny: { 'zh-CN': '满足任一', 'en-US': 'Meets any of' },
  rulesOpAria: { 'zh-CN': '{tier}：{metric} 的比较方式', 'en-US': '{tier}: {metric} comparison' },
  rulesValueAria: { 'zh-CN': '{tier}：{metric} 门槛', 'en-US': '{tier}: {metric} threshold' },
  rulesMaxAria: { 'zh-CN': '{tier}：{metric} 上限', 'en-US': '{tier}: {metric} upper limit' },
  rulesBetweenTo: { 'zh-CN': '至', 'en-US': 'to' },
  rulesOp_ge: { 'zh-CN': '≥ 不低于', 'en-US': '≥ at least' },
  rulesOp_gt: { 'zh-CN': '> 高于', 'en-US': '> more than' },
  rulesOp_le: { 'zh-CN': '≤ 不高于', 'en-US': '≤ at most' },
  rulesOp_lt: { 'zh-CN': '< 低于', 'en-US': '< less than' },
  rulesOp_eq: { 'zh-CN': '= 等于', 'en-US': '= equal to' },
  rulesOp_between: { 'zh-CN': '介于', 'en-US': 'between' },
  rulesBetweenHint: { 'zh-CN': '含两端：下限 ≤ 数值 ≤ 上限', 'en-US': 'Inclusive: from ≤ value ≤ to' },

  // points mode
  rulesWeight: { 'zh-CN': '权重', 'en-US': 'Weight' },
  rulesWeightAria: { 'zh-CN': '{metric} 权重', 'en-US': '{metric} weight' },
  rulesWeightTotal: {
    'zh-CN': '权重合计 {total}；总分按合计折算为 0–100 分',
    'en-US': 'Weights total {total}; the score is scaled to 0–100 by the total',
  },
  rulesBandsCaption: { 'zh-CN': '{metric}：分段计分', 'en-US': '{metric}: points by band' },
  rulesBandMin: { 'zh-CN': '下限（含）', 'en-US': 'From (incl.)' },
  rulesBandMax: { 'zh-CN': '上限（不含）', 'en-US': 'Below' },
  rulesBandPoints: { 'zh-CN': '得分', 'en-US': 'Points' },
  rulesBandAria: { 'zh-CN': '{metric} 第 {n} 段 {col}', 'en-US': '{metric} band {n}, {col}' },
  rulesBandsHint: {
    'zh-CN': '取值落在第一个符合的分段即得该段分数；上下限留空表示不限',
    'en-US': 'A value earns the points of the first band it falls in; leave a bound blank for no limit',
  },
  rulesMinScores: { 'zh-CN': '各等级最低总分（从高到低递减）', 'en-US': 'Minimum total score per tier (decreasing)' },
  rulesMinScore: { 'zh-CN': '{tier} 最低总分', 'en-US': '{tier} minimum score' },

  // rfm mode
  rulesRfmHint: {
    'zh-CN': 'R、F、M 按五分位各打 1–5 分（5 分最好）；从上到下先匹配者优先；“不限”表示不看这一项',
    'en-US': 'R, F and M are each scored 1–5 by quintile (5 is best); first match from the top wins; “Any” ignores that score',
  },
  rulesRfmMetrics: { 'zh-CN': 'R：{r}；F：{f}；M：{m}', 'en-US': 'R: {r}; F: {f}; M: {m}' },
  rulesRfmDim: { 'zh-CN': '维度', 'en-US': 'Score' },
  rulesRfm_r: { 'zh-CN': 'R 最近消费', 'en-US': 'R recency' },
  rulesRfm_f: { 'zh-CN': 'F 消费频次', 'en-US': 'F frequency' },
  rulesRfm_m: { 'zh-CN': 'M 消费金额', 'en-US': 'M monetary' },
  rulesRfmLow: { 'zh-CN': '最低分', 'en-US': 'From' },
  rulesRfmHigh: { 'zh-CN': '最高分', 'en-US': 'To' },
  rulesRfmAny: { 'zh-CN': '不限', 'en-US': 'Any' },
  rulesRfmAria: { 'zh-CN': '{tier}：{dim} {bound}', 'en-US': '{tier}: {dim}, {bound}' },

  // abc mode
  rulesAbcMetric: { 'zh-CN': '排序指标：{metric}', 'en-US': 'Ranked by: {metric}' },
  rulesAbcHint: {
    'zh-CN': '客户按指标从高到低排序；排在前面的客户累计占比低于某一切分点时，归入对应的类别',
    'en-US': 'Customers are ranked from highest to lowest; a customer is in a class while the share of those ranked above is below its cut',
  },
  rulesCut: { 'zh-CN': '{tier}：累计占比低于', 'en-US': '{tier}: cumulative share below' },

  // ---- benefits ----
  rulesBenefitLines: { 'zh-CN': '权益（每行一项）', 'en-US': 'Benefits (one per line)' },
  rulesOwner: { 'zh-CN': '负责人', 'en-US': 'Owner' },
  rulesCadence: { 'zh-CN': '服务频率', 'en-US': 'Contact cadence' },
  rulesCadenceNone: { 'zh-CN': '未设定', 'en-US': 'Not set' },
  rulesCadence_weekly: { 'zh-CN': '每周', 'en-US': 'Weekly' },
  rulesCadence_monthly: { 'zh-CN': '每月', 'en-US': 'Monthly' },
  rulesCadence_quarterly: { 'zh-CN': '每季度', 'en-US': 'Quarterly' },
  'rulesCadence_half-yearly': { 'zh-CN': '每半年', 'en-US': 'Every six months' },
  rulesCadence_yearly: { 'zh-CN': '每年', 'en-US': 'Yearly' },
  'rulesCadence_as-needed': { 'zh-CN': '按需', 'en-US': 'As needed' },
  rulesChannel: { 'zh-CN': '联系方式', 'en-US': 'Channel' },

  // ---- review policy ----
  rulesPeriod: { 'zh-CN': '评估周期', 'en-US': 'Review period' },
  rulesPeriod_quarter: { 'zh-CN': '每季度', 'en-US': 'Quarterly' },
  'rulesPeriod_half-year': { 'zh-CN': '每半年', 'en-US': 'Half-yearly' },
  rulesPeriod_year: { 'zh-CN': '每年', 'en-US': 'Yearly' },
  rulesChurnDays: { 'zh-CN': '流失判定（连续未消费天数）', 'en-US': 'Churned after (days without a purchase)' },
  rulesDowngrade: { 'zh-CN': '降级规则', 'en-US': 'Downgrades' },
  rulesDowngrade_immediate: { 'zh-CN': '未达标即降级', 'en-US': 'As soon as the customer falls below the threshold' },
  'rulesDowngrade_one-step': { 'zh-CN': '每次复评最多降一级', 'en-US': 'At most one tier per review' },
  'rulesDowngrade_after-periods': { 'zh-CN': '连续多个周期未达标才降级', 'en-US': 'Only after several reviews below the threshold' },
  rulesDowngradePeriods: { 'zh-CN': '连续未达标的周期数', 'en-US': 'Reviews below the threshold' },

  // ---- number fields ----
  rulesNumRequired: { 'zh-CN': '请填写数字', 'en-US': 'Enter a number' },
  rulesNumInteger: { 'zh-CN': '请填写整数', 'en-US': 'Enter a whole number' },
  rulesNumMin: { 'zh-CN': '不能小于 {min}', 'en-US': 'Must be at least {min}' },
  rulesNumAbove: { 'zh-CN': '必须大于 {min}', 'en-US': 'Must be more than {min}' },
  rulesNumMax: { 'zh-CN': '不能大于 {max}', 'en-US': 'Must be at most {max}' },
  rulesNumBelow: { 'zh-CN': '必须小于 {max}', 'en-US': 'Must be less than {max}' },
} as const satisfies Record<string, { 'zh-CN': string; 'en-US': string }>;
