// Reading the rules sheet (等级规则 / Tier Rules) back into a scheme. Each section has its reader; every
// cell that cannot be read becomes a problem naming that cell, and the scheme's own checks are pointed
// at the cells their values came from.
import { loc } from '../i18n.ts';
import { headerKey } from '../output/columns.ts';
import type { CellValue } from '../output/tables.ts';
import { parseNumber } from '../values/number.ts';
import { costFromCells } from '../cost/sheet-columns.ts';
import { fromGroups } from './condition-groups.ts';
import type { Comparison, Scheme, SchemeInput } from './schema.ts';
import { SheetReader, localized, readSettings, text, type RulesSheetProblem, type Section, type Settings } from './sheet-reader.ts';
import {
  CADENCE_WORDS,
  DIRECTION_WORDS,
  DOWNGRADE_WORDS,
  MISSING_WORDS,
  MODE_WORDS,
  PERIOD_WORDS,
  SHEET_NAME,
  UNIT_WORDS,
  operatorFromWord,
} from './sheet-vocab.ts';
import { checkScheme, type SchemeProblem } from './validate.ts';

export type { RulesSheetProblem };

export type RulesSheetResult = { ok: true; scheme: Scheme } | { ok: false; problems: RulesSheetProblem[] };

// ---------- tiers and criteria ----------

function readTiers(reader: SheetReader): SchemeInput['tiers'] {
  const sec = reader.need('tiers');
  const tiers: SchemeInput['tiers'] = [];
  if (!sec) return tiers;
  sec.rows.forEach((r, i) => {
    const str = (key: string) => reader.str(sec, r, key);
    const num = (key: string) => reader.num(sec, r, key, false);
    const id = str('id') ?? '';
    for (const [k, path] of [['id', 'id'], ['color', 'color'], ['labelZh', 'label'], ['shareMin', 'expectedShare']] as const)
      reader.cellOf.set(`tiers[${i}].${path}`, reader.at(r, reader.col(sec, k)));
    reader.cellOf.set(`tiers[${i}]`, reader.at(r, reader.col(sec, 'id')));
    const zhLines = (str('benefitsZh') ?? '').split(/[、；;\n]/).map((x) => x.trim()).filter(Boolean);
    const enLines = (str('benefitsEn') ?? '').split(/[;；\n]/).map((x) => x.trim()).filter(Boolean);
    const lines = Array.from({ length: Math.max(zhLines.length, enLines.length) }, (_, k) => localized(zhLines[k], enLines[k])!);
    const min = num('shareMin');
    const max = num('shareMax');
    const owner = localized(str('ownerZh'), str('ownerEn'));
    const channel = localized(str('channelZh'), str('channelEn'));
    const cadence = reader.choice(sec, r, 'cadence', CADENCE_WORDS, false);
    const benefits = { lines, ...(owner ? { owner } : {}), ...(cadence ? { cadence } : {}), ...(channel ? { channel } : {}) };
    for (const k of ['perContact', 'discount', 'perCustomer'] as const) reader.cellOf.set(`tiers[${i}].benefits.cost.${k}`, reader.at(r, reader.col(sec, k)));
    const cost = costFromCells({ benefits }, { perContact: num('perContact'), discount: num('discount'), perCustomer: num('perCustomer') });
    tiers.push({
      id,
      label: localized(str('labelZh'), str('labelEn')) ?? { 'zh-CN': id, 'en-US': id },
      color: (str('color') ?? '').toUpperCase(),
      benefits: { ...benefits, ...(cost ? { cost } : {}) },
      ...(min !== undefined || max !== undefined ? { expectedShare: { min: min ?? 0, max: max ?? 1 } } : {}),
    });
  });
  return tiers;
}

