// Big parts deflated while they are written (the CLI's NODE_ZIP codec): the same bytes as a part written
// whole, a <dimension> filled in last still first, and no part held as XML once it is written.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inflateSync, unzipSync } from 'fflate';
import type { CellValue } from '../../../../src/port/workbook.ts';
import { NODE_ZIP } from '../../../../src/hosts/file/node-zip.ts';
import { XlsxWorkbook, createBook } from '../../../../src/hosts/file/xlsx/index.ts';
import { OpcPackage } from '../../../../src/hosts/file/xlsx/package.ts';
import { PartPacker, concat, crc32Combine, isPacked } from '../../../../src/hosts/file/xlsx/packed-part.ts';
import { ByteSink } from '../../../../src/hosts/file/xlsx/sink.ts';
import { crc32 } from '../../../../src/hosts/file/xlsx/zip.ts';

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

describe('crc32Combine', () => {
  it('gives the CRC-32 of two pieces joined', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        expect(crc32Combine(crc32([a]), crc32([b]), b.length)).toBe(crc32([a, b]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('PartPacker', () => {
  const text = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>客户${i}</t></is></c></row>`);

  it('deflates a big part as it comes: one stream that inflates to what a plain sink writes, slot first', () => {
    const rows = text(200_000); // about 14 MB
    const write = (sink: ByteSink) => {
      const head = sink.slot();
      for (const r of rows) sink.str(r);
      sink.fill(head, '<sheetData dimension="A1:A200000">');
    };
    const plain = new ByteSink('', null);
    write(plain);
    const want = concat(plain.finish());
    const packed = new ByteSink('', null, new PartPacker(NODE_ZIP.stream!));
    write(packed);
    const part = packed.finishPart();
    expect(isPacked(part)).toBe(true);
    if (!isPacked(part)) return;
    expect(part.size).toBe(want.length);
    expect(part.crc).toBe(crc32([want]));
    expect(same(inflateSync(concat(part.payload)), want)).toBe(true);
  });

  it('keeps a small part as chunks (compressed on save, as before)', () => {
    const sink = new ByteSink('', null, new PartPacker(NODE_ZIP.stream!));
    const head = sink.slot();
    sink.str('<a/>');
    sink.fill(head, '<x>');
    const part = sink.finishPart();
    expect(isPacked(part)).toBe(false);
    expect(new TextDecoder().decode(concat(part as Uint8Array[]))).toBe('<x><a/>');
  });

  it('deflates on its worker under node --import tsx too (as the bench runs the CLI), never waiting forever', () => {
    const codec = path.resolve(import.meta.dirname, '../../../../src/hosts/file/node-zip.ts');
    const script = `const { NODE_ZIP } = await import(${JSON.stringify(codec)});
const t = NODE_ZIP.stream.submit(new Uint8Array(2_000_000).fill(65), 1);
console.log('deflated', NODE_ZIP.stream.take(t).deflated.length > 0);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('deflated true');
  });

  it('has no packer without a codec that deflates in pieces (the browser: fflate)', () => {
    expect(OpcPackage.empty().packer()).toBeNull();
    expect(OpcPackage.empty(NODE_ZIP).packer()).not.toBeNull();
  });
});

describe('a workbook with big written parts', () => {
  const rows: CellValue[][] = Array.from({ length: 60_000 }, (_, i) => [`KH-${i}`, `客户${i} & <公司>`, i * 1.5, i % 3 ? null : ' 空格 ', i % 5 === 0]);

  it('saves the same parts through NODE_ZIP (packed while written) as through fflate, and reads them back', () => {
    const build = (codec: typeof NODE_ZIP | undefined) => {
      const wb = createBook([{ name: '订单', values: rows }], codec);
      wb.appendRows('历史', ['编号', '名称', '金额', '备注', '标记'], rows);
      return wb;
    };
    const packedBook = build(NODE_ZIP);
    const a = unzipSync(packedBook.save());
    const b = unzipSync(build(undefined).save());
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) expect(same(a[k]!, b[k]!), k).toBe(true);
    // A packed part read again (the next step of a session) is inflated on demand.
    const again = XlsxWorkbook.open(packedBook.save(), { codec: NODE_ZIP });
    expect(again.readSheet('历史').values[60_000]).toEqual(['KH-59999', '客户59999 & <公司>', 89998.5, null, false]);
    expect(packedBook.readSheet('历史').values[60_000]).toEqual(['KH-59999', '客户59999 & <公司>', 89998.5, null, false]);
  });
});
