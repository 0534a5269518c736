// A tier scheme is data: this file says what a valid one looks like, in zod, and reports what is wrong
// with an invalid one by field path and value, in both languages.
import { z } from 'zod';
import { UNITS, type Direction, type Unit } from './metrics.ts';

export const SCHEMA_VERSION = 1;

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() }).strict();
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, {
  error: 'expected an id of letters, digits, _ . - starting with a letter',
});
const finite = z.number().finite();
const share = z.number().min(0).max(1);

// ---------- conditions (rules mode, RFM segments) ----------

export const OPERATORS = ['>=', '>', '<=', '<', '=', 'between'] as const;
export type Operator = (typeof OPERATORS)[number];

/** One comparison: `metric op value`; `between` is inclusive on both ends: value ≤ x ≤ max. */
export interface Comparison {
  metric: string;
  op: Operator;
  value: number;
  max?: number;
}
export interface AllOf {
  all: Condition[];
}
export interface AnyOf {
  any: Condition[];
}
export type Condition = Comparison | AllOf | AnyOf;

const comparison = z
  .object({ metric: z.string().min(1), op: z.enum(OPERATORS), value: finite, max: finite.optional() })
  .strict()
  .refine((c) => c.op !== 'between' || (c.max !== undefined && c.max >= c.value), {
    error: '"between" needs max ≥ value',
    path: ['max'],
  });
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparison,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
  ]),
);

// ---------- tiers and benefits ----------

export const CADENCES = ['weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'as-needed'] as const;
export type Cadence = (typeof CADENCES)[number];

const benefitsSchema = z
  .object({
    /** Benefit lines, e.g. 专属客服, 折扣 9 折, 优先购买权. */
    lines: z.array(localized).default([]),
    /** Who serves the tier: 专属服务团队 / 客户经理 / 统一管理. */
    owner: localized.optional(),
    /** How often the owner visits or contacts the customer. */
    cadence: z.enum(CADENCES).optional(),
    /** How contact happens, e.g. 电话和邮件. */
    channel: localized.optional(),
    /** What serving the tier costs (defaults: core/cost/defaults.ts, from owner and channel). */
    cost: z
      .object({
        /** Cost of one contact (visit, call, e-mail) in the scheme's currency. */
        perContact: z.number().finite().min(0).optional(),
        /** Discount granted, as a share of the customer's spend (0.1 = 9 折). */
        discount: share.optional(),
        /** Fixed benefit cost per customer per year (gifts, events, reports). */
        perCustomer: z.number().finite().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const tierSchema = z
  .object({
    id,
    label: localized,
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, { error: 'expected a colour like #C0C0C0' }),
    benefits: benefitsSchema.default({ lines: [] }),
    /** The share of customers the business expects in this tier (0–1), for the tier-mix check. */
    expectedShare: z
      .object({ min: share, max: share })
      .strict()
      .refine((s) => s.min <= s.max, { error: 'min must not exceed max', path: ['min'] })
      .optional(),
  })
  .strict();

// ---------- criteria ----------

const criterionSchema = z
  .object({
    /** A built-in metric id (annualSpend …) or a user-defined one. */
    metric: id,
    label: localized,
    unit: z.enum(UNITS),
    direction: z.enum(['higher', 'lower']).default('higher'),
    /** Blank cells: count as 0, or leave the customer unrated with a data issue. */
    missing: z.enum(['zero', 'unrated']).default('unrated'),
    /** The header of the column holding it, when synonyms would not find it. */
    column: z.string().min(1).optional(),
    /** The range a valid value lies in (e.g. 0–10 for satisfaction); outside it is a data issue. */
    min: finite.optional(),
    max: finite.optional(),
  })
  .strict();

// ---------- grading modes ----------

const rulesMode = z
  .object({
    kind: z.literal('rules'),
    /** One rule for every tier but the last, best first; the last tier is the fallback. */
    rules: z.array(z.object({ tier: id, when: conditionSchema }).strict()).min(1),
  })
  .strict();

/** Half-open value band [min, max): a value equal to min earns the band's points. */
const bandSchema = z
  .object({ min: finite.optional(), max: finite.optional(), points: z.number().min(0).max(100) })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min < b.max, { error: 'band min must be below max', path: ['min'] });

const pointsMode = z
  .object({
    kind: z.literal('points'),
    criteria: z
      .array(z.object({ metric: id, weight: z.number().positive(), bands: z.array(bandSchema).min(1) }).strict())
      .min(1),
    /** Minimum total score (0–100) per tier, best first, for every tier but the last. */
    tierBands: z.array(z.object({ tier: id, minScore: z.number().min(0).max(100) }).strict()).min(1),
  })
  .strict();

const scoreRange = z
  .tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
  .refine(([a, b]) => a <= b, { error: 'range must be [low, high]' });
const rfmMode = z
  .object({
    kind: z.literal('rfm'),
    recency: id.default('recencyDays'),
    frequency: id.default('orderCount'),
    monetary: id.default('annualSpend'),
    /** Named segments over R, F, M scores (1–5), best first, first match wins; the last tier is the fallback. */
    segments: z
      .array(
        z
          .object({ tier: id, r: scoreRange.optional(), f: scoreRange.optional(), m: scoreRange.optional() })
          .strict(),
      )
      .min(1),
  })
  .strict();

const abcMode = z
  .object({
    kind: z.literal('abc'),
    metric: id.default('annualSpend'),
    /** Cumulative-share cut points, ascending: A while the share before a customer is below cuts[0] … */
    cuts: z.array(z.number().gt(0).lt(1)).min(1).default([0.8, 0.95]),
  })
  .strict();

export const modeSchema = z.discriminatedUnion('kind', [rulesMode, pointsMode, rfmMode, abcMode]);

// ---------- review policy ----------

const downgradeSchema = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('immediate') }).strict(),
  z.object({ policy: z.literal('one-step') }).strict(),
  z.object({ policy: z.literal('after-periods'), periods: z.number().int().min(1).max(12) }).strict(),
]);

