// A run on the pane's thread gives it back inside its long in-memory stages too, not only between requests:
// while it reads the customers (a million rows took seconds in one task) and after its last write (the
// action lists). The clock is stubbed to pass 100 ms per look, so every budget check pauses: the test counts
// where the run can pause, never milliseconds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../../src/core/index.ts';
import { gradeWorkbook } from '../../../src/run/grade-workbook.ts';
import { customerRows, fakeWith, hostOn } from './helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pauses inside the run', () => {
  it('pauses while the customers are read and while the action lists are made', async () => {
    const fake = fakeWith(customerRows(40_000));
    const host = hostOn(fake);
    let stage = '';
    const pausesIn = new Map<string, number>();
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    const result = await gradeWorkbook(host, {
      lang: 'zh-CN',
      scheme: getPreset('b2b-value')!,
      period: '2025-Q4',
      today: 45_900,
      onProgress: (p) => {
        stage = p.stage;
      },
      pause: async () => {
        pausesIn.set(stage, (pausesIn.get(stage) ?? 0) + 1);
      },
    });
    expect(result.result.size).toBe(40_000);
    // 'read' lasts from reading the sheets to grading; the summaries' own progress is the last before the
    // action lists are made (the summaries themselves are requests, which pause on their own).
    expect(pausesIn.get('read') ?? 0).toBeGreaterThan(2);
    expect(pausesIn.get('summaries') ?? 0).toBeGreaterThan(2);
  });
});
