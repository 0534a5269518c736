// Transactions, contacts and surveys → per-customer figures for a period. Pure TypeScript.
export { periodWindow, periodLabel, inWindow, type PeriodWindow, type PeriodKind } from './period.ts';
export { idKey } from './keys.ts';
export type { CodedColumn, CodedSheet } from './coded.ts';
export { aggregateOrders, type OrderColumns, type OrdersAggregate, type OrdersOptions } from './orders.ts';
export { aggregateInteractions, type InteractionColumns, type InteractionsAggregate } from './interactions.ts';
export {
  aggregateSatisfaction,
  npsClass,
  type NpsClass,
  type SatisfactionColumns,
  type SatisfactionAggregate,
} from './satisfaction.ts';
export { joinById, gather, type JoinResult } from './join.ts';
export { ordersToTable } from './table.ts';
export { FIELD_LABELS } from './common.ts';
