// CSV encodings as users have them: Big5 (Taiwan, Hong Kong Excel), Shift_JIS (Japanese Excel), GB18030,
// UTF-16 — detected by strict decoding, never guessed silently, and written back as they came.
// Bytes come from Python's codecs (an independent encoder), not from ours.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CsvError, detectEncoding, encodeText, encodingFromName } from '../../../src/hosts/file/csv-encoding.ts';
import { readCsv } from '../../../src/hosts/file/csv.ts';
import { FileWorkbook } from '../../../src/hosts/file/file-workbook.ts';

/** `text` encoded by CPython's codec of that name. */
function py(text: string, codec: string): Uint8Array {
  return new Uint8Array(
    execFileSync('/usr/bin/python3', ['-c', `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('${codec}'))`], { input: Buffer.from(text, 'utf8') }),
  );
}

const BIG5_TEXT = '客戶編號,客戶名稱,年度消費金額,合作年限,備註\r\nKH-1,華信精密,"1,250,000",6,=SUM(1)\r\nKH-2,雲啟科技,980000,7,臺北市\r\nKH-3,恆達物流,待定,4,正常\r\n';
const SJIS_TEXT = '顧客ID,顧客名,年間購入額,取引年数\r\nK-1,山田商事株式会社,1250000,6\r\nK-2,鈴木工業,480000,2\r\nK-3,さくら商店,待ち,1\r\n';
const GB_TEXT = '客户编号,客户名称,年度消费金额,合作年限\r\nKH-1,华信精密,"¥1,250,000",6\r\nKH-2,云启科技,98万,7\r\n';

describe('detecting a CSV file\'s encoding', () => {
  it('reads Big5 as Big5 (the old reader decoded it as GB18030 garbage)', () => {
    const d = detectEncoding(py(BIG5_TEXT, 'big5'));
    expect(d.encoding).toBe('big5');
    expect(d.text).toBe(BIG5_TEXT);
    expect(readCsv(py(BIG5_TEXT, 'big5')).values[1]).toEqual(['KH-1', '華信精密', '1,250,000', '6', '=SUM(1)']);
  });

  it('reads Shift_JIS as Shift_JIS', () => {
    const d = detectEncoding(py(SJIS_TEXT, 'shift_jis'));
    expect(d.encoding).toBe('shift_jis');
    expect(d.text).toBe(SJIS_TEXT);
  });

  it('still reads GB18030 (and GBK) as GB18030', () => {
    expect(detectEncoding(py(GB_TEXT, 'gb18030'))).toEqual({ text: GB_TEXT, encoding: 'gb18030', bom: false });
    expect(detectEncoding(py(GB_TEXT.replace('¥', ''), 'gbk')).encoding).toBe('gb18030');
  });

  it('reads UTF-16 with a BOM, and UTF-16 without one (NUL bytes are not UTF-8 text)', () => {
    expect(detectEncoding(py(GB_TEXT, 'utf-16'))).toMatchObject({ text: GB_TEXT, encoding: 'utf-16le', bom: true });
    expect(detectEncoding(py(GB_TEXT, 'utf-16-le'))).toMatchObject({ text: GB_TEXT, encoding: 'utf-16le', bom: false });
    expect(detectEncoding(py(GB_TEXT, 'utf-16-be'))).toMatchObject({ text: GB_TEXT, encoding: 'utf-16be', bom: false });
  });

  it('stops when unsure, naming the encodings tried and --encoding (Windows-1252 is none of them)', () => {
    const bytes = py('Kunde,Café,Straße\r\nK1,Müller,1250\r\n', 'cp1252');
    expect(() => detectEncoding(bytes)).toThrow(CsvError);
    try {
      detectEncoding(bytes);
    } catch (e) {
      const text = (e as CsvError).text;
      for (const name of ['utf-8', 'gb18030', 'big5', 'shift_jis', '--encoding']) {
        expect(text['zh-CN']).toContain(name);
        expect(text['en-US']).toContain(name);
      }
      expect(text['zh-CN']).toMatch(/无法确定/);
    }
  });

  it('--encoding decides, and text that does not decode strictly in it is refused, never read as garbage', () => {
    const big5 = py(BIG5_TEXT, 'big5');
    expect(detectEncoding(big5, encodingFromName('big5')).text).toBe(BIG5_TEXT);
    expect(() => detectEncoding(py(SJIS_TEXT, 'shift_jis'), 'utf-8')).toThrow(CsvError);
    expect(encodingFromName('GBK')).toBe('gb18030');
    expect(encodingFromName('sjis')).toBe('shift_jis');
    expect(() => encodingFromName('klingon')).toThrow(CsvError);
  });
});

describe('writing a CSV back', () => {
  for (const [name, text, codec, header, labels] of [
    ['Big5', BIG5_TEXT, 'big5', '等級', ['金卡', '銀卡', '普通']],
    ['Shift_JIS', SJIS_TEXT, 'shift_jis', '等級', ['ゴールド', 'シルバー', '一般']],
    ['GB18030', GB_TEXT, 'gb18030', '等级', ['金卡', '银卡']],
    ['UTF-16', GB_TEXT, 'utf-16', '等级', ['金卡', '银卡']],
  ] as const) {
    it(`writes ${name} back in ${name}: the user's rows as they were, our column added (the old writer wrote UTF-8)`, async () => {
      const book = FileWorkbook.open(py(text, codec), 'list.csv');
      const sheet = (await book.listSheets())[0]!.name;
      const lines = text.split('\r\n').slice(0, -1);
      const width = lines[0]!.split(',').length;
      await book.writeColumns({ sheet, headerRow: 1, firstRow: 2, columns: [{ col: width, header, values: [...labels] }] });
      const out = await book.toCsv(sheet);
      const expected = lines.map((line, i) => `${line},${i === 0 ? header : labels[i - 1]}`).join('\r\n') + '\r\n';
      // Byte for byte what Python's own codec makes of the expected text.
      expect(Buffer.from(out).toString('hex')).toBe(Buffer.from(py(expected, codec)).toString('hex'));
    });
  }

  it('refuses to write what the encoding cannot hold (nothing written, the message says how to save instead)', () => {
    expect(encodeText('華信 😀', 'big5', false)).toEqual({ missing: ['😀'] });
    expect('bytes' in encodeText('华信 😀', 'gb18030', false)).toBe(true);
  });
});
