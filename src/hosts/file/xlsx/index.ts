// The .xlsx file host: reads workbooks and patches them in place (see workbook.ts), or builds new ones.
export { XlsxWorkbook, type OpenOptions } from './workbook.ts';
export type { ZipCodec } from './zip.ts';
export { createBook, createWorkbook } from './create.ts';
export { XlsxError, type XlsxErrorCode } from './errors.ts';
export type { MergeRange } from './sheet-reader.ts';
