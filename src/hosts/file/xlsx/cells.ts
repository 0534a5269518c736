// Writing cells: every string is stored as an inline text cell, so nothing the user will see is ever
// taken for a formula ("=SUM(A1)"), a number ("+86 138") or anything else.
import type { CellValue } from '../../../port/workbook.ts';
import type { Sink } from './sink.ts';
import { numberText, tElement } from './xml.ts';

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

export { numberText };

/** The fixed markup of cells in a sheet whose elements carry namespace prefix `p`. */
interface CellMarkup {
  open: string;
  inline: string;
  /** `</t></is></c>`, and the same without the `</t>`. */
  textClose: string;
  inlineClose: string;
  bool: string;
  number: string;
  valueClose: string;
  error: string;
  /** After the reference of an unstyled cell: `" t="inlineStr"><is><t>` and `"><v>`. */
  plainText: string;
  plainNumber: string;
  /** The same, as bytes. */
  b: { open: Uint8Array; plainText: Uint8Array; plainNumber: Uint8Array; textClose: Uint8Array; valueClose: Uint8Array };
}

const ENC = new TextEncoder();

const MARKUP = new Map<string, CellMarkup>();

function markup(p: string): CellMarkup {
  let m = MARKUP.get(p);
  if (!m) {
    m = {
      open: `<${p}c r="`,
      inline: ` t="inlineStr"><${p}is>`,
      textClose: `</${p}t></${p}is></${p}c>`,
      inlineClose: `</${p}is></${p}c>`,
      bool: ` t="b"><${p}v>`,
      number: `><${p}v>`,
      valueClose: `</${p}v></${p}c>`,
      error: ` t="e"><${p}v>#NUM!</${p}v></${p}c>`,
      plainText: `" t="inlineStr"><${p}is><${p}t>`,
      plainNumber: `"><${p}v>`,
      b: null!,
    };
    m.b = { open: ENC.encode(m.open), plainText: ENC.encode(m.plainText), plainNumber: ENC.encode(m.plainNumber), textClose: ENC.encode(m.textClose), valueClose: ENC.encode(m.valueClose) };
    MARKUP.set(p, m);
  }
  return m;
}

/** True when cellXml() writes something for this value and style (a cell, not a removal). */
export function cellPresent(value: CellValue, style: number | undefined): boolean {
  return (value !== null && value !== undefined) || !!style;
}

/**
 * Writes cellXml(`${letters}${row}`, value, style, p) into the sink without building the string: markup,
 * reference and numbers as ASCII, the text through the encoder. Only for cells that are present.
 */
export function writeCell(out: Sink, letters: string, row: number, value: CellValue, style: number | undefined, p: string): void {
  const m = p === lastPrefix ? lastMarkup : markupOf(p);
  out.raw(m.b.open);
  out.ascii(letters);
  out.uint(row);
  // The cells of a big sheet are mostly these two: their markup in one piece.
  if (typeof value === 'string') {
    if (style) {
      out.ascii('" s="');
      out.uint(style);
    }
    // `" t="inlineStr"><is><t>` also closes the style attribute.
    if (out.escapedText(m.b.plainText, value, m.b.textClose)) return;
    out.ascii('"');
    out.ascii(m.inline);
    out.str(tElement(value, p));
    out.ascii(m.inlineClose);
    return;
  }
  if (!style && typeof value === 'number' && Number.isFinite(value)) {
    out.raw(m.b.plainNumber);
    if (Number.isSafeInteger(value) && value >= 0) out.uint(value);
    else out.ascii(numberText(value));
    out.raw(m.b.valueClose);
    return;
  }
  out.ascii(style ? '" s="' : '"');
  if (style) {
    out.uint(style);
    out.ascii('"');
  }
  if (value === null || value === undefined) out.ascii('/>');
  else if (typeof value === 'boolean') {
    out.ascii(m.bool);
    out.ascii(value ? '1' : '0');
    out.ascii(m.valueClose);
  } else if (Number.isFinite(value)) {
    out.ascii(m.number);
    out.ascii(numberText(value));
    out.ascii(m.valueClose);
  } else out.ascii(m.error);
}

/** The bytes around an unstyled cell's value in a sheet whose elements carry prefix `p` (for ByteSink.plainCells). */
export function plainCellMarkup(p: string): CellMarkup['b'] {
  return (p === lastPrefix ? lastMarkup : markupOf(p)).b;
}

let lastPrefix = '';
let lastMarkup = markup('');

function markupOf(p: string): CellMarkup {
  lastMarkup = markup(p);
  lastPrefix = p;
  return lastMarkup;
}
