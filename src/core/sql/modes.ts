// Rules and weighted points as SQL: a first-match CASE over the prepared metrics, exactly as the core's
// tier chain and points.ts compute them (same operators, same order of floating-point operations).
import type { PointsBand, PointsMode, RulesMode } from '../scheme/schema.ts';
import { conditionSql } from './conditions.ts';
import { sqlNumber } from './dialect.ts';
import { ratedSql, unratedSql, type InputContext } from './inputs.ts';

/** CTEs a mode adds after `prepared`; the last is `graded`: _id, [_override], _tier (0-based, NULL = unrated), _score, extras. */
export interface ModeSql {
  ctes: [name: string, body: string][];
  /** Extra output columns of `graded`: [column in graded, output name]. */
  extras: [string, string][];
}

export function keep(x: InputContext): string {
  return x.hasOverride ? '_id, _override' : '_id';
}

/** `CASE WHEN <unrated> THEN NULL WHEN c0 THEN 0 … ELSE fallback END`: tiers by index, first match wins. */
export function tierCase(unrated: string, conditions: readonly (string | [string, number])[], fallback: number): string {
  const lines = ['CASE', `      WHEN ${unrated} THEN NULL`];
  conditions.forEach((c, t) => lines.push(typeof c === 'string' ? `      WHEN ${c} THEN ${t}` : `      WHEN ${c[0]} THEN ${c[1]}`));
  lines.push(`      ELSE ${fallback}`, '    END');
  return lines.join('\n');
}

export function rulesSql(x: InputContext, mode: RulesMode): ModeSql {
  const { d } = x;
  const tier = tierCase(
    unratedSql(x),
    mode.rules.map((r) => conditionSql(r.when, x.alias)),
    x.scheme.tiers.length - 1,
  );
  return {
    ctes: [['graded', `SELECT\n    ${keep(x)},\n    ${tier} AS _tier,\n    CAST(NULL AS ${d.double}) AS _score\n  FROM prepared`]],
    extras: [],
  };
}

function bandSql(b: PointsBand, ref: string): string {
  const parts: string[] = [];
  if (b.min !== undefined) parts.push(`${ref} >= ${sqlNumber(b.min)}`);
  if (b.max !== undefined) parts.push(`${ref} < ${sqlNumber(b.max)}`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

export function pointsSql(x: InputContext, mode: PointsMode): ModeSql {
  const { d } = x;
  // weight × points is taken here, in double arithmetic, as the core takes it; the sum runs left to right.
  const terms = mode.criteria.map((c) => {
    const ref = x.alias(c.metric);
    const whens = c.bands.map((b) => `WHEN ${bandSql(b, ref)} THEN ${sqlNumber(c.weight * b.points)}`).join(' ');
    return `CAST(CASE ${whens} ELSE 0 END AS ${d.double})`;
  });
  let weights = 0;
  for (const c of mode.criteria) weights += c.weight;
  const total = terms.length === 1 ? terms[0]! : `(${terms.join('\n      + ')})`;
  const points = `SELECT\n    ${keep(x)},\n    ${ratedSql(x)} AS _rated,\n    ${total} / ${sqlNumber(weights)} * 1000000 AS _micro\n  FROM prepared`;
  // Rounded to 1e-6 like points.ts, so decimal weights land exactly on the thresholds users typed.
  const scored = `SELECT\n    ${keep(x)},\n    CASE WHEN _rated THEN ${d.roundHalfUp('_micro')} / 1000000 END AS _score\n  FROM points`;
  const tier = tierCase(
    '_score IS NULL',
    mode.tierBands.map((b) => `_score >= ${sqlNumber(b.minScore)}`),
    mode.tierBands.length,
  );
  const graded = `SELECT\n    ${keep(x)},\n    ${tier} AS _tier,\n    _score\n  FROM scored`;
  return {
    ctes: [
      ['points', points],
      ['scored', scored],
      ['graded', graded],
    ],
    extras: [],
  };
}
