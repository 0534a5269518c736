// Summaries of a grading run and of history: tier mix, movement, churn, the downgrade policy, and their tables.
export * from './mix.ts';
export {
  RECENCY_METRIC,
  churnByTier,
  churnReason,
  isActive,
  isLapsed,
  type ChurnCounts,
  type ChurnReason,
  type ChurnRow,
  type TierChurn,
} from './churn.ts';
export {
  CHURNED_COL,
  NEW_ROW,
  moveDriver,
  tierMovement,
  type MoveDriver,
  type MovementOptions,
  type TierMove,
  type TierMovement,
} from './movement.ts';
export { applyDowngradePolicy, computedTierOf, recomputedTier, type HeldTier, type PolicyRecord, type PolicyResult } from './policy.ts';
export { churnSheet, churnTables, mixSheet, mixTable, movementDefinition, movementSheet, movementTables } from './tables.ts';
export { displayWidth, padDisplay } from '../output/widths.ts';
