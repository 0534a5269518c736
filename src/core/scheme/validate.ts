// Checking a scheme: the zod shape first, then the rules that span fields (tier order, declared metrics).
// Every problem names the field path and the offending value, in both languages.
import { z } from 'zod';
import { loc, type Localized } from '../i18n.ts';
import { schemeSchema, type Condition, type Scheme } from './schema.ts';

export interface SchemeProblem {
  /** e.g. `tiers[2].color`; empty for the document itself. */
  path: string;
  value?: unknown;
  message: Localized;
}

export class SchemeError extends Error {
  readonly problems: SchemeProblem[];
  constructor(problems: SchemeProblem[]) {
    super(problems.map((p) => formatProblem(p, 'en-US')).join('\n'));
    this.name = 'SchemeError';
    this.problems = problems;
  }
  /** All problems, one per line, in the given language. */
  describe(lang: 'zh-CN' | 'en-US'): string {
    return this.problems.map((p) => formatProblem(p, lang)).join('\n');
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const part of path) {
    if (typeof part === 'number') s += `[${part}]`;
    else s += s ? `.${String(part)}` : String(part);
  }
  return s;
}

function showValue(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  if (text === undefined) return '';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function formatProblem(p: SchemeProblem, lang: 'zh-CN' | 'en-US'): string {
  const value = showValue(p.value);
  const got = value ? (lang === 'zh-CN' ? `（当前值：${value}）` : ` (got ${value})`) : '';
  const where = p.path || (lang === 'zh-CN' ? '方案' : 'scheme');
  return `${where}: ${p.message[lang]}${got}`;
}

// Our own shape messages, translated; zod's built-in ones come from its locales.
const SHAPE_MESSAGES: Record<string, Localized> = {
  'expected an id of letters, digits, _ . - starting with a letter': loc(
    '应为以字母开头、由字母、数字、_ . - 组成的标识',
    'expected an id of letters, digits, _ . - starting with a letter',
  ),
  'expected a colour like #C0C0C0': loc('应为 #C0C0C0 这样的颜色值', 'expected a colour like #C0C0C0'),
  '"between" needs max ≥ value': loc('"介于"条件的上限不能小于下限', '"between" needs max ≥ value'),
  'band min must be below max': loc('分数段的下限必须小于上限', 'band min must be below max'),
  'range must be [low, high]': loc('范围应写成 [低, 高]', 'range must be [low, high]'),
  'min must not exceed max': loc('下限不能大于上限', 'min must not exceed max'),
};

function shapeProblems(data: unknown): SchemeProblem[] | null {
  const en = schemeSchema.safeParse(data, { reportInput: true });
  if (en.success) return null;
  const zh = schemeSchema.safeParse(data, { error: z.locales.zhCN().localeError } as never);
  const zhByPath = new Map<string, string>();
  for (const issue of zh.error?.issues ?? []) zhByPath.set(formatPath(issue.path), issue.message);
  return en.error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const own = SHAPE_MESSAGES[issue.message];
    const message = own ?? loc(zhByPath.get(path) ?? issue.message, issue.message);
    const value = issue.code === 'unrecognized_keys' ? issue.keys : (issue as { input?: unknown }).input;
    return { path, value, message };
  });
}

/** Metrics a condition tree reads. */
export function conditionMetrics(c: Condition, into = new Set<string>()): Set<string> {
  if ('all' in c) for (const x of c.all) conditionMetrics(x, into);
  else if ('any' in c) for (const x of c.any) conditionMetrics(x, into);
  else into.add(c.metric);
  return into;
}

/** Metrics the scheme's grading mode reads (before derived metrics are expanded). */
export function modeMetrics(scheme: Scheme): string[] {
  const mode = scheme.mode;
  switch (mode.kind) {
    case 'rules': {
      const set = new Set<string>();
      for (const r of mode.rules) conditionMetrics(r.when, set);
      return [...set];
    }
    case 'points':
      return [...new Set(mode.criteria.map((c) => c.metric))];
    case 'rfm':
      return [mode.recency, mode.frequency, mode.monetary];
    case 'abc':
      return [mode.metric];
  }
}

