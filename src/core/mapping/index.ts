// Reading a user's sheet: where the header row is, which column holds which field, and in what unit.
export { dataRows, detectHeaderRow, isBlankRow, type HeaderRow, type HeaderRowOptions } from './header-row.ts';
export {
  mapColumns,
  type ColumnMapping,
  type MapOptions,
  type MappedColumn,
  type MappingProblem,
  type MappingProblemCode,
  type MatchedBy,
} from './columns.ts';
export { plainWords, sayAdvised, sayAdvisedText, type AdviceWords, type AdvisedMessage, type AdvisedText, type MappingAdvice } from './advice.ts';
export { splitDataRows, splitDataRowsSteps, type SplitRows } from './footnotes.ts';
export { applyScale, parseUnit, unitOf, type FieldKind, type HeaderUnit } from './units.ts';
export { CORE_FIELDS, fieldDefs, type CoreField, type FieldDef } from './synonyms.ts';
export { foldHeader, type FoldedHeader } from './fold.ts';
export { orderColumns, interactionColumns, satisfactionColumns, type RelatedOrderColumns } from './related.ts';
