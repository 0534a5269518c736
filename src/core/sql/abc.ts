// ABC / Pareto as SQL: a running sum in the core's order (revenue descending; ties by id, numeric ids by
// value and before the others, then by code point), and the same cut test as abc.ts.
import type { AbcMode } from '../scheme/schema.ts';
import { sqlNumber } from './dialect.ts';
import type { InputContext } from './inputs.ts';
import { keep, tierCase, type ModeSql } from './modes.ts';

export function abcSql(x: InputContext, mode: AbcMode): ModeSql {
  const { d } = x;
  const v = x.alias(mode.metric);
  const keyed = `SELECT\n    ${keep(x)},\n    ${v} AS _v,\n    CASE WHEN ${d.isNumericText('_id')} THEN ${d.castDouble('_id')} END AS _id_number\n  FROM prepared`;
  // Numeric ids first, by value, then by code point. Negative revenue counts as none; unrated rows (NULL)
  // add nothing wherever they sort.
  const order = `_v DESC, _id_number NULLS LAST, _id${d.binaryCollate}`;
  const ranked = [
    '-- Revenue of the customers ranked above each one (negative revenue counts as none), and the total',
    '  SELECT',
    `    ${keep(x)},`,
    '    _v,',
    `    COALESCE(SUM(GREATEST(_v, 0)) OVER (ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS _before,`,
    '    SUM(GREATEST(_v, 0)) OVER () AS _total',
    '  FROM keyed',
  ].join('\n');
  // A share equal to a cut up to rounding counts as reaching it: the core's limit c·total − total·1e-12.
  const last = mode.cuts.length;
  const limits = mode.cuts.map((c, t): [string, number] => [`_before < ${sqlNumber(c)} * _total - _total * ${sqlNumber(1e-12)}`, t]);
  // No revenue at all: everyone rated goes to the last tier, without a share.
  const tier = tierCase('_v IS NULL', [['NOT (_total > 0)', last], ...limits], last);
  const graded = `-- A while the share before is below the first cut, B below the second …; equal up to rounding counts as reached\n  SELECT\n    ${keep(x)},\n    ${tier} AS _tier,\n    CASE WHEN _v IS NOT NULL AND _total > 0 THEN _before / _total * 100 END AS _score\n  FROM ranked`;
  return {
    ctes: [
      ['keyed', keyed],
      ['ranked', ranked],
      ['graded', graded],
    ],
    extras: [],
  };
}