function crossFieldProblems(s: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const add = (path: string, value: unknown, zh: string, en: string) => out.push({ path, value, message: loc(zh, en) });

  const tierIds = s.tiers.map((t) => t.id);
  s.tiers.forEach((t, i) => {
    if (tierIds.indexOf(t.id) !== i) add(`tiers[${i}].id`, t.id, '等级标识重复', 'duplicate tier id');
  });
  const declared = new Map(s.criteria.map((c) => [c.metric, c]));
  s.criteria.forEach((c, i) => {
    if (s.criteria.findIndex((d) => d.metric === c.metric) !== i)
      add(`criteria[${i}].metric`, c.metric, '指标重复声明', 'metric declared twice');
    if (c.min !== undefined && c.max !== undefined && c.min > c.max)
      add(`criteria[${i}].min`, c.min, '下限不能大于上限', 'min must not exceed max');
  });
  const needDeclared = (path: string, metric: string) => {
    if (!declared.has(metric))
      add(path, metric, '该指标未在 criteria 中声明', 'this metric is not declared in criteria');
  };
  /** Entries that name tiers must follow the tier order, best first, one for every tier but the fallback. */
  const tierOrder = (path: string, named: readonly string[]) => {
    const expected = tierIds.slice(0, -1);
    if (named.length !== expected.length)
      add(
        path,
        named.length,
        `应为除最后一级（兜底等级）外的每个等级各一条，共 ${expected.length} 条`,
        `expected one entry for every tier but the last (the fallback): ${expected.length} entries`,
      );
    named.forEach((tier, i) => {
      if (expected[i] !== undefined && tier !== expected[i])
        add(
          `${path}[${i}].tier`,
          tier,
          `应为 "${expected[i]}"（按等级从高到低的第 ${i + 1} 级）`,
          `expected "${expected[i]}" (tier ${i + 1}, best first)`,
        );
    });
  };
  const walk = (c: Condition, path: string) => {
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${path}.all[${i}]`));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${path}.any[${i}]`));
    else needDeclared(`${path}.metric`, c.metric);
  };

  const mode = s.mode;
  switch (mode.kind) {
    case 'rules':
      tierOrder('mode.rules', mode.rules.map((r) => r.tier));
      mode.rules.forEach((r, i) => walk(r.when, `mode.rules[${i}].when`));
      break;
    case 'points':
      tierOrder('mode.tierBands', mode.tierBands.map((b) => b.tier));
      mode.criteria.forEach((c, i) => needDeclared(`mode.criteria[${i}].metric`, c.metric));
      mode.tierBands.forEach((b, i) => {
        const prev = mode.tierBands[i - 1];
        if (prev && b.minScore >= prev.minScore)
          add(
            `mode.tierBands[${i}].minScore`,
            b.minScore,
            '分数线必须从高到低严格递减',
            'minimum scores must strictly decrease from the best tier down',
          );
      });
      break;
    case 'rfm':
      tierOrder('mode.segments', mode.segments.map((g) => g.tier));
      needDeclared('mode.recency', mode.recency);
      needDeclared('mode.frequency', mode.frequency);
      needDeclared('mode.monetary', mode.monetary);
      break;
    case 'abc':
      needDeclared('mode.metric', mode.metric);
      if (s.tiers.length !== mode.cuts.length + 1)
        add(
          'mode.cuts',
          mode.cuts,
          `${mode.cuts.length} 个切分点对应 ${mode.cuts.length + 1} 个等级，但方案有 ${s.tiers.length} 个等级`,
          `${mode.cuts.length} cut points make ${mode.cuts.length + 1} tiers, but the scheme has ${s.tiers.length}`,
        );
      mode.cuts.forEach((c, i) => {
        const prev = mode.cuts[i - 1];
        if (prev !== undefined && c <= prev)
          add(`mode.cuts[${i}]`, c, '切分点必须严格递增', 'cut points must strictly increase');
      });
      break;
  }
  if (s.valueMetric !== undefined) needDeclared('valueMetric', s.valueMetric);
  return out;
}

export type SchemeCheck = { ok: true; scheme: Scheme } | { ok: false; problems: SchemeProblem[] };

/** Validate a scheme without throwing. */
export function checkScheme(data: unknown): SchemeCheck {
  const shape = shapeProblems(data);
  if (shape) return { ok: false, problems: shape };
  const scheme = schemeSchema.parse(data);
  const problems = crossFieldProblems(scheme);
  return problems.length ? { ok: false, problems } : { ok: true, scheme };
}

/** Validate a scheme, throwing a SchemeError that lists every problem. */
export function parseScheme(data: unknown): Scheme {
  const r = checkScheme(data);
  if (!r.ok) throw new SchemeError(r.problems);
  return r.scheme;
}

/** Schemes travel as JSON (files, the rules sheet, settings); this pair round-trips losslessly. */
export function schemeToJson(scheme: Scheme): string {
  return JSON.stringify(scheme, null, 2);
}

/** Line and column (1-based) of a character offset. */
function jsonPlace(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function schemeFromJson(text: string): Scheme {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // The engine's detail is English: the Chinese text names the place (line and column) instead.
    const detail = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(detail);
    const where = at ? jsonPlace(text, Number(at[1])) : null;
    const zh = where ? `第 ${where.line} 行第 ${where.column} 列附近有错` : /end of JSON input/i.test(detail) ? '文件在结尾处不完整（缺少括号或引号）' : '格式有误';
    throw new SchemeError([{ path: '', message: loc(`不是有效的 JSON：${zh}`, `not valid JSON: ${detail}`) }]);
  }
  return parseScheme(data);
}
