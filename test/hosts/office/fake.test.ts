// The Excel fake is strict where Excel is: these tests hold it to the documented behaviour the host relies on
// (so a host bug cannot hide behind a lenient fake).
import { describe, expect, it } from 'vitest';
import { FakeExcel, FakeOfficeError, PAYLOAD_LIMIT, parseInput } from '../../support/excel-fake/index.ts';

const codeOf = (e: unknown) => (e instanceof FakeOfficeError ? e.code : String(e));

describe('the Excel fake', () => {
  it('queues commands until sync, and throws PropertyNotLoaded for properties not loaded or read before the sync', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [['a', 1]] }]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      expect(() => range.values).toThrow(/call the load method/);
      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(() => range.values).toThrow(FakeOfficeError);
      try {
        void range.address;
      } catch (e) {
        expect(codeOf(e)).toBe('PropertyNotLoaded');
      }
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(() => range.address).toThrow(/address/);
      // A write is not applied before its sync.
      range.values = [['b', 2]];
      expect(fake.sheet('S').get(0, 0)).toBe('a');
      await context.sync();
      expect(fake.sheet('S').get(0, 0)).toBe('b');
    });
  });

  it('keeps defined names: add (ExcelApi 1.4), Excel’s naming rules, one name once, visible and delete', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [['a']] }]);
    await fake.run(async (context) => {
      const item = context.workbook.names.add('_TierBook.col.tier.1', "='S'!$B:$B");
      item.visible = false;
      await context.sync();
      const names = context.workbook.names;
      names.load('items/name,items/formula,items/visible');
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.visible])).toEqual([['_TierBook.col.tier.1', "='S'!$B:$B", false]]);
      context.workbook.names.add('_tierbook.COL.tier.1', '=S!$C:$C');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      context.workbook.names.add('AB12', '=S!$C:$C');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      context.workbook.names.getItem('_TierBook.col.tier.1').delete();
      await context.sync();
    });
    expect(fake.names).toEqual([]);
    const old = new FakeExcel([{ name: 'S', values: [['a']] }], { supported: { ExcelApi: '1.3' } });
    await old.run(async (context) => {
      expect(() => context.workbook.names.add('x', '=S!$A$1')).toThrow(/could not be found/);
    });
  });

  it('knows null objects only after a sync', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [] }]);
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('nope');
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const used = context.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
    await expect(fake.run(async (context) => context.workbook.worksheets.getItem('nope').load('name') && context.sync())).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('rejects a request over 5 MB (nothing applied) and counts every sync with its size', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [] }]);
    const big = Array.from({ length: 60_000 }, (_, i) => [`客户名称很长的文字 ${i} `.repeat(4)]);
    const err = await fake
      .run(async (context) => {
        context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, big.length, 1).values = big;
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.syncs.at(-1)!.requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.sheet('S').rows.length).toBe(0);
    expect(fake.syncCount).toBe(1);
  });

  it('rejects a response over 5 MB and a read of more than 5,000,000 cells', async () => {
    const fake = new FakeExcel([{ name: 'S', values: Array.from({ length: 50_000 }, (_, i) => [`${'长'.repeat(40)}${i}`]) }]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A50000').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:E1000001').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  it('parses strings as Excel parses typed input; null leaves a cell, "" clears it; dimensions must match', async () => {
    expect(parseInput('=SUM(A1:A3)', 'General')).toMatchObject({ formula: '=SUM(A1:A3)' });
    expect(parseInput('+A1', 'General')).toMatchObject({ formula: '=+A1' });
    expect(parseInput('-x', 'General')).toMatchObject({ formula: '=-x' });
    expect(parseInput('@x', 'General')).toMatchObject({ formula: '=x' });
    expect(parseInput('12%', 'General').value).toBe(0.12);
    expect(parseInput('1,234.5', 'General').value).toBe(1234.5);
    expect(parseInput('¥3,400', 'General').value).toBe(3400);
    expect(parseInput('2025-01-01', 'General').value).toBe(45658);
    expect(parseInput('TRUE', 'General').value).toBe(true);
    expect(parseInput("'=SUM(A1)", 'General')).toEqual({ value: '=SUM(A1)', prefixed: true });
    expect(parseInput('=SUM(A1)', '@')).toEqual({ value: '=SUM(A1)' });
    expect(() => parseInput('=', 'General')).toThrow(FakeOfficeError);
    const fake = new FakeExcel([{ name: 'S', values: [['keep', 'clear']] }]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:B1').values = [[null, '']];
      await context.sync();
      ws.getRange('A1:B1').values = [['only one']];
      await context.sync().catch((e: unknown) => expect(codeOf(e)).toBe('InvalidArgument'));
    });
    expect(fake.values('S')).toEqual([['keep']]);
  });

  it('injects a fault at the Nth sync, optionally after some of its commands (Excel does not roll back)', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [] }]);
    fake.injectFault({ atSync: 2, code: 'GeneralException', afterCommands: 1 });
    const err = await fake
      .run(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['one']];
        await context.sync();
        ws.getRange('A2').values = [['two']];
        ws.getRange('A3').values = [['three']];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('GeneralException');
    expect(fake.values('S')).toEqual([['one'], ['two']]);
    expect(fake.syncs.map((s) => s.failed)).toEqual([null, 'GeneralException']);
  });

  it('renders a PivotTable from a table, and a refresh picks up rows added to the table', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: [['tier', 'id', 'rev'], ['A', 'k1', 10], ['B', 'k2', 5], ['A', 'k3', 1]] }, { name: 'P', values: [] }]);
    await fake.run(async (context) => {
      const t = context.workbook.worksheets.getItem('Data').tables.add('Data!A1:C4', true);
      t.name = 'Src';
      const ws = context.workbook.worksheets.getItem('P');
      const p = ws.pivotTables.add('Pv', 'Src', ws.getRange('A1'));
      p.rowHierarchies.add(p.hierarchies.getItem('tier'));
      const count = p.dataHierarchies.add(p.hierarchies.getItem('id'));
      count.summarizeBy = 'Count';
      count.name = 'n';
      await context.sync();
    });
    expect(fake.values('P')).toEqual([['tier', 'n'], ['A', 2], ['B', 1], ['Grand Total', 3]]);
    await fake.run(async (context) => {
      // Added as a table row (values written below a table do not extend it: see fake-rules.test.ts).
      context.workbook.tables.getItem('Src').rows.add(undefined, [['B', 'k4', 2]]);
      context.workbook.pivotTables.getItemOrNullObject('Pv').refresh();
      await context.sync();
    });
    expect(fake.tables[0]!.rect.rows).toBe(5);
    expect(fake.values('P')).toEqual([['tier', 'n'], ['A', 2], ['B', 2], ['Grand Total', 4]]);
  });

  it('fails every sync while a cell is being edited, and reports PivotTables missing below ExcelApi 1.8', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [] }], { supported: { ExcelApi: '1.7' } });
    fake.cellEditMode = true;
    await expect(fake.run(async (context) => context.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    fake.cellEditMode = false;
    expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(true);
    await expect(fake.run(async (context) => void context.workbook.pivotTables.getItemOrNullObject('x'))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
