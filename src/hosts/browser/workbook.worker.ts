// The standalone page's worker: it owns the workbook (the file host over the opened bytes) and runs the
// grading session, so 100,000 rows are parsed, graded and written without freezing the page.
/// <reference lib="webworker" />
import { loc, parseScheme } from '../../core/index.ts';
import { RunError, errorText, unexpectedText } from '../../run/errors.ts';
import { GradingSession, type Selection } from '../../run/session.ts';
import { FileWorkbook } from '../file/file-workbook.ts';
import type { Progress } from '../../port/workbook.ts';
import { DEFLATE_AHEAD_MIN_SIZE, deflateNative } from './native-deflate.ts';
import { inflatedAhead } from './native-inflate.ts';
import type { Reply, Request, SessionCall } from './protocol.ts';

let book: FileWorkbook | null = null;
let session: GradingSession | null = null;

// The scope as it was when the module loaded (tests run this module in-process, one scope per worker).
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: Reply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

function need(): { book: FileWorkbook; session: GradingSession } {
  if (!book || !session) throw new RunError('host', loc('还没有打开工作簿', 'No workbook is open yet'));
  return { book, session };
}

async function callSession(s: GradingSession, call: SessionCall, onProgress: (p: Progress) => void): Promise<unknown> {
  // Schemes cross the boundary as plain data: validate them again on this side.
  const scheme = () => parseScheme(call.args[0]);
  const sel = () => (call.args[1] ?? {}) as Selection;
  switch (call.method) {
    case 'inspect':
      return s.inspect(scheme(), sel());
    case 'preview':
      return s.preview(scheme(), sel());
    case 'advise':
      return s.advise(scheme(), sel());
    case 'rules':
      return s.rules();
    case 'saveRules':
      return s.saveRules(scheme());
    case 'handbook':
      return s.handbook(scheme());
    case 'apply':
      return s.apply(scheme(), sel(), onProgress);
    case 'summaries':
      return s.summaries(scheme(), sel(), call.args[2], onProgress);
  }
}

async function handle(id: number, req: Request): Promise<unknown> {
  switch (req.kind) {
    case 'open': {
      // Every step reads the same sheets again: keep their values instead of parsing the XML each time.
      // The big parts inflated by the browser's zlib first (a CSV is not zipped).
      const codec = /\.(csv|tsv|txt)$/i.test(req.fileName) ? undefined : await inflatedAhead(req.bytes);
      const opened = FileWorkbook.open(req.bytes, req.fileName, { keepValues: true, codec });
      book = opened;
      session = new GradingSession(() => opened, { lang: req.lang, ...(req.today !== undefined ? { today: req.today } : {}) });
      return opened.listSheets();
    }
    case 'lang':
      session?.setLang(req.lang);
      return null;
    case 'session':
      return callSession(need().session, req.call, (progress) => post({ id, kind: 'progress', progress }));
    case 'sheets':
      return need().book.listSheets();
    case 'block':
      return need().book.readSheet(req.sheet, { firstRow: req.firstRow, lastRow: req.lastRow });
    case 'gridLayout':
      return need().book.grid.layout(req.sheet);
    case 'gridBlock':
      return need().book.grid.block(req.sheet, req.firstRow, req.lastRow);
    case 'written':
      return need().book.takeWritten();
    case 'save': {
      const b = need().book;
      if (req.format === 'csv') return b.toCsv(req.sheet ?? (await b.listSheets())[0]!.name);
      // The big new parts deflated by the browser's zlib first (fflate would take seconds on them).
      await b.packAhead(deflateNative, DEFLATE_AHEAD_MIN_SIZE);
      return b.toXlsx();
    }
  }
}

/** Byte results move to the page instead of being copied: a saved file, a grid window's formats. */
function transferable(value: unknown): Transferable[] {
  if (value instanceof Uint8Array) return [value.buffer];
  const looks = (value as { looks?: unknown } | null)?.looks;
  return looks instanceof Uint32Array ? [looks.buffer] : [];
}

scope.onmessage = (event: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = event.data;
  handle(id, request)
    // A value that cannot cross to the page (postMessage throws) is answered as an error: no request goes unanswered.
    .then((value) => post({ id, kind: 'ok', value }, transferable(value)))
    .catch((e: unknown) => {
      // Every error a user can meet carries its text in both languages (XlsxError, CsvError, RunError …).
      const text = errorText(e);
      const code = e instanceof RunError ? e.code : text && e instanceof Error ? e.name : 'unexpected';
      post({ id, kind: 'error', error: { code, text: text ?? unexpectedText(e) } });
    });
};
