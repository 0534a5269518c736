import { describe, it, expect } from 'vitest';
import { dataRows, detectHeaderRow, isBlankRow } from '../../../src/core/mapping/index.ts';
import type { CellValue } from '../../../src/core/output/tables.ts';
import { rulesScheme } from './schemes.ts';

/** A customer list the way account managers keep it: title, notes, a blank row, the table. */
const MESSY: CellValue[][] = [
  ['2025年客户名单', null, null, null, null, null],
  ['制表人：张三', null, null, '日期：2025-06-30', null, null],
  [null, null, null, null, null, null],
  ['客户编号', '客户名称', '联系人', '年度消费金额（万元）', '合作年限', '备注'],
  ['C001', '杭州明远贸易有限公司', '王伟', 120.5, 6, null],
  ['C002', '宁波海星电子', '李娜', '85', '3', '老客户'],
  [null, '', '   ', null, null, null],
  ['C003', '上海青禾食品', '赵强', 12, 1, null],
  ['\u3000', null, '\u200b', null, null, null],
  ['C004', '苏州远航物流', '陈静', '1,200', 8, '战略客户'],
  [null, null, null, null, null, null],
];

describe('detectHeaderRow', () => {
  it('skips the merged title, the notes line and the blank row above the header', () => {
    const h = detectHeaderRow(MESSY, 1);
    expect(h).not.toBeNull();
    expect(h!.row).toBe(4);
    expect(h!.index).toBe(3);
    expect(h!.headers).toEqual(['客户编号', '客户名称', '联系人', '年度消费金额（万元）', '合作年限', '备注']);
    expect(h!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reports sheet rows relative to where the block starts', () => {
    const h = detectHeaderRow(MESSY, 5);
    expect(h!.row).toBe(8);
    expect(h!.index).toBe(3);
  });

  it('treats the data region as everything non-blank after the header, blank rows inside skipped', () => {
    expect(dataRows(MESSY, 3)).toEqual([4, 5, 7, 9]);
    expect(dataRows(MESSY, 9)).toEqual([]);
  });

  it('counts null, empty, whitespace, ideographic-space and zero-width cells as blank', () => {
    expect(isBlankRow([null, '', '  ', '\u3000', '\u200b\t'])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
    expect(isBlankRow([false])).toBe(false);
    expect(isBlankRow(['-'])).toBe(false);
  });

  it('finds an English header with full-width letters, odd spacing and mixed case', () => {
    const values: CellValue[][] = [
      ['Key accounts FY2025', null, null, null],
      ['  ＣＵＳＴＯＭＥＲ ＩＤ ', 'customer NAME', 'Revenue (¥k)', 'Orders'],
      ['A-17', 'Acme Ltd', 1520, 14],
      ['A-18', 'Birch & Co', '980', '7'],
    ];
    const h = detectHeaderRow(values, 1)!;
    expect(h.row).toBe(2);
    expect(h.headers).toEqual(['ＣＵＳＴＯＭＥＲ ＩＤ', 'customer NAME', 'Revenue (¥k)', 'Orders']);
    expect(h.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a header of names it does not know by its shape, with lower confidence', () => {
    const values: CellValue[][] = [
      ['Quarterly review', null, null],
      ['Account', 'Region', 'Visits'],
      ['Acme', 'North', 12],
      ['Birch', 'South', 3],
    ];
    const h = detectHeaderRow(values, 1)!;
    expect(h.row).toBe(2);
    expect(h.confidence).toBeLessThan(0.6);
    expect(h.confidence).toBeGreaterThan(0.3);
  });

  it('counts the scheme labels and extra synonyms as known names', () => {
    const values: CellValue[][] = [
      ['备注：本表按月更新', null, null],
      ['门店', '拜访次数', '区域经理'],
      ['西湖店', 12, '王伟'],
    ];
    const plain = detectHeaderRow(values, 1)!;
    const scheme = rulesScheme([{ metric: 'visits', label: { 'zh-CN': '拜访次数', 'en-US': 'Visits' }, unit: 'count' }]);
    const known = detectHeaderRow(values, 1, { scheme, synonyms: ['门店'] })!;
    expect(plain.row).toBe(2);
    expect(known.row).toBe(2);
    expect(known.confidence).toBeGreaterThan(plain.confidence);
  });

  it('is not fooled by a notes line with several label：value cells', () => {
    const values: CellValue[][] = [
      ['制表人：张三', '审核：李四', '部门：华东销售部', '日期：2025-06-30'],
      ['客户名称', '销售额', '订单数', '合作年限'],
      ['明远贸易', 1000, 5, 3],
    ];
    expect(detectHeaderRow(values, 1)!.row).toBe(2);
  });

  it('treats a merged title repeated in every cell (as some readers report merges) as a title', () => {
    const values: CellValue[][] = [
      ['客户名单', '客户名单', '客户名单', '客户名单'],
      ['Account', 'Region', 'Segment', 'Visits'],
      ['Acme', 'North', 'Retail', 12],
    ];
    expect(detectHeaderRow(values, 1)!.row).toBe(2);
  });

  it('prefers the header over text-heavy data rows below it', () => {
    const values: CellValue[][] = [
      ['客户名称', '所在城市', '行业', '客户经理', '年度消费金额'],
      ['杭州明远贸易', '杭州', '批发零售', '王伟', 10],
      ['宁波海星电子', '宁波', '电子制造', '李娜', 20],
      ['上海青禾食品', '上海', '食品', '赵强', 30],
    ];
    expect(detectHeaderRow(values, 1)!.index).toBe(0);
  });

  it('detects a sheet graded once before (our own output columns count as header names)', () => {
    const values: CellValue[][] = [
      ['客户编号', '客户名称', '年度消费金额', '客户等级', '等级得分', '评级依据'],
      ['C1', '甲', 120000, '钻石会员', null, '年度消费金额 ≥ 20000'],
      ['C2', '乙', 800, '普通会员', null, '其余'],
    ];
    const h = detectHeaderRow(values, 1)!;
    expect(h.row).toBe(1);
    expect(h.confidence).toBe(1);
  });

  it('fills blanks of a two-row header from the label row above (group headings, cells merged down)', () => {
    const values: CellValue[][] = [
      ['客户编号', '客户名称', '消费情况', null, '合作年限'],
      [null, null, '金额（万元）', '次数', null],
      ['C1', '甲', 12, 4, 3],
      ['C2', '乙', 8, 2, 5],
    ];
    const h = detectHeaderRow(values, 1)!;
    expect(h.row).toBe(2);
    expect(h.headers).toEqual(['客户编号', '客户名称', '金额（万元）', '次数', '合作年限']);
  });

  it('gives up (null) when nothing looks like a header', () => {
    expect(detectHeaderRow([], 1)).toBeNull();
    expect(detectHeaderRow([[null], ['只有一个标题'], [null, null]], 1)).toBeNull();
    expect(
      detectHeaderRow(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        1,
      ),
    ).toBeNull();
  });

  it('looks only at the first 30 rows (maxRows)', () => {
    const values: CellValue[][] = [...Array.from({ length: 35 }, () => [null, null]), ['客户名称', '销售额'], ['甲', 1]];
    expect(detectHeaderRow(values, 1)).toBeNull();
    expect(detectHeaderRow(values, 1, { maxRows: 40 })!.row).toBe(36);
  });
});
