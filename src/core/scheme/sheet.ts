// The scheme as a readable, editable sheet (等级规则 / Tier Rules): the grading travels with the workbook,
// anyone can audit it, and editing it changes the next run. A malformed sheet gives errors naming the cell.
import { loc, type Lang, type Localized } from '../i18n.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../output/tables.ts';
import { toGroups } from './condition-groups.ts';
import type { Scheme } from './schema.ts';
import type { RulesSheetProblem } from './sheet-reader.ts';
import {
  BAND_COLUMNS,
  CADENCE_WORDS,
  CRITERION_COLUMNS,
  DIRECTION_WORDS,
  DOWNGRADE_WORDS,
  MISSING_WORDS,
  MODE_WORDS,
  OPERATOR_WORDS,
  PERIOD_WORDS,
  RULE_COLUMNS,
  SECTIONS,
  SEGMENT_COLUMNS,
  SETTINGS,
  SETTINGS_HEADER,
  SHEET_NAME,
  TIER_COLUMNS,
  TIER_SCORE_COLUMNS,
  UNIT_WORDS,
  type SettingKey,
} from './sheet-vocab.ts';
import { formatProblem } from './validate.ts';
import { COST_FORMATS, COST_WIDTHS, costCells } from '../cost/sheet-columns.ts';

export { SHEET_NAME as RULES_SHEET_NAME };
export { fromGroups, toGroups } from './condition-groups.ts';
export { schemeFromSheet, type RulesSheetProblem, type RulesSheetResult } from './sheet-read.ts';

const NOTE: Localized = loc(
  '本表定义客户分级方案：修改阈值、权益或规则后重新运行 TierBook，即按新方案评级。表头与分区标题请勿修改。',
  'This sheet defines the tier scheme: edit thresholds, benefits or rules and run TierBook again to grade by them. Keep the section titles and headers as they are.',
);

/** How recency is counted: said wherever a scheme grades on it. */
export const AS_OF_NOTE: Localized = loc(
  '距最近消费天数的截止日：按评级周期运行（--period）时为期末；否则为 --as-of 指定的日期；都未指定时为数据中最晚的日期（最后一笔订单或最晚的最近消费日期）。每次运行都会说明所用日期。',
  'Days since the last purchase are counted to: the period end in a review run (--period); otherwise the date given with --as-of; without either, the latest date in the data (the last order, or the latest last-purchase date). Every run says which day it used.',
);

const cols = <K extends string>(vocab: Record<K, Localized>, lang: Lang) => (Object.keys(vocab) as K[]).map((k) => vocab[k][lang]);

