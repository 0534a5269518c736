// The shared scoring module: the only place that decides a tier, a number or a table.
// Pure TypeScript: every host (Excel, browser, CLI) calls these plain functions over plain data.
export * from './i18n.ts';
export * from './issues.ts';
export * from './values/parse.ts';
export * from './scheme/metrics.ts';
export * from './scheme/schema.ts';
export * from './scheme/validate.ts';
export * from './scheme/presets/index.ts';
export * from './grading/table.ts';
export * from './grading/prepare.ts';
export * from './grading/grade.ts';
export * from './grading/customers.ts';
export { tierChain, canCompile, type KernelKind } from './grading/conditions.ts';
export { percentileInc } from './grading/percentile.ts';
export { RFM_FRACTIONS, scoreHigher, scoreLower } from './grading/rfm.ts';
export { compareIds, normalizeKey } from './grading/ids.ts';
export * from './explain/format.ts';
export * from './explain/explain.ts';
export * from './output/columns.ts';
export * from './output/tables.ts';
export * from './scheme/sheet.ts';
export * from './summaries/index.ts';
export * from './handbook/index.ts';
export * from './output/sheets.ts';
export * from './history.ts';
export * from './aggregate/index.ts';
export * from './mapping/index.ts';
export * from './sample/index.ts';
