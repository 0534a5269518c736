// Excel errors as messages a user can act on, in both languages. Office.js rejects context.sync() with an
// OfficeExtension.Error whose `code` is one of Excel.ErrorCodes / OfficeExtension.ErrorCodes; its `message` is
// meant for developers, so the host shows its own text and keeps the code for support.
// https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
// https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes
import { loc, type Localized } from '../../core/i18n.ts';
import { RunError } from '../../run/errors.ts';

/** Which blocks of a write had reached the workbook when it stopped. */
export interface WrittenBlocks {
  what: Localized;
  /** Blocks fully written, of `total`. */
  done: number;
  total: number;
  /** Sheet rows (1-based) covered by the written blocks, or null when none was written. */
  rows: [number, number] | null;
}

/** A failed Excel request, with what it had written (the next run rewrites the output columns in full). */
export class OfficeHostError extends RunError {
  /** The Excel / OfficeExtension error code ("InvalidOperationInCellEditMode" …), or null for non-Excel failures. */
  readonly excelCode: string | null;
  readonly written: WrittenBlocks | null;
  constructor(text: Localized, excelCode: string | null, written: WrittenBlocks | null) {
    super('host', text);
    this.name = 'OfficeHostError';
    this.excelCode = excelCode;
    this.written = written;
  }
}

const MESSAGES: Record<string, Localized> = {
  InvalidOperationInCellEditMode: loc(
    'Excel 正在编辑某个单元格。请按 Enter 或 Esc 结束编辑，然后重新评级。',
    'Excel is editing a cell. Press Enter or Esc to finish editing, then grade again.',
  ),
  RequestPayloadSizeLimitExceeded: loc(
    '一次发送给 Excel 的数据超过了 Excel 网页版 5 MB 的上限（单元格中的文字可能特别长）。',
    'One request to Excel was larger than the 5 MB that Excel on the web accepts (some cells may hold very long text).',
  ),
  ResponsePayloadSizeLimitExceeded: loc(
    '从 Excel 读取的一块数据超过了 Excel 网页版 5 MB 的上限（单元格中的文字可能特别长）。',
    'A block read from Excel was larger than the 5 MB that Excel on the web returns (some cells may hold very long text).',
  ),
  RangeExceedsLimit: loc('要读取的区域超过了 Excel 单次 500 万个单元格的上限。', 'The range to read exceeds the 5,000,000 cells Excel returns at once.'),
  ItemNotFound: loc(
    '找不到要用的工作表或对象：它可能在评级时被删除或改名了。',
    'A sheet or object TierBook needs was not found: it may have been deleted or renamed while grading.',
  ),
  ItemAlreadyExists: loc('同名的工作表、表格或数据透视表已存在。', 'A sheet, table or PivotTable of that name already exists.'),
  GeneralException: loc(
    'Excel 在处理请求时出现内部错误。请保存工作簿后重试；若反复出现，请重新打开工作簿。',
    'Excel hit an internal error while processing the request. Save the workbook and try again; if it keeps happening, reopen the workbook.',
  ),
  AccessDenied: loc(
    'Excel 拒绝了修改：工作表或工作簿可能受保护，或以只读方式打开。',
    'Excel refused the change: the sheet or workbook may be protected, or opened read-only.',
  ),
  InvalidOrTimedOutSession: loc(
    '与工作簿的连接已断开（工作簿可能已关闭，或 Excel 网页版会话已过期）。请重新打开工作簿后再评级。',
    'The connection to the workbook was lost (it may have been closed, or the Excel on the web session expired). Reopen the workbook and grade again.',
  ),
  RequestAborted: loc(
    '请求在执行中被中止（工作簿可能已关闭）。请重新打开工作簿后再评级。',
    'The request was aborted while running (the workbook may have been closed). Reopen the workbook and grade again.',
  ),
  ConnectionFailure: loc('与 Excel 的连接失败。请重新打开工作簿后再评级。', 'The connection to Excel failed. Reopen the workbook and grade again.'),
  ActivityLimitReached: loc('Excel 的活动次数达到上限，请稍等片刻再试。', 'Excel reached its activity limit; wait a moment and try again.'),
  Conflict: loc('其他人正在同时编辑这些单元格，请稍后重试。', 'Someone else is editing these cells at the same time; try again shortly.'),
  MergedRangeConflict: loc('输出列与合并单元格重叠，请取消合并后重试。', 'The output columns overlap merged cells; unmerge them and try again.'),
  PivotTableRangeConflict: loc('输出区域与数据透视表重叠，请移开数据透视表后重试。', 'The output overlaps a PivotTable; move the PivotTable and try again.'),
  FilteredRangeConflict: loc('工作表处于筛选状态，请清除筛选后重试。', 'The sheet is filtered; clear the filter and try again.'),
  InsertDeleteConflict: loc('插入或删除行时与表格冲突。', 'Inserting or deleting rows conflicted with a table.'),
  NonBlankCellOffSheet: loc('写入会把非空单元格挤出工作表边界。', 'The write would push non-blank cells off the sheet.'),
  ApiNotFound: loc(
    '此版本的 Excel 不支持所需的功能（需要 ExcelApi 1.8）。请更新 Office 或使用 Excel 网页版。',
    'This version of Excel lacks a feature TierBook needs (ExcelApi 1.8). Update Office or use Excel on the web.',
  ),
  InvalidArgument: loc('Excel 不接受发送的数据。', 'Excel did not accept the data sent.'),
  // Excel's default failure while a cell is being edited (where delayForCellEdit is not honoured), among others.
  InvalidOperation: loc(
    'Excel 不允许这项操作。如果您正在编辑某个单元格，请按 Enter 或 Esc 结束编辑，然后重试；否则工作表可能受保护。',
    'Excel does not allow this operation. If you are editing a cell, press Enter or Esc to finish editing, then try again; otherwise the sheet may be protected.',
  ),
  OperationCellsExceedLimit: loc(
    '这项操作涉及的单元格超过了 Excel 网页版单次操作 33,554,000 个的上限。',
    'The operation touches more cells than the 33,554,000 Excel on the web allows in one operation.',
  ),
  UnsupportedOperation: loc('Excel 不支持这项操作。', 'Excel does not support this operation.'),
};

