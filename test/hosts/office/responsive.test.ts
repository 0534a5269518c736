// The pane's thread inside Excel: a long run must leave it often, or desktop Office flags the add-in as not
// responding. With the fake's syncs as real round trips (taskPerSync: each resolves in a later task), a heartbeat
// of zero-delay timers measures the longest task the run keeps the thread for.
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core/index.ts';
import { officeTaskpaneApi } from '../../../src/hosts/office/taskpane-api.ts';
import { customerRows, fakeWith } from './helpers.ts';

/** Longest gap between two zero-delay timers while `work` runs, and the stage reported just before it. */
async function longestTask<T>(work: (stage: (s: string) => void) => Promise<T>): Promise<{ ms: number; stage: string; result: T }> {
  let last = performance.now();
  let stage = 'start';
  let worst = { ms: 0, stage: '' };
  let running = true;
  const beat = () => {
    const now = performance.now();
    if (now - last > worst.ms) worst = { ms: now - last, stage };
    last = now;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  try {
    const result = await work((s) => (stage = s));
    return { ...worst, result };
  } finally {
    running = false;
  }
}

describe('responsiveness on the pane thread', () => {
  it('Apply on 1,048,575 customers never keeps the pane thread longer than the budget', { timeout: 600_000 }, async () => {
    const fake = fakeWith(customerRows(1_048_575));
    fake.taskPerSync = true;
    const api = officeTaskpaneApi('zh-CN', { run: fake.run, requirements: fake.requirements });
    const b2b = getPreset('b2b-value')!;
    const t0 = performance.now();
    const { ms, stage } = await longestTask((at) => api.apply(b2b, {}, (p) => at(`${p.stage} ${p.done}/${p.total}`)).promise);
    console.log(`longest task ${ms.toFixed(0)} ms (after "${stage}"), run ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(ms).toBeLessThan(400);
  });
});
