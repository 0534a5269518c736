// Pure helpers for the rules editor's draft: a plain copy of a scheme that edits may leave invalid.
// Edits never mutate: every helper returns a new object so React sees the change and the scheme in force
// (which the draft started from) stays untouched.
import type { Lang, Localized } from '../../../core/i18n.ts';
import { BUILTIN_METRICS, isBuiltinMetric, type Unit } from '../../../core/scheme/metrics.ts';
import type { Comparison, Condition, Operator, Scheme } from '../../../core/scheme/schema.ts';
import { formatPath, type SchemeProblem } from '../../../core/scheme/validate.ts';
import { parseNumber } from '../../../core/values/number.ts';

/** Typed as a scheme, but values may break the scheme's rules until checkScheme says otherwise. */
export type Draft = Scheme;
export type PathPart = string | number;
export type Path = readonly PathPart[];

export function cloneScheme<T>(s: T): T {
  return JSON.parse(JSON.stringify(s)) as T;
}

/** Same content (schemes are plain JSON data). */
export function sameScheme(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** `tiers[2].color`: the same spelling checkScheme uses for problem paths. */
export function pathOf(parts: Path): string {
  return formatPath(parts);
}

export function getAt(root: unknown, parts: Path): unknown {
  let x: unknown = root;
  for (const p of parts) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<PathPart, unknown>)[p];
  }
  return x;
}

