// Building blocks the presets share: metric declarations and benefit shorthands.
import { loc, type Localized } from '../../i18n.ts';
import { BUILTIN_METRICS, type BuiltinMetricId } from '../metrics.ts';
import type { SchemeInput } from '../schema.ts';

type CriterionInput = SchemeInput['criteria'][number];

/** Declare a built-in metric as a criterion; blanks leave the customer unrated unless told otherwise. */
export function criterion(metric: BuiltinMetricId, extra: Partial<CriterionInput> = {}): CriterionInput {
  const info = BUILTIN_METRICS[metric];
  return { metric, label: info.label, unit: info.unit, direction: info.direction, missing: 'unrated', ...extra };
}

export const lines = (...pairs: [string, string][]): Localized[] => pairs.map(([zh, en]) => loc(zh, en));
