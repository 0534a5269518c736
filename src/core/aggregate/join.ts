// Matching a customer table with per-customer results from another sheet (orders, contacts, surveys).
import { loc } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { idKey } from './keys.ts';

export interface JoinResult {
  /** For each base id, the index of the related row with the same key, or -1. */
  index: Int32Array;
  /** Base ids that found a related row. */
  matched: number;
  /** Related ids that no base id matched, in related order. */
  orphans: string[];
  /** One 'orphan-id' issue per orphan (with the sheet when given). */
  issues: DataIssue[];
}

/**
 * Map each base id to the related row holding the same customer. Ids match after trimming, folding
 * full-width characters and spaces (normalizeKey) and float-folding ("17850.0" = "17850"); case and
 * leading zeros still count. Duplicate related ids: the first wins. Blank base ids match nothing.
 */
export function joinById(
  baseIds: readonly (string | null)[],
  related: { ids: readonly string[] },
  opts: { sheet?: string } = {},
): JoinResult {
  const slot = new Map<string, number>();
  for (let j = 0; j < related.ids.length; j++) {
    const k = idKey(related.ids[j]);
    if (k !== null && !slot.has(k)) slot.set(k, j);
  }
  const index = new Int32Array(baseIds.length).fill(-1);
  const used = new Uint8Array(related.ids.length);
  let matched = 0;
  for (let i = 0; i < baseIds.length; i++) {
    const k = idKey(baseIds[i]);
    if (k === null) continue;
    const j = slot.get(k);
    if (j === undefined) continue;
    index[i] = j;
    used[j] = 1;
    matched++;
  }
  const orphans: string[] = [];
  const issues: DataIssue[] = [];
  for (const [k, j] of slot) {
    if (used[j] === 1) continue;
    const id = related.ids[j]!;
    orphans.push(id);
    const issue: DataIssue = {
      code: 'orphan-id',
      value: id,
      message: loc(`客户编号“${k}”只出现在关联表中，客户表里没有`, `Customer ID "${k}" appears only in the related sheet, not in the customer table`),
    };
    if (opts.sheet !== undefined) issue.sheet = opts.sheet;
    issues.push(issue);
  }
  return { index, matched, orphans, issues };
}

/** A related column in base order: gather(values, join.index)[i] = values[index[i]], `missing` (NaN) where unmatched. */
export function gather(values: ArrayLike<number>, index: Int32Array, missing = NaN): Float64Array {
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) {
    const j = index[i]!;
    out[i] = j >= 0 ? values[j]! : missing;
  }
  return out;
}
