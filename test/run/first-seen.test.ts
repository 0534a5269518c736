// Where each id first occurs: the same answer as a Map, for ids that repeat, collide, are blank or not ASCII.
import { describe, expect, it } from 'vitest';
import { firstSeen } from '../../src/run/first-seen.ts';

function byMap(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    const f = seen.get(id);
    if (f !== undefined) return f;
    seen.set(id, i);
    return i;
  });
}

describe('firstSeen', () => {
  it('points every id at its first occurrence', () => {
    const ids: string[] = [];
    for (let i = 0; i < 50_000; i++) ids.push(i % 7 === 0 ? `K${i % 1_000}` : i % 11 === 0 ? `客户${i % 300}` : i % 13 === 0 ? '' : `#${i}`);
    ids.push('K0', '客户0', '', '😀', '😀', '\u0000', '\u0000');
    expect([...firstSeen(ids)]).toEqual(byMap(ids));
  });

  it('handles no ids and one id', () => {
    expect([...firstSeen([])]).toEqual([]);
    expect([...firstSeen(['a'])]).toEqual([0]);
  });
});
