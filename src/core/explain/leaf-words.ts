// One comparison's words in one language, worked out once per run: its metric's name and formatter, its
// threshold as text, the symbols it shows met or missed. A million reasons and gaps are then a few
// concatenations each, not a re-derivation of the same words for every customer.
import type { Comparison } from "../scheme/schema.ts";
import type { Unit } from "../scheme/metrics.ts";
import { NEGATED_SYMBOL, OPERATOR_SYMBOL } from "./format.ts";

/** Integer-valued units, where "> 10" means "at least 11". */
export const WHOLE_UNITS = new Set<Unit>(["count"]);

export interface LeafWords {
  readonly leaf: Comparison;
  /** The metric's value of customer i (NaN where the run has none). */
  value(i: number): number;
  /** "年度消费金额 ¥1,250,000 ≥ ¥1,000,000", with the negated symbol when the comparison did not hold. */
  outcome(value: number, met: boolean): string;
  /** How much the metric must rise (≥, >) or fall (≤, <); null where a distance says nothing. */
  delta(current: number): number | null;
  /** What must change for the comparison to hold, in words. */
  gap(current: number): string;
}

/** What a leaf's words are made of: supplied by the explainer. */
export interface LeafParts {
  name: string;
  unit: Unit;
  zh: boolean;
  fmt(x: number): string;
  /** fmt() of a scheme constant (cached by the explainer). */
  fmtConst(x: number): string;
  value(i: number): number;
}

export function leafWords(leaf: Comparison, p: LeafParts): LeafWords {
  const { name, unit, zh, fmt } = p;
  const t = p.fmtConst(leaf.value);
  const hi = leaf.op === "between" ? p.fmtConst(leaf.max ?? leaf.value) : "";
  const whole = WHOLE_UNITS.has(unit);
  let metTail: string;
  let missTail: string;
  if (leaf.op === "between") {
    metTail = zh ? ` 在 ${t}–${hi} 之间` : ` within ${t}–${hi}`;
    missTail = zh ? ` 不在 ${t}–${hi} 之间` : ` outside ${t}–${hi}`;
  } else if (leaf.op === "=") {
    metTail = ` = ${t}`;
    missTail = ` ≠ ${t}`;
  } else {
    metTail = ` ${OPERATOR_SYMBOL[leaf.op]} ${t}`;
    missTail = ` ${NEGATED_SYMBOL[leaf.op]} ${t}`;
  }
  const head = `${name} `;
  const delta = (current: number): number | null => {
    if (leaf.op === ">=") return leaf.value - current;
    if (leaf.op === ">" && whole) return Math.floor(leaf.value) + 1 - current;
    if (leaf.op === "<=" || leaf.op === "<") return current - leaf.value;
    return null;
  };
  const gap = (current: number): string => {
    switch (leaf.op) {
      case ">=":
        return zh
          ? `${name}还差 ${fmt(leaf.value - current)}`
          : `${name} ${fmt(leaf.value - current)} short`;
      case ">":
        if (whole) {
          const d = fmt(Math.floor(leaf.value) + 1 - current);
          return zh
            ? `${name}还差 ${d}（需 > ${t}）`
            : `${name} ${d} short (needs > ${t})`;
        }
        return zh
          ? `${name}需超过 ${t}（当前 ${fmt(current)}）`
          : `${name} must exceed ${t} (now ${fmt(current)})`;
      case "<=":
        return zh
          ? `${name}需降至 ${t} 以内（当前 ${fmt(current)}）`
          : `${name} must be at most ${t} (now ${fmt(current)})`;
      case "<":
        return zh
          ? `${name}需低于 ${t}（当前 ${fmt(current)}）`
          : `${name} must be below ${t} (now ${fmt(current)})`;
      case "=":
        return zh
          ? `${name}需为 ${t}（当前 ${fmt(current)}）`
          : `${name} must be ${t} (now ${fmt(current)})`;
      case "between":
        return zh
          ? `${name}需在 ${t}–${hi} 之间（当前 ${fmt(current)}）`
          : `${name} must be within ${t}–${hi} (now ${fmt(current)})`;
    }
  };
  return {
    leaf,
    value: p.value,
    outcome: (v, met) => head + fmt(v) + (met ? metTail : missTail),
    delta,
    gap,
  };
}
