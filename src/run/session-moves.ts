// How many customers a grading moves up or down against the tiers the sheet held before: the preview's
// and the results view's numbers. "Before" is what the sheet's tier column says (labels in either
// language, or tier ids from the history), matched to the scheme's tiers by id or label.
import { idKey } from '../core/aggregate/keys.ts';
import { headerKey, movementDefinition, outputColumnOf, type GradeResult, type Localized, type Scheme, type TierMovement } from '../core/index.ts';
import { detectHeaderRow } from '../core/mapping/index.ts';
import type { SheetInfo, WorkbookPort } from '../port/workbook.ts';
import type { CustomerSheet } from './read-customers.ts';

export interface Moves {
  /** Whether there was an earlier grading to compare with. */
  compared: boolean;
  up: number;
  down: number;
  same: number;
  /** Graded now, no tier before. */
  fresh: number;
  /** Had a tier before that the scheme does not know (a different preset's labels). */
  unknown: number;
  /** Churned since the previous period (between periods only; 0 against the sheet's last grading). */
  churned: number;
  /** What the counts compare, shown beside them (the 等级变动 sheet states the same). */
  definition: Localized | null;
}

/** The counts of a movement between two periods: exactly the 等级变动 sheet's summary (up, down, unchanged, churned, new). */
export function movesOf(m: TierMovement, scheme: Scheme): Moves {
  return {
    compared: true,
    up: m.upgrades,
    down: m.downgrades,
    same: m.unchanged,
    fresh: m.newCustomers,
    unknown: 0,
    churned: m.churned,
    definition: movementDefinition(m, scheme),
  };
}

/** Customer id → the tier text the sheet's tier column holds from the last run; null when it has none. */
export async function lastAppliedTiers(port: WorkbookPort, sheets: readonly SheetInfo[], customers: CustomerSheet): Promise<Map<string, string> | null> {
  // An orders-only run's own customers sheet does not exist before its first run.
  if (!sheets.some((s) => s.name === customers.sheet)) return null;
  const v = await port.readSheet(customers.sheet);
  let tierCol = customers.outputCols.tier;
  let idCol = customers.mapping.byField.id?.col;
  let rows: number[] = customers.sheetRows;
  if (customers.generated) {
    // Our own customers sheet (orders-only runs): ids in the first column, tiers under our header.
    const header = detectHeaderRow(v.values, v.firstRow);
    if (!header) return null;
    tierCol = header.headers.findIndex((h) => outputColumnOf(h) === 'tier');
    idCol = 0;
    rows = [];
    for (let r = header.row + 1; r < v.firstRow + v.values.length; r++) rows.push(r);
  }
  if (tierCol === undefined || tierCol < 0 || idCol === undefined) return null;
  const out = new Map<string, string>();
  for (const row of rows) {
    const cells = v.values[row - v.firstRow];
    const id = idKey(cells?.[idCol] ?? null);
    const tier = cells?.[tierCol];
    if (id !== null && tier !== null && tier !== undefined && String(tier).trim() !== '') out.set(id, String(tier).trim());
  }
  return out.size ? out : null;
}

/** Tier index (0 = best) for a tier id or a label in either language. */
function tierIndex(scheme: Scheme): (text: string) => number {
  const by = new Map<string, number>();
  scheme.tiers.forEach((t, i) => {
    by.set(headerKey(t.id), i);
    by.set(headerKey(t.label['zh-CN']), i);
    by.set(headerKey(t.label['en-US']), i);
  });
  return (text) => by.get(headerKey(text)) ?? -1;
}

export function movesBetween(scheme: Scheme, result: GradeResult, before: Map<string, string> | null): Moves {
  const moves: Moves = { compared: before !== null, up: 0, down: 0, same: 0, fresh: 0, unknown: 0, churned: 0, definition: null };
  if (!before) return moves;
  const indexOf = tierIndex(scheme);
  const ids = result.table.ids;
  for (let i = 0; i < result.size; i++) {
    const now = result.tier[i]!;
    if (now < 0) continue;
    const id = idKey(ids[i] ?? null);
    const text = id === null ? undefined : before.get(id);
    if (text === undefined) {
      moves.fresh++;
      continue;
    }
    const was = indexOf(text);
    if (was < 0) moves.unknown++;
    else if (now < was) moves.up++;
    else if (now > was) moves.down++;
    else moves.same++;
  }
  return moves;
}
