// Which currency an amount cell shows ("£1,200", "HK$300", "620,000元"), so a run can show amounts in
// the data's currency when the scheme sets none, and warn when one column mixes currencies. The value
// parser drops these marks (it never converts); this only reads which one was there.
import { cleanCellText } from './fullwidth.ts';

// Longest first: "HK$" before "$", "新台币" before "台币", "港元" before "元".
const MARKS: readonly (readonly [string, string])[] = [
  ['HK$', 'HK$'], ['NT$', 'NT$'], ['US$', '$'], ['CN¥', '¥'],
  ['人民币', '¥'], ['新台币', 'NT$'], ['台币', 'NT$'], ['港币', 'HK$'], ['港元', 'HK$'], ['美元', '$'], ['美金', '$'],
  ['欧元', '€'], ['英镑', '£'],
  ['RMB', '¥'], ['CNY', '¥'], ['USD', '$'], ['HKD', 'HK$'], ['TWD', 'NT$'], ['EUR', '€'], ['GBP', '£'],
  ['元', '¥'], ['圆', '¥'], ['块', '¥'], ['¥', '¥'], ['$', '$'], ['€', '€'], ['£', '£'],
];

function markAt(s: string, at: number): string | null {
  for (const [word, symbol] of MARKS) if (s.startsWith(word, at) || s.toUpperCase().startsWith(word, at)) return symbol;
  return null;
}

function markBefore(s: string, end: number): string | null {
  for (const [word, symbol] of MARKS) {
    const at = end - word.length;
    if (at >= 0 && (s.startsWith(word, at) || s.toUpperCase().startsWith(word, at))) return symbol;
  }
  return null;
}

/** The currency a text cell shows: "£", "$", "€", "HK$", "NT$" or "¥"; null for numbers and unmarked text. */
export function cellCurrency(cell: unknown): string | null {
  if (typeof cell !== 'string' || cell === '') return null;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  if (first >= 48 && first <= 57 && last >= 48 && last <= 57) return null; // "1200", "2.55": the common case
  const s = cleanCellText(cell);
  let i = 0;
  while (i < s.length && (s[i] === '-' || s[i] === '+' || s[i] === '(' || s[i] === ' ' || s[i] === '\u2212')) i++;
  const lead = markAt(s, i);
  if (lead !== null) return lead;
  let e = s.length;
  while (e > 0 && (s[e - 1] === ')' || s[e - 1] === ' ')) e--;
  const tail = markBefore(s, e);
  if (tail === null) return null;
  // "98万元" shows ¥; a mark after text that is not a number ("待定元") is still no amount, but the
  // parser reports that cell, so the mark alone is enough here.
  return tail;
}

/** Currency → positions of the cells showing it. */
export function columnCurrencies(cells: ArrayLike<unknown>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < cells.length; i++) {
    const c = cellCurrency(cells[i]);
    if (c === null) continue;
    const list = out.get(c);
    if (list) list.push(i);
    else out.set(c, [i]);
  }
  return out;
}
