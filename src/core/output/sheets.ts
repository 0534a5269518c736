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

/** The existing sheet of a kind (either language), else the name to create it under in `lang`. */
export function generatedSheetName(kind: GeneratedSheetKey, existing: readonly string[], lang: Lang): { name: string; exists: boolean } {
  const found = existing.find((n) => generatedSheetOf(n) === kind);
  return found ? { name: found, exists: true } : { name: GENERATED_SHEETS[kind][lang], exists: false };
}