export function schemeToSheet(scheme: Scheme, lang: Lang): GeneratedSheet {
  const mode = scheme.mode;
  const metricName = (m: string) => scheme.criteria.find((c) => c.metric === m)?.label[lang] ?? m;
  const setting = (k: SettingKey, v: CellValue): CellValue[] => [SETTINGS[k][lang], v];
  const d = scheme.review.downgrade;
  const settings: CellValue[][] = [
    setting('id', scheme.id),
    setting('nameZh', scheme.name['zh-CN']),
    setting('nameEn', scheme.name['en-US']),
    setting('descriptionZh', scheme.description?.['zh-CN'] ?? null),
    setting('descriptionEn', scheme.description?.['en-US'] ?? null),
    setting('mode', MODE_WORDS[mode.kind][lang]),
    setting('currency', scheme.currency),
    setting('valueMetric', scheme.valueMetric ?? null),
    setting('period', PERIOD_WORDS[scheme.review.period][lang]),
    setting('churnDays', scheme.review.churnDays),
    setting('downgrade', DOWNGRADE_WORDS[d.policy][lang]),
    setting('downgradePeriods', d.policy === 'after-periods' ? d.periods : null),
  ];
  if (mode.kind === 'rfm') settings.push(setting('recency', mode.recency), setting('frequency', mode.frequency), setting('monetary', mode.monetary));
  if (mode.kind === 'abc') settings.push(setting('abcMetric', mode.metric), setting('abcCuts', mode.cuts.map((c) => `${+(c * 100).toFixed(6)}%`).join(', ')));

  const tables: SheetTable[] = [
    {
      title: `${SHEET_NAME[lang]} — ${scheme.name[lang]}`,
      notes: scheme.criteria.some((c) => c.metric === 'recencyDays') ? [NOTE[lang], AS_OF_NOTE[lang]] : [NOTE[lang]],
      header: [],
      rows: [],
    },
  ];
  // The first table is the sheet title and note only; sections follow, each a title row then its header.
  tables.push({ title: SECTIONS.settings[lang], header: [SETTINGS_HEADER.item[lang], SETTINGS_HEADER.value[lang]], rows: settings });
  tables.push({
    title: SECTIONS.tiers[lang],
    header: cols(TIER_COLUMNS, lang),
    rows: scheme.tiers.map((t, i) => [
      i + 1,
      t.id,
      t.label['zh-CN'],
      t.label['en-US'],
      t.color,
      t.expectedShare?.min ?? null,
      t.expectedShare?.max ?? null,
      t.benefits.lines.map((l) => l['zh-CN']).join('、') || null,
      t.benefits.lines.map((l) => l['en-US']).join('; ') || null,
      t.benefits.owner?.['zh-CN'] ?? null,
      t.benefits.owner?.['en-US'] ?? null,
      t.benefits.cadence ? CADENCE_WORDS[t.benefits.cadence][lang] : null,
      t.benefits.channel?.['zh-CN'] ?? null,
      t.benefits.channel?.['en-US'] ?? null,
      ...costCells(t),
    ]),
    numberFormats: [null, null, null, null, null, '0%', '0%', null, null, null, null, null, null, null, ...COST_FORMATS],
    rowFills: scheme.tiers.map((t) => t.color),
    tableName: 'TierBookTiers',
  });
  tables.push({
    title: SECTIONS.criteria[lang],
    header: cols(CRITERION_COLUMNS, lang),
    rows: scheme.criteria.map((c) => [
      c.metric,
      c.label['zh-CN'],
      c.label['en-US'],
      UNIT_WORDS[c.unit][lang],
      DIRECTION_WORDS[c.direction][lang],
      MISSING_WORDS[c.missing][lang],
      c.column ?? null,
      c.min ?? null,
      c.max ?? null,
    ]),
  });
  if (mode.kind === 'rules') {
    const rows: CellValue[][] = [];
    for (const r of mode.rules) {
      toGroups(r.when).forEach((g, gi) => {
        for (const c of g) rows.push([r.tier, gi + 1, metricName(c.metric), OPERATOR_WORDS[c.op][lang], c.value, c.op === 'between' ? (c.max ?? null) : null]);
      });
    }
    tables.push({ title: SECTIONS.rules[lang], header: cols(RULE_COLUMNS, lang), rows, numberFormats: [null, null, null, null, '#,##0.##', '#,##0.##'] });
  } else if (mode.kind === 'points') {
    const rows: CellValue[][] = [];
    for (const c of mode.criteria) for (const b of c.bands) rows.push([metricName(c.metric), c.weight, b.min ?? null, b.max ?? null, b.points]);
    tables.push({ title: SECTIONS.bands[lang], header: cols(BAND_COLUMNS, lang), rows, numberFormats: [null, null, '#,##0.##', '#,##0.##', null] });
    tables.push({ title: SECTIONS.tierScores[lang], header: cols(TIER_SCORE_COLUMNS, lang), rows: mode.tierBands.map((b) => [b.tier, b.minScore]) });
  } else if (mode.kind === 'rfm') {
    tables.push({
      title: SECTIONS.segments[lang],
      header: cols(SEGMENT_COLUMNS, lang),
      rows: mode.segments.map((s) => [s.tier, s.r?.[0] ?? null, s.r?.[1] ?? null, s.f?.[0] ?? null, s.f?.[1] ?? null, s.m?.[0] ?? null, s.m?.[1] ?? null]),
    });
  }
  return { name: SHEET_NAME[lang], tables, widths: [22, 16, 18, 18, 14, 14, 14, 36, 36, 18, 18, 12, 16, 16, ...COST_WIDTHS] };
}


/** One line per problem, in the user's language: "等级规则!E9: 应为 #C0C0C0 这样的颜色值（当前值："银色"）". */
export function describeSheetProblems(problems: readonly RulesSheetProblem[], lang: Lang): string {
  return problems.map((p) => formatProblem(p, lang)).join('\n');
}
