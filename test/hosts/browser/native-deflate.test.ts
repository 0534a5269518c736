// Saving in the page's worker: big new parts are deflated by the platform's zlib (CompressionStream), not by
// fflate in JavaScript; the saved parts hold the same bytes, and every reader still opens the file.
import { inflateSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../../src/core/scheme/presets/index.ts';
import { deflateNative } from '../../../src/hosts/browser/native-deflate.ts';
import { StandaloneWorkbook } from '../../../src/hosts/browser/standalone-api.ts';
import { FFLATE, crc32, entryData, readZip } from '../../../src/hosts/file/xlsx/zip.ts';
import { sampleWorkbook } from '../../../scripts/sample-workbook.ts';
import { InProcessWorker } from '../../support/in-process-worker.ts';

const SAMPLE = sampleWorkbook({ customers: 3000, seed: 3, lang: 'en-US' });
const scheme = getPreset('b2b-value')!;

/** The sample graded and saved through the page's worker: the file, and the sizes fflate deflated. */
async function gradedAndSaved(): Promise<{ bytes: Uint8Array; deflated: number[] }> {
  const deflate = vi.spyOn(FFLATE, 'deflate');
  const api = new StandaloneWorkbook(InProcessWorker.make, 'en-US', () => {}, 46_000);
  try {
    await api.open(SAMPLE, 'sample.xlsx');
    await api.apply(scheme, {}, () => {}).promise;
    const bytes = (await api.save()) as Uint8Array;
    const deflated = deflate.mock.calls.map(([chunks]) => chunks.reduce((n, c) => n + c.length, 0));
    return { bytes, deflated };
  } finally {
    api.dispose();
    deflate.mockRestore();
  }
}

const parts = (bytes: Uint8Array) => new Map(readZip(bytes).map((e) => [e.name, Buffer.from(entryData(e)).toString('base64')]));

afterEach(() => vi.unstubAllGlobals());

describe('deflating ahead with the platform zlib', () => {
  it('gives a raw deflate stream of the chunks, with their CRC-32 and size', async () => {
    const chunks = [new TextEncoder().encode('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(5000)), new TextEncoder().encode('客户 ✓')];
    const packed = (await deflateNative(chunks))!;
    const whole = new Uint8Array([...chunks[0]!, ...chunks[1]!]);
    expect(packed.size).toBe(whole.length);
    expect(packed.crc).toBe(crc32([whole]));
    expect(inflateSync(packed.payload[0]!)).toEqual(whole);
  });

  it('saves the same parts as fflate, without fflate deflating the big graded sheet', async () => {
    const native = await gradedAndSaved();
    vi.stubGlobal('CompressionStream', undefined);
    const portable = await gradedAndSaved();
    expect(Math.max(...portable.deflated)).toBeGreaterThan(1 << 20); // the graded sheet is big
    expect(Math.max(...native.deflated)).toBeLessThan(1 << 20); // the small parts still go through fflate
    expect(parts(native.bytes)).toEqual(parts(portable.bytes));
  });
});
