// Stages of a run that follow each other in one task share the pane's budget: each counts from the last
// pause of any stage, so two stages cannot each spend a whole budget before the thread is given back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { budgeted, drain, drainPausing, PAUSE_BUDGET_MS, type Steps } from '../../src/run/pause.ts';

function* counting(n: number, work: () => void): Steps<number> {
  for (let i = 0; i < n; i++) {
    work();
    yield;
  }
  return n;
}

describe('pausing stages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a stage that starts late in a task pauses once the budget shared with the stage before is spent', async () => {
    const start = performance.now() + 1_000;
    let now = start;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const pauses: number[] = [];
    const pause = async () => void pauses.push(now - start);
    // A first stage pauses, then works 30 ms without a pause; the next stage pauses after 10 ms more, not 40.
    const first = budgeted(pause);
    now += PAUSE_BUDGET_MS;
    await first();
    now += 30;
    expect(first()).toBeNull();
    const result = await drainPausing(counting(5, () => void (now += 5)), pause);
    expect(result).toBe(5);
    expect(pauses).toEqual([PAUSE_BUDGET_MS, PAUSE_BUDGET_MS + 40]);
  });

  it('drained without a pause, a stage gives the same result in one go', async () => {
    expect(await drainPausing(counting(3, () => {}), undefined)).toBe(drain(counting(3, () => {})));
  });
});
