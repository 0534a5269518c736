// Hand-made schemes for what the presets leave out: any / between / = / < / <=, valid ranges, zero blanks,
// bounded bands, RFM over average order value, three ABC cuts. Shared by the equivalence tests.
import { listPresets, parseScheme, type Scheme, type SchemeInput } from '../../../src/core/index.ts';
import { L } from '../../support/schemes.ts';

const tiers = (ids: string[]) => ids.map((id) => ({ id, label: L(id), color: '#123456' }));

export const EXTRA_SCHEMES: SchemeInput[] = [
  {
    id: 'rules-everything',
    name: L('rules'),
    tiers: tiers(['t1', 't2', 't3', 't4', 't5']),
    criteria: [
      { metric: 'annualSpend', label: L('spend'), unit: 'currency', missing: 'zero', min: -50_000 },
      { metric: 'orderCount', label: L('orders'), unit: 'count', min: 0, max: 30 },
      { metric: 'cooperationYears', label: L('years'), unit: 'years', missing: 'zero' },
      { metric: 'avgOrderValue', label: L('aov'), unit: 'currency', missing: 'zero' },
      { metric: 'growthPotential', label: L('growth'), unit: 'score', min: 0, max: 10 },
    ],
    mode: {
      kind: 'rules',
      rules: [
        {
          tier: 't1',
          when: {
            any: [
              { all: [{ metric: 'annualSpend', op: '>', value: 100_000 }, { metric: 'cooperationYears', op: 'between', value: 2.5, max: 7 }] },
              { metric: 'growthPotential', op: '=', value: 10 },
            ],
          },
        },
        { tier: 't2', when: { all: [{ metric: 'avgOrderValue', op: '>=', value: 1234.5 }, { metric: 'orderCount', op: '<=', value: 3 }] } },
        { tier: 't3', when: { metric: 'annualSpend', op: '<', value: 0 } },
        { tier: 't4', when: { any: [{ metric: 'orderCount', op: '=', value: 0 }, { metric: 'growthPotential', op: 'between', value: 4.5, max: 6 }] } },
      ],
    },
  },
  {
    id: 'points-bounded',
    name: L('points'),
    tiers: tiers(['p1', 'p2', 'p3']),
    criteria: [
      { metric: 'annualSpend', label: L('spend'), unit: 'currency', missing: 'zero' },
      { metric: 'recencyDays', label: L('recency'), unit: 'days', direction: 'lower' },
      { metric: 'growthPotential', label: L('growth'), unit: 'score', min: 0, max: 10, missing: 'zero' },
    ],
    mode: {
      kind: 'points',
      criteria: [
        { metric: 'annualSpend', weight: 0.3, bands: [{ min: 50_000, points: 100 }, { min: 10_000, max: 50_000, points: 55.5 }, { max: 0, points: 3 }] },
        { metric: 'recencyDays', weight: 0.1, bands: [{ max: 30, points: 100 }, { min: 30, max: 90, points: 66.6 }, { min: 90, max: 365, points: 33.3 }] },
        { metric: 'growthPotential', weight: 0.2, bands: [{ min: 7.5, points: 90 }, { min: 2.5, max: 7.5, points: 45 }] },
      ],
      tierBands: [
        { tier: 'p1', minScore: 62.3 },
        { tier: 'p2', minScore: 30 },
      ],
    },
  },
  {
    id: 'rfm-aov',
    name: L('rfm'),
    tiers: tiers(['s1', 's2', 's3']),
    criteria: [
      { metric: 'recencyDays', label: L('recency'), unit: 'days', direction: 'lower', missing: 'zero' },
      { metric: 'orderCount', label: L('orders'), unit: 'count', min: 0 },
      { metric: 'avgOrderValue', label: L('aov'), unit: 'currency' },
    ],
    mode: {
      kind: 'rfm',
      recency: 'recencyDays',
      frequency: 'orderCount',
      monetary: 'avgOrderValue',
      segments: [
        { tier: 's1', r: [5, 5], m: [3, 5] },
        { tier: 's2', f: [2, 4] },
      ],
    },
  },
  {
    id: 'abc-three-cuts',
    name: L('abc'),
    tiers: tiers(['A', 'B', 'C', 'D']),
    criteria: [{ metric: 'annualSpend', label: L('spend'), unit: 'currency', missing: 'zero' }],
    mode: { kind: 'abc', metric: 'annualSpend', cuts: [0.5, 0.8, 0.99] },
  },
];
/** Every preset, then the hand-made schemes: every mode, every operator. */
export function equivalenceSchemes(): Scheme[] {
  return [...listPresets(), ...EXTRA_SCHEMES.map((s) => parseScheme(s))];
}
