// Which of , TAB ; separates a CSV's fields, from its first lines: shared by the text reader (csv.ts) and the
// byte reader (csv-bytes.ts); the characters it counts are all ASCII, so a string and UTF-8 bytes read alike.
export type CsvDelimiter = ',' | '\t' | ';';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const TAB = 9;
const SEMICOLON = 59;
const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';'];
/** Lines looked at. */
const SNIFF_LINES = 20;

/**
 * Pick the delimiter from the first lines (`codeAt(i)`: the character code or byte at i, of n), counting only characters outside quotes. A delimiter that
 * occurs the same number of times on every line wins (so "1,5;2,3" with decimal commas is
 * semicolon-separated); then the most frequent; comma when none occurs (a single column).
 */
export function sniffDelimiter(n: number, codeAt: (i: number) => number | undefined, from: number): CsvDelimiter {
  const counts: number[][] = [[], [], []]; // per delimiter, per line
  let line = [0, 0, 0];
  let inQuotes = false;
  let lines = 0;
  for (let i = from; i < n && lines < SNIFF_LINES; i++) {
    const c = codeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes; // "" inside quotes toggles twice: no harm
    else if (inQuotes) continue;
    else if (c === COMMA) line[0]!++;
    else if (c === TAB) line[1]!++;
    else if (c === SEMICOLON) line[2]!++;
    else if (c === LF || c === CR) {
      if (c === CR && codeAt(i + 1) === LF) i++;
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
    const total = perLine.reduce((a, b) => a + b, 0);
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
