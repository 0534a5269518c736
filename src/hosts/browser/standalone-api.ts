// The standalone page's side of the worker: the task pane's API over a workbook file opened in the
// browser, plus what only the page needs (the grid's blocks, downloading the result).
//
// The worker is a cache of (original bytes + the writes that completed): it starts on first use, and whenever
// it is gone — disposed (React StrictMode unmounts and remounts every component in development), cancelled
// mid-write, or crashed — the next request starts a fresh one that re-opens the original bytes and replays the
// writes, so the workbook is exactly as it was. No request waits on a dead worker: each one pending when its
// worker ends is rejected with a message in both languages.
import type { Lang, Scheme } from '../../core/index.ts';
import type { Progress, SheetInfo, SheetValues } from '../../port/workbook.ts';
import type { ApplyView, DataView, PreviewView, RulesView, Selection, SummariesView } from '../../run/session.ts';
import type { Cancellable, TierBookApi } from '../../run/pane-api.ts';
import type { Advice } from '../../run/advise.ts';
import type { Written } from '../file/file-workbook.ts';
import type { GridBlock, GridLayout } from '../file/grid-view.ts';
import { focusAfter, type GridFocus } from './focus.ts';
import type { Reply, Request, SessionCall } from './protocol.ts';

interface Pending {
  worker: Live;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (p: Progress) => void;
}

/** A running worker; `ready` settles once the workbook has been replayed into it. */
interface Live {
  worker: Worker;
  ready: Promise<void>;
}

const MUTATING = new Set<SessionCall['method']>(['saveRules', 'apply', 'summaries', 'handbook']);

export class WorkerError extends Error {
  constructor(
    readonly code: string,
    readonly text: { 'zh-CN': string; 'en-US': string },
  ) {
    super(text['en-US']);
    this.name = 'WorkerError';
  }
}

const stopped = () => new WorkerError('stopped', { 'zh-CN': '后台计算已停止，请重试。', 'en-US': 'The background worker was stopped; try again.' });
const cancelled = () => new WorkerError('cancelled', { 'zh-CN': '已取消，工作簿保持原样', 'en-US': 'Cancelled; the workbook is as it was' });

function crashed(e: Event): WorkerError {
  const why = e instanceof ErrorEvent && e.message ? e.message : null;
  // A script that fails to load gives a bare Event: no message to quote.
  return why
    ? new WorkerError('worker', { 'zh-CN': `后台计算出错：${why}`, 'en-US': `The background worker failed: ${why}` })
    : new WorkerError('worker', { 'zh-CN': '后台计算无法启动，请刷新页面重试。', 'en-US': 'The background worker could not start; reload the page and try again.' });
}

export class StandaloneWorkbook implements TierBookApi {
  readonly host = 'standalone' as const;
  fileName: string | null = null;
  private live: Live | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private original: { bytes: Uint8Array; fileName: string } | null = null;
  private journal: SessionCall[] = [];
  private readonly listeners = new Set<() => void>();
  private lang: Lang;
  private lastStep: { method: SessionCall['method']; value: unknown } | null = null;

  constructor(
    private readonly makeWorker: () => Worker,
    lang: Lang,
    private readonly onShowCell: (sheet: string, cell: string) => void = () => {},
    private readonly today?: number,
  ) {
    this.lang = lang;
  }

  /** Called after every write, so the grid can re-read what changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(bytes: Uint8Array, fileName: string): Promise<SheetInfo[]> {
    const previous = { original: this.original, journal: this.journal, fileName: this.fileName };
    // A new workbook: nothing of the previous one is replayed into a worker started for this request.
    this.original = null;
    this.journal = [];
    const reply = this.request(this.openRequest(bytes, fileName));
    const mine = { bytes: bytes.slice(), fileName };
    this.original = mine;
    this.fileName = fileName;
    let sheets: SheetInfo[];
    try {
      sheets = (await reply) as SheetInfo[];
    } catch (e) {
      // The worker keeps the workbook it had when a file cannot be opened: so does the replay.
      if (this.original === mine) ({ original: this.original, journal: this.journal, fileName: this.fileName } = previous);
      throw e;
    }
    this.changed();
    return sheets;
  }

  get isOpen(): boolean {
    return this.original !== null;
  }

  /** Whether Apply (or a review run, which grades too) has written tiers to the workbook since it was opened. */
  get graded(): boolean {
    return this.journal.some((c) => c.method === 'apply' || c.method === 'summaries');
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    if (this.live) void this.request({ kind: 'lang', lang }).catch(() => {});
  }

  sheets(): Promise<SheetInfo[]> {
    return this.request({ kind: 'sheets' }) as Promise<SheetInfo[]>;
  }

  block(sheet: string, firstRow: number, lastRow: number): Promise<SheetValues> {
    return this.request({ kind: 'block', sheet, firstRow, lastRow }) as Promise<SheetValues>;
  }

  gridLayout(sheet: string): Promise<GridLayout> {
    return this.request({ kind: 'gridLayout', sheet }) as Promise<GridLayout>;
  }

  gridBlock(sheet: string, firstRow: number, lastRow: number): Promise<GridBlock> {
    return this.request({ kind: 'gridBlock', sheet, firstRow, lastRow }) as Promise<GridBlock>;
  }

  /** Where the grid should go after the last step that wrote (Apply, Summaries, Handbook); null when nothing new. */
  async wroteAt(): Promise<GridFocus | null> {
    const step = this.lastStep;
    this.lastStep = null;
    const writes = (await this.request({ kind: 'written' })) as Written[];
    return step ? focusAfter(step.method, step.value, writes) : null;
  }

