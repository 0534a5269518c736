// How a metric's numbers are dressed in an input: the currency before, the unit after.
import type { Unit } from '../../../core/scheme/metrics.ts';
import type { Translator } from '../../i18n.tsx';

export function unitAffixes(unit: Unit, currency: string, t: Translator): { before?: string; after?: string } {
  switch (unit) {
    case 'currency':
      return { before: currency };
    case 'percent':
      return { after: '%' };
    case 'count':
    case 'days':
    case 'years':
    case 'score':
      return { after: t.t(`rulesSuffix_${unit}`) };
    case 'number':
      return {};
  }
}
