// The standalone page's API over its worker: the worker survives React's mount–unmount–mount (StrictMode in
// development disposes and reuses the same object), a cancel or a crash; no request ever waits on a dead worker.
// The real worker module runs in-process (test/support/in-process-worker.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core/scheme/presets/index.ts';
import { StandaloneWorkbook, WorkerError } from '../../../src/hosts/browser/standalone-api.ts';
import { sampleWorkbook } from '../../../scripts/sample-workbook.ts';
import { InProcessWorker } from '../../support/in-process-worker.ts';

const TODAY = 46_000;
const SAMPLE = sampleWorkbook({ customers: 60, seed: 3, messy: true });
const scheme = getPreset('b2b-value')!;

/** Fails instead of hanging: the bug this guards against is a promise that never settles. */
function settles<T>(p: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

const make = () => new StandaloneWorkbook(InProcessWorker.make, 'zh-CN', () => {}, TODAY);

beforeEach(() => {
  InProcessWorker.started = [];
});

describe('StandaloneWorkbook and its worker', () => {
  it('starts no worker until it is used (StrictMode builds every memoised object twice)', async () => {
    const api = make();
    expect(InProcessWorker.started).toHaveLength(0);
    await settles(api.open(SAMPLE, 'sample.xlsx'));
    expect(InProcessWorker.started).toHaveLength(1);
  });

  it('disposed before use, as StrictMode’s unmount does, it still opens a workbook', async () => {
    const api = make();
    api.dispose();
    const sheets = await settles(api.open(SAMPLE, 'sample.xlsx'));
    expect(sheets.map((s) => s.name)).toContain('客户信息');
    const view = await settles(api.inspect(scheme, {}));
    expect(view.customers).toBeGreaterThan(0);
  });

  it('disposed after writes, the next request finds the workbook as it was (the new worker replays it)', async () => {
    const api = make();
    await settles(api.open(SAMPLE, 'sample.xlsx'));
    const applied = await settles(api.apply(scheme, {}, () => {}).promise);
    expect(api.graded).toBe(true);
    const before = await settles(api.block(applied.sheet, 1, 8));
    api.dispose();
    const after = await settles(api.block(applied.sheet, 1, 8));
    expect(after).toEqual(before);
    expect(InProcessWorker.started).toHaveLength(2);
    expect(InProcessWorker.started[0]!.terminated).toBe(true);
    expect(InProcessWorker.started[1]!.received.slice(0, 3)).toEqual(['open', 'session', 'block']);
  });

  it('rejects a request pending when the worker is disposed, in both languages', async () => {
    const api = make();
    await settles(api.open(SAMPLE, 'sample.xlsx'));
    const pending = api.preview(scheme, {});
    await new Promise((r) => setTimeout(r, 0));
    api.dispose();
    const e = await settles(pending.then(() => null, (x: unknown) => x));
    expect(e).toBeInstanceOf(WorkerError);
    expect((e as WorkerError).text['zh-CN']).toMatch(/后台计算已停止/);
    expect((e as WorkerError).text['en-US']).toMatch(/worker was stopped/);
  });

  it('a crashed worker rejects what waits on it with the reason, and the next request works again', async () => {
    const api = make();
    await settles(api.open(SAMPLE, 'sample.xlsx'));
    const pending = api.inspect(scheme, {});
    await new Promise((r) => setTimeout(r, 0));
    InProcessWorker.started[0]!.crash('out of memory');
    const e = (await settles(pending.then(() => null, (x: unknown) => x))) as WorkerError;
    expect(e.text['zh-CN']).toBe('后台计算出错：out of memory');
    expect(e.text['en-US']).toBe('The background worker failed: out of memory');
    const view = await settles(api.inspect(scheme, {}));
    expect(view.customers).toBeGreaterThan(0);
  });

  it('a worker whose script cannot load says so instead of waiting, every time', async () => {
    // A browser reports a script that fails to load with a bare error event, once the worker has started.
    const broken = (): Worker => {
      const w = new InProcessWorker();
      setTimeout(() => w.fail());
      return w as unknown as Worker;
    };
    const api = new StandaloneWorkbook(broken, 'en-US', () => {}, TODAY);
    for (let i = 0; i < 2; i++) {
      const e = (await settles(api.open(SAMPLE, 'sample.xlsx').then(() => null, (x: unknown) => x))) as WorkerError;
      expect(e.text['zh-CN']).toBe('后台计算无法启动，请刷新页面重试。');
      expect(e.text['en-US']).toBe('The background worker could not start; reload the page and try again.');
    }
  });

  it('cancel ends the write and leaves the workbook as it was before it; nothing counts as graded', async () => {
    const api = make();
    await settles(api.open(SAMPLE, 'sample.xlsx'));
    const view = await settles(api.inspect(scheme, {}));
    const before = await settles(api.block(view.customerSheet, 1, 8));
    const run = api.apply(scheme, {}, () => {});
    run.cancel();
    const e = (await settles(run.promise.then(() => null, (x: unknown) => x))) as WorkerError;
    expect(e.code).toBe('cancelled');
    expect(api.graded).toBe(false);
    expect(await settles(api.block(view.customerSheet, 1, 8))).toEqual(before);
  });

  it('a file that cannot be opened leaves the open workbook in place, also for a new worker', async () => {
    const api = make();
    await settles(api.open(SAMPLE, 'sample.xlsx'));
    const view = await settles(api.inspect(scheme, {}));
    const before = await settles(api.block(view.customerSheet, 1, 4));
    const e = (await settles(api.open(new TextEncoder().encode('not a workbook'), 'broken.xlsx').then(() => null, (x: unknown) => x))) as WorkerError;
    expect(e).toBeInstanceOf(WorkerError);
    expect(api.fileName).toBe('sample.xlsx');
    expect(await settles(api.block(view.customerSheet, 1, 4))).toEqual(before);
    api.dispose();
    expect(await settles(api.block(view.customerSheet, 1, 4))).toEqual(before);
  });
});
