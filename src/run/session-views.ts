// The pane's views, built from what a step of the session read or graded: plain data that crosses the worker
// boundary (views.ts says what each holds).
import { columnLetter, metricSpec, tierMixOf, type DataIssue, type GradeResult, type Scheme, type TierMix } from '../core/index.ts';
import { fieldDefs, type ColumnMapping } from '../core/mapping/index.ts';
import type { SheetInfo } from '../port/workbook.ts';
import { paneProblems } from './pane-words.ts';
import type { CustomerSheet } from './read-customers.ts';
import { metricsFromRelated, type Related } from './related-sheets.ts';
import { ISSUE_LIST_LIMIT, type ColumnView, type DataView, type FieldView, type IssueView, type MixView, type SheetRole } from './views.ts';

/** Fields every customer sheet may have besides the scheme's metrics. */
const FIXED_FIELDS: readonly string[] = ['id', 'name', 'lastPurchase', 'override', 'overrideReason'];

/** The data step's view of a mapped (or unmappable) customer sheet. */
export function dataView(
  scheme: Scheme,
  sheets: readonly SheetInfo[],
  mapping: ColumnMapping,
  related: Related,
  /** The sheets that are TierBook's. */
  owned: ReadonlyMap<string, unknown>,
  sheet: Pick<DataView, 'customerSheet' | 'generated' | 'headerRow' | 'customers' | 'blocking' | 'asOf'>,
): DataView {
  const byCol = new Map(mapping.columns.map((c) => [c.col, c]));
  // Every header cell of the sheet but our own output columns: the mapped ones and the rest.
  const columns: ColumnView[] = sheet.generated
    ? []
    : [...mapping.columns, ...mapping.unmapped]
        .map((c) => c.col)
        .filter((col, i, all) => all.indexOf(col) === i)
        .sort((a, b) => a - b)
        .map((col) => {
          const m = byCol.get(col);
          const header = m?.header ?? mapping.unmapped.find((u) => u.col === col)!.header;
          return { col, letter: columnLetter(col), header, field: m?.field ?? null, matchedBy: m?.matchedBy ?? null, synonym: m?.synonym ?? null, unitNote: m?.unitNote ?? null };
        });
  const needed = new Set(scheme.criteria.map((c) => c.metric));
  const supplied = metricsFromRelated(related);
  const fields: FieldView[] = fieldDefs(scheme)
    .filter((d) => needed.has(d.field) || FIXED_FIELDS.includes(d.field))
    .map((d) => ({
      field: d.field,
      label: needed.has(d.field) ? metricSpec(scheme, d.field).label : d.label,
      required: needed.has(d.field) || d.field === 'id',
      col: mapping.byField[d.field]?.col ?? null,
      fromRelated: mapping.byField[d.field] ? null : (supplied.get(d.field) ?? null),
    }));
  return {
    sheets: sheets.map((s) => ({ name: s.name, rows: s.lastRow, visible: s.visible, role: s.name === sheet.customerSheet ? 'customers' : roleOf(s.name, related, owned) })),
    ...sheet,
    columns,
    fields,
    problems: paneProblems(mapping.problems),
    related: { orders: related.orders?.sheet ?? null, interactions: related.interactions?.sheet ?? null, satisfaction: related.satisfaction?.sheet ?? null },
  };
}

/** The tier mix as the pane draws it: one bar per tier, with its share, revenue and expected range. */
export function mixView(result: GradeResult, mix: TierMix = tierMixOf(result)): MixView {
  const { scheme } = result;
  return {
    bars: mix.rows.map((r, i) => {
      const tier = scheme.tiers[i]!;
      return {
        tier: tier.id,
        label: tier.label,
        color: tier.color,
        customers: r.customers,
        share: r.customerShare,
        revenue: r.revenue,
        expected: r.expected,
        outside: r.outsideExpected,
      };
    }),
    unrated: mix.unrated,
    graded: mix.graded,
    totalRevenue: mix.totalRevenue,
    revenueLabel: mix.revenueMetric ? metricSpec(scheme, mix.revenueMetric).label : null,
    currency: scheme.currency,
  };
}

function roleOf(name: string, related: Related, owned: ReadonlyMap<string, unknown>): SheetRole {
  if (related.orders?.sheet === name) return 'orders';
  if (related.interactions?.sheet === name) return 'interactions';
  if (related.satisfaction?.sheet === name) return 'satisfaction';
  return owned.has(name) ? 'tierbook' : 'other';
}

/** The first ISSUE_LIST_LIMIT issues as the pane lists them, each with the cell it is about. */
export function issueViews(issues: DataIssue[], customers: CustomerSheet, ids: readonly string[]): IssueView[] {
  return issues.slice(0, ISSUE_LIST_LIMIT).map((x) => ({
    sheet: x.sheet ?? (x.row !== undefined ? customers.sheet : null),
    cell: x.cell ?? cellOf(x, customers),
    customer: x.index !== undefined ? (ids[x.index] ?? null) : null,
    field: x.field ?? null,
    message: x.message,
  }));
}

/** The cell of an issue the core knows only by row and field (e.g. an unknown manual tier). */
function cellOf(issue: DataIssue, customers: CustomerSheet): string | null {
  if (issue.row === undefined || !issue.field || customers.generated) return null;
  const col = customers.mapping.byField[issue.field]?.col;
  return col === undefined ? null : `${columnLetter(col)}${issue.row}`;
}

/** How many customers hold each tier label (the last applied grading). */
export function countLabels(last: Map<string, string>): { label: string; customers: number }[] {
  const counts = new Map<string, number>();
  for (const label of last.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, customers]) => ({ label, customers }));
}

