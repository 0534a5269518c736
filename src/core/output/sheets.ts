// Names of the sheets TierBook generates and owns, in both languages (either is recognised on re-runs).
import { loc, type Lang } from '../i18n.ts';
import { headerKey } from './columns.ts';

export const GENERATED_SHEETS = {
  rules: loc('等级规则', 'Tier Rules'),
  history: loc('等级历史', 'Tier History'),
  mix: loc('等级分布', 'Tier Mix'),
  movement: loc('等级变动', 'Tier Movement'),
  churn: loc('流失分析', 'Churn'),
  handbook: loc('等级管理手册', 'Tier Handbook'),
  /** Who to call next: close to the next tier, at risk of downgrade, at risk of churn (issue 17). */
  actions: loc('行动清单', 'Action List'),
  /** What serving each tier costs against what it brings in. */
  cost: loc('服务成本', 'Service Cost'),
  /** Customers graded from an orders export alone (no customer sheet to write beside). */
  customers: loc('客户等级表', 'Customer Tiers'),
};
export type GeneratedSheetKey = keyof typeof GENERATED_SHEETS;

/** Which generated sheet a name is, in either language. */
export function generatedSheetOf(name: string): GeneratedSheetKey | undefined {
  const key = headerKey(name);
  return (Object.keys(GENERATED_SHEETS) as GeneratedSheetKey[]).find(
    (k) => headerKey(GENERATED_SHEETS[k]['zh-CN']) === key || headerKey(GENERATED_SHEETS[k]['en-US']) === key,
  );
}

/** The workbook's sheets, and which of them are TierBook's generated sheets (marked, or left by a previous version). */
export interface OwnedSheets {
  names: readonly string[];
  owned: ReadonlyMap<string, GeneratedSheetKey>;
}

/**
 * The generated sheet of a kind: the one TierBook owns, else a name to create it under in `lang` that no
 * sheet has ("等级历史", else "等级历史 (2)" …: a user's sheet of that name is never taken over). Given
 * only names, a sheet of the kind's name (either language) counts as ours.
 */
export function generatedSheetName(kind: GeneratedSheetKey, existing: readonly string[] | OwnedSheets, lang: Lang): { name: string; exists: boolean } {
  if (!('owned' in existing)) {
    const found = existing.find((n) => generatedSheetOf(n) === kind);
    return found ? { name: found, exists: true } : { name: GENERATED_SHEETS[kind][lang], exists: false };
  }
  for (const [name, k] of existing.owned) if (k === kind && existing.names.includes(name)) return { name, exists: true };
  const taken = new Set(existing.names.map((n) => n.toLowerCase()));
  const base = GENERATED_SHEETS[kind][lang];
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  return { name, exists: false };
}
