// Every data issue points at a cell. Issues found while grading (a blank required value) know the customer,
// not the cell: point them at the metric's own cell, or — for a metric that came from a related sheet
// (orders, satisfaction …) or was derived — at the customer's id cell, naming the sheet it came from.
import { a1, loc, type DataIssue } from '../core/index.ts';
import type { CustomerSheet } from './read-customers.ts';

/** Fill in `cell`, `sheet` and `row` of the issues that lack them, in place. `fromRelated`: metric → sheet. */
export function pointIssuesAtCells(issues: DataIssue[], customers: CustomerSheet, fromRelated: ReadonlyMap<string, string>): void {
  const { mapping } = customers;
  const idCol = customers.generated ? 0 : (mapping.byField.id?.col ?? mapping.byField.name?.col ?? 0);
  for (const x of issues) {
    if (x.cell !== undefined || x.index === undefined) continue;
    const row = customers.sheetRows[x.index];
    if (row === undefined) continue;
    const own = x.field !== undefined && !customers.generated ? mapping.byField[x.field] : undefined;
    x.cell = a1(row, own ? own.col : idCol);
    x.sheet = customers.sheet;
    x.row = row;
    const source = own || x.field === undefined ? undefined : fromRelated.get(x.field);
    if (source !== undefined)
      x.message = loc(`${x.message['zh-CN']}（该指标来自工作表"${source}"）`, `${x.message['en-US']} (this metric comes from the sheet "${source}")`);
  }
}
