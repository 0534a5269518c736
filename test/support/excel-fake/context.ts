// The request context: proxies queue commands on it; context.sync() measures the request, applies the
// commands in order (or fails as Excel does) and records the sync.
import type { FakeExcel } from './fake.ts';
import { FakeOfficeError } from './model.ts';
import type { Command, Stage, SyncRecord } from './requests.ts';
import { FakeWorkbook } from './workbook.ts';
import { cellEditGate, roundTrip } from './limits.ts';

/** CPU time of this process so far (all threads, GC's included). */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export class FakeContext {
  readonly queue: Command[] = [];
  readonly workbook: FakeWorkbook;
  tracked = 0;
  constructor(
    readonly excel: FakeExcel,
    readonly runOptions: Excel.RunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    let t0 = performance.now();
    let c0 = cpuMs();
    const commands = this.queue.splice(0);
    const n = excel.syncs.length + 1;
    const requestBytes = 64 + commands.reduce((s, c) => s + c.bytes, 0);
    const record: SyncRecord = {
      n,
      requestBytes,
      responseBytes: 0,
      commands: commands.length,
      calcSuspended: commands.some((c) => c.calc),
      screenSuspended: commands.some((c) => c.screen),
      tracked: this.tracked,
      failed: null,
    };
    excel.syncs.push(record);
    const fail = (e: FakeOfficeError) => {
      record.failed = e.code;
      excel.fakeMs += performance.now() - t0;
      excel.fakeCpuMs += cpuMs() - c0;
      return Promise.reject(e);
    };
    // An awaited sync yields to the event loop, as the real round trip does.
    await roundTrip(excel);
    const editing = await cellEditGate(excel, this.runOptions);
    if (editing) return fail(editing);
    t0 = performance.now(); // fakeMs counts Excel's work, not the round trip's wait
    c0 = cpuMs();
    if (requestBytes > excel.payloadLimit)
      return fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`));
    const fault = excel.faults.find((f) => f.atSync === n);
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    const stage: Stage = {
      commit(fn, bytes) {
        commits.push(fn);
        responseBytes += bytes;
      },
    };
    try {
      commands.forEach((c, i) => {
        if (fault && i === (fault.afterCommands ?? 0)) throw new FakeOfficeError(fault.code, fault.message ?? `Injected ${fault.code}`);
        c.run(stage);
      });
      if (fault && (fault.afterCommands ?? 0) >= commands.length) throw new FakeOfficeError(fault.code, fault.message ?? `Injected ${fault.code}`);
    } catch (e) {
      if (e instanceof FakeOfficeError) return fail(e);
      throw e;
    }
    record.responseBytes = responseBytes;
    if (responseBytes > excel.payloadLimit)
      return fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${responseBytes} bytes) has exceeded the limit.`));
    for (const f of commits) f();
    excel.fakeMs += performance.now() - t0;
    excel.fakeCpuMs += cpuMs() - c0;
  }

  /** context.trackedObjects (only remove is used). */
  readonly trackedObjects = {
    remove: (o: { untrack(): unknown }) => o.untrack(),
  };
}
