// The one entry point every host grades through: scheme + customer table in, tiers out.
import { loc, type Localized } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import type { Scheme } from '../scheme/schema.ts';
import { abcTiers } from './abc.ts';
import { canCompile, tierChain, type KernelKind } from './conditions.ts';
import { normalizeKey } from './ids.ts';
import { pointsScores, pointsTiers } from './points.ts';
import { prepare } from './prepare.ts';
import { rfmScores, segmentTable, type RfmDetail } from './rfm.ts';
import type { CustomerTable } from './table.ts';

export interface GradeOptions {
  /** 'auto' compiles the rules into a tight loop where the runtime allows code generation. */
  kernel?: KernelKind | 'auto';
}

export interface GradeResult {
  scheme: Scheme;
  table: CustomerTable;
  size: number;
  /** Final tier index into scheme.tiers per customer; -1 = unrated. */
  tier: Int16Array;
  /** What the grading mode decided, before manual overrides; -1 = unrated. */
  modeTier: Int16Array;
  /**
   * Points: the weighted total (0–100). RFM: the R·100 + F·10 + M code. ABC: the revenue share before the
   * customer, in percent. Rules mode has no score (null). NaN for unrated customers.
   */
  score: Float64Array | null;
  rfm: RfmDetail | null;
  /** ABC: revenue share of the customers ranked above this one (0–1). */
  cumulativeShare: Float64Array | null;
  /** 1 where a manual override decided the tier. */
  overridden: Uint8Array;
  /** Effective metric values used (blank policy applied, derived metrics computed). */
  values: Record<string, Float64Array>;
  /** 1 where a required value was blank or unreadable. */
  unrated: Uint8Array | null;
  issues: DataIssue[];
  warnings: Localized[];
  kernel: KernelKind;
}

/** Find the tier an override names: by id or by label in either language, ignoring case and full width. */
export function matchTier(scheme: Scheme, text: string): number {
  const key = normalizeKey(text).toLowerCase();
  if (!key) return -1;
  return scheme.tiers.findIndex(
    (t) =>
      t.id.toLowerCase() === key ||
      normalizeKey(t.label['zh-CN']).toLowerCase() === key ||
      normalizeKey(t.label['en-US']).toLowerCase() === key,
  );
}

function applyOverrides(scheme: Scheme, table: CustomerTable, tier: Int16Array, issues: DataIssue[]): Uint8Array {
  const overridden = new Uint8Array(table.size);
  const overrides = table.overrides;
  if (!overrides) return overridden;
  for (let i = 0; i < table.size; i++) {
    const text = overrides[i];
    if (text == null || normalizeKey(text) === '') continue;
    const t = matchTier(scheme, text);
    if (t >= 0) {
      tier[i] = t;
      overridden[i] = 1;
    } else {
      const names = scheme.tiers.map((x) => `${x.label['zh-CN']}`).join('、');
      const namesEn = scheme.tiers.map((x) => `${x.label['en-US']}`).join(', ');
      issues.push({
        code: 'unknown-override',
        index: i,
        value: text,
        ...(table.rows ? { row: table.rows[i] } : {}),
        message: loc(
          `手动指定的等级"${text}"不是本方案的等级（可选：${names}），已按规则评级`,
          `The manual tier "${text}" is not a tier of this scheme (one of: ${namesEn}); graded by the rules instead`,
        ),
      });
    }
  }
  return overridden;
}

export function grade(scheme: Scheme, table: CustomerTable, options: GradeOptions = {}): GradeResult {
  const n = table.size;
  const { values, unrated, issues } = prepare(scheme, table);
  const kernel: KernelKind =
    options.kernel === 'interpreted' || (options.kernel !== 'compiled' && !canCompile()) ? 'interpreted' : 'compiled';
  const modeTier = new Int16Array(n);
  const warnings: Localized[] = [];
  let score: Float64Array | null = null;
  let rfm: RfmDetail | null = null;
  let cumulativeShare: Float64Array | null = null;
  const fallback = scheme.tiers.length - 1;
  const mode = scheme.mode;

  switch (mode.kind) {
    case 'rules':
      tierChain(mode.rules.map((r) => r.when), values, fallback, kernel)(modeTier, unrated);
      break;
    case 'points':
      score = pointsScores(mode, values, n);
      pointsTiers(mode, score, unrated, modeTier);
      break;
    case 'rfm': {
      const scored = rfmScores(mode, values, unrated);
      rfm = scored.detail;
      warnings.push(...scored.warnings);
      const lookup = segmentTable(mode.segments, fallback);
      score = new Float64Array(n);
      const { r, f, m } = rfm;
      for (let i = 0; i < n; i++) {
        if (unrated !== null && unrated[i] !== 0) {
          modeTier[i] = -1;
          score[i] = NaN;
        } else {
          modeTier[i] = lookup[(r[i]! - 1) * 25 + (f[i]! - 1) * 5 + (m[i]! - 1)]!;
          score[i] = r[i]! * 100 + f[i]! * 10 + m[i]!;
        }
      }
      break;
    }
    case 'abc': {
      const r = abcTiers(mode, values[mode.metric]!, table.ids, unrated, modeTier);
      cumulativeShare = r.cumulativeShare;
      warnings.push(...r.warnings);
      score = cumulativeShare.map((s) => s * 100);
      break;
    }
  }
  if (score && unrated) for (let i = 0; i < n; i++) if (unrated[i]) score[i] = NaN;

  const tier = modeTier.slice();
  const allIssues = [...table.issues, ...issues];
  const overridden = applyOverrides(scheme, table, tier, allIssues);
  allIssues.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  return { scheme, table, size: n, tier, modeTier, score, rfm, cumulativeShare, overridden, values, unrated, issues: allIssues, warnings, kernel };
}
