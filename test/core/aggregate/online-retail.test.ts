// Real data: UCI "Online Retail" (541,909 transaction lines, 2010-12-01 … 2011-12-09), read the way a
// user's CSV is read (decodeCsv + parseCsv), aggregated per customer, and checked against the facts in
// ../shared/datasets/README.md and against independent plain loops over the same rows.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateOrders, periodWindow, type OrdersAggregate } from '../../../src/core/aggregate/index.ts';
import { decodeCsv, parseCsv } from '../../../src/hosts/file/csv.ts';

// test/core/aggregate → the repository root (/work/main) → its sibling ../shared.
const DATA = fileURLToPath(new URL('../../../../shared/datasets/online-retail-2010-2011.csv.gz', import.meta.url));
const present = existsSync(DATA);
if (!present) {
  console.warn(`SKIPPED: Online Retail real-data tests (test/core/aggregate/online-retail.test.ts): ${DATA} not found`);
}

// InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country
const INVOICE = 0;
const QUANTITY = 3;
const DATE = 4;
const PRICE = 5;
const CUSTOMER = 6;
const COLS = { orderId: INVOICE, quantity: QUANTITY, date: DATE, unitPrice: PRICE, customerId: CUSTOMER };

const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
const countWhere = (a: Float64Array, f: (v: number) => boolean): number => a.reduce((n, v) => n + (f(v) ? 1 : 0), 0);

