// The scheme as a readable, editable sheet (等级规则 / Tier Rules): the grading travels with the workbook,
// anyone can audit it, and editing it changes the next run. A malformed sheet gives errors naming the cell.
import { loc, type Lang, type Localized } from '../i18n.ts';
import { a1 } from '../issues.ts';
import { headerKey } from '../output/columns.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../output/tables.ts';
import { parseNumber } from '../values/number.ts';
import type { Comparison, Condition, Scheme, SchemeInput } from './schema.ts';
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
  fromWord,
  operatorFromWord,
  type SectionKey,
  type SettingKey,
} from './sheet-vocab.ts';
import { checkScheme, formatProblem, type SchemeProblem } from './validate.ts';
import { COST_FORMATS, COST_WIDTHS, costCells, costFromCells } from '../cost/sheet-columns.ts';

export { SHEET_NAME as RULES_SHEET_NAME };

// ---------- condition trees ↔ rows (any of groups, each group all of its comparisons) ----------

/** Disjunctive normal form: the condition holds when every comparison of at least one group holds. */
export function toGroups(c: Condition): Comparison[][] {
  if ('any' in c) return c.any.flatMap(toGroups);
  if ('all' in c) {
    return c.all.reduce<Comparison[][]>(
      (acc, child) => acc.flatMap((g) => toGroups(child).map((h) => [...g, ...h])),
      [[]],
    );
  }
  return [[c]];
}

export function fromGroups(groups: Comparison[][]): Condition {
  const one = (g: Comparison[]): Condition => (g.length === 1 ? g[0]! : { all: g });
  return groups.length === 1 ? one(groups[0]!) : { any: groups.map(one) };
}

// ---------- writing ----------

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

// ---------- reading ----------

export interface RulesSheetProblem extends SchemeProblem {
  /** A1 reference of the offending cell, when one is to blame. */
  cell?: string;
}

export type RulesSheetResult = { ok: true; scheme: Scheme } | { ok: false; problems: RulesSheetProblem[] };

