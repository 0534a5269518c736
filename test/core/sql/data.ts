// Generated customers that exercise every rule of grading: skewed values with many ties, values exactly
// at each threshold of the schemes, blanks, unreadable cells, values outside a criterion's range, negative
// spend and orders, zero orders, and ids that compare as numbers ("42", "042", "42.0") beside codes.
import { mulberry32 } from '../../../scripts/sample/random.ts';
import type { Condition, Scheme } from '../../../src/core/index.ts';
import type { Cell, Dataset } from './duckdb.ts';

export const METRICS = ['annualSpend', 'orderCount', 'avgOrderValue', 'cooperationYears', 'recencyDays', 'growthPotential'] as const;

/** Every number a scheme compares a metric with (conditions, band edges), so data can sit exactly on them. */
export function thresholds(scheme: Scheme): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (m: string, v: number | undefined) => {
    if (v === undefined) return;
    const list = out.get(m) ?? [];
    list.push(v);
    out.set(m, list);
  };
  const walk = (c: Condition) => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else {
      add(c.metric, c.value);
      add(c.metric, c.max);
    }
  };
  const mode = scheme.mode;
  if (mode.kind === 'rules') mode.rules.forEach((r) => walk(r.when));
  if (mode.kind === 'points')
    for (const c of mode.criteria)
      for (const b of c.bands) {
        add(c.metric, b.min);
        add(c.metric, b.max);
      }
  for (const c of scheme.criteria) {
    add(c.metric, c.min);
    add(c.metric, c.max);
  }
  return out;
}

function idFor(i: number, r: number): string {
  // Mostly codes; the rest numbers that tie by value ("7", "07", "7.0") and decimals, compared as numbers.
  if (r < 0.6) return `C${String(i).padStart(6, '0')}`;
  if (r < 0.95) {
    const j = Math.floor(i / 4);
    return [`${j}`, `0${j}`, `${j}.0`, `${j}.50`][i % 4]!;
  }
  return `k-${i}`;
}

/** `n` customers with every metric of METRICS; `schemes` supply thresholds to hit exactly. */
export function generateCustomers(n: number, seed: number, schemes: readonly Scheme[] = []): Dataset {
  const rnd = mulberry32(seed);
  const hits = new Map<string, number[]>();
  for (const s of schemes) for (const [m, vs] of thresholds(s)) hits.set(m, [...(hits.get(m) ?? []), ...vs]);
  const normal = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const draws: Record<(typeof METRICS)[number], () => number> = {
    annualSpend: () => {
      const v = Math.exp(10 + 1.6 * normal());
      const r = rnd();
      return r < 0.5 ? Math.round(v / 100) * 100 : r < 0.8 ? Math.round(v * 100) / 100 : r < 0.97 ? v : -Math.round(v / 10);
    },
    orderCount: () => (rnd() < 0.01 ? -1 : Math.floor(rnd() * rnd() * 40)),
    avgOrderValue: () => Math.round(rnd() * 2000 * 100) / 100,
    cooperationYears: () => (rnd() < 0.2 ? Math.floor(rnd() * 24) / 2 : Math.floor(rnd() * 12)),
    recencyDays: () => Math.floor(rnd() * rnd() * 500),
    growthPotential: () => (rnd() < 0.05 ? (rnd() < 0.5 ? -1 : 11 + Math.floor(rnd() * 3)) : Math.floor(rnd() * 21) / 2),
  };
  const metrics: Record<string, Cell[]> = {};
  for (const m of METRICS) {
    const col: Cell[] = new Array(n);
    const own = hits.get(m) ?? [];
    for (let i = 0; i < n; i++) {
      const r = rnd();
      col[i] = r < 0.03 ? null : r < 0.05 ? (rnd() < 0.5 ? '待定' : 'n/a') : r < 0.1 && own.length ? own[Math.floor(rnd() * own.length)]! : draws[m]();
    }
    metrics[m] = col;
  }
  const ids = Array.from({ length: n }, (_, i) => idFor(i, rnd()));
  return { ids, metrics };
}

/** Manual overrides on a few customers: ids and labels in odd spellings, and names of no tier. */
export function withOverrides(data: Dataset, scheme: Scheme, seed: number, share = 0.05): Dataset {
  const rnd = mulberry32(seed);
  const spellings = (s: string) => [s, s.toUpperCase(), ` ${s}\u3000`, s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))];
  const names = scheme.tiers.flatMap((t) => [...spellings(t.id), ...spellings(t.label['zh-CN']), ...spellings(t.label['en-US'])]);
  const others = ['', '   ', '无此等级', 'platinum'];
  const overrides = data.ids.map(() => {
    if (rnd() >= share) return null;
    return rnd() < 0.8 ? names[Math.floor(rnd() * names.length)]! : others[Math.floor(rnd() * others.length)]!;
  });
  return { ...data, overrides };
}