/** The code of an Office.js error (OfficeExtension.Error), if it is one. */
export function excelCodeOf(e: unknown): string | null {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return null;
}

/** The user's message for an Excel error code. */
export function messageFor(code: string | null): Localized {
  if (code && MESSAGES[code]) return MESSAGES[code];
  return code ? loc(`Excel 报告了错误（${code}）。`, `Excel reported an error (${code}).`) : loc('与 Excel 通信时出错。', 'Something went wrong talking to Excel.');
}

/**
 * Wrap a failure of an Excel request: the reason, where it stopped (which blocks were written) and what the
 * user's data looks like now. RunErrors (cancel, our own checks) pass through unchanged.
 */
export function hostError(e: unknown, doing: Localized, written: WrittenBlocks | null): RunError {
  if (e instanceof RunError) return e;
  const code = excelCodeOf(e);
  const reason = messageFor(code);
  const where = writtenText(written);
  const tail = code ? loc(`（错误代码：${code}）`, ` (error code: ${code})`) : loc('', e instanceof Error ? ` (${e.message})` : '');
  return new OfficeHostError(
    loc(`${doing['zh-CN']}时出错：${reason['zh-CN']}${where['zh-CN']}${tail['zh-CN']}`, `${doing['en-US']} failed: ${reason['en-US']}${where['en-US']}${tail['en-US']}`),
    code,
    written,
  );
}

export function writtenText(w: WrittenBlocks | null): Localized {
  if (!w) return loc('', '');
  if (w.total === 0) return loc('您的数据未被改动。', ' Your data is unchanged.');
  if (w.done === 0 || !w.rows)
    return loc(`${w.what['zh-CN']}尚未写入任何块（共 ${w.total} 块），您的数据未被改动。`, ` No block of ${w.what['en-US']} had been written (of ${w.total}); your data is unchanged.`);
  const [a, b] = w.rows;
  return loc(
    `${w.what['zh-CN']}已写入 ${w.done}/${w.total} 块（第 ${a}–${b} 行）；您自己的数据未被改动，下次评级会完整重写这些输出列。`,
    ` ${w.done} of ${w.total} blocks of ${w.what['en-US']} were written (rows ${a}–${b}); your own data is unchanged, and the next run rewrites these output columns in full.`,
  );
}

/** Cancelled by the user between blocks. */
export function cancelledError(written: WrittenBlocks | null): RunError {
  const where = writtenText(written);
  return new RunError('cancelled', loc(`已取消。${where['zh-CN']}`, `Cancelled.${where['en-US']}`));
}
