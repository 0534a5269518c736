// Tier colours keyed on a column's values: one lookup per cell must decide as the lookup by lower-cased text did.
import { describe, expect, it } from 'vitest';
import { colourByValue, planFills } from '../../../src/hosts/office/fills.ts';
import type { CellValue } from '../../../src/port/workbook.ts';

/** The earlier colourByValue: every cell lower-cased, then looked up. */
function byLowerCase(values: readonly CellValue[], fills: readonly (string | null)[], count: number): Map<string | number | boolean, string> | null {
  const byKey = new Map<string | number | boolean, { value: string | number | boolean; color: string | null }>();
  for (let i = 0; i < count; i++) {
    const v = values[i] ?? null;
    const color = fills[i] ?? null;
    if (v === null || v === '') {
      if (color) return null;
      continue;
    }
    const key = typeof v === 'string' ? v.toLowerCase() : v;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { value: v, color });
    else if (seen.color !== color) return null;
  }
  const out = new Map<string | number | boolean, string>();
  for (const { value, color } of byKey.values()) if (color) out.set(value, color);
  return out;
}

function rnd(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
}

describe('tier colours by value', () => {
  it('decide as lower-cased lookups do: labels in any case, numbers, blanks and a clash', () => {
    const labels: CellValue[] = ['Gold', 'GOLD', 'gold', 'Silver', 'silver', 3, 0, -0, true, null, ''];
    const colourOf = (v: CellValue) => (v === null || v === '' ? null : typeof v === 'string' ? (v.toLowerCase() === 'gold' ? '#FFD700' : '#C0C0C0') : `#00000${String(v).length}`);
    for (let seed = 1; seed <= 40; seed++) {
      const r = rnd(seed);
      const n = 500 + Math.floor(r() * 2_000);
      const values = Array.from({ length: n }, (): CellValue => labels[Math.floor(r() * labels.length)] ?? null);
      const fills = values.map(colourOf);
      // Some runs have a clash (a cell of a label coloured otherwise), a coloured blank, or none.
      const k = Math.floor(r() * n);
      if (seed % 3 === 1) fills[k] = '#123456';
      if (seed % 5 === 2) [values[k], fills[k]] = [null, '#FFD700'];
      expect(colourByValue(values, fills, n)).toEqual(byLowerCase(values, fills, n));
    }
  });

  it('a large tier column gets one rule per tier, keyed on its first value as written', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (['金卡', '银卡', 'Bronze', 'bronze'] as const)[(i * 7) % 4]!);
    const fills = values.map((v) => (v === '金卡' ? '#FFD700' : v === '银卡' ? '#C0C0C0' : '#CD7F32'));
    expect(planFills(fills, values.length, [values])).toEqual({
      kind: 'byValue',
      keyCol: 0,
      rules: [
        { value: '金卡', color: '#FFD700' },
        { value: 'bronze', color: '#CD7F32' },
        { value: '银卡', color: '#C0C0C0' },
      ],
    });
  });
});
