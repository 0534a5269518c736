// The standalone page's real worker module (src/hosts/browser/workbook.worker.ts) run in this process, for
// component tests (happy-dom has no Worker). Each instance evaluates the module afresh against a scope of its
// own; messages cross by structuredClone on a later task, as between threads; terminate() ends it for good, as
// a browser does: nothing is delivered either way after it, and nothing is said to those still waiting.

const MODULE = '../../src/hosts/browser/workbook.worker.ts';

/** Module evaluations one at a time: each captures the global `self` as its scope while it loads. */
let loading: Promise<unknown> = Promise.resolve();
let instances = 0;

interface Scope {
  onmessage: ((e: { data: unknown }) => void) | null;
  postMessage(data: unknown, transfer?: Transferable[]): void;
}

export class InProcessWorker {
  /** Every worker started, in order (the tests count and inspect them). */
  static started: InProcessWorker[] = [];

  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  /** Requests received, by kind (what the page asked of this worker). */
  readonly received: string[] = [];
  private readonly scope: Scope;
  private readonly loaded: Promise<void>;

  constructor() {
    InProcessWorker.started.push(this);
    this.scope = {
      onmessage: null,
      postMessage: (data, transfer = []) => {
        const copy = structuredClone(data, { transfer });
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: copy }));
        });
      },
    };
    const n = ++instances;
    const load = loading.then(async () => {
      const had = Object.getOwnPropertyDescriptor(globalThis, 'self');
      Object.defineProperty(globalThis, 'self', { value: this.scope, configurable: true, writable: true });
      try {
        await import(/* @vite-ignore */ `${MODULE}?instance=${n}`);
      } finally {
        if (had) Object.defineProperty(globalThis, 'self', had);
        else delete (globalThis as { self?: unknown }).self;
      }
    });
    loading = load.catch(() => {});
    this.loaded = load;
  }

  postMessage(data: unknown): void {
    if (this.terminated) return;
    const copy = structuredClone(data) as { request?: { kind?: string } };
    this.received.push(copy.request?.kind ?? '?');
    void this.loaded.then(() =>
      setTimeout(() => {
        if (!this.terminated) this.scope.onmessage?.({ data: copy });
      }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }

  /** As a browser does when the worker's script throws: an error event at the page. */
  crash(message: string): void {
    this.terminated = true;
    this.onerror?.(new ErrorEvent('error', { message, cancelable: true }));
  }

  /** As a browser does when the worker's script cannot load: a bare error event at the page. */
  fail(): void {
    this.terminated = true;
    this.onerror?.(new Event('error', { cancelable: true }));
  }

  static make = (): Worker => new InProcessWorker() as unknown as Worker;
}