/** A copy of `root` with the value at `parts` replaced; `undefined` removes an object key. */
export function setAt<T>(root: T, parts: Path, value: unknown): T {
  if (parts.length === 0) return value as T;
  const [head, ...rest] = parts as [PathPart, ...PathPart[]];
  const container: unknown = root ?? (typeof head === 'number' ? [] : {});
  const child = (container as Record<PathPart, unknown>)[head];
  const next = rest.length === 0 ? value : setAt(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[head as number] = next;
    return copy as T;
  }
  const copy = { ...(container as Record<string, unknown>) };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

// ---------- problems ----------

/**
 * Does a field's claim cover a problem path? A claim is an exact path, or a path ending in `*` that also
 * covers everything below it (`tiers[0].label*` covers `tiers[0].label.en-US`).
 */
export function claimCovers(claim: string, path: string): boolean {
  if (!claim.endsWith('*')) return claim === path;
  const base = claim.slice(0, -1);
  return path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[`);
}

export function problemsFor(problems: readonly SchemeProblem[], claims: readonly string[]): SchemeProblem[] {
  return problems.filter((p) => claims.some((c) => claimCovers(c, p.path)));
}

export type SectionId = 'tiers' | 'criteria' | 'thresholds' | 'benefits' | 'review';

/** The editor section showing the field a problem path names, or null for scheme-level fields. */
export function sectionOf(path: string): SectionId | null {
  if (/^tiers\[\d+\]\.benefits/.test(path)) return 'benefits';
  if (path.startsWith('tiers')) return 'tiers';
  if (path.startsWith('criteria')) return 'criteria';
  if (path.startsWith('mode')) return 'thresholds';
  if (path.startsWith('review')) return 'review';
  return null;
}

/** The tier or criterion a problem path is about, as the user knows it (its label), if any. */
export function subjectOf(path: string, draft: Draft): Localized | null {
  const index = (re: RegExp): number | null => {
    const m = re.exec(path);
    return m ? Number(m[1]) : null;
  };
  const tierById = (id: unknown) => draft.tiers.find((t) => t.id === id)?.label ?? null;
  let i = index(/^tiers\[(\d+)\]/);
  if (i !== null) return draft.tiers[i]?.label ?? null;
  i = index(/^criteria\[(\d+)\]/);
  if (i !== null) return draft.criteria[i]?.label ?? null;
  const mode = draft.mode;
  i = index(/^mode\.(?:rules|tierBands|segments)\[(\d+)\]/);
  if (i !== null) {
    const entry =
      mode.kind === 'rules'
        ? mode.rules[i]
        : mode.kind === 'points'
          ? mode.tierBands[i]
          : mode.kind === 'rfm'
            ? mode.segments[i]
            : undefined;
    return entry ? tierById(entry.tier) : null;
  }
  i = index(/^mode\.criteria\[(\d+)\]/);
  if (i !== null && mode.kind === 'points') {
    const c = mode.criteria[i];
    return c ? metricLabel(draft, c.metric) : null;
  }
  i = index(/^mode\.cuts\[(\d+)\]/);
  if (i !== null) return draft.tiers[i]?.label ?? null;
  return null;
}

// ---------- metrics ----------

export function metricLabel(draft: Draft, metric: string): Localized {
  const declared = draft.criteria.find((c) => c.metric === metric);
  if (declared) return declared.label;
  if (isBuiltinMetric(metric)) return BUILTIN_METRICS[metric].label;
  return { 'zh-CN': metric, 'en-US': metric };
}

/** A tier by id, as labelled in the draft (an unknown id shows as itself; checkScheme reports it). */
export function tierOf(draft: Draft, id: string): { label: Localized; color?: string } {
  return draft.tiers.find((x) => x.id === id) ?? { label: { 'zh-CN': id, 'en-US': id } };
}

export function metricUnit(draft: Draft, metric: string): Unit {
  const declared = draft.criteria.find((c) => c.metric === metric);
  if (declared) return declared.unit;
  return isBuiltinMetric(metric) ? BUILTIN_METRICS[metric].unit : 'number';
}

/** Percent metrics are stored as fractions (0.25) and shown and typed as percentages (25). */
export function unitScale(unit: Unit): number {
  return unit === 'percent' ? 100 : 1;
}

// ---------- localized text ----------

function otherLang(lang: Lang): Lang {
  return lang === 'zh-CN' ? 'en-US' : 'zh-CN';
}

/**
 * Text edited in one language. The other language is kept as it was when editing began (`base`), unless it
 * was blank: then it follows the edit, so the other language's handbook doesn't print an empty cell.
 */
export function editLocalized(base: Localized | undefined, lang: Lang, text: string): Localized {
  const other = otherLang(lang);
  const kept = base?.[other] ?? '';
  const out = { 'zh-CN': '', 'en-US': '' };
  out[lang] = text;
  out[other] = kept.trim() === '' ? text : kept;
  return out;
}

/** As editLocalized, for optional text (owner, channel): clearing it removes it in both languages. */
export function editOptionalLocalized(base: Localized | undefined, lang: Lang, text: string): Localized | undefined {
  return text.trim() === '' ? undefined : editLocalized(base, lang, text);
}

export function linesText(lines: readonly Localized[], lang: Lang): string {
  return lines.map((l) => l[lang]).join('\n');
}

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Benefit lines typed in one language, one per line. A line whose text is unchanged keeps its translation;
 * when the number of lines is unchanged an edited line keeps the translation at its position; any other
 * line is copied into the other language until someone translates it.
 */
export function editLines(base: readonly Localized[], lang: Lang, text: string): Localized[] {
  const other = otherLang(lang);
  const typed = splitLines(text);
  const used = new Set<number>();
  const source = typed.map((value) => {
    const j = base.findIndex((b, k) => !used.has(k) && b[lang] === value);
    if (j >= 0) used.add(j);
    return j;
  });
  return typed.map((value, i) => {
    let j = source[i]!;
    if (j < 0 && typed.length === base.length && !used.has(i)) {
      used.add(i);
      j = i;
    }
    const translation = j >= 0 ? base[j]![other] : '';
    const out = { 'zh-CN': '', 'en-US': '' };
    out[lang] = value;
    out[other] = translation.trim() === '' ? value : translation;
    return out;
  });
}

// ---------- conditions, ranges, policies ----------

export const OP_KEYS: Record<Operator, 'ge' | 'gt' | 'le' | 'lt' | 'eq' | 'between'> = {
  '>=': 'ge',
  '>': 'gt',
  '<=': 'le',
  '<': 'lt',
  '=': 'eq',
  between: 'between',
};

/** Switching to "between" starts with max = value (a valid, empty-looking range); leaving it drops max. */
export function withOperator(c: Comparison, op: Operator): Comparison {
  if (op === 'between') return { metric: c.metric, op, value: c.value, max: c.max ?? c.value };
  return { metric: c.metric, op, value: c.value };
}

export function isComparison(c: Condition): c is Comparison {
  return !('all' in c) && !('any' in c);
}

export type ScoreRange = [number, number];

/** An RFM score range after one bound changed; either bound "any" (undefined) drops the range. */
export function withRangeBound(range: ScoreRange | undefined, bound: 0 | 1, value: number | undefined): ScoreRange | undefined {
  if (value === undefined) return undefined;
  const next: ScoreRange = range ? [range[0], range[1]] : [1, 5];
  next[bound] = value;
  return next;
}

type Share = { min: number; max: number };

/**
 * The expected share after one bound changed. Both blank removes it; one blank leaves it half-filled, which
 * checkScheme reports at the blank bound (the field then says "enter a number").
 */
export function withShareBound(share: Partial<Share> | undefined, bound: 'min' | 'max', value: number | undefined): Share | undefined {
  const next: Partial<Share> = { ...share };
  if (value === undefined) delete next[bound];
  else next[bound] = value;
  return next.min === undefined && next.max === undefined ? undefined : (next as Share);
}

export type DowngradePolicy = Scheme['review']['downgrade']['policy'];

export function downgradeOf(policy: DowngradePolicy, previous: Scheme['review']['downgrade']): Scheme['review']['downgrade'] {
  if (policy === 'after-periods') return { policy, periods: previous.policy === 'after-periods' ? previous.periods : 2 };
  return { policy };
}

// ---------- numbers as typed ----------

export type NumberRead = { ok: true; value: number | undefined } | { ok: false; message: Localized };

/** Drop binary noise from scaling (0.29 × 100 = 28.999999999999996). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * A number as the user typed it ("1,000,000", "100万", "¥50k", "12.5%"), in a field shown ×`scale`.
 * Blank is `undefined`; text the parser can't read is an error, never 0. In a percent field (scale 100)
 * "5" means 5 % and "5%" means 5 % too.
 */
export function readNumber(text: string, scale = 1): NumberRead {
  const p = parseNumber(text);
  if (!p.ok) return { ok: false, message: p.message };
  if (p.value === null) return { ok: true, value: undefined };
  const typedPercent = /[%‰％]\s*$/.test(text);
  return { ok: true, value: scale !== 1 && !typedPercent ? tidy(p.value / scale) : p.value };
}

/** A stored number as the field shows it: grouped for the locale, ×`scale`, without float noise. */
export function formatNumber(value: number | undefined, lang: Lang, scale = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 10, useGrouping: true }).format(tidy(value * scale));
}