describe.skipIf(!present)('Online Retail 2010–2011 (real data)', () => {
  let rows: string[][] = [];
  let body: string[][] = [];
  let all: OrdersAggregate;
  let y2010: OrdersAggregate;
  let y2011: OrdersAggregate;

  beforeAll(() => {
    const t0 = performance.now();
    const bytes = gunzipSync(readFileSync(DATA));
    const t1 = performance.now();
    const { text, encoding } = decodeCsv(bytes);
    expect(encoding).toBe('utf-8');
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(',');
    rows = parsed.rows;
    body = rows.slice(1);
    const t2 = performance.now();
    all = aggregateOrders(body, 2, COLS, null, { sheet: 'online-retail' });
    const t3 = performance.now();
    y2010 = aggregateOrders(body, 2, COLS, periodWindow('2010'));
    y2011 = aggregateOrders(body, 2, COLS, periodWindow('2011'));
    const t4 = performance.now();
    console.info(
      `Online Retail: gunzip ${(t1 - t0).toFixed(0)} ms, decode + parse ${(t2 - t1).toFixed(0)} ms, ` +
        `aggregate (all) ${(t3 - t2).toFixed(0)} ms, 2010 + 2011 ${(t4 - t3).toFixed(0)} ms`,
    );
  });

  it('parses every line into 8 fields (README: 541,909 rows, 25,900 invoices, 10,624 negative quantities)', () => {
    expect(rows[0]).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(body).toHaveLength(541_909);
    expect(body.every((r) => r.length === 8)).toBe(true);
    expect(new Set(body.map((r) => r[INVOICE])).size).toBe(25_900);
    const negative = body.filter((r) => Number(r[QUANTITY]) < 0);
    expect(negative).toHaveLength(10_624);
    expect(negative.filter((r) => r[INVOICE]!.startsWith('C'))).toHaveLength(9_288);
  });

  it('4,372 distinct customers; 135,080 rows without one; nothing unreadable', () => {
    expect(all.ids).toHaveLength(4_372);
    expect(all.ids[0]).toBe('17850'); // "17850.0" folded
    expect(all.ids.every((id) => /^\d{5}$/.test(id))).toBe(true);
    expect(all.rowsWithoutCustomer).toBe(135_080);
    expect(all.issues).toEqual([]);
    expect(all.incomplete).toBeNull();
    expect(all.rowsOutsideWindow).toBe(0);
  });

  it('948 customers bought in 2010 and 4,244 in 2011, as the README counts them', () => {
    // The README's "bought in <year>" counts customers with at least one row of any sign that year:
    // 948 / 4,244. Counting only customers with a purchase (an order with a positive total) gives
    // fewer — 885 / 4,219 — because some customers only returned goods that year. `lines` is the
    // README's definition; `lastOrder` (set only by a counted order) is the stricter one.
    expect(countWhere(y2010.lines, (n) => n > 0)).toBe(948);
    expect(countWhere(y2011.lines, (n) => n > 0)).toBe(4_244);

    // The same two counts by a plain loop over the rows.
    const anyRow = { '2010': new Set<string>(), '2011': new Set<string>() };
    const invoiceTotals = new Map<string, { year: '2010' | '2011'; customer: string; total: number; cancel: boolean }>();
    for (const r of body) {
      const customer = r[CUSTOMER]!;
      if (customer === '') continue;
      const year = r[DATE]!.slice(0, 4) as '2010' | '2011';
      anyRow[year].add(customer);
      const key = `${customer}|${r[INVOICE]}`;
      const inv = invoiceTotals.get(key) ?? { year, customer, total: 0, cancel: r[INVOICE]!.startsWith('C') };
      inv.total += Number(r[QUANTITY]) * Number(r[PRICE]);
      invoiceTotals.set(key, inv);
    }
    expect(anyRow['2010'].size).toBe(948);
    expect(anyRow['2011'].size).toBe(4_244);
    const buyers = { '2010': new Set<string>(), '2011': new Set<string>() };
    let orders = 0;
    for (const inv of invoiceTotals.values()) {
      if (inv.cancel || inv.total <= 1e-9) continue;
      buyers[inv.year].add(inv.customer);
      orders++;
    }
    expect(countWhere(y2010.lastOrder, (d) => !Number.isNaN(d))).toBe(buyers['2010'].size);
    expect(countWhere(y2011.lastOrder, (d) => !Number.isNaN(d))).toBe(buyers['2011'].size);
    expect([buyers['2010'].size, buyers['2011'].size]).toEqual([885, 4_219]);
    // Orders: each (customer, invoice) with a positive total, cancellations ("C…") excluded.
    expect(sum(all.orders)).toBe(orders);
    expect(sum(y2010.orders) + sum(y2011.orders)).toBe(orders); // no invoice spans New Year's Eve
  });

  it('spend of customers + the lines without a customer = Σ Quantity × UnitPrice = 9,747,747.93', () => {
    let noCustomer = 0;
    for (const r of body) if (r[CUSTOMER] === '') noCustomer += Number(r[QUANTITY]) * Number(r[PRICE]);
    expect(Math.abs(sum(all.spend) + noCustomer - 9_747_747.93)).toBeLessThan(0.01);
    // The two years split the whole.
    expect(Math.abs(sum(y2010.spend) + sum(y2011.spend) - sum(all.spend))).toBeLessThan(0.01);
    expect(y2010.rowsOutsideWindow + y2011.rowsOutsideWindow).toBe(541_909 - 135_080);
    expect(y2010.rowsWithoutCustomer).toBe(135_080);
  });

  it('returns reduce spend: a customer with "C" invoices spends purchases − returns', () => {
    const customer = body.find((r) => r[INVOICE]!.startsWith('C') && r[CUSTOMER] !== '')![CUSTOMER]!;
    let purchases = 0;
    let returns = 0;
    let cancelLines = 0;
    for (const r of body) {
      if (r[CUSTOMER] !== customer) continue;
      const amount = Number(r[QUANTITY]) * Number(r[PRICE]);
      if (amount >= 0) purchases += amount;
      else returns += -amount;
      if (r[INVOICE]!.startsWith('C')) cancelLines++;
    }
    expect(cancelLines).toBeGreaterThan(0);
    expect(returns).toBeGreaterThan(0);
    const i = all.ids.indexOf(customer.replace(/\.0$/, ''));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(all.spend[i]).toBeCloseTo(purchases - returns, 6);
    expect(all.spend[i]!).toBeLessThan(purchases);
  });

  it('recency: from the last day of the data (2011-12-09) or of the window; a return is no purchase', () => {
    expect(all.asOf).toBe(40886); // the day of the latest row, 2011-12-09 12:50
    expect(y2011.asOf).toBe(40908); // 2011-12-31
    const i = all.ids.indexOf('17850');
    // 17850's last purchase: 2010-12-02 15:27 (serial 40514); its last row, 2011-02-10, is a return (C543611).
    expect(Math.floor(all.lastOrder[i]!)).toBe(40514);
    expect(all.recencyDays[i]).toBe(40886 - 40514);
    expect(y2010.recencyDays[i]).toBe(40543 - 40514); // to 2010-12-31
    expect(y2011.lines[i]).toBeGreaterThan(0); // "bought in 2011" by the README's count …
    expect(y2011.lastOrder[i]).toBeNaN(); // … but only returned goods: no purchase, no recency
    expect(y2011.recencyDays[i]).toBeNaN();
    expect(y2011.spend[i]!).toBeLessThan(0);
    expect(all.recencyDays.every((d) => Number.isNaN(d) || (d >= 0 && d <= 373))).toBe(true);
  });
});
