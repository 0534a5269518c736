// The shared vocabulary of cells: what a cell holds, and A1 addresses. Input (mapping, aggregate) and output
// (tables, history) both speak it; the hosts and scripts use the same helpers instead of writing their own.

/** A cell value as hosts hand it over: dates as Excel serial numbers, errors as their text ("#N/A"). */
export type CellValue = string | number | boolean | null;

/** 0-based column index to Excel letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel letters to 0-based column index: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 1-based row and 0-based column to an A1 reference. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
