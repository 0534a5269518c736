// What stops a run (a configuration problem, not a data issue): always a clear message in both languages.
import { SchemeError, loc, plainWords, sayAdvisedText, type AdviceWords, type AdvisedText, type Localized } from '../core/index.ts';

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
  /** The message; for an advised one, in the words given (each host words it itself: `errorText(e, words)`). */
  readonly text: Localized;
  /** A message with advice codes (mapping problems: what to name with --map, or choose in the pane). */
  readonly advised: AdvisedText | null;
  /** `words`: how the advice of an advised text is said in `text` (default: plainly, with no advice). */
  constructor(code: RunErrorCode, text: Localized | AdvisedText, words: AdviceWords = plainWords) {
    const advised = 'lines' in text ? text : null;
    const plain = advised ? sayAdvisedText(advised, words) : (text as Localized);
    super(plain['en-US']);
    this.name = 'RunError';
    this.code = code;
    this.text = plain;
    this.advised = advised;
  }
}

function isLocalized(t: unknown): t is Localized {
  return !!t && typeof t === 'object' && typeof (t as Localized)['zh-CN'] === 'string' && typeof (t as Localized)['en-US'] === 'string';
}

/**
 * What to tell the user about an error, in both languages, or null when it is not one we know (a bug).
 * Every error type a user can meet carries its text: RunError, SqlError, XlsxError, the file host's
 * FileError, the CLI's UsageError (all a `text`), and SchemeError (its problems). With `words`, a
 * RunError's advice is said in the host's terms (the command line's --map, the pane's steps).
 */
export function errorText(e: unknown, words?: AdviceWords): Localized | null {
  if (words && e instanceof RunError && e.advised) return sayAdvisedText(e.advised, words);
  if (e instanceof SchemeError) return loc(e.describe('zh-CN'), e.describe('en-US'));
  if (e && typeof e === 'object' && 'text' in e && isLocalized((e as { text: unknown }).text)) return (e as { text: Localized }).text;
  return null;
}

/** An error we did not expect, still said in the user's language (with the technical detail kept). */
export function unexpectedText(e: unknown): Localized {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
  return loc(`出错了（程序内部错误，请把这句话发给我们）：${msg}`, `Something went wrong (an internal error; please send us this line): ${msg}`);
}
