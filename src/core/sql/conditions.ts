// A condition tree (rules mode, RFM segments) as a SQL boolean. The values are validated finite numbers;
// metric names go through the caller's column naming, never into the text as typed.
import type { Comparison, Condition } from '../scheme/schema.ts';
import { sqlNumber } from './dialect.ts';

function comparison(c: Comparison, x: string): string {
  const v = sqlNumber(c.value);
  switch (c.op) {
    case '>=':
    case '>':
    case '<=':
    case '<':
      return `${x} ${c.op} ${v}`;
    case '=':
      return `${x} = ${v}`;
    case 'between':
      return `${x} BETWEEN ${v} AND ${sqlNumber(c.max ?? c.value)}`;
  }
}

/** The condition over columns named by `column(metric)`; groups are parenthesised, so precedence never matters. */
export function conditionSql(c: Condition, column: (metric: string) => string): string {
  if ('all' in c) return c.all.length === 1 ? conditionSql(c.all[0]!, column) : `(${c.all.map((x) => conditionSql(x, column)).join(' AND ')})`;
  if ('any' in c) return c.any.length === 1 ? conditionSql(c.any[0]!, column) : `(${c.any.map((x) => conditionSql(x, column)).join(' OR ')})`;
  return comparison(c, column(c.metric));
}
