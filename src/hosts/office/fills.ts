// Tier colours as few range operations. Where a colour follows from a cell's value (every 金卡 cell gold),
// a large column gets one conditional format per colour — a handful of operations whatever the row count,
// and the colour follows the value when the user sorts or edits. Otherwise rows of equal colour are grouped
// into runs, one fill per run. Either way only the used rows are coloured.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
import type { CellValue } from '../../port/workbook.ts';

export interface FillRun {
  start: number;
  count: number;
  color: string;
}

export type FillPlan =
  | { kind: 'none' }
  | { kind: 'runs'; runs: FillRun[] }
  /** One rule per colour: the key column's value equals `value`. */
  | { kind: 'byValue'; keyCol: number; rules: { value: string | number | boolean; color: string }[] };

/** Runs of equal (non-null) colour (the first `limit` of them). */
export function fillRuns(fills: readonly (string | null | undefined)[], count = fills.length, limit = Infinity): FillRun[] {
  const runs: FillRun[] = [];
  let i = 0;
  while (i < count && runs.length < limit) {
    const color = fills[i] ?? null;
    let j = i + 1;
    while (j < count && (fills[j] ?? null) === color) j++;
    if (color) runs.push({ start: i, count: j - i, color });
    i = j;
  }
  return runs;
}

/**
 * Text in lower case, remembered per text: a column holds the same few labels a million times, and
 * lower-casing Chinese text makes a new string each time.
 */
function lowerCase(): (v: string | number | boolean) => string | number | boolean {
  const seen = new Map<string, string>();
  return (v) => {
    if (typeof v !== 'string') return v;
    let k = seen.get(v);
    if (k === undefined) {
      k = v.toLowerCase();
      if (seen.size < 1024) seen.set(v, k);
    }
    return k;
  };
}

/** Value → colour when the colour of every row follows from its value (text compared as Excel does, ignoring case). */
export function colourByValue(values: readonly CellValue[], fills: readonly (string | null | undefined)[], count: number): Map<string | number | boolean, string> | null {
  const byKey = new Map<string | number | boolean, { value: string | number | boolean; color: string | null }>();
  const norm = lowerCase();
  // The entry of each value as written (the same few labels a million times): one lookup per cell.
  const byValue = new Map<string | number | boolean, { value: string | number | boolean; color: string | null }>();
  for (let i = 0; i < count; i++) {
    const v = values[i] ?? null;
    const color = fills[i] ?? null;
    if (v === null || v === '') {
      if (color) return null;
      continue;
    }
    let seen = byValue.get(v);
    if (seen === undefined) {
      const key = norm(v);
      seen = byKey.get(key);
      if (!seen) byKey.set(key, (seen = { value: v, color }));
      if (byValue.size < 1024) byValue.set(v, seen);
    }
    if (seen.color !== color) return null;
  }
  const out = new Map<string | number | boolean, string>();
  for (const { value, color } of byKey.values()) if (color) out.set(value, color);
  return out;
}

/** Above this many runs a conditional format (when the colours follow a column's values) is cheaper. */
export const MAX_STATIC_RUNS = 200;

/**
 * How to colour `count` rows: static runs when few, else conditional formats keyed on one of the candidate
 * columns, else (colours not tied to any value) static runs anyway.
 */
export function planFills(fills: readonly (string | null | undefined)[] | undefined, count: number, candidates: readonly (readonly CellValue[])[]): FillPlan {
  if (!fills || count === 0) return { kind: 'none' };
  // Only as many runs as decide between the two: a million rows can make hundreds of thousands.
  const few = fillRuns(fills, count, MAX_STATIC_RUNS + 1);
  if (few.length === 0) return { kind: 'none' };
  if (few.length <= MAX_STATIC_RUNS) return { kind: 'runs', runs: few };
  for (let k = 0; k < candidates.length; k++) {
    const map = colourByValue(candidates[k]!, fills, count);
    if (map && map.size > 0 && map.size <= 64) return { kind: 'byValue', keyCol: k, rules: [...map].map(([value, color]) => ({ value, color })) };
  }
  return { kind: 'runs', runs: fillRuns(fills, count) };
}

/** The custom conditional-format formula for "the key cell equals value", relative to the first row. */
export function equalsFormula(column: string, firstRow: number, value: string | number | boolean): string {
  const literal = typeof value === 'string' ? `"${value.replace(/"/g, '""')}"` : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return `=$${column}${firstRow}=${literal}`;
}
