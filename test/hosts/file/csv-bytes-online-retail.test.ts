// The CSV byte reader on real data: UCI Online Retail (../shared/datasets), its coded columns aggregated
// into the same 2011 figures, customer by customer, as the grid of strings readCsv gives.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aggregateOrders, periodWindow } from '../../../src/core/index.ts';
import { readCsvColumns } from '../../../src/hosts/file/csv-bytes.ts';
import { readCsv } from '../../../src/hosts/file/csv.ts';

const DATA = path.resolve(import.meta.dirname, '../../../../shared/datasets/online-retail-2010-2011.csv.gz');
if (!existsSync(DATA)) console.warn(`SKIPPED: Online Retail byte-reader test — ${DATA} is absent`);
describe.runIf(existsSync(DATA))('Online Retail (real data)', () => {
  it('the byte reader and the grid give the same 2011 aggregate for every customer', () => {
    const bytes = new Uint8Array(gunzipSync(readFileSync(DATA)));
    const cols = { orderId: 0, quantity: 3, date: 4, unitPrice: 5, customerId: 6 };
    const window = periodWindow('2011')!;
    const grid = readCsv(bytes).values.slice(1);
    const coded = readCsvColumns(bytes, [0, 3, 4, 5, 6], { firstRow: 2 });
    expect(coded.rows).toBe(541_909);
    expect(coded.columns.get(6)!.values.length).toBeLessThan(5_000); // the customers, not one string per row
    const a = aggregateOrders(grid, 2, cols, window, { asOf: window.end });
    const b = aggregateOrders(coded, 2, cols, window, { asOf: window.end });
    expect(b).toEqual(a);
  }, 120_000);
});
