// The task pane's API inside Excel: the grading session over the Office.js host. Cancelling aborts the
// host between two blocks (each block is one context.sync()); "show me" selects the cell in Excel.
import type { Lang } from '../../core/index.ts';
import type { Progress } from '../../port/workbook.ts';
import { GradingSession } from '../../run/session.ts';
import type { Cancellable, TierBookApi } from '../../taskpane/api.ts';
import { OfficeWorkbook, type OfficeWorkbookOptions } from './office-workbook.ts';

/** Let the pane repaint between blocks: Office.js calls are async, but grading a block is not. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function officeTaskpaneApi(lang: Lang, options: Omit<OfficeWorkbookOptions, 'signal'> = {}): TierBookApi {
  const host = (signal?: AbortSignal) => new OfficeWorkbook({ ...options, ...(signal ? { signal } : {}) });
  const session = new GradingSession(host, { lang });
  const cancellable = <T,>(start: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>, onProgress: (p: Progress) => void): Cancellable<T> => {
    const ctl = new AbortController();
    const promise = (async () => {
      await yieldToUi();
      return start(ctl.signal, onProgress);
    })();
    return { promise, cancel: () => ctl.abort() };
  };
  return {
    host: 'excel',
    setLang: (l) => session.setLang(l),
    // Excel's sheets can change between two clicks: every step reads afresh.
    inspect: (scheme, selection) => {
      session.refresh();
      return session.inspect(scheme, selection);
    },
    rules: () => session.rules(),
    saveRules: (scheme) => session.saveRules(scheme),
    preview: (scheme, selection) => session.preview(scheme, selection),
    apply: (scheme, selection, onProgress) => cancellable((signal, p) => session.apply(scheme, selection, p, signal), onProgress),
    summaries: (scheme, selection, period, onProgress) => cancellable((signal, p) => session.summaries(scheme, selection, period, p, signal), onProgress),
    handbook: (scheme) => session.handbook(scheme),
    showCell: (sheet, cell) => host().select(sheet, cell),
  };
}