function readCriteria(reader: SheetReader): SchemeInput['criteria'] {
  const sec = reader.need('criteria');
  const criteria: SchemeInput['criteria'] = [];
  if (!sec) return criteria;
  sec.rows.forEach((r, i) => {
    const metric = reader.str(sec, r, 'metric') ?? '';
    reader.cellOf.set(`criteria[${i}].metric`, reader.at(r, reader.col(sec, 'metric')));
    reader.cellOf.set(`criteria[${i}]`, reader.at(r, reader.col(sec, 'metric')));
    const min = reader.num(sec, r, 'min', false);
    const max = reader.num(sec, r, 'max', false);
    const column = reader.str(sec, r, 'column');
    criteria.push({
      metric,
      label: localized(reader.str(sec, r, 'labelZh'), reader.str(sec, r, 'labelEn')) ?? { 'zh-CN': metric, 'en-US': metric },
      unit: reader.choice(sec, r, 'unit', UNIT_WORDS, true) ?? 'number',
      direction: reader.choice(sec, r, 'direction', DIRECTION_WORDS, false) ?? 'higher',
      missing: reader.choice(sec, r, 'missing', MISSING_WORDS, false) ?? 'unrated',
      ...(column ? { column } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    });
  });
  return criteria;
}

/** What the mode sections refer to: tiers and metrics, by id or by their label in either language. */
interface Declared {
  tiers: SchemeInput['tiers'];
  criteria: SchemeInput['criteria'];
}

function metricOf(reader: SheetReader, declared: Declared, s: Section, r: number, key: string): string {
  const v = text(reader.get(s, r, key));
  const found = declared.criteria.find((c) => headerKey(c.metric) === headerKey(v) || headerKey(c.label['zh-CN']) === headerKey(v) || headerKey(c.label['en-US']) === headerKey(v));
  if (!found && v) reader.fail(r, reader.col(s, key), `指标"${v}"未在"评级指标"中声明`, `metric "${v}" is not declared under "Criteria"`, v);
  if (!v) reader.fail(r, reader.col(s, key), '此处需要填写指标', 'a metric is required here');
  return found?.metric ?? v;
}

function tierOf(reader: SheetReader, declared: Declared, s: Section, r: number, key: string): string {
  const v = text(reader.get(s, r, key));
  const found = declared.tiers.find((t) => headerKey(t.id) === headerKey(v) || headerKey(t.label['zh-CN']) === headerKey(v) || headerKey(t.label['en-US']) === headerKey(v));
  if (!found) reader.fail(r, reader.col(s, key), `"${v}"不是上面列出的等级`, `"${v}" is not one of the tiers listed above`, v);
  return found?.id ?? v;
}

// ---------- the mode's own sections ----------

function rulesMode(reader: SheetReader, declared: Declared): SchemeInput['mode'] | undefined {
  const s = reader.need('rules');
  if (!s) return undefined;
  const byTier = new Map<string, { firstRow: number; groups: Map<number, Comparison[]> }>();
  for (const r of s.rows) {
    const tier = tierOf(reader, declared, s, r, 'tier');
    const group = reader.num(s, r, 'group', false) ?? 1;
    const metric = metricOf(reader, declared, s, r, 'metric');
    const opCell = reader.get(s, r, 'op');
    const op = operatorFromWord(opCell);
    if (!op) reader.fail(r, reader.col(s, 'op'), '运算符应为 ≥ > ≤ < = 或 介于', 'operator must be ≥ > ≤ < = or between', opCell);
    const value = reader.num(s, r, 'value', true);
    const max = op === 'between' ? reader.num(s, r, 'max', true) : undefined;
    if (!op || value === undefined) continue;
    const entry = byTier.get(tier) ?? { firstRow: r, groups: new Map() };
    byTier.set(tier, entry);
    const list = entry.groups.get(group) ?? [];
    entry.groups.set(group, list);
    list.push({ metric, op, value, ...(max !== undefined ? { max } : {}) });
  }
  const rules = [...byTier.entries()].map(([tier, e], i) => {
    reader.cellOf.set(`mode.rules[${i}]`, reader.at(e.firstRow, reader.col(s, 'tier')));
    return { tier, when: fromGroups([...e.groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g)) };
  });
  // Rules follow the tier order of the tier table, whatever order their rows were typed in.
  rules.sort((x, y) => declared.tiers.findIndex((t) => t.id === x.tier) - declared.tiers.findIndex((t) => t.id === y.tier));
  return { kind: 'rules', rules };
}

function pointsMode(reader: SheetReader, declared: Declared): SchemeInput['mode'] | undefined {
  const s = reader.need('bands');
  const t = reader.need('tierScores');
  if (!s || !t) return undefined;
  const byMetric = new Map<string, { weight: number; bands: { min?: number; max?: number; points: number }[] }>();
  for (const r of s.rows) {
    const metric = metricOf(reader, declared, s, r, 'metric');
    const weight = reader.num(s, r, 'weight', false);
    const min = reader.num(s, r, 'min', false);
    const max = reader.num(s, r, 'max', false);
    const points = reader.num(s, r, 'points', true);
    if (points === undefined) continue;
    const entry = byMetric.get(metric) ?? { weight: weight ?? NaN, bands: [] };
    if (Number.isNaN(entry.weight) && weight !== undefined) entry.weight = weight;
    byMetric.set(metric, entry);
    entry.bands.push({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), points });
  }
  const tierBands = t.rows.flatMap((r) => {
    const minScore = reader.num(t, r, 'minScore', true);
    return minScore === undefined ? [] : [{ tier: tierOf(reader, declared, t, r, 'tier'), minScore }];
  });
  return { kind: 'points', criteria: [...byMetric.entries()].map(([metric, e]) => ({ metric, weight: e.weight, bands: e.bands })), tierBands };
}

