// The tier handbook (客户等级管理手册): content, sheet and Markdown.
export { HANDBOOK_TITLE, downgradeText, handbook, type Handbook, type HandbookSection, type HandbookTable } from './handbook.ts';
export { handbookMarkdown, handbookSheet, markdownCell, wrapText } from './render.ts';
export { comparisonText, conditionText, negatedText, negatedThresholdText, thresholdText, tierCriteriaText } from './criteria.ts';
