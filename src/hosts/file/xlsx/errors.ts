// The one error type the xlsx host throws: a stable code for the UI to translate, an English message and,
// for the messages users meet most, the Chinese one too (`text`).

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
  | 'argument';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  /** The message in both languages (Chinese falls back to the English one where none was given). */
  readonly text: { 'zh-CN': string; 'en-US': string };

  constructor(code: XlsxErrorCode, message: string, zh?: string) {
    super(message);
    this.name = 'XlsxError';
    this.code = code;
    this.text = { 'zh-CN': zh ?? message, 'en-US': message };
  }
}
