// A cell's text as Excel shows it: its number format applied by numfmt (built-in ids in the page's
// language, e.g. id 14 is yyyy/m/d in Chinese and m/d/yyyy in English), dates counted from 1904 when the
// workbook says so.
import { format, formatColor, getFormatFromId, isDateFormat } from 'numfmt';
import type { CellLook } from '../../hosts/file/grid-view.ts';
import type { CellValue } from '../../port/workbook.ts';
import type { Lang } from '../../core/index.ts';

/** Days between the 1900 and 1904 date systems. */
const DAYS_1904 = 1462;

export interface CellText {
  text: string;
  /** A colour the format asks for ([Red] …), as a CSS colour. */
  color: string | null;
  /** Numbers, dates and booleans align right (or center) under General alignment. */
  kind: 'number' | 'text' | 'bool' | 'empty';
}

export function patternOf(look: CellLook, lang: Lang): string {
  if (look.numFmt !== null) return look.numFmt;
  return look.numFmtId === 0 ? 'General' : getFormatFromId(look.numFmtId, lang) || 'General';
}

export function cellText(value: CellValue | undefined, look: CellLook, lang: Lang, date1904: boolean): CellText {
  if (value === null || value === undefined || value === '') return { text: '', color: null, kind: 'empty' };
  if (typeof value === 'string') return { text: value, color: null, kind: 'text' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', color: null, kind: 'bool' };
  const pattern = patternOf(look, lang);
  try {
    const n = date1904 && isDateFormat(pattern) ? value + DAYS_1904 : value;
    const color = formatColor(pattern, n, { throws: false });
    return { text: format(pattern, n, { locale: lang, throws: false }), color: typeof color === 'string' ? color : null, kind: 'number' };
  } catch {
    // A format numfmt cannot read: show the number the way General would.
    return { text: format('General', value), color: null, kind: 'number' };
  }
}
