// Writing cells: every string is stored as an inline text cell, so nothing the user will see is ever
// taken for a formula ("=SUM(A1)"), a number ("+86 138") or anything else.
import type { CellValue } from '../../../port/workbook.ts';
import { tElement } from './xml.ts';

/** The XML of one cell, or null when there is nothing to write (null value and no style). */
export function cellXml(ref: string, value: CellValue, style: number | undefined, p = ''): string | null {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined) return style ? `<${p}c r="${ref}"${s}/>` : null;
  if (typeof value === 'string') {
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is>${tElement(value, p)}</${p}is></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (Number.isFinite(value)) return `<${p}c r="${ref}"${s}><${p}v>${numberText(value)}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
}

/** A number as xsd:double text (shortest round-trip form; -0 as 0). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}
