// Columns of the related sheets a customer sheet may come with: orders (订单记录), interactions
// (互动记录) and satisfaction (满意度). Matched on whole folded headers; ids use the customer-id words.
import type { OrderColumns } from '../aggregate/orders.ts';
import { foldHeader } from './fold.ts';

type Words = readonly string[];

const CUSTOMER_ID: Words = ['客户编号', '客户ID', '客户代码', '客户号', '客户编码', '会员编号', '编号', 'Customer ID', 'CustomerID', 'Client ID', 'Customer No', 'Customer code', 'ID'];
const DATE: Words = ['日期', '订单日期', '下单日期', '交易日期', '消费日期', '购买日期', '成交日期', '时间', '互动日期', '联系日期', '评价日期', '调查日期', 'Date', 'Order date', 'Invoice date', 'InvoiceDate', 'Transaction date', 'Purchase date'];
const ORDER_ID: Words = ['订单编号', '订单号', '单号', '发票号', '交易编号', '流水号', 'Order ID', 'Order No', 'Order number', 'Invoice', 'InvoiceNo', 'Invoice No', 'Transaction ID'];
const AMOUNT: Words = ['金额', '订单金额', '交易金额', '消费金额', '实付金额', '成交金额', '销售额', 'Amount', 'Order amount', 'Total', 'Sales', 'Order total', 'Revenue'];
const QUANTITY: Words = ['数量', '件数', 'Quantity', 'Qty'];
const UNIT_PRICE: Words = ['单价', '价格', 'Unit price', 'UnitPrice', 'Price'];
const TYPE: Words = ['类型', '互动类型', '互动方式', '联系方式', '方式', '渠道', 'Type', 'Interaction type', 'Channel'];
const SCORE: Words = ['评分', '满意度', '满意度评分', '满意度得分', '分数', '得分', 'Score', 'Rating', 'Satisfaction', 'CSAT', 'NPS score'];

const keyOf = (s: string) => foldHeader(s).key;
const sets = new Map<Words, Set<string>>();
function matches(header: string | null, words: Words): boolean {
  if (!header) return false;
  let set = sets.get(words);
  if (!set) sets.set(words, (set = new Set(words.map(keyOf))));
  return set.has(keyOf(header));
}

function find(headers: readonly (string | null)[], words: Words, taken: Set<number>): number | undefined {
  const c = headers.findIndex((h, i) => !taken.has(i) && matches(h, words));
  if (c < 0) return undefined;
  taken.add(c);
  return c;
}

/** The orders columns found (the shape aggregateOrders takes). */
export type RelatedOrderColumns = OrderColumns;

/** Orders: a customer id, a date, and an amount (or quantity and unit price). Null when the headers are not an orders sheet. */
export function orderColumns(headers: readonly (string | null)[]): RelatedOrderColumns | null {
  const taken = new Set<number>();
  const customerId = find(headers, CUSTOMER_ID, taken);
  const orderId = find(headers, ORDER_ID, taken);
  const date = find(headers, DATE, taken);
  const amount = find(headers, AMOUNT, taken);
  const quantity = find(headers, QUANTITY, taken);
  const unitPrice = find(headers, UNIT_PRICE, taken);
  if (customerId === undefined || date === undefined) return null;
  if (amount === undefined && (quantity === undefined || unitPrice === undefined)) return null;
  return {
    customerId,
    date,
    ...(amount !== undefined ? { amount } : { quantity: quantity!, unitPrice: unitPrice! }),
    ...(orderId !== undefined ? { orderId } : {}),
  };
}

/** Interactions: a customer id, a date and (optionally) a type such as 电话/会议/邮件/服务. */
export function interactionColumns(headers: readonly (string | null)[]): { customerId: number; date: number; type?: number } | null {
  const taken = new Set<number>();
  const customerId = find(headers, CUSTOMER_ID, taken);
  const date = find(headers, DATE, taken);
  const type = find(headers, TYPE, taken);
  if (customerId === undefined || date === undefined || type === undefined) return null;
  return { customerId, date, type };
}

/** Satisfaction: a customer id and a 0–10 score (a date when there is one). */
export function satisfactionColumns(headers: readonly (string | null)[]): { customerId: number; score: number; date?: number } | null {
  const taken = new Set<number>();
  const customerId = find(headers, CUSTOMER_ID, taken);
  const score = find(headers, SCORE, taken);
  const date = find(headers, DATE, taken);
  if (customerId === undefined || score === undefined) return null;
  return { customerId, score, ...(date !== undefined ? { date } : {}) };
}
