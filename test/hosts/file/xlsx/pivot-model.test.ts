// The PivotTable model (issue 16): each record's item index, found once per field, names the record's own
// value among the field's items — on the axes, whose items are sorted for display, and on the other fields.
import { describe, expect, it } from 'vitest';
import { pivotLayout } from '../../../../src/hosts/file/xlsx/pivot-model.ts';
import type { CellValue, SummarySpec } from '../../../../src/port/workbook.ts';

const rows: CellValue[][] = [
  ['C9', '普通客户', '华东', 120, 'a'],
  ['C2', '重点客户', '', 80.5, null],
  ['C5', 'VIP客户', '华北', -0, 'b'],
  ['C1', '普通客户', '华东', 0, 'a'],
  ['C7', '新客户', null, 3, 7],
  ['C3', 'VIP客户', '华南', 1e6, 'b'],
];
const spec: SummarySpec = {
  key: 'mix',
  sheet: '等级分布',
  title: '等级分布',
  source: { sheet: 'src', tableName: 'T', header: ['客户编号', '等级', '区域', '金额', '备注'], rows },
  pivot: { name: 'P', rows: ['等级'], columns: ['区域'], values: [{ field: '金额', caption: '合计', summarizeBy: 'sum' }] },
  fallback: [{ header: ['等级', '客户数'], rows: [['VIP客户', 2], ['重点客户', 1], ['普通客户', 2], ['新客户', 1]] }],
};

describe('pivotLayout', () => {
  it('points each record of a shared field at the item holding its value', () => {
    const layout = pivotLayout(spec, { grandTotal: '总计' });
    const shared = layout.fields.filter((f) => f.shared);
    expect(shared.map((f) => f.name)).toEqual(['客户编号', '等级', '区域', '备注']);
    for (const f of shared) {
      const c = layout.fields.indexOf(f);
      expect(Array.from(f.recordItems!, (i) => f.items[i])).toEqual(layout.records.map((r) => r[c] ?? null));
      expect(Array.from(f.recordItems!)).toEqual(layout.records.map((r) => f.index.get(r[c] ?? null)));
    }
    // The axis keeps the order of the static tables, not the order first met.
    expect(layout.fields[1]!.items).toEqual(['VIP客户', '重点客户', '普通客户', '新客户']);
    expect(layout.fields[3]!.recordItems).toBeNull();
  });
});
