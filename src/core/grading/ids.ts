// Customer ids: how we compare and match them.

const NUMERIC = /^\d+(\.\d+)?$/;

/**
 * Ascending id order for tie-breaks: numbers by value ("9" before "10"), otherwise by code unit.
 * Numeric ids come before the others, so the order is total (a sort never depends on the input order).
 */
export function compareIds(a: string, b: string): number {
  const na = NUMERIC.test(a);
  const nb = NUMERIC.test(b);
  if (na !== nb) return na ? -1 : 1;
  if (na) {
    const d = Number(a) - Number(b);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fold full-width forms and spaces so "Ｃ００１ " and "C001" are one id. */
export function normalizeKey(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim();
}
