// What stops a run (a configuration problem, not a data issue): always a clear message in both languages.
import { SchemeError, loc, type Localized } from '../core/index.ts';

export type RunErrorCode =
  | 'no-customer-sheet'
  | 'sheet-not-found'
  | 'no-header'
  | 'missing-columns'
  | 'rules-sheet'
  | 'scheme'
  | 'cancelled'
  | 'period'
  /** The data reaches Excel's last column: no room for the output columns. */
  | 'no-room'
  | 'host';

export class RunError extends Error {
  readonly code: RunErrorCode;
  readonly text: Localized;
  constructor(code: RunErrorCode, text: Localized) {
    super(text['en-US']);
    this.name = 'RunError';
    this.code = code;
    this.text = text;
  }
}

function isLocalized(t: unknown): t is Localized {
  return !!t && typeof t === 'object' && typeof (t as Localized)['zh-CN'] === 'string' && typeof (t as Localized)['en-US'] === 'string';
}

/**
 * What to tell the user about an error, in both languages, or null when it is not one we know (a bug).
 * Every error type a user can meet carries its text: RunError, SqlError, XlsxError, the file host's
 * FileError, the CLI's UsageError (all a `text`), and SchemeError (its problems).
 */
export function errorText(e: unknown): Localized | null {
  if (e instanceof SchemeError) return loc(e.describe('zh-CN'), e.describe('en-US'));
  if (e && typeof e === 'object' && 'text' in e && isLocalized((e as { text: unknown }).text)) return (e as { text: Localized }).text;
  return null;
}

/** An error we did not expect, still said in the user's language (with the technical detail kept). */
export function unexpectedText(e: unknown): Localized {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
  return loc(`出错了（程序内部错误，请把这句话发给我们）：${msg}`, `Something went wrong (an internal error; please send us this line): ${msg}`);
}
