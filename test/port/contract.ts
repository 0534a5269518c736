// The workbook-port contract: what every host (file host on .xlsx, file host on CSV, the Office.js host on
// its Excel fake) must do the same way. Each host's test file calls portContract with a factory.
import { describe, expect, it } from 'vitest';
import type { CellValue, WorkbookPort } from '../../src/port/workbook.ts';

/** A host under test: opened on a one-sheet workbook holding `values` as sheet "Data". */
export type OpenPort = (values: CellValue[][]) => Promise<WorkbookPort>;

const DATA: CellValue[][] = [
  ['客户名单', null, null],
  [null, null, null],
  ['客户编号', '客户名称', '年度消费金额'],
  ['K1', '甲公司', 1200],
  ['K2', '乙公司', '¥3,400'],
  [null, null, null],
  ['K3', '=not a formula', 56.5],
];

/** A row without its trailing blanks: hosts may or may not pad rows to the sheet's width. */
function trimRow(row: CellValue[]): CellValue[] {
  let n = row.length;
  while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
  return row.slice(0, n);
}

export function portContract(host: string, open: OpenPort): void {
  describe(`workbook port contract: ${host}`, () => {
    it('lists sheets with their extent and reads values from column A', async () => {
      const port = await open(DATA);
      const sheets = await port.listSheets();
      expect(sheets.map((s) => [s.name, s.lastRow, s.lastCol, s.visible])).toEqual([['Data', 7, 2, true]]);
      const read = await port.readSheet('Data');
      expect(read.firstRow).toBe(1);
      expect(read.values[2]).toEqual(['客户编号', '客户名称', '年度消费金额']);
      expect(read.values[4]).toEqual(['K2', '乙公司', '¥3,400']);
      expect(read.values[6]).toEqual(['K3', '=not a formula', 56.5]);
      const part = await port.readSheet('Data', { firstRow: 4, lastRow: 5 });
      expect(part.firstRow).toBe(4);
      expect(part.values.map((r) => r[0])).toEqual(['K1', 'K2']);
    });

    it('writes whole columns (header, values, clears) and reads them back; text stays text', async () => {
      const port = await open(DATA);
      await port.writeColumns({
        sheet: 'Data',
        headerRow: 3,
        firstRow: 4,
        columns: [
          { col: 3, header: '客户等级', values: ['金卡', '银卡', null, '=SUM(A1:A3)'], fills: ['#FFD966', '#D9D9D9', null, null] },
          { col: 4, header: '等级得分', values: [12.5, 0, null, -3], numberFormat: '0.0' },
        ],
      });
      const read = await port.readSheet('Data');
      expect(read.values[2]!.slice(0, 5)).toEqual(['客户编号', '客户名称', '年度消费金额', '客户等级', '等级得分']);
      expect(read.values[3]!.slice(3, 5)).toEqual(['金卡', 12.5]);
      expect(read.values[4]!.slice(3, 5)).toEqual(['银卡', 0]);
      expect(read.values[5]?.[3] ?? null).toBeNull();
      expect(read.values[6]!.slice(0, 5)).toEqual(['K3', '=not a formula', 56.5, '=SUM(A1:A3)', -3]);
      // Writing the same columns again replaces them.
      await port.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ col: 3, header: '客户等级', values: ['钻石', null, null, null] }] });
      const again = await port.readSheet('Data');
      expect(again.values.map((r) => r[3] ?? null)).toEqual([null, null, '客户等级', '钻石', null, null, null]);
      expect(again.values.map((r) => r[0] ?? null)).toEqual(DATA.map((r) => r[0]));
    });

    it('adds a generated sheet and replaces it rather than adding a second', async () => {
      const port = await open(DATA);
      const sheet = (rows: CellValue[][]) => ({ name: '等级规则', tables: [{ title: '方案设置', header: ['项目', '值'], rows }] });
      await port.replaceSheet(sheet([['方案标识', 'a']]));
      await port.replaceSheet(sheet([['方案标识', 'b'], ['评级方式', '条件规则']]));
      const names = (await port.listSheets()).map((s) => s.name);
      expect(names).toEqual(['Data', '等级规则']);
      const read = await port.readSheet('等级规则');
      expect(read.values.slice(0, 4).map(trimRow)).toEqual([['方案设置'], ['项目', '值'], ['方案标识', 'b'], ['评级方式', '条件规则']]);
    });

    it('appends history rows, replacing the rows of the same key', async () => {
      const port = await open(DATA);
      const header = ['期间', '客户编号', '客户等级'];
      await port.appendRows('等级历史', header, [['2025H1', 'K1', '金卡'], ['2025H1', 'K2', '银卡']], { col: 0, key: '2025H1' });
      await port.appendRows('等级历史', header, [['2025H2', 'K1', '钻石']], { col: 0, key: '2025H2' });
      await port.appendRows('等级历史', header, [['2025H1', 'K1', '普通']], { col: 0, key: '2025H1' });
      const read = await port.readSheet('等级历史');
      expect(read.values.map(trimRow).filter((r) => r.length)).toEqual([header, ['2025H2', 'K1', '钻石'], ['2025H1', 'K1', '普通']]);
    });

    it('marks what it writes as TierBook’s: keyed output columns, generated sheets by kind; a mark moves with a re-write', async () => {
      const port = await open(DATA);
      expect(await port.readMarks()).toEqual({ columns: [], sheets: [] });
      await port.writeColumns({
        sheet: 'Data',
        headerRow: 3,
        firstRow: 4,
        columns: [
          { key: 'tier', col: 3, header: '客户等级', values: ['金卡'] },
          { col: 4, header: '备注', values: ['x'] },
        ],
      });
      expect((await port.readMarks()).columns).toEqual([{ sheet: 'Data', key: 'tier', col: 3 }]);
      // The same key written elsewhere: one mark, at the new place (the old column is the user's again).
      await port.writeColumns({ sheet: 'Data', headerRow: 3, firstRow: 4, columns: [{ key: 'tier', col: 5, header: '客户等级（TierBook）', values: ['银卡'] }, { key: 'issues', col: 6, header: '数据问题', values: [null] }] });
      const cols = (await port.readMarks()).columns.sort((a, b) => a.col - b.col);
      expect(cols).toEqual([
        { sheet: 'Data', key: 'tier', col: 5 },
        { sheet: 'Data', key: 'issues', col: 6 },
      ]);
      await port.replaceSheet({ name: '等级规则 (2)', kind: 'rules', tables: [{ header: ['项目', '值'], rows: [['方案标识', 'a']] }] });
      await port.replaceSheet({ name: '等级规则 (2)', kind: 'rules', tables: [{ header: ['项目', '值'], rows: [['方案标识', 'b']] }] });
      await port.appendRows('Tier History', ['期间', '客户编号'], [['2025H1', 'K1']], { col: 0, key: '2025H1' }, 'history');
      await port.appendRows('Tier History', ['期间', '客户编号'], [['2025H2', 'K1']], { col: 0, key: '2025H2' }, 'history');
      const sheets = (await port.readMarks()).sheets.sort((a, b) => a.kind.localeCompare(b.kind));
      expect(sheets).toEqual([
        { sheet: 'Tier History', kind: 'history' },
        { sheet: '等级规则 (2)', kind: 'rules' },
      ]);
      // Marks are no sheets or cells of the user's: the sheet list and the data are as they were.
      expect((await port.listSheets()).map((s) => s.name)).toEqual(['Data', '等级规则 (2)', 'Tier History']);
    });
  });
}
