// What an order aggregation takes and gives, shared by the loop over coded columns (orders.ts) and the one
// over a grid of cells (orders-grid.ts).
import type { DataIssue } from '../issues.ts';

/** 0-based column indexes in the sheet's values. Amount wins over quantity × unit price when both are given. */
export interface OrderColumns {
  customerId: number;
  date: number;
  amount?: number;
  quantity?: number;
  unitPrice?: number;
  orderId?: number;
}

export interface OrdersOptions {
  /** Sheet name, for messages. */
  sheet?: string;
  /** Reference day of recency (Excel serial); default window.end, or the latest date in the data. */
  asOf?: number;
}

export interface OrdersAggregate {
  /** Distinct customer ids (see idKey) in first-seen order — every customer of the sheet, also those without rows in the window. */
  ids: string[];
  /** Net spend in the window: purchases minus returns. */
  spend: Float64Array;
  /** Orders in the window (see the definitions at the top of the file). */
  orders: Float64Array;
  /** Rows of the customer in the window, of any sign. */
  lines: Float64Array;
  /** Serial of the latest purchase in the window; NaN when none. */
  lastOrder: Float64Array;
  firstOrder: Float64Array;
  /** Whole days from the last purchase to `asOf`; NaN when no purchase in the window. */
  recencyDays: Float64Array;
  /** spend ÷ orders; 0 when orders is 0. */
  avgOrderValue: Float64Array;
  /** 1 for customers with a row that was skipped as unreadable (their totals are partial); null when none. */
  incomplete: Uint8Array | null;
  /** Reference day of recencyDays (NaN when there was no dated row). */
  asOf: number;
  rowsWithoutCustomer: number;
  /** Rows with a customer and a readable date outside the window. */
  rowsOutsideWindow: number;
  /** Rows skipped because a cell could not be read (each has an issue). */
  rowsSkipped: number;
  issues: DataIssue[];
}
