// Grading as plain per-customer objects: what hosts write into the output columns and the CLI prints.
import type { Localized } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { explainer, type GapItem } from './explain.ts';
import type { Scheme } from '../scheme/schema.ts';
import { grade, type GradeOptions, type GradeResult } from '../grading/grade.ts';
import { tableFromRecords, type CustomerRecord, type CustomerTable } from '../grading/table.ts';

export interface CustomerGrade {
  index: number;
  id: string;
  name: string | null;
  row: number | null;
  /** Tier id; null when the customer could not be graded. */
  tier: string | null;
  tierLabel: Localized | null;
  score: number | null;
  rfm: { r: number; f: number; m: number } | null;
  cumulativeShare: number | null;
  overridden: boolean;
  overrideReason: string | null;
  /** The tier the grading mode gave before a manual override. */
  modeTier: string | null;
  reason: Localized;
  gap: { tier: string; items: GapItem[]; text: Localized } | null;
  benefits: Localized;
  issues: DataIssue[];
}

/** Per-customer view of a grading run (allocates one object per customer; hosts with huge sheets may stream instead). */
export function customerGrades(result: GradeResult): CustomerGrade[] {
  const explain = explainer(result);
  const { scheme, table } = result;
  const out: CustomerGrade[] = new Array(result.size);
  for (let i = 0; i < result.size; i++) out[i] = customerGrade(result, explain, scheme, table, i);
  return out;
}

function customerGrade(
  result: GradeResult,
  explain: ReturnType<typeof explainer>,
  scheme: Scheme,
  table: CustomerTable,
  i: number,
): CustomerGrade {
  const t = result.tier[i]!;
  const m = result.modeTier[i]!;
  const e = explain(i);
  const score = result.score?.[i];
  return {
    index: i,
    id: table.ids[i]!,
    name: table.names[i] ?? null,
    row: table.rows?.[i] ?? null,
    tier: t >= 0 ? scheme.tiers[t]!.id : null,
    tierLabel: t >= 0 ? scheme.tiers[t]!.label : null,
    score: score !== undefined && Number.isFinite(score) ? score : null,
    rfm: result.rfm && m >= 0 ? { r: result.rfm.r[i]!, f: result.rfm.f[i]!, m: result.rfm.m[i]! } : null,
    cumulativeShare: result.cumulativeShare && m >= 0 && Number.isFinite(result.cumulativeShare[i]) ? result.cumulativeShare[i]! : null,
    overridden: result.overridden[i] === 1,
    overrideReason: result.overridden[i] === 1 ? (table.overrideReasons?.[i] ?? null) : null,
    modeTier: m >= 0 ? scheme.tiers[m]!.id : null,
    reason: e.reason,
    gap: e.gap,
    benefits: e.benefits,
    issues: e.issues,
  };
}

/** Grade plain records in one call. */
export function gradeRecords(scheme: Scheme, records: readonly CustomerRecord[], options?: GradeOptions): CustomerGrade[] {
  return customerGrades(grade(scheme, tableFromRecords(scheme, records), options));
}