function rfmMode(reader: SheetReader, settings: Settings, declared: Declared): SchemeInput['mode'] | undefined {
  const s = reader.need('segments');
  if (!s) return undefined;
  const range = (r: number, lo: string, hi: string): [number, number] | undefined => {
    const a = reader.num(s, r, lo, false);
    const b = reader.num(s, r, hi, false);
    return a === undefined && b === undefined ? undefined : [a ?? 1, b ?? 5];
  };
  return {
    kind: 'rfm',
    ...(settings.text('recency') ? { recency: settings.text('recency')! } : {}),
    ...(settings.text('frequency') ? { frequency: settings.text('frequency')! } : {}),
    ...(settings.text('monetary') ? { monetary: settings.text('monetary')! } : {}),
    segments: s.rows.map((r, i) => {
      reader.cellOf.set(`mode.segments[${i}]`, reader.at(r, reader.col(s, 'tier')));
      const rr = range(r, 'rMin', 'rMax');
      const ff = range(r, 'fMin', 'fMax');
      const mm = range(r, 'mMin', 'mMax');
      return { tier: tierOf(reader, declared, s, r, 'tier'), ...(rr ? { r: rr } : {}), ...(ff ? { f: ff } : {}), ...(mm ? { m: mm } : {}) };
    }),
  };
}

function abcMode(reader: SheetReader, settings: Settings): SchemeInput['mode'] {
  const cutsText = settings.text('abcCuts');
  const cuts = cutsText
    ?.split(/[,，、;；\s]+/)
    .filter(Boolean)
    .map((x) => {
      const p = parseNumber(x);
      return p.ok && p.value !== null ? (p.value > 1 ? p.value / 100 : p.value) : NaN;
    });
  if (cuts?.some((c) => Number.isNaN(c))) {
    const s = settings.cells.get('abcCuts')!;
    reader.fail(s.r, 1, '切分点应写成 80%, 95% 这样的百分比', 'cut points must look like 80%, 95%', s.v);
  }
  return { kind: 'abc', ...(settings.text('abcMetric') ? { metric: settings.text('abcMetric')! } : {}), ...(cuts ? { cuts } : {}) };
}

function readMode(reader: SheetReader, settings: Settings, declared: Declared): SchemeInput['mode'] | undefined {
  const kind = settings.choice('mode', MODE_WORDS);
  if (!kind && settings.section && !settings.cells.has('mode'))
    reader.problems.push({ path: reader.sheetName, message: loc('"方案设置"中缺少"评级方式"', '"Grading mode" is missing from "Settings"') });
  if (kind === 'rules') return rulesMode(reader, declared);
  if (kind === 'points') return pointsMode(reader, declared);
  if (kind === 'rfm') return rfmMode(reader, settings, declared);
  if (kind === 'abc') return abcMode(reader, settings);
  return undefined;
}

function readReview(settings: Settings): SchemeInput['review'] {
  const period = settings.choice('period', PERIOD_WORDS);
  const policy = settings.choice('downgrade', DOWNGRADE_WORDS);
  const periods = settings.number('downgradePeriods');
  const churnDays = settings.number('churnDays');
  return {
    ...(period ? { period } : {}),
    ...(churnDays !== undefined ? { churnDays } : {}),
    downgrade: policy === 'after-periods' ? { policy, periods: periods ?? 1 } : { policy: policy ?? 'immediate' },
  };
}

/** Point each problem at the cell it comes from: the longest known prefix of its path. */
function pointAtCells(problems: readonly SchemeProblem[], cellOf: ReadonlyMap<string, string>, sheetName: string): RulesSheetProblem[] {
  return problems.map((p) => {
    let path = p.path;
    let cell: string | undefined;
    while (path && !(cell = cellOf.get(path))) path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '') === path ? '' : path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    return cell ? { ...p, cell, path: `${sheetName}!${cell}` } : { ...p, path: `${sheetName}: ${p.path}` };
  });
}

/** Read the rules sheet back into a scheme. `firstRow` is the sheet row of values[0]. */
export function schemeFromSheet(values: CellValue[][], firstRow = 1, sheetName = SHEET_NAME['zh-CN']): RulesSheetResult {
  const reader = new SheetReader(values, firstRow, sheetName);
  const settings = readSettings(reader);
  const tiers = readTiers(reader);
  const criteria = readCriteria(reader);
  const mode = readMode(reader, settings, { tiers, criteria });
  if (reader.problems.length) return { ok: false, problems: reader.problems };

  const review = readReview(settings);
  if (reader.problems.length) return { ok: false, problems: reader.problems };
  const description = localized(settings.text('descriptionZh'), settings.text('descriptionEn'));
  const input: SchemeInput = {
    id: settings.text('id') ?? '',
    name: localized(settings.text('nameZh'), settings.text('nameEn')) ?? { 'zh-CN': '', 'en-US': '' },
    ...(description ? { description } : {}),
    ...(settings.text('currency') ? { currency: settings.text('currency')! } : {}),
    ...(settings.text('valueMetric') ? { valueMetric: settings.text('valueMetric')! } : {}),
    tiers,
    criteria,
    mode: mode!,
    review,
  };
  const checked = checkScheme(input);
  return checked.ok ? checked : { ok: false, problems: pointAtCells(checked.problems, reader.cellOf, sheetName) };
}
