// The byte reader's first look at a CSV file: is it UTF-8 (without decoding it into one big string), an
// Excel "sep=" line, and its delimiter — each deciding exactly as detectEncoding and parseCsv do on text.
import type { CsvEncoding } from './csv-encoding.ts';
import type { CsvDelimiter } from './csv-delimiter.ts';

/**
 * The file's UTF-8 text as bytes, when detectEncoding would read it as UTF-8: a UTF-8 BOM (or
 * --encoding utf-8) and valid UTF-8, or no BOM, no NUL byte (UTF-16's mark) and valid UTF-8. Otherwise
 * null: the caller lets detectEncoding decide (and report).
 */
export function utf8Body(b: Uint8Array, encoding?: CsvEncoding): { bytes: Uint8Array; encoding: CsvEncoding; bom: boolean } | null {
  if (encoding !== undefined && encoding !== 'utf-8') return null;
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  if (!bom && encoding === undefined && b.indexOf(0) !== -1) return null;
  let body = bom ? b.subarray(3) : b;
  // The platform's decoder (ignoreBOM: false) drops one more BOM after the one detectEncoding skipped.
  if (bom && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  return validUtf8(body) ? { bytes: body, encoding: 'utf-8', bom } : null;
}

/** Strict UTF-8 (as TextDecoder with fatal: true): no overlong forms, surrogates or code points past U+10FFFF. */
export function validUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  // Most files are mostly ASCII: skip it four bytes at a time, on the aligned words of the buffer.
  const head = (4 - (b.byteOffset & 3)) & 3;
  const wordCount = n > head ? (n - head) >>> 2 : 0;
  const words = wordCount > 0 ? new Uint32Array(b.buffer, b.byteOffset + head, wordCount) : new Uint32Array(0);
  while (i < n) {
    if (i >= head && ((i - head) & 3) === 0) {
      let w = (i - head) >>> 2;
      while (w < wordCount && (words[w]! & 0x80808080) === 0) w++;
      i = head + w * 4;
      if (i >= n) break;
    }
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    const second = b[i + 1];
    if (second === undefined || second < lo || second > hi) return false;
    for (let k = 2; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || t < 0x80 || t > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Excel's "sep=;" first line, as parseCsv reads it (/^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/ on the first 12 characters). */
export function sepLine(b: Uint8Array, start: number): { delimiter: CsvDelimiter; length: number } | null {
  // Every character the pattern matches is ASCII, and a match ending at "$" spans the whole window: the
  // first 12 bytes (as Latin-1) match exactly when the first 12 characters do.
  const head = String.fromCharCode(...b.subarray(start, start + 12));
  const m = /^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/.exec(head);
  if (!m) return null;
  return { delimiter: m[1] as CsvDelimiter, length: m[0].length };
}