const reviewSchema = z
  .object({
    period: z.enum(['quarter', 'half-year', 'year']).default('year'),
    /** A customer with no purchase for more than this many days at the period end has churned. */
    churnDays: z.number().int().positive().default(365),
    downgrade: downgradeSchema.default({ policy: 'immediate' }),
  })
  .strict();

// ---------- the scheme ----------

export const schemeSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).default(SCHEMA_VERSION),
    id,
    name: localized,
    description: localized.optional(),
    currency: z.string().min(1).max(4).default('¥'),
    /** The metric that counts as revenue in tier-mix and churn tables. */
    valueMetric: id.optional(),
    tiers: z.array(tierSchema).min(2),
    criteria: z.array(criterionSchema).min(1),
    mode: modeSchema,
    review: reviewSchema.default({ period: 'year', churnDays: 365, downgrade: { policy: 'immediate' } }),
  })
  .strict();

/** A scheme as written (defaults may be left out). */
export type SchemeInput = z.input<typeof schemeSchema>;
/** A validated scheme with every default filled in. */
export type Scheme = z.output<typeof schemeSchema>;
export type Tier = Scheme['tiers'][number];
export type TierBenefits = Tier['benefits'];
export type Criterion = Scheme['criteria'][number];
export type Mode = Scheme['mode'];
export type RulesMode = Extract<Mode, { kind: 'rules' }>;
export type PointsMode = Extract<Mode, { kind: 'points' }>;
export type RfmMode = Extract<Mode, { kind: 'rfm' }>;
export type AbcMode = Extract<Mode, { kind: 'abc' }>;
export type PointsBand = PointsMode['criteria'][number]['bands'][number];
export type ReviewPolicy = Scheme['review'];
export type { Direction, Unit };
