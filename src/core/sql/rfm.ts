// RFM quintiles as SQL. Cut points are Excel's PERCENTILE.INC over the rated customers (rank (n − 1)·p,
// interpolated as a + (h − lo)·(b − a), the core's own formula), then F and M = 1 + cuts strictly below
// the value, R = 1 + cuts strictly above it, and segments first-match, as rfm.ts scores them.
import type { RfmMode } from '../scheme/schema.ts';
import { RFM_FRACTIONS } from '../grading/rfm.ts';
import { sqlNumber, type PercentileMethod } from './dialect.ts';
import { ratedSql, type InputContext } from './inputs.ts';
import { keep, tierCase, type ModeSql } from './modes.ts';

const KEYS = ['r', 'f', 'm'] as const;
type Key = (typeof KEYS)[number];

function metricOf(mode: RfmMode, k: Key): string {
  return k === 'r' ? mode.recency : k === 'f' ? mode.frequency : mode.monetary;
}

/** Cut points through the engine's PERCENTILE_CONT (same rank and interpolation as PERCENTILE.INC). */
function aggregateCuts(x: InputContext, mode: RfmMode): [string, string][] {
  const { d } = x;
  const lists = KEYS.map((k) => `${d.percentileArray!(x.alias(metricOf(mode, k)), RFM_FRACTIONS)} AS _${k}`);
  const cols = KEYS.flatMap((k) => RFM_FRACTIONS.map((_, q) => `_${k}[${q + 1}] AS _${k}${q + 1}`));
  return [
    ['quantiles', `SELECT\n    ${lists.join(',\n    ')}\n  FROM prepared\n  WHERE ${ratedSql(x)}`],
    ['cuts', `SELECT\n    ${cols.join(',\n    ')}\n  FROM quantiles`],
  ];
}

/** The same cut points from ranks alone, for engines without an exact percentile aggregate. */
function windowCuts(x: InputContext, mode: RfmMode): [string, string][] {
  const { d } = x;
  const ctes: [string, string][] = [];
  const pos = RFM_FRACTIONS.flatMap((p, q) => [
    `FLOOR(_n1 * CAST(${sqlNumber(p)} AS ${d.double})) AS _lo${q + 1}`,
    `_n1 * CAST(${sqlNumber(p)} AS ${d.double}) AS _h${q + 1}`,
  ]);
  ctes.push([
    'positions',
    `-- PERCENTILE.INC over the rated customers: rank h = (n - 1) * p, cut = a + (h - lo) * (b - a), a and b at ranks lo, lo + 1\n  SELECT\n    ${pos.join(',\n    ')}\n  FROM (SELECT CAST(COUNT(*) - 1 AS ${d.double}) AS _n1 FROM prepared WHERE ${ratedSql(x)}) AS counted`,
  ]);
  for (const k of KEYS) {
    const ref = x.alias(metricOf(mode, k));
    ctes.push([
      `ranked_${k}`,
      `SELECT ${ref} AS _v, ROW_NUMBER() OVER (ORDER BY ${ref}) - 1 AS _k\n  FROM prepared\n  WHERE ${ratedSql(x)}`,
    ]);
    const picks = RFM_FRACTIONS.flatMap((_, q) => [
      `MAX(CASE WHEN _k = _lo${q + 1} THEN _v END) AS _a${q + 1}`,
      `MAX(CASE WHEN _k = _lo${q + 1} + 1 THEN _v END) AS _b${q + 1}`,
      `MAX(_h${q + 1} - _lo${q + 1}) AS _d${q + 1}`,
    ]);
    const wanted = RFM_FRACTIONS.flatMap((_, q) => [`_lo${q + 1}`, `_lo${q + 1} + 1`]).join(', ');
    ctes.push([`picked_${k}`, `SELECT\n    ${picks.join(',\n    ')}\n  FROM ranked_${k} CROSS JOIN positions\n  WHERE _k IN (${wanted})`]);
  }
  // b is missing only at the last rank, where PERCENTILE.INC takes a itself.
  const cols = KEYS.flatMap((k) =>
    RFM_FRACTIONS.map((_, q) => {
      const i = q + 1;
      return `${k}._a${i} + ${k}._d${i} * (COALESCE(${k}._b${i}, ${k}._a${i}) - ${k}._a${i}) AS _${k}${i}`;
    }),
  );
  ctes.push(['cuts', `SELECT\n    ${cols.join(',\n    ')}\n  FROM ${KEYS.map((k) => `picked_${k} AS ${k}`).join(' CROSS JOIN ')}`]);
  return ctes;
}

export function rfmSql(x: InputContext, mode: RfmMode, method: PercentileMethod): ModeSql {
  const score = (k: Key) => {
    const ref = `p.${x.alias(metricOf(mode, k))}`;
    const beats = RFM_FRACTIONS.map((_, q) => `CASE WHEN c._${k}${q + 1} ${k === 'r' ? '>' : '<'} ${ref} THEN 1 ELSE 0 END`);
    return `CASE WHEN ${ratedSql(x, 'p.')} THEN 1\n      + ${beats.join('\n      + ')} END AS _${k}`;
  };
  const keepP = keep(x).split(', ').map((c) => `p.${c}`).join(', ');
  const scores = `-- F, M: 1 + cut points strictly below the value; R (fewer days is better): 1 + cut points strictly above it\n  SELECT\n    ${keepP},\n    ${KEYS.map(score).join(',\n    ')}\n  FROM prepared AS p CROSS JOIN cuts AS c`;
  const segments = mode.segments.map((seg) => {
    const parts = KEYS.flatMap((k) => (seg[k] ? [`_${k} BETWEEN ${seg[k][0]} AND ${seg[k][1]}`] : []));
    return parts.length ? parts.join(' AND ') : 'TRUE';
  });
  const tier = tierCase('_r IS NULL', segments, x.scheme.tiers.length - 1);
  const graded = `SELECT\n    ${keep(x)},\n    ${tier} AS _tier,\n    CAST(_r * 100 + _f * 10 + _m AS ${x.d.double}) AS _score,\n    _r, _f, _m\n  FROM scores`;
  return {
    ctes: [...(method === 'aggregate' ? aggregateCuts(x, mode) : windowCuts(x, mode)), ['scores', scores], ['graded', graded]],
    extras: [
      ['_r', 'r_score'],
      ['_f', 'f_score'],
      ['_m', 'm_score'],
    ],
  };
}
