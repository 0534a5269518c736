// The rules the Excel fake learnt from issue 14, each held to the behaviour its README cites.
import { describe, expect, it } from 'vitest';
import { FakeExcel, PAYLOAD_LIMIT } from '../../support/excel-fake/index.ts';
import { BULK_CHUNK_BYTES } from '../../support/excel-fake/requests.ts';

const data = () => [
  ['tier', 'id', 'rev'],
  ['A', 'k1', 10],
  ['B', 'k2', 5],
  ['A', 'k3', 1],
];

/** A workbook with a table Src on Data and a PivotTable Pv (count of id by tier) on P. */
async function withPivot(fake: FakeExcel): Promise<void> {
  await fake.run(async (context) => {
    const t = context.workbook.worksheets.getItem('Data').tables.add('Data!A1:C4', true);
    t.name = 'Src';
    const ws = context.workbook.worksheets.getItem('P');
    const p = ws.pivotTables.add('Pv', t, ws.getRange('A1'));
    p.rowHierarchies.add(p.hierarchies.getItem('tier'));
    const n = p.dataHierarchies.add(p.hierarchies.getItem('id'));
    n.summarizeBy = 'Count';
    n.name = 'n';
    const rev = p.dataHierarchies.add(p.hierarchies.getItem('rev'));
    rev.name = 'revenue';
    await context.sync();
  });
}

describe('the Excel fake, rules from issue 14', () => {
  it('a chart made over PivotTable cells is a PivotChart of the whole PivotTable (OfficeDev/office-js#419); over plain cells it is not', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: data() }, { name: 'P', values: [] }]);
    await withPivot(fake);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('P');
      ws.charts.add('ColumnClustered', ws.getRange('A2:B3'), 'Columns').name = 'onPivot';
      ws.getRange('F1:G3').values = [['tier', 'n'], ['A', 2], ['B', 1]];
      ws.charts.add('ColumnClustered', ws.getRange('F1:G3'), 'Columns').name = 'plain';
      await context.sync();
    });
    const pv = fake.pivots[0]!;
    const onPivot = fake.charts.find((c) => c.name === 'onPivot')!;
    expect(onPivot.pivot).toBe(pv);
    expect(onPivot.source.rect).toEqual(pv.output);
    expect(pv.output.cols).toBe(3); // tier, n, revenue: every value field is a series
    expect(fake.charts.find((c) => c.name === 'plain')!.pivot).toBeNull();
  });

  it('counts office.js’s split of a values / numberFormat write over 1,500 cells in the request (ExcelApi 1.3+)', async () => {
    const sizes: number[] = [];
    for (const supported of [{ ExcelApi: '1.13' }, { ExcelApi: '1.2' }]) {
      const fake = new FakeExcel([{ name: 'S', values: [] }], { supported });
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.getRange('A1:A3000').numberFormat = Array.from({ length: 3000 }, () => ['0.00']);
        await context.sync();
      });
      sizes.push(fake.largestRequest);
    }
    // 3,000 cells of one column: two chunks of 1,500 rows.
    expect(sizes[0]! - sizes[1]!).toBe(2 * BULK_CHUNK_BYTES);
    // 2 columns × 1,500 rows: chunks of 750 rows.
    const fake = new FakeExcel([{ name: 'S', values: [] }]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1500').values = Array.from({ length: 1500 }, () => [1, 2]);
      await context.sync();
    });
    const json = JSON.stringify(Array.from({ length: 1500 }, () => [1, 2])).length;
    expect(fake.largestRequest).toBeGreaterThan(json + 2 * BULK_CHUNK_BYTES);
    expect(fake.largestRequest).toBeLessThan(json + 3 * BULK_CHUNK_BYTES);
    expect(PAYLOAD_LIMIT).toBe(5 * 1024 * 1024);
  });

  it('PivotTable names are unique per sheet: the same name on two sheets is allowed, twice on one sheet is not', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: data() }, { name: 'P', values: [] }, { name: 'Q', values: [] }]);
    await withPivot(fake);
    await fake.run(async (context) => {
      const q = context.workbook.worksheets.getItem('Q');
      q.pivotTables.add('Pv', context.workbook.tables.getItem('Src'), q.getRange('A1'));
      await context.sync();
    });
    expect(fake.pivots.map((p) => p.sheet.name)).toEqual(['P', 'Q']);
    await expect(
      fake.run(async (context) => {
        const p = context.workbook.worksheets.getItem('P');
        p.pivotTables.add('pv', context.workbook.tables.getItem('Src'), p.getRange('H1'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('a refresh takes the source’s fields as they are: a renamed column’s field leaves the PivotTable', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: data() }, { name: 'P', values: [] }]);
    await withPivot(fake);
    fake.sheet('Data').set(0, 0, 'Tier level');
    await fake.run(async (context) => {
      const p = context.workbook.worksheets.getItem('P').pivotTables.getItem('Pv');
      p.refresh();
      p.hierarchies.load('items/name');
      await context.sync();
      expect(p.hierarchies.items.map((h) => h.name)).toEqual(['Tier level', 'id', 'rev']);
    });
    const pv = fake.pivots[0]!;
    expect(pv.rows).toEqual([]);
    expect(pv.data.map((d) => d.name)).toEqual(['n', 'revenue']);
    // No line per tier any more: the items A and B are gone from the sheet.
    expect(fake.values('P').flat()).not.toContain('A');
    expect(fake.values('P').flat()).not.toContain('B');
  });

  it('a table does not grow from values written below it; table.rows.add grows it', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: data() }, { name: 'P', values: [] }]);
    await withPivot(fake);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A5:C5').values = [['B', 'k4', 2]];
      await context.sync();
    });
    expect(fake.tables[0]!.rect.rows).toBe(4);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A5:C5').clear('Contents');
      context.workbook.tables.getItem('Src').rows.add(undefined, [['B', 'k4', 2], ['C', 'k5', 3]]);
      context.workbook.worksheets.getItem('P').pivotTables.getItem('Pv').refresh();
      await context.sync();
    });
    expect(fake.tables[0]!.rect.rows).toBe(6);
    expect(fake.values('P').at(-1)).toEqual(['Grand Total', 5, 21]);
  });

  it('a source given as a string resolves to the table of that name, else a defined name, else an address; a table cannot take a defined name’s name', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: data() }, { name: 'Other', values: [['tier', 'id'], ['Z', 'z1']] }, { name: 'P', values: [] }]);
    fake.names.push({ name: 'Src2', formula: '=Other!$A$1:$B$2', visible: true });
    await fake.run(async (context) => {
      const p = context.workbook.worksheets.getItem('P');
      const pv = p.pivotTables.add('ByName', 'Src2', p.getRange('A1'));
      pv.rowHierarchies.add(pv.hierarchies.getItem('tier'));
      await context.sync();
    });
    expect(fake.pivots[0]!.source).toMatchObject({ sheet: fake.sheet('Other') });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Data').tables.add('Data!A1:C4', true).name = 'Src2';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});
