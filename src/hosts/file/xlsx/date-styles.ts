// Which cell styles show a date: needed only to read a 1904-date workbook, whose date serials are 1,462
// days smaller than the 1900-system serials the port hands over.
import { isDateFormat } from 'numfmt';
import { nsElements } from './ns-xml.ts';

/** Days between the 1900 and 1904 date systems (1904-01-01 is serial 1462 in the 1900 system). */
export const DAYS_1904 = 1462;

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30; 27–36 and 50–58 in East Asian locales). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** For each cell style index (the `s` of a cell), whether its number format shows a date. */
export function dateStyleFlags(stylesXml: string, part: string): Uint8Array {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  for (const el of nsElements(stylesXml, part)) {
    if (el.local === 'numFmt' && el.path[1] === 'numFmts') codes.set(Number(el.attrs.get('numFmtId')), el.attrs.get('formatCode') ?? '');
    else if (el.local === 'xf' && el.path[1] === 'cellXfs') xfs.push(Number(el.attrs.get('numFmtId') ?? 0));
  }
  return Uint8Array.from(xfs, (id) => {
    const code = codes.get(id);
    if (code === undefined) return builtInDate(id) ? 1 : 0;
    try {
      return isDateFormat(code) ? 1 : 0;
    } catch {
      return 0;
    }
  });
}
