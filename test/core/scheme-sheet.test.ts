import { describe, expect, it } from 'vitest';
import {
  describeSheetProblems,
  fromGroups,
  getPreset,
  listPresets,
  schemeFromSheet,
  schemeToSheet,
  sheetValues,
  toGroups,
  type CellValue,
} from '../../src/core/index.ts';

const grid = (id: string, lang: 'zh-CN' | 'en-US') => sheetValues(schemeToSheet(getPreset(id)!, lang));

/** Find the 0-based row whose first cells read as given. */
function rowOf(values: CellValue[][], ...cells: CellValue[]): number {
  const r = values.findIndex((row) => cells.every((c, i) => row[i] === c));
  if (r < 0) throw new Error(`no row ${cells.join(' | ')}`);
  return r;
}

describe('rules sheet (等级规则)', () => {
  it.each(listPresets().flatMap((s) => [[s.id, 'zh-CN'], [s.id, 'en-US']] as const))('%s round-trips through the %s sheet', (id, lang) => {
    const back = schemeFromSheet(grid(id, lang));
    expect(back.ok && back.scheme).toEqual(getPreset(id));
  });

  it('reads a sheet written in one language after the values were typed in the other', () => {
    const values = grid('salon-spend', 'en-US');
    const r = rowOf(values, 'Grading mode');
    values[r]![1] = '条件规则';
    const back = schemeFromSheet(values, 1, 'Tier Rules');
    expect(back.ok).toBe(true);
  });

  it('editing a threshold changes the scheme', () => {
    const values = grid('salon-spend', 'zh-CN');
    const r = rowOf(values, 'gold', 1, '年度消费金额');
    values[r]![4] = '1.2万';
    const back = schemeFromSheet(values);
    expect(back).toMatchObject({ ok: true, scheme: { mode: { kind: 'rules' } } });
    const mode = back.ok ? back.scheme.mode : null;
    expect(mode?.kind === 'rules' ? mode.rules[1]!.when : mode).toEqual({ metric: 'annualSpend', op: '>=', value: 12000 });
  });

  it('names the cell of a threshold that is not a number, in both languages', () => {
    const values = grid('b2b-value', 'zh-CN');
    const r = rowOf(values, 'key', 1, '合作年限');
    values[r]![4] = '三年';
    const back = schemeFromSheet(values);
    expect(back.ok).toBe(false);
    if (back.ok) return;
    const cell = `E${r + 1}`;
    expect(back.problems[0]!.cell).toBe(cell);
    expect(describeSheetProblems(back.problems, 'zh-CN')).toContain(`等级规则!${cell}: 应为数字`);
    expect(describeSheetProblems(back.problems, 'en-US')).toContain('expected a number');
    expect(describeSheetProblems(back.problems, 'en-US')).toContain('三年');
  });

  it('names the cell of an invalid colour (a schema problem mapped back to its cell)', () => {
    const values = grid('salon-spend', 'zh-CN');
    const r = rowOf(values, 3, 'silver');
    values[r]![4] = '银色';
    const back = schemeFromSheet(values);
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.problems.map((p) => p.cell)).toContain(`E${r + 1}`);
    expect(describeSheetProblems(back.problems, 'zh-CN')).toContain('#C0C0C0');
  });

  it('names the cell of an unknown tier, operator and metric', () => {
    const values = grid('salon-spend', 'en-US');
    const r = rowOf(values, 'gold', 1, 'Annual spend');
    values[r]![0] = 'platinum';
    values[r]![2] = 'Turnover';
    values[r]![3] = '≈';
    const back = schemeFromSheet(values, 1, 'Tier Rules');
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.problems.map((p) => p.cell).sort()).toEqual([`A${r + 1}`, `C${r + 1}`, `D${r + 1}`]);
  });

  it('reports a missing section', () => {
    const values = grid('salon-spend', 'zh-CN').filter((row) => row[0] !== '评级条件');
    const back = schemeFromSheet(values);
    expect(back.ok).toBe(false);
  });

  it('writes any/all trees as condition groups and reads them back', () => {
    const tree = {
      all: [
        { metric: 'a', op: '>=' as const, value: 1 },
        { any: [{ metric: 'b', op: '>' as const, value: 2 }, { metric: 'c', op: 'between' as const, value: 1, max: 3 }] },
      ],
    };
    const groups = toGroups(tree);
    expect(groups).toEqual([
      [{ metric: 'a', op: '>=', value: 1 }, { metric: 'b', op: '>', value: 2 }],
      [{ metric: 'a', op: '>=', value: 1 }, { metric: 'c', op: 'between', value: 1, max: 3 }],
    ]);
    expect(toGroups(fromGroups(groups))).toEqual(groups);
  });
});
