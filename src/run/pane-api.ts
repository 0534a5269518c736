// What the task pane can ask of its host: the grading session's steps plus "show this cell". The Office
// host and the standalone page each provide one; components receive it and never call Office.js.
import type { Lang, Scheme } from '../core/index.ts';
import type { Progress } from '../port/workbook.ts';
import type { ApplyView, DataView, PreviewView, RulesView, Selection, SummariesView } from './views.ts';
import type { Advice } from './advise.ts';

export type { Advice, ApplyView, DataView, PreviewView, RulesView, Selection, SummariesView, Progress };

/** A long operation the user can cancel (the promise then rejects with a cancelled error). */
export interface Cancellable<T> {
  promise: Promise<T>;
  cancel(): void;
}

export interface TierBookApi {
  /** Inside Excel, or the standalone page over a file. */
  readonly host: 'excel' | 'standalone';
  setLang(lang: Lang): void;
  inspect(scheme: Scheme, selection: Selection): Promise<DataView>;
  rules(): Promise<RulesView>;
  saveRules(scheme: Scheme): Promise<string>;
  preview(scheme: Scheme, selection: Selection): Promise<PreviewView>;
  /** 建议门槛: proposed thresholds and the mix before and after; nothing is written. */
  advise(scheme: Scheme, selection: Selection): Promise<Advice>;
  apply(scheme: Scheme, selection: Selection, onProgress: (p: Progress) => void): Cancellable<ApplyView>;
  summaries(scheme: Scheme, selection: Selection, period: string, onProgress: (p: Progress) => void): Cancellable<SummariesView>;
  handbook(scheme: Scheme): Promise<string>;
  /** Select the cell in Excel, or scroll the standalone grid to it. */
  showCell(sheet: string, cell: string): Promise<void>;
}

/** An error as the pane shows it: both languages, from a RunError or anything else. */
export interface PaneError {
  code: string;
  text: { 'zh-CN': string; 'en-US': string };
}

export function toPaneError(e: unknown): PaneError {
  if (e && typeof e === 'object' && 'text' in e && 'code' in e) {
    const x = e as { code: unknown; text: unknown };
    const t = x.text as PaneError['text'];
    if (t && typeof t['zh-CN'] === 'string' && typeof t['en-US'] === 'string') return { code: String(x.code), text: t };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', text: { 'zh-CN': `出错了：${msg}`, 'en-US': `Something went wrong: ${msg}` } };
}
