// The byte reader's first look at a CSV file: is it UTF-8 (without decoding it into one big string), an
// Excel "sep=" line, and its delimiter — each deciding exactly as detectEncoding and parseCsv do on text.
import type { CsvEncoding } from './csv-encoding.ts';
import type { CsvDelimiter } from './csv.ts';

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

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const TAB = 9;
const SEMICOLON = 59;
const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';'];
const SNIFF_LINES = 20;

/** parseCsv's delimiter sniffing (see csv.ts), on bytes: the characters it counts are all ASCII. */
export function sniffDelimiter(b: Uint8Array, from: number): CsvDelimiter {
  const counts: number[][] = [[], [], []];
  let line = [0, 0, 0];
  let inQuotes = false;
  const n = b.length;
  let lines = 0;
  for (let i = from; i < n && lines < SNIFF_LINES; i++) {
    const c = b[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === COMMA) line[0]!++;
    else if (c === TAB) line[1]!++;
    else if (c === SEMICOLON) line[2]!++;
    else if (c === LF || c === CR) {
      if (c === CR && b[i + 1] === LF) i++;
      for (let d = 0; d < 3; d++) counts[d]!.push(line[d]!);
      line = [0, 0, 0];
      lines++;
    }
  }
  if (lines < SNIFF_LINES && (line[0]! > 0 || line[1]! > 0 || line[2]! > 0)) {
    for (let d = 0; d < 3; d++) counts[d]!.push(line[d]!);
  }
  let best = -1;
  let bestConsistent = false;
  let bestTotal = 0;
  for (let d = 0; d < 3; d++) {
    const perLine = counts[d]!;
    const total = perLine.reduce((a, x) => a + x, 0);
    if (total === 0) continue;
    const first = perLine[0] ?? 0;
    const consistent = first > 0 && perLine.every((k) => k === first);
    if (best === -1 || (consistent && !bestConsistent) || (consistent === bestConsistent && total > bestTotal)) {
      best = d;
      bestConsistent = consistent;
      bestTotal = total;
    }
  }
  return best === -1 ? ',' : DELIMITERS[best]!;
}
