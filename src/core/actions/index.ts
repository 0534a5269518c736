export * from './actions.ts';
export { ACTION_TABLES, ACTION_TITLES, actionSheet, actionTables } from './tables.ts';
