// A TierBookApi over a grading session in this thread: the Excel pane uses it with the Office.js host,
// tests with the file host. Cancelling aborts between two blocks of the port.
import type { Lang } from '../core/index.ts';
import type { Progress } from '../port/workbook.ts';
import { GradingSession, type PortFactory } from './session.ts';
import type { Cancellable, TierBookApi } from './pane-api.ts';

/** Let the pane repaint before a long operation starts. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface SessionApiOptions {
  host: TierBookApi['host'];
  lang: Lang;
  makePort: PortFactory;
  showCell(sheet: string, cell: string): Promise<void>;
  /** The workbook can change between two clicks (Excel): re-read before each data view. */
  rereadOnInspect?: boolean;
  today?: number;
}

export function sessionApi(o: SessionApiOptions): TierBookApi {
  // On the pane's thread (Excel): the run yields between blocks of explanations, so the pane keeps painting.
  const session = new GradingSession(o.makePort, { lang: o.lang, pause: yieldToUi, ...(o.today !== undefined ? { today: o.today } : {}) });
  const cancellable = <T,>(start: (signal: AbortSignal) => Promise<T>): Cancellable<T> => {
    const ctl = new AbortController();
    const promise = yieldToUi().then(() => start(ctl.signal));
    return { promise, cancel: () => ctl.abort() };
  };
  return {
    host: o.host,
    setLang: (l) => session.setLang(l),
    inspect: (scheme, selection) => {
      if (o.rereadOnInspect) session.refresh();
      return session.inspect(scheme, selection);
    },
    rules: () => session.rules(),
    saveRules: (scheme) => session.saveRules(scheme),
    preview: (scheme, selection) => session.preview(scheme, selection),
    advise: (scheme, selection) => session.advise(scheme, selection),
    apply: (scheme, selection, onProgress: (p: Progress) => void) => cancellable((signal) => session.apply(scheme, selection, onProgress, signal)),
    summaries: (scheme, selection, period, onProgress: (p: Progress) => void) => cancellable((signal) => session.summaries(scheme, selection, period, onProgress, signal)),
    handbook: (scheme) => session.handbook(scheme),
    showCell: o.showCell,
  };
}
