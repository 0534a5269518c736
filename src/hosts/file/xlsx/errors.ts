// The one error type the xlsx host throws: a stable code, and the message in both languages.
import type { Localized } from '../../../core/index.ts';

export type XlsxErrorCode =
  /** The bytes are not a zip archive at all. */
  | 'not-zip'
  /** A zip, but not an Excel workbook (.xlsx/.xlsm): an .ods, a .docx, a .xlsb … */
  | 'not-xlsx'
  /** Password-protected (an encrypted OLE container) or zip entries with encryption. */
  | 'encrypted'
  /** The package is damaged: missing parts, truncated entries, unreadable XML. */
  | 'corrupt'
  /** A valid file using something this host does not handle (ZIP64, Strict OOXML writes …). */
  | 'unsupported'
  /** A sheet name that does not exist, or an invalid name for a new sheet. */
  | 'sheet'
  /** A caller error: a bad row/column number, colour or argument. */
  | 'argument'
  /** A fault of TierBook's own machinery (the compression thread stalled …): the file is not to blame. */
  | 'internal';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  /** What the user reads, in both languages. */
  readonly text: Localized;

  /** `new XlsxError(code, zh, en)`; a lone string is English only (the messages test flags it). */
  constructor(code: XlsxErrorCode, message: Localized | string, en?: string) {
    const text = typeof message !== 'string' ? message : en !== undefined ? { 'zh-CN': message, 'en-US': en } : { 'zh-CN': message, 'en-US': message };
    super(text['en-US']);
    this.name = 'XlsxError';
    this.code = code;
    this.text = text;
  }
}
