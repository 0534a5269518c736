// The standalone page's side of the worker: the task pane's API over a workbook file opened in the
// browser, plus what only the page needs (the grid's blocks, downloading the result). A cancelled
// operation ends the worker mid-write; a fresh worker re-opens the original bytes and replays the
// operations that had completed, so the workbook is exactly as it was before the cancelled one.
import type { Lang, Scheme } from '../../core/index.ts';
import type { Progress, SheetInfo, SheetValues } from '../../port/workbook.ts';
import type { ApplyView, DataView, PreviewView, RulesView, Selection, SummariesView } from '../../run/session.ts';
import type { Cancellable, TierBookApi } from '../../taskpane/api.ts';
import type { Written } from '../file/file-workbook.ts';
import type { GridBlock, GridLayout } from '../file/grid-view.ts';
import { focusAfter, type GridFocus } from './focus.ts';
import type { Reply, Request, SessionCall } from './protocol.ts';

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (p: Progress) => void;
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

export class StandaloneWorkbook implements TierBookApi {
  readonly host = 'standalone' as const;
  fileName: string | null = null;
  private worker: Worker;
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
    this.worker = this.start();
  }

  /** Called after every write, so the grid can re-read what changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(bytes: Uint8Array, fileName: string): Promise<SheetInfo[]> {
    this.original = { bytes: bytes.slice(), fileName };
    this.journal = [];
    this.fileName = fileName;
    const sheets = (await this.request({ kind: 'open', bytes, fileName, lang: this.lang, ...(this.today !== undefined ? { today: this.today } : {}) })) as SheetInfo[];
    this.changed();
    return sheets;
  }

  get isOpen(): boolean {
    return this.original !== null;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    void this.request({ kind: 'lang', lang });
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

  dispose(): void {
    this.worker.terminate();
  }

  private start(): Worker {
    const w = this.makeWorker();
    w.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') return p.onProgress?.(reply.progress);
      this.pending.delete(reply.id);
      if (reply.kind === 'ok') p.resolve(reply.value);
      else p.reject(new WorkerError(reply.error.code, reply.error.text));
    };
    w.onerror = (e) => {
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new WorkerError('worker', { 'zh-CN': `后台计算出错：${e.message}`, 'en-US': `The background worker failed: ${e.message}` }));
      }
    };
    return w;
  }

  private request(request: Request, onProgress?: (p: Progress) => void): Promise<unknown> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ id, request });
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
    let cancelled = false;
    const promise = this.session(call, onProgress);
    return {
      promise,
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        void this.restart();
      },
    };
  }

  /** Stop the worker mid-operation and rebuild the workbook as it was before it. */
  private async restart(): Promise<void> {
    this.worker.terminate();
    const cancelled = new WorkerError('cancelled', { 'zh-CN': '已取消，工作簿保持原样', 'en-US': 'Cancelled; the workbook is as it was' });
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(cancelled);
    }
    this.worker = this.start();
    if (!this.original) return;
    const journal = this.journal;
    await this.request({ kind: 'open', bytes: this.original.bytes.slice(), fileName: this.original.fileName, lang: this.lang, ...(this.today !== undefined ? { today: this.today } : {}) });
    for (const call of journal) await this.request({ kind: 'session', call });
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
