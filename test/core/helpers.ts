// Shared test helpers for the core grading tests (not a test file itself).
import {
  grade,
  gradeRecords,
  parseScheme,
  tableFromRecords,
  type CellInput,
  type CustomerGrade,
  type CustomerRecord,
  type GradeOptions,
  type GradeResult,
  type Scheme,
  type SchemeInput,
} from '../../src/core/index.ts';
import { L, preset } from '../support/schemes.ts';

export { preset };

/** Records from plain value maps: ids C1, C2 … unless given. */
export function records(rows: readonly Record<string, CellInput>[], ids?: readonly string[]): CustomerRecord[] {
  return rows.map((values, i) => ({ id: ids?.[i] ?? `C${i + 1}`, values }));
}

/** Grade one customer alone (rules and points modes do not depend on the other rows). */
export function gradeOne(scheme: Scheme, values: Record<string, CellInput>, extra: Partial<CustomerRecord> = {}): CustomerGrade {
  return gradeRecords(scheme, [{ id: 'X1', values, ...extra }])[0]!;
}

/** Tier ids, in record order. */
export function tiersOf(scheme: Scheme, recs: readonly CustomerRecord[], options?: GradeOptions): (string | null)[] {
  return gradeRecords(scheme, recs, options).map((g) => g.tier);
}

export function run(scheme: Scheme, recs: readonly CustomerRecord[], options?: GradeOptions): GradeResult {
  return grade(scheme, tableFromRecords(scheme, recs), options);
}

/** Tiers t1 … tN with distinct labels 一级/One … for hand-made schemes. */
export function tiers(n: number): SchemeInput['tiers'] {
  const zh = ['一级', '二级', '三级', '四级', '五级', '六级'];
  const en = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
  return Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, label: L(zh[i]!, en[i]!), color: '#123456' }));
}

/** A criterion for a user-defined metric (label = the metric id in both languages unless given). */
export function crit(
  metric: string,
  extra: Partial<SchemeInput['criteria'][number]> = {},
): SchemeInput['criteria'][number] {
  return { metric, label: L(metric, metric), unit: 'number', ...extra };
}

/** Build and validate a hand-made scheme. */
export function makeScheme(
  mode: SchemeInput['mode'],
  criteria: SchemeInput['criteria'],
  tierCount: number,
  extra: Partial<SchemeInput> = {},
): Scheme {
  return parseScheme({ id: 'test', name: L('测试', 'Test'), tiers: tiers(tierCount), criteria, mode, ...extra });
}

/** A deep, mutable JSON copy (for breaking a valid scheme on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mutable(x: unknown): any {
  return JSON.parse(JSON.stringify(x));
}
