// Schemes for the mapping tests (not a test file itself).
import { loc } from '../../../src/core/i18n.ts';
import type { Scheme, SchemeInput } from '../../../src/core/scheme/schema.ts';
import { parseScheme } from '../../../src/core/scheme/validate.ts';

type CriterionInput = SchemeInput['criteria'][number];

/** A two-tier rules scheme over the given criteria: every criterion's metric ≥ 1 makes tier "a". */
export function rulesScheme(criteria: CriterionInput[], extra: Partial<SchemeInput> = {}): Scheme {
  return parseScheme({
    id: 'mapping-test',
    name: loc('测试', 'Test'),
    tiers: [
      { id: 'a', label: loc('甲', 'A'), color: '#111111' },
      { id: 'b', label: loc('乙', 'B'), color: '#222222' },
    ],
    criteria,
    mode: { kind: 'rules', rules: [{ tier: 'a', when: { all: criteria.map((c) => ({ metric: c.metric, op: '>=' as const, value: 1 })) } }] },
    ...extra,
  });
}
