// The task pane's API inside Excel: the grading session over the Office.js host. Cancelling aborts the
// host between two blocks (each block is one context.sync()); "show me" selects the cell in Excel.
import type { Lang } from '../../core/index.ts';
import type { TierBookApi } from '../../run/pane-api.ts';
import { sessionApi } from '../../run/session-api.ts';
import { OfficeWorkbook, type OfficeWorkbookOptions } from './office-workbook.ts';

export function officeTaskpaneApi(lang: Lang, options: Omit<OfficeWorkbookOptions, 'signal'> = {}): TierBookApi {
  const host = (signal?: AbortSignal) => new OfficeWorkbook({ ...options, ...(signal ? { signal } : {}) });
  return sessionApi({ host: 'excel', lang, makePort: host, showCell: (sheet, cell) => host().select(sheet, cell), rereadOnInspect: true });
}
