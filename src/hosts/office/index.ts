// The Office.js host: the workbook port over Excel.run, native summaries, and the task pane's settings.
export { OfficeWorkbook, HISTORY_TABLE, type ExcelRun, type OfficeWorkbookOptions, type OfficeHostStats, type RequirementCheck } from './office-workbook.ts';
export { OfficeHostError, hostError, messageFor, type WrittenBlocks } from './errors.ts';
export { UiSettings, SETTINGS_KEY, type UiState, type SettingsLike } from './settings.ts';
export { DEFAULT_LIMITS, type BlockLimits } from './batch.ts';
export { needsTextPrefix, toCellInput } from './cells.ts';
export { STATIC_NOTICE } from './summaries.ts';
