export * from './cost.ts';
export { CHANNEL_COST, CONTACTS_PER_YEAR, OWNER_FACTOR, channelKind, defaultPerContact, discountFromLines, ownerKind, tierCostInputs, type TierCostInputs } from './defaults.ts';
export { COST_COMPARISON_TABLE, COST_TABLE, serviceCostSheet, serviceCostTables } from './tables.ts';
