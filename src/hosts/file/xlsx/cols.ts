// Column widths in <cols>: setting a width splits the <col> range that covers the column (the other
// columns keep their exact attributes) or adds a <col> of its own, keeping the list sorted.
import { findAll, findElement, rawAttr, setAttr } from './xml.ts';

interface ColItem {
  min: number;
  max: number;
  /** Attribute text of the <col> element. */
  attrs: string;
  /** The exact original element text, when the item is unchanged. */
  text?: string;
}

/** `<cols>` body for widths (0-based column → width in characters), for a sheet built from scratch. */
export function colsXml(widths: ReadonlyMap<number, number>, p = ''): string {
  const cols = [...widths.entries()]
    .filter(([, w]) => Number.isFinite(w) && w > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([c, w]) => `<${p}col min="${c + 1}" max="${c + 1}" width="${roundWidth(w)}" customWidth="1"/>`);
  return cols.length ? `<${p}cols>${cols.join('')}</${p}cols>` : '';
}

function roundWidth(w: number): number {
  return Math.round(w * 100) / 100;
}

/** Sets column widths in a worksheet's XML (0-based column → width in characters). */
export function setColumnWidths(xml: string, p: string, widths: ReadonlyMap<number, number>): string {
  const wanted = [...widths.entries()].filter(([, w]) => Number.isFinite(w) && w > 0);
  if (wanted.length === 0) return xml;
  const colsEl = findElement(xml, `${p}cols`);
  let items: ColItem[] = [];
  if (colsEl) {
    items = findAll(xml, `${p}col`, colsEl.contentStart, colsEl.contentEnd).map((el) => ({
      min: Number(rawAttr(el.attrs, 'min')),
      max: Number(rawAttr(el.attrs, 'max')),
      attrs: el.attrs,
      text: xml.slice(el.start, el.end),
    }));
  }
  for (const [col0, width] of wanted) {
    const c = col0 + 1;
    const w = String(roundWidth(width));
    const i = items.findIndex((it) => it.min <= c && c <= it.max);
    if (i < 0) {
      items.push({ min: c, max: c, attrs: ` min="${c}" max="${c}" width="${w}" customWidth="1"` });
      continue;
    }
    const it = items[i]!;
    const pieces: ColItem[] = [];
    if (it.min < c) pieces.push(withRange(it, it.min, c - 1));
    const mid = withRange(it, c, c);
    mid.attrs = setAttr(setAttr(mid.attrs, 'width', w), 'customWidth', '1');
    pieces.push(mid);
    if (c < it.max) pieces.push(withRange(it, c + 1, it.max));
    items.splice(i, 1, ...pieces);
  }
  items.sort((a, b) => a.min - b.min);
  const body = items.map((it) => it.text ?? `<${p}col${it.attrs}/>`).join('');
  if (colsEl) {
    if (xml.charCodeAt(colsEl.end - 2) === 47 /* <cols/> */) {
      return `${xml.slice(0, colsEl.start)}<${p}cols${colsEl.attrs}>${body}</${p}cols>${xml.slice(colsEl.end)}`;
    }
    return `${xml.slice(0, colsEl.contentStart)}${body}${xml.slice(colsEl.contentEnd)}`;
  }
  // <cols> goes right before <sheetData> (or at the end of a head that stops there).
  const found = xml.indexOf(`<${p}sheetData`);
  const sd = found < 0 ? xml.length : found;
  return `${xml.slice(0, sd)}<${p}cols>${body}</${p}cols>${xml.slice(sd)}`;
}

function withRange(it: ColItem, min: number, max: number): ColItem {
  return { min, max, attrs: setAttr(setAttr(it.attrs, 'min', String(min)), 'max', String(max)) };
}
