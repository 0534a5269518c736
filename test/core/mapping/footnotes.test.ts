// Footnotes are not customers (issue 13): the data ends at the total row, and lines with text only in
// the first column and no metric are notes wherever they stand.
import { describe, expect, it } from 'vitest';
import { mapColumns, splitDataRows } from '../../../src/core/mapping/index.ts';
import type { CellValue } from '../../../src/core/output/tables.ts';
import { preset } from '../../support/schemes.ts';

const HEADER = ['客户编号', '客户名称', '年度消费金额', '合作年限'];

function split(rows: CellValue[][], header: (string | null)[] = HEADER) {
  const values = [header, ...rows];
  const mapping = mapColumns(header, preset('b2b-value'));
  return splitDataRows(values, 0, header, mapping);
}

describe('splitDataRows', () => {
  it('ends the data at the 合计 row and takes the lines under it as notes', () => {
    const r = split([
      ['KH-1', '甲', 100, 2],
      ['KH-2', '乙', 200, 3],
      ['合计', null, 300, null],
      [null, null, null, null],
      ['注：销售额为含税金额', null, null, null],
      ['制表人：张三', null, null, null],
      ['数据来源：ERP', null, null, null],
    ]);
    expect(r).toEqual({ rows: [1, 2], notes: [5, 6, 7], total: 3 });
  });

  it('takes a text-only first-column line as a note wherever it stands, without a total row', () => {
    const r = split([
      ['KH-1', '甲', 100, 2],
      ['以下为华南区客户', null, null, null],
      ['KH-2', '乙', 200, 3],
      ['注：金额含税', null, null, null],
    ]);
    expect(r).toEqual({ rows: [1, 3], notes: [2, 4], total: null });
  });

  it('keeps a customer with an id and a name but no metrics, and one with only a metric', () => {
    const r = split([
      ['KH-1', '甲', null, null],
      ['KH-2', null, 100, null],
      [null, '丙', null, null],
    ]);
    expect(r.rows).toEqual([1, 2, 3]);
    expect(r.notes).toEqual([]);
  });

  it('skips a 小计 line but keeps reading the customers under it', () => {
    const r = split([
      ['KH-1', '甲', 100, 2],
      ['小计', null, 100, null],
      ['KH-2', '乙', 200, 3],
      ['Total', null, 300, null],
    ]);
    expect(r).toEqual({ rows: [1, 3], notes: [], total: 4 });
  });

  it('looks past our own output columns from an earlier run (a note graded 未评级 stays a note)', () => {
    const header = [...HEADER, '客户等级', '数据问题'];
    const r = split(
      [
        ['KH-1', '甲', 100, 2, '普通客户', null],
        ['制表人：张三', null, null, null, '未评级', '年度消费金额为空'],
      ],
      header,
    );
    expect(r.rows).toEqual([1]);
    expect(r.notes).toEqual([2]);
  });

  it('a 合计 line above every customer does not end the data', () => {
    const r = split([
      ['合计', null, 300, null],
      ['KH-1', '甲', 100, 2],
    ]);
    expect(r.rows).toEqual([2]);
  });
});
