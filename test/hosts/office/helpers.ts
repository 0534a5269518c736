// Shared set-up for the Office host tests: customer sheets of any size on the Excel fake, and the host over it.
import { OfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/hosts/office/index.ts';
import { FakeExcel, type FakeOptions, type Scalar } from '../../support/excel-fake/index.ts';

export const HEADER = ['客户编号', '年度消费金额', '合作年限'];

/**
 * A customer sheet of `n` customers under one header row (so 1,048,575 customers fill Excel's 1,048,576 rows):
 * ids, annual spend (a spread that reaches every b2b-value tier) and years. Built as plain arrays.
 */
export function customerRows(n: number, seed = 7): Scalar[][] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows: Scalar[][] = new Array(n + 1);
  rows[0] = HEADER;
  for (let i = 1; i <= n; i++) rows[i] = [`K${i}`, Math.round(Math.exp(11.6 + 2.6 * (rnd() + rnd() - 1))), Math.floor(rnd() * 10)];
  return rows;
}

export function fakeWith(rows: Scalar[][], options: FakeOptions = {}, name = '客户名单'): FakeExcel {
  const fake = new FakeExcel([], options);
  fake.addSheet(name, rows);
  return fake;
}

export function hostOn(fake: FakeExcel, options: Omit<OfficeWorkbookOptions, 'run' | 'requirements'> = {}): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, requirements: fake.requirements, ...options });
}

export interface CallRecord {
  method: string;
  syncs: number;
  readBlocks: number;
  writeBlocks: number;
  largestRequest: number;
}

/** The port with every call recorded: syncs made, blocks read and written, largest request (to check O(blocks) per call). */
export function instrumented(host: OfficeWorkbook, fake: FakeExcel): { port: OfficeWorkbook; calls: CallRecord[]; hostMs: () => number } {
  const calls: CallRecord[] = [];
  let ms = 0;
  const wrap = <A extends unknown[], R>(method: string, f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const s0 = fake.syncs.length;
      const r0 = host.stats.readBlocks;
      const w0 = host.stats.writeBlocks;
      const f0 = fake.fakeMs;
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        ms += performance.now() - t0 - (fake.fakeMs - f0);
        calls.push({
          method,
          syncs: fake.syncs.length - s0,
          readBlocks: host.stats.readBlocks - r0,
          writeBlocks: host.stats.writeBlocks - w0,
          largestRequest: fake.syncs.slice(s0).reduce((m, s) => Math.max(m, s.requestBytes), 0),
        });
      }
    };
  const port = Object.create(host) as OfficeWorkbook;
  port.listSheets = wrap('listSheets', host.listSheets.bind(host));
  port.readSheet = wrap('readSheet', host.readSheet.bind(host));
  port.writeColumns = wrap('writeColumns', host.writeColumns.bind(host));
  port.replaceSheet = wrap('replaceSheet', host.replaceSheet.bind(host));
  port.appendRows = wrap('appendRows', host.appendRows.bind(host));
  port.summaries = wrap('summaries', host.summaries.bind(host));
  return { port, calls, hostMs: () => ms };
}
