// A user's own grade column (客户等级 / Tier, kept by hand and not ours) as the previous tier: with no earlier
// period in the history, it is what the new tiers are best compared with ("上期等级", "等级变动").
import { headerKey, outputColumnOf, type HistoryRecord, type Scheme } from '../core/index.ts';
import type { SheetValues } from '../port/workbook.ts';
import type { CustomerSheet } from './read-customers.ts';

/**
 * Customer id → the user's grade as a history record (tier: the scheme's tier id when the text names one
 * of its tiers by label or id, else the text as written). Null when the sheet has no such column or none
 * of its grades names a tier of the scheme (a scale of the user's own: nothing to compare).
 */
export function previousFromUserGrades(customers: CustomerSheet, values: SheetValues, scheme: Scheme): Map<string, HistoryRecord> | null {
  if (customers.generated) return null;
  const ours = new Set(Object.values(customers.outputCols));
  const col = customers.headerCells.findIndex((h, c) => !ours.has(c) && outputColumnOf(h) === 'tier');
  if (col < 0) return null;
  const byText = new Map<string, string>();
  for (const t of scheme.tiers) for (const text of [t.id, t.label['zh-CN'], t.label['en-US']]) if (!byText.has(headerKey(text))) byText.set(headerKey(text), t.id);
  const out = new Map<string, HistoryRecord>();
  let named = 0;
  customers.sheetRows.forEach((row, i) => {
    const v = values.values[row - values.firstRow]?.[col];
    if (v === null || v === undefined || String(v).trim() === '') return;
    const id = byText.get(headerKey(v));
    if (id) named++;
    const name = customers.table.names[i] ?? null;
    out.set(customers.table.ids[i]!, { period: '', id: customers.table.ids[i]!, name, tier: id ?? String(v).trim(), score: null, metrics: {}, gradedAt: null });
  });
  return named > 0 ? out : null;
}
