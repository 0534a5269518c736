// styles.xml, append-only: new number formats, fonts, fills and cell formats (xf) are added at the end of
// their lists and every existing index keeps its meaning. Entries identical to ones already present
// (e.g. written by an earlier run) are reused, so repeated runs do not grow the file.
import { XlsxError } from './errors.ts';
import { XML_DECL, attr, escapeAttr, findAll, findElement, rootPrefix } from './xml.ts';

export interface CellStyle {
  bold?: boolean;
  /** Background colour #RRGGBB. */
  fill?: string | null;
  numberFormat?: string | null;
  wrap?: boolean;
}

/** Excel's built-in number formats that have a fixed id (the locale-independent ones). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

interface ListSection {
  /** Child elements' exact text, in order. */
  items: string[];
  /** Items appended in this session. */
  added: string[];
}

/** A minimal styles part for a workbook built from scratch. */
export const MINIMAL_STYLES =
  `${XML_DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StyleSheet {
  private readonly p: string;
  private readonly numFmts = new Map<string, number>();
  private readonly addedNumFmts: string[] = [];
  private nextNumFmtId = 164;
  private readonly fonts: ListSection;
  private readonly fills: ListSection;
  private readonly xfs: ListSection;
  private readonly cache = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const p = this.p;
    const numFmtsEl = findElement(xml, `${p}numFmts`);
    if (numFmtsEl) {
      for (const el of findAll(xml, `${p}numFmt`, numFmtsEl.contentStart, numFmtsEl.contentEnd)) {
        const id = Number(attr(el.attrs, 'numFmtId'));
        const code = attr(el.attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) {
          if (!this.numFmts.has(code)) this.numFmts.set(code, id);
          if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
        }
      }
    }
    this.fonts = this.section('fonts', 'font');
    this.fills = this.section('fills', 'fill');
    this.xfs = this.section('cellXfs', 'xf');
    if (this.fonts.items.length === 0 || this.xfs.items.length === 0) {
      throw new XlsxError('corrupt', '工作簿已损坏：styles.xml 中没有字体或单元格格式。', 'The workbook is damaged: styles.xml has no fonts or cell formats.');
    }
  }

  private section(list: string, item: string): ListSection {
    const p = this.p;
    const el = findElement(this.xml, `${p}${list}`);
    const items = el ? findAll(this.xml, `${p}${item}`, el.contentStart, el.contentEnd).map((e) => this.xml.slice(e.start, e.end)) : [];
    return { items, added: [] };
  }

  get changed(): boolean {
    return this.addedNumFmts.length + this.fonts.added.length + this.fills.added.length + this.xfs.added.length > 0;
  }

  /** The cell format index (s=) for a style; created on first use. */
  xfIndex(style: CellStyle): number {
    const key = JSON.stringify([!!style.bold, style.fill ?? null, style.numberFormat ?? null, !!style.wrap]);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const numFmtId = style.numberFormat ? this.numFmtId(style.numberFormat) : 0;
    const fontId = style.bold ? this.indexOf(this.fonts, this.boldFont()) : 0;
    const fillId = style.fill ? this.indexOf(this.fills, fillXml(p, style.fill)) : 0;
    let xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    xf += style.wrap ? ` applyAlignment="1"><${p}alignment wrapText="1" vertical="top"/></${p}xf>` : '/>';
    const index = this.indexOf(this.xfs, xf);
    this.cache.set(key, index);
    return index;
  }

  /** The numFmtId of a format code (built-in, present, or added). */
  numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const existing = this.numFmts.get(code);
    if (existing !== undefined) return existing;
    const id = this.nextNumFmtId++;
    this.numFmts.set(code, id);
    this.addedNumFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The default font (index 0) made bold. */
  private boldFont(): string {
    const base = this.fonts.items[0]!;
    const p = this.p;
    const body = base.replace(new RegExp(`<${p}b(\\s+val="[^"]*")?\\s*/>`), '');
    if (/\/>$/.test(body) && !body.includes(`</${p}font>`)) return `<${p}font><${p}b/></${p}font>`;
    return body.replace(/^<[^>]*>/, (open) => `${open}<${p}b/>`);
  }

  private indexOf(section: ListSection, item: string): number {
    const i = section.items.indexOf(item);
    if (i >= 0) return i;
    section.items.push(item);
    section.added.push(item);
    return section.items.length - 1;
  }

  /** The styles part with the appended entries (the original text when nothing was added). */
  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    const p = this.p;
    // Schema order: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs … A missing list is created
    // right after its predecessor.
    xml = appendTo(xml, p, 'cellXfs', 'xf', this.xfs.added, null);
    xml = appendTo(xml, p, 'fills', 'fill', this.fills.added, 'fonts');
    xml = appendTo(xml, p, 'fonts', 'font', this.fonts.added, 'numFmts');
    xml = appendTo(xml, p, 'numFmts', 'numFmt', this.addedNumFmts, null);
    return xml;
  }
}

function fillXml(p: string, color: string): string {
  const rgb = argb(color);
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

/** "#RRGGBB" → "FFRRGGBB". */
export function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  if (!m) throw new XlsxError('argument', `颜色"${color}"无效：应为 #RRGGBB。`, `Invalid colour "${color}": expected #RRGGBB.`);
  return `FF${m[1]!.toUpperCase()}`;
}

/**
 * Appends items to list element `list` and updates its count. When the list is missing it is created
 * right after element `after` (or at the start of the style sheet).
 */
function appendTo(xml: string, p: string, list: string, item: string, items: readonly string[], after: string | null): string {
  if (items.length === 0) return xml;
  const el = findElement(xml, `${p}${list}`);
  if (el) {
    const selfClosing = el.contentStart === el.contentEnd && xml.charCodeAt(el.end - 2) === 47;
    const existing = Number(attr(el.attrs, 'count') ?? NaN);
    const countItems = findAll(xml, `${p}${item}`, el.contentStart, el.contentEnd).length;
    const count = (Number.isFinite(existing) ? Math.max(existing, countItems) : countItems) + items.length;
    const attrs = /\scount\s*=/.test(el.attrs) ? el.attrs.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`) : `${el.attrs} count="${count}"`;
    const body = selfClosing ? '' : xml.slice(el.contentStart, el.contentEnd);
    return `${xml.slice(0, el.start)}<${p}${list}${attrs.replace(/\s*\/$/, '')}>${body}${items.join('')}</${p}${list}>${xml.slice(el.end)}`;
  }
  const created = `<${p}${list} count="${items.length}">${items.join('')}</${p}${list}>`;
  const anchor = after ? findElement(xml, `${p}${after}`) : null;
  if (anchor) return xml.slice(0, anchor.end) + created + xml.slice(anchor.end);
  const root = findElement(xml, `${p}styleSheet`);
  if (!root) throw new XlsxError('corrupt', '工作簿已损坏：无法读取 styles.xml。', 'The workbook is damaged: styles.xml is unreadable.');
  return xml.slice(0, root.contentStart) + created + xml.slice(root.contentStart);
}
