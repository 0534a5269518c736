// What stops a run (a configuration problem, not a data issue): always a clear message in both languages.
import type { Localized } from '../core/index.ts';

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
