// Opening in the page's worker: big sheets are inflated by the platform's zlib (DecompressionStream), not by
// fflate in JavaScript; what is read is the same, and a damaged part is still reported as damaged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inflatedAhead } from '../../../src/hosts/browser/native-inflate.ts';
import { StandaloneWorkbook } from '../../../src/hosts/browser/standalone-api.ts';
import { XlsxWorkbook, createWorkbook } from '../../../src/hosts/file/xlsx/index.ts';
import { FFLATE, readZip } from '../../../src/hosts/file/xlsx/zip.ts';
import { InProcessWorker } from '../../support/in-process-worker.ts';

/** A sheet of 30,000 rows (over 1 MB of XML) and a small one. */
const big = () =>
  createWorkbook([
    { name: 'Customers', values: [['id', 'name', 'spend'], ...Array.from({ length: 30_000 }, (_, i) => [`C${i}`, `客户 ${i}`, i * 7.5])] },
    { name: 'Notes', values: [['note'], ['hello']] },
  ]);

afterEach(() => vi.restoreAllMocks());

describe('inflating ahead with the platform zlib', () => {
  it('reads the same values as fflate, without fflate inflating the big sheet', async () => {
    const bytes = big();
    const want = XlsxWorkbook.open(bytes).readSheet('Customers').values;
    const inflate = vi.spyOn(FFLATE, 'inflate');
    const codec = await inflatedAhead(bytes);
    const wb = XlsxWorkbook.open(bytes, { codec });
    expect(wb.readSheet('Customers').values).toEqual(want);
    const sizes = inflate.mock.calls.map(([, size]) => size);
    expect(sizes.length).toBeGreaterThan(0); // the small parts still go through fflate
    expect(Math.max(...sizes)).toBeLessThan(1 << 20);
  });

  it('a damaged big part is still refused as damaged', async () => {
    const bytes = big().slice();
    const sheet = readZip(bytes).find((e) => e.name.endsWith('sheet1.xml'))!;
    bytes[sheet.raw!.byteOffset + 1000]! ^= 0xff;
    const codec = await inflatedAhead(bytes);
    expect(() => XlsxWorkbook.open(bytes, { codec }).readSheet('Customers')).toThrow(/damaged/);
  });

  it('checks a big part’s CRC-32 in the platform zlib as it inflates, not again in JavaScript', async () => {
    const bytes = big();
    const crc = vi.spyOn(FFLATE, 'crc32');
    const codec = await inflatedAhead(bytes);
    expect(XlsxWorkbook.open(bytes, { codec }).readSheet('Customers').values).toHaveLength(30_001);
    const sizes = crc.mock.calls.map(([chunks]) => chunks.reduce((n, c) => n + c.length, 0));
    expect(Math.max(0, ...sizes)).toBeLessThan(1 << 20);
  });

  it('a big part whose stored CRC-32 is wrong (its data intact) is refused as damaged', async () => {
    const bytes = big().slice();
    // The sheet's central directory record: its CRC-32 at offset 16.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = 0; i + 46 + name.length <= bytes.length && at < 0; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2 && name.every((b, k) => bytes[i + 46 + k] === b)) at = i;
    }
    expect(at).toBeGreaterThan(0);
    bytes[at + 16]! ^= 0x01;
    const codec = await inflatedAhead(bytes);
    expect(() => XlsxWorkbook.open(bytes, { codec }).readSheet('Customers')).toThrow(/checksum/);
  });

  it('the page’s worker opens a workbook that way', async () => {
    const inflate = vi.spyOn(FFLATE, 'inflate');
    const api = new StandaloneWorkbook(InProcessWorker.make, 'en-US', () => {}, 46_000);
    try {
      const sheets = await api.open(big(), 'big.xlsx');
      expect(sheets.find((s) => s.name === 'Customers')).toMatchObject({ lastRow: 30_001, lastCol: 2 });
      expect(Math.max(...inflate.mock.calls.map(([, size]) => size))).toBeLessThan(1 << 20);
    } finally {
      api.dispose();
    }
  });
});