  /** The workbook as it is now: .xlsx (a CSV becomes a workbook), or one sheet as CSV. */
  save(format: 'xlsx' | 'csv' = 'xlsx', sheet?: string): Promise<Uint8Array> {
    return this.request({ kind: 'save', format, ...(sheet ? { sheet } : {}) }) as Promise<Uint8Array>;
  }

  inspect(scheme: Scheme, selection: Selection): Promise<DataView> {
    return this.session({ method: 'inspect', args: [scheme, selection] }) as Promise<DataView>;
  }
  rules(): Promise<RulesView> {
    return this.session({ method: 'rules', args: [] }) as Promise<RulesView>;
  }
  saveRules(scheme: Scheme): Promise<string> {
    return this.session({ method: 'saveRules', args: [scheme] }) as Promise<string>;
  }
  preview(scheme: Scheme, selection: Selection): Promise<PreviewView> {
    return this.session({ method: 'preview', args: [scheme, selection] }) as Promise<PreviewView>;
  }
  advise(scheme: Scheme, selection: Selection): Promise<Advice> {
    return this.session({ method: 'advise', args: [scheme, selection] }) as Promise<Advice>;
  }
  handbook(scheme: Scheme): Promise<string> {
    return this.session({ method: 'handbook', args: [scheme] }) as Promise<string>;
  }
  apply(scheme: Scheme, selection: Selection, onProgress: (p: Progress) => void): Cancellable<ApplyView> {
    return this.cancellable({ method: 'apply', args: [scheme, selection] }, onProgress) as Cancellable<ApplyView>;
  }
  summaries(scheme: Scheme, selection: Selection, period: string, onProgress: (p: Progress) => void): Cancellable<SummariesView> {
    return this.cancellable({ method: 'summaries', args: [scheme, selection, period] }, onProgress) as Cancellable<SummariesView>;
  }
  async showCell(sheet: string, cell: string): Promise<void> {
    this.onShowCell(sheet, cell);
  }

  /** Stop the worker. The workbook is kept: a later request starts a new worker with it. */
  dispose(): void {
    if (this.live) this.stop(this.live, stopped());
  }

  private openRequest(bytes: Uint8Array, fileName: string): Request {
    return { kind: 'open', bytes, fileName, lang: this.lang, ...(this.today !== undefined ? { today: this.today } : {}) };
  }

  /** The running worker, or a new one with the workbook replayed into it. */
  private running(): Live {
    if (this.live) return this.live;
    const live: Live = { worker: this.makeWorker(), ready: Promise.resolve() };
    this.live = live;
    live.worker.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') return p.onProgress?.(reply.progress);
      this.pending.delete(reply.id);
      if (reply.kind === 'ok') p.resolve(reply.value);
      else p.reject(new WorkerError(reply.error.code, reply.error.text));
    };
    live.worker.onerror = (e) => {
      e.preventDefault();
      this.stop(live, crashed(e));
    };
    live.worker.onmessageerror = () =>
      this.stop(live, new WorkerError('worker', { 'zh-CN': '后台计算的回复无法读取，请重试。', 'en-US': 'A reply from the background worker could not be read; try again.' }));
    const original = this.original;
    const journal = [...this.journal];
    if (original) {
      live.ready = (async () => {
        await this.post(live, this.openRequest(original.bytes.slice(), original.fileName));
        for (const call of journal) await this.post(live, { kind: 'session', call });
      })();
      // A replay that fails leaves no half-built workbook behind: what waits on it is told why, the next request starts over.
      live.ready.catch((e: unknown) => this.stop(live, e instanceof WorkerError ? e : stopped()));
    }
    return live;
  }

  /** End `live` and reject every request still waiting on it. */
  private stop(live: Live, error: WorkerError): void {
    live.worker.terminate();
    if (this.live === live) this.live = null;
    for (const [id, p] of this.pending) {
      if (p.worker !== live) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }

  /** Ask the worker holding the workbook (started, and replayed into, when there is none). */
  private request(request: Request, onProgress?: (p: Progress) => void): Promise<unknown> {
    const live = this.running();
    return this.post(live, request, onProgress, live.ready);
  }

  /** Send once `after` settles; waiting counts as pending, so ending the worker rejects it too. */
  private post(live: Live, request: Request, onProgress?: (p: Progress) => void, after: Promise<void> = Promise.resolve()): Promise<unknown> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker: live, resolve, reject, ...(onProgress ? { onProgress } : {}) });
      after.then(
        () => this.pending.has(id) && live.worker.postMessage({ id, request }),
        (e: unknown) => this.pending.delete(id) && reject(e),
      );
    });
  }

  private async session(call: SessionCall, onProgress?: (p: Progress) => void): Promise<unknown> {
    const value = await this.request({ kind: 'session', call }, onProgress);
    if (MUTATING.has(call.method)) {
      this.lastStep = { method: call.method, value };
      this.journal.push(call);
      this.changed();
    }
    return value;
  }

  private cancellable(call: SessionCall, onProgress: (p: Progress) => void): Cancellable<unknown> {
    let done = false;
    const promise = this.session(call, onProgress);
    return {
      promise,
      cancel: () => {
        if (done || !this.live) return;
        done = true;
        // End the worker mid-write; a fresh one rebuilds the workbook as it was before this operation.
        this.stop(this.live, cancelled());
        this.running().ready.then(
          () => this.changed(),
          () => this.changed(),
        );
      },
    };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