interface Section {
  key: SectionKey;
  titleRow: number; // index into values
  headerRow: number;
  columns: Map<string, number>; // column key → column index
  rows: number[]; // indexes into values
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const isBlankRow = (row: CellValue[] | undefined) => !row || row.every((v) => text(v) === '');

function sectionOf(v: CellValue | undefined): SectionKey | undefined {
  return fromWord(SECTIONS, v);
}

const SECTION_COLUMNS: Partial<Record<SectionKey, Record<string, Localized>>> = {
  settings: SETTINGS_HEADER,
  tiers: TIER_COLUMNS,
  criteria: CRITERION_COLUMNS,
  rules: RULE_COLUMNS,
  bands: BAND_COLUMNS,
  tierScores: TIER_SCORE_COLUMNS,
  segments: SEGMENT_COLUMNS,
};

function findSections(values: CellValue[][]): Section[] {
  const sections: Section[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    const key = sectionOf(row[0]);
    // A section title stands alone in its row (the sheet title row also holds a section word, with text after it).
    if (!key || row.slice(1).some((v) => text(v) !== '')) continue;
    const vocab = SECTION_COLUMNS[key]!;
    let h = r + 1;
    while (h < values.length && isBlankRow(values[h])) h++;
    const header = values[h] ?? [];
    const columns = new Map<string, number>();
    header.forEach((v, c) => {
      const k = fromWord(vocab, v);
      if (k && !columns.has(k)) columns.set(k, c);
    });
    const rows: number[] = [];
    for (let d = h + 1; d < values.length; d++) {
      if (isBlankRow(values[d]) || (sectionOf(values[d]![0]) && values[d]!.slice(1).every((v) => text(v) === ''))) break;
      rows.push(d);
    }
    sections.push({ key, titleRow: r, headerRow: h, columns, rows });
  }
  return sections;
}

/** Read the rules sheet back into a scheme. `firstRow` is the sheet row of values[0]. */
export function schemeFromSheet(values: CellValue[][], firstRow = 1, sheetName = SHEET_NAME['zh-CN']): RulesSheetResult {
  const problems: RulesSheetProblem[] = [];
  const cellOf = new Map<string, string>(); // scheme path → A1 cell, to point validation problems at cells
  const at = (r: number, c: number) => a1(firstRow + r, c);
  const fail = (r: number, c: number, zh: string, en: string, value?: CellValue) => {
    const cell = at(r, c);
    problems.push({ path: `${sheetName}!${cell}`, cell, ...(value !== undefined ? { value } : {}), message: loc(zh, en) });
  };

  const sections = findSections(values);
  const section = (key: SectionKey) => sections.find((s) => s.key === key);
  const need = (key: SectionKey): Section | undefined => {
    const s = section(key);
    if (!s) problems.push({ path: sheetName, message: loc(`缺少"${SECTIONS[key]['zh-CN']}"分区`, `the "${SECTIONS[key]['en-US']}" section is missing`) });
    return s;
  };
  const get = (s: Section, r: number, key: string): CellValue => {
    const c = s.columns.get(key);
    return c === undefined ? null : (values[r]![c] ?? null);
  };
  const col = (s: Section, key: string) => s.columns.get(key) ?? 0;
  const str = (s: Section, r: number, key: string): string | undefined => text(get(s, r, key)) || undefined;
  const num = (s: Section, r: number, key: string, required: boolean): number | undefined => {
    const v = get(s, r, key);
    const p = parseNumber(v);
    if (!p.ok) {
      fail(r, col(s, key), `应为数字：${p.message['zh-CN']}`, `expected a number: ${p.message['en-US']}`, v);
      return undefined;
    }
    if (p.value === null) {
      if (required) fail(r, col(s, key), '此处需要填写数字', 'a number is required here');
      return undefined;
    }
    return p.value;
  };
  const choice = <K extends string>(s: Section, r: number, key: string, vocab: Record<K, Localized>, required: boolean): K | undefined => {
    const v = get(s, r, key);
    if (text(v) === '') {
      if (required) fail(r, col(s, key), '此处不能为空', 'this cell must not be blank');
      return undefined;
    }
    const k = fromWord(vocab, v);
    if (!k) {
      const options = (Object.keys(vocab) as K[]).map((x) => vocab[x]['zh-CN']).join('、');
      const optionsEn = (Object.keys(vocab) as K[]).map((x) => vocab[x]['en-US']).join(', ');
      fail(r, col(s, key), `无法识别，可选：${options}`, `not recognised; one of: ${optionsEn}`, v);
    }
    return k;
  };
  const localized = (zh: string | undefined, en: string | undefined): Localized | undefined =>
    zh || en ? { 'zh-CN': zh ?? en!, 'en-US': en ?? zh! } : undefined;

  // Settings: item → value.
  const settingsSec = need('settings');
  const settings = new Map<SettingKey, { r: number; v: CellValue }>();
  if (settingsSec) {
    for (const r of settingsSec.rows) {
      const k = fromWord(SETTINGS, get(settingsSec, r, 'item'));
      if (k) settings.set(k, { r, v: get(settingsSec, r, 'value') });
    }
  }
  const settingText = (k: SettingKey) => text(settings.get(k)?.v) || undefined;
  const settingChoice = <K extends string>(k: SettingKey, vocab: Record<K, Localized>): K | undefined => {
    const s = settings.get(k);
    if (!s || text(s.v) === '') return undefined;
    const found = fromWord(vocab, s.v);
    if (!found) fail(s.r, 1, `"${SETTINGS[k]['zh-CN']}"无法识别`, `"${SETTINGS[k]['en-US']}" not recognised`, s.v);
    return found;
  };
  const settingNumber = (k: SettingKey): number | undefined => {
    const s = settings.get(k);
    if (!s || text(s.v) === '') return undefined;
    const p = parseNumber(s.v);
    if (!p.ok || p.value === null) {
      fail(s.r, 1, `"${SETTINGS[k]['zh-CN']}"应为数字`, `"${SETTINGS[k]['en-US']}" must be a number`, s.v);
      return undefined;
    }
    return p.value;
  };
  const register = (path: string, key: SettingKey) => {
    const s = settings.get(key);
    if (s && settingsSec) cellOf.set(path, at(s.r, 1));
  };
  register('id', 'id');
  register('mode', 'mode');
  register('currency', 'currency');
  register('valueMetric', 'valueMetric');
  register('review.churnDays', 'churnDays');
  register('review.downgrade', 'downgrade');
  register('mode.cuts', 'abcCuts');

  // Tiers.
  const tiersSec = need('tiers');
  const tiers: SchemeInput['tiers'] = [];
  if (tiersSec) {
    tiersSec.rows.forEach((r, i) => {
      const id = str(tiersSec, r, 'id') ?? '';
      for (const [k, path] of [['id', 'id'], ['color', 'color'], ['labelZh', 'label'], ['shareMin', 'expectedShare']] as const)
        cellOf.set(`tiers[${i}].${path}`, at(r, col(tiersSec, k)));
      cellOf.set(`tiers[${i}]`, at(r, col(tiersSec, 'id')));
      const zhLines = (str(tiersSec, r, 'benefitsZh') ?? '').split(/[、；;\n]/).map((x) => x.trim()).filter(Boolean);
      const enLines = (str(tiersSec, r, 'benefitsEn') ?? '').split(/[;；\n]/).map((x) => x.trim()).filter(Boolean);
      const lines = Array.from({ length: Math.max(zhLines.length, enLines.length) }, (_, k) => localized(zhLines[k], enLines[k])!);
      const min = num(tiersSec, r, 'shareMin', false);
      const max = num(tiersSec, r, 'shareMax', false);
      const owner = localized(str(tiersSec, r, 'ownerZh'), str(tiersSec, r, 'ownerEn'));
      const channel = localized(str(tiersSec, r, 'channelZh'), str(tiersSec, r, 'channelEn'));
      const cadence = choice(tiersSec, r, 'cadence', CADENCE_WORDS, false);
      const benefits = { lines, ...(owner ? { owner } : {}), ...(cadence ? { cadence } : {}), ...(channel ? { channel } : {}) };
      for (const k of ['perContact', 'discount', 'perCustomer'] as const) cellOf.set(`tiers[${i}].benefits.cost.${k}`, at(r, col(tiersSec, k)));
      const cost = costFromCells({ benefits }, { perContact: num(tiersSec, r, 'perContact', false), discount: num(tiersSec, r, 'discount', false), perCustomer: num(tiersSec, r, 'perCustomer', false) });
      tiers.push({
        id,
        label: localized(str(tiersSec, r, 'labelZh'), str(tiersSec, r, 'labelEn')) ?? { 'zh-CN': id, 'en-US': id },
        color: (str(tiersSec, r, 'color') ?? '').toUpperCase(),
        benefits: { ...benefits, ...(cost ? { cost } : {}) },
        ...(min !== undefined || max !== undefined ? { expectedShare: { min: min ?? 0, max: max ?? 1 } } : {}),
      });
    });
  }

  // Criteria.
  const critSec = need('criteria');
  const criteria: SchemeInput['criteria'] = [];
  if (critSec) {
    critSec.rows.forEach((r, i) => {
      const metric = str(critSec, r, 'metric') ?? '';
      cellOf.set(`criteria[${i}].metric`, at(r, col(critSec, 'metric')));
      cellOf.set(`criteria[${i}]`, at(r, col(critSec, 'metric')));
      const min = num(critSec, r, 'min', false);
      const max = num(critSec, r, 'max', false);
      const column = str(critSec, r, 'column');
      criteria.push({
        metric,
        label: localized(str(critSec, r, 'labelZh'), str(critSec, r, 'labelEn')) ?? { 'zh-CN': metric, 'en-US': metric },
        unit: choice(critSec, r, 'unit', UNIT_WORDS, true) ?? 'number',
        direction: choice(critSec, r, 'direction', DIRECTION_WORDS, false) ?? 'higher',
        missing: choice(critSec, r, 'missing', MISSING_WORDS, false) ?? 'unrated',
        ...(column ? { column } : {}),
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      });
    });
  }
  /** A metric named by id or by its label in either language. */
  const metricOf = (s: Section, r: number, key: string): string => {
    const v = text(get(s, r, key));
    const found = criteria.find((c) => headerKey(c.metric) === headerKey(v) || headerKey(c.label['zh-CN']) === headerKey(v) || headerKey(c.label['en-US']) === headerKey(v));
    if (!found && v) fail(r, col(s, key), `指标"${v}"未在"评级指标"中声明`, `metric "${v}" is not declared under "Criteria"`, v);
    if (!v) fail(r, col(s, key), '此处需要填写指标', 'a metric is required here');
    return found?.metric ?? v;
  };
  const tierOf = (s: Section, r: number, key: string): string => {
    const v = text(get(s, r, key));
    const found = tiers.find((t) => headerKey(t.id) === headerKey(v) || headerKey(t.label['zh-CN']) === headerKey(v) || headerKey(t.label['en-US']) === headerKey(v));
    if (!found) fail(r, col(s, key), `"${v}"不是上面列出的等级`, `"${v}" is not one of the tiers listed above`, v);
    return found?.id ?? v;
  };

  // Mode.
  const kind = settingChoice('mode', MODE_WORDS);
  if (!kind && settingsSec && !settings.has('mode'))
    problems.push({ path: sheetName, message: loc('"方案设置"中缺少"评级方式"', '"Grading mode" is missing from "Settings"') });
  let mode: SchemeInput['mode'] | undefined;
  if (kind === 'rules') {
    const s = need('rules');
    if (s) {
      const byTier = new Map<string, { firstRow: number; groups: Map<number, Comparison[]> }>();
      for (const r of s.rows) {
        const tier = tierOf(s, r, 'tier');
        const group = num(s, r, 'group', false) ?? 1;
        const metric = metricOf(s, r, 'metric');
        const opCell = get(s, r, 'op');
        const op = operatorFromWord(opCell);
        if (!op) fail(r, col(s, 'op'), '运算符应为 ≥ > ≤ < = 或 介于', 'operator must be ≥ > ≤ < = or between', opCell);
        const value = num(s, r, 'value', true);
        const max = op === 'between' ? num(s, r, 'max', true) : undefined;
        if (!op || value === undefined) continue;
        const entry = byTier.get(tier) ?? { firstRow: r, groups: new Map() };
        byTier.set(tier, entry);
        const list = entry.groups.get(group) ?? [];
        entry.groups.set(group, list);
        list.push({ metric, op, value, ...(max !== undefined ? { max } : {}) });
      }
      const rules = [...byTier.entries()].map(([tier, e], i) => {
        cellOf.set(`mode.rules[${i}]`, at(e.firstRow, col(s, 'tier')));
        return { tier, when: fromGroups([...e.groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g)) };
      });
      // Rules follow the tier order of the tier table, whatever order their rows were typed in.
      rules.sort((x, y) => tiers.findIndex((t) => t.id === x.tier) - tiers.findIndex((t) => t.id === y.tier));
      mode = { kind: 'rules', rules };
    }
  } else if (kind === 'points') {
    const s = need('bands');
    const t = need('tierScores');
    if (s && t) {
      const byMetric = new Map<string, { weight: number; bands: { min?: number; max?: number; points: number }[] }>();
      for (const r of s.rows) {
        const metric = metricOf(s, r, 'metric');
        const weight = num(s, r, 'weight', false);
        const min = num(s, r, 'min', false);
        const max = num(s, r, 'max', false);
        const points = num(s, r, 'points', true);
        if (points === undefined) continue;
        const entry = byMetric.get(metric) ?? { weight: weight ?? NaN, bands: [] };
        if (Number.isNaN(entry.weight) && weight !== undefined) entry.weight = weight;
        byMetric.set(metric, entry);
        entry.bands.push({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), points });
      }
      const tierBands = t.rows.flatMap((r) => {
        const minScore = num(t, r, 'minScore', true);
        return minScore === undefined ? [] : [{ tier: tierOf(t, r, 'tier'), minScore }];
      });
      mode = { kind: 'points', criteria: [...byMetric.entries()].map(([metric, e]) => ({ metric, weight: e.weight, bands: e.bands })), tierBands };
    }
  } else if (kind === 'rfm') {
    const s = need('segments');
    if (s) {
      const range = (r: number, lo: string, hi: string): [number, number] | undefined => {
        const a = num(s, r, lo, false);
        const b = num(s, r, hi, false);
        return a === undefined && b === undefined ? undefined : [a ?? 1, b ?? 5];
      };
      mode = {
        kind: 'rfm',
        ...(settingText('recency') ? { recency: settingText('recency')! } : {}),
        ...(settingText('frequency') ? { frequency: settingText('frequency')! } : {}),
        ...(settingText('monetary') ? { monetary: settingText('monetary')! } : {}),
        segments: s.rows.map((r, i) => {
          cellOf.set(`mode.segments[${i}]`, at(r, col(s, 'tier')));
          const rr = range(r, 'rMin', 'rMax');
          const ff = range(r, 'fMin', 'fMax');
          const mm = range(r, 'mMin', 'mMax');
          return { tier: tierOf(s, r, 'tier'), ...(rr ? { r: rr } : {}), ...(ff ? { f: ff } : {}), ...(mm ? { m: mm } : {}) };
        }),
      };
    }
  } else if (kind === 'abc') {
    const cutsText = settingText('abcCuts');
    const cuts = cutsText
      ?.split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map((x) => {
        const p = parseNumber(x);
        return p.ok && p.value !== null ? (p.value > 1 ? p.value / 100 : p.value) : NaN;
      });
    if (cuts?.some((c) => Number.isNaN(c))) {
      const s = settings.get('abcCuts')!;
      fail(s.r, 1, '切分点应写成 80%, 95% 这样的百分比', 'cut points must look like 80%, 95%', s.v);
    }
    mode = { kind: 'abc', ...(settingText('abcMetric') ? { metric: settingText('abcMetric')! } : {}), ...(cuts ? { cuts } : {}) };
  }
  if (problems.length) return { ok: false, problems };

