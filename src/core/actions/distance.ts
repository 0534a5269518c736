// How far a customer's value is from a condition: what an unmet comparison lacks, and how much room a met one
// leaves. The action lists use these to find customers close to the next tier or close to losing theirs.
import { compare } from '../grading/conditions.ts';
import type { Comparison, Condition } from '../scheme/schema.ts';

/** How much the value falls short of the comparison, in the metric's units (0 when it holds); NaN for NaN. */
export function shortfall(c: Comparison, v: number): number {
  if (!Number.isFinite(v)) return NaN;
  if (compare(v, c)) return 0;
  switch (c.op) {
    case '>=':
    case '>':
      return c.value - v;
    case '<=':
    case '<':
      return v - c.value;
    case '=':
      return Math.abs(v - c.value);
    case 'between':
      return v < c.value ? c.value - v : v - (c.max ?? c.value);
  }
}

/** The bound a value must cross: the threshold, or the nearer end of a range. */
function bound(c: Comparison, v: number): number {
  return c.op === 'between' && v > (c.max ?? c.value) ? (c.max ?? c.value) : c.value;
}

/**
 * Whether every unmet comparison of the condition (for "any", of at least one branch) is within `limit(c, gap)`.
 * A met condition is close too (distance 0).
 */
export function allWithin(c: Condition, valueOf: (metric: string) => number, within: (c: Comparison, gap: number, v: number) => boolean): boolean {
  if ('all' in c) return c.all.every((x) => allWithin(x, valueOf, within));
  if ('any' in c) return c.any.some((x) => allWithin(x, valueOf, within));
  const v = valueOf(c.metric);
  const gap = shortfall(c, v);
  if (Number.isNaN(gap)) return false;
  return gap === 0 || within(c, gap, v);
}

/** A gap within a share of the bound it must cross: 15% of ¥1,000,000 is ¥150,000. */
export function withinShare(share: number): (c: Comparison, gap: number, v: number) => boolean {
  return (c, gap, v) => gap <= share * Math.abs(bound(c, v)) + 1e-9;
}

/** The room a met comparison leaves, as a share of its threshold (how far the value may fall before it fails). */
export interface Slack {
  /** Room ÷ |threshold|; Infinity where no distance says anything (=, between, a zero threshold). */
  share: number;
  leaf: Comparison;
  value: number;
}

/**
 * The tightest room the condition leaves a customer who meets it: for "all" the smallest of its parts, for
 * "any" the largest of the branches that hold. Null when the condition does not hold.
 */
export function slackOf(c: Condition, valueOf: (metric: string) => number): Slack | null {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map((x) => slackOf(x, valueOf));
    if ('all' in c) {
      if (parts.some((p) => p === null)) return null;
      return parts.reduce((a, b) => (b!.share < a!.share ? b : a))!;
    }
    const held = parts.filter((p): p is Slack => p !== null);
    return held.length ? held.reduce((a, b) => (b.share > a.share ? b : a)) : null;
  }
  const v = valueOf(c.metric);
  // Infinity: a value that cannot fall (the caller says so) leaves endless room.
  if (v === Infinity && (c.op === '>=' || c.op === '>')) return { share: Infinity, leaf: c, value: v };
  if (!Number.isFinite(v) || !compare(v, c)) return null;
  const t = Math.abs(c.value);
  let room = Infinity;
  if (c.op === '>=' || c.op === '>') room = v - c.value;
  else if (c.op === '<=' || c.op === '<') room = c.value - v;
  return { share: t > 0 && Number.isFinite(room) ? room / t : Infinity, leaf: c, value: v };
}
