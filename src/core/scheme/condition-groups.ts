// Condition trees ↔ rows: any of groups, each group all of its comparisons. The rules sheet and the
// handbook write a condition as groups of rows; reading the sheet builds the tree back.
import type { Comparison, Condition } from './schema.ts';

/** Disjunctive normal form: the condition holds when every comparison of at least one group holds. */
export function toGroups(c: Condition): Comparison[][] {
  if ('any' in c) return c.any.flatMap(toGroups);
  if ('all' in c) {
    return c.all.reduce<Comparison[][]>(
      (acc, child) => acc.flatMap((g) => toGroups(child).map((h) => [...g, ...h])),
      [[]],
    );
  }
  return [[c]];
}

export function fromGroups(groups: Comparison[][]): Condition {
  const one = (g: Comparison[]): Condition => (g.length === 1 ? g[0]! : { all: g });
  return groups.length === 1 ? one(groups[0]!) : { any: groups.map(one) };
}