  const period = settingChoice('period', PERIOD_WORDS);
  const policy = settingChoice('downgrade', DOWNGRADE_WORDS);
  const periods = settingNumber('downgradePeriods');
  const churnDays = settingNumber('churnDays');
  if (problems.length) return { ok: false, problems };
  const input: SchemeInput = {
    id: settingText('id') ?? '',
    name: localized(settingText('nameZh'), settingText('nameEn')) ?? { 'zh-CN': '', 'en-US': '' },
    ...(localized(settingText('descriptionZh'), settingText('descriptionEn')) ? { description: localized(settingText('descriptionZh'), settingText('descriptionEn'))! } : {}),
    ...(settingText('currency') ? { currency: settingText('currency')! } : {}),
    ...(settingText('valueMetric') ? { valueMetric: settingText('valueMetric')! } : {}),
    tiers,
    criteria,
    mode: mode!,
    review: {
      ...(period ? { period } : {}),
      ...(churnDays !== undefined ? { churnDays } : {}),
      downgrade: policy === 'after-periods' ? { policy, periods: periods ?? 1 } : { policy: policy ?? 'immediate' },
    },
  };
  const checked = checkScheme(input);
  if (checked.ok) return checked;
  // Point each problem at the cell it comes from: the longest known prefix of its path.
  return {
    ok: false,
    problems: checked.problems.map((p) => {
      let path = p.path;
      let cell: string | undefined;
      while (path && !(cell = cellOf.get(path))) path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '') === path ? '' : path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      return cell ? { ...p, cell, path: `${sheetName}!${cell}` } : { ...p, path: `${sheetName}: ${p.path}` };
    }),
  };
}

/** One line per problem, in the user's language: "等级规则!E9: 应为 #C0C0C0 这样的颜色值（当前值："银色"）". */
export function describeSheetProblems(problems: readonly RulesSheetProblem[], lang: Lang): string {
  return problems.map((p) => formatProblem(p, lang)).join('\n');
}
