// Reading styles.xml for display (read-only): what each cell format (the s= index of a cell) looks like —
// number format, solid fill, font colour and weight, alignment. The grid gets this table once per
// workbook and one small integer per cell, never a style object per cell.
import { attr, findAll, findElement, rootPrefix } from './xml.ts';

export interface CellLook {
  /** numFmtId of the cell format (0 = General). */
  numFmtId: number;
  /** The format code when the workbook defines it (ids ≥ 164, or a redefined built-in); null for a built-in id. */
  numFmt: string | null;
  /** Solid fill as #RRGGBB, or null. */
  fill: string | null;
  /** Font colour as #RRGGBB, or null for automatic. */
  color: string | null;
  bold: boolean;
  italic: boolean;
  /** Horizontal alignment as written (left, center, right, …), or null for general. */
  align: string | null;
  wrap: boolean;
}

export const GENERAL_LOOK: CellLook = { numFmtId: 0, numFmt: null, fill: null, color: null, bold: false, italic: false, align: null, wrap: false };

/** Excel's default indexed colour palette (indexes 0–63; 64 is "system foreground"). */
const INDEXED = (
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
  '000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
  '3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333'
).split(/\s+/);

/** Theme colour order in clrScheme, and the index order cells use (lt1 and dk1, lt2 and dk2 swapped). */
const SCHEME_ORDER = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];
const THEME_INDEX = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The theme's colours by clrScheme name (dk1, lt1, accent1 …) as RRGGBB. */
export function themeColors(themeXml: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!themeXml) return out;
  const p = rootPrefix(themeXml, 'theme');
  const scheme = findElement(themeXml, `${p}clrScheme`);
  if (!scheme) return out;
  for (const name of SCHEME_ORDER) {
    const el = findElement(themeXml, `${p}${name}`, scheme.contentStart, scheme.contentEnd);
    if (!el) continue;
    const srgb = findElement(themeXml, `${p}srgbClr`, el.contentStart, el.contentEnd);
    const sys = findElement(themeXml, `${p}sysClr`, el.contentStart, el.contentEnd);
    const hex = srgb ? attr(srgb.attrs, 'val') : sys ? attr(sys.attrs, 'lastClr') : undefined;
    if (hex && /^[0-9a-fA-F]{6}$/.test(hex)) out.set(name, hex.toUpperCase());
  }
  return out;
}

/** A <color>/<fgColor> element's attributes as #RRGGBB (rgb, theme with tint, indexed), or null. */
export function colorOf(attrs: string, theme: Map<string, string>): string | null {
  let hex: string | undefined;
  const rgb = attr(attrs, 'rgb');
  const th = attr(attrs, 'theme');
  const ix = attr(attrs, 'indexed');
  if (rgb && /^[0-9a-fA-F]{6,8}$/.test(rgb)) hex = rgb.slice(-6);
  else if (th !== undefined) hex = theme.get(THEME_INDEX[Number(th)] ?? '');
  else if (ix !== undefined) hex = INDEXED[Number(ix)];
  if (!hex) return null;
  const tint = Number(attr(attrs, 'tint') ?? 0);
  return `#${(tint ? applyTint(hex, tint) : hex).toUpperCase()}`;
}

/** Excel's tint: lighten (tint > 0) or darken (tint < 0) the colour's luminance in HLS. */
function applyTint(hex: string, tint: number): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d + (g < b ? 6 : 0)) / 6 : max === g ? ((b - r) / d + 2) / 6 : ((r - g) / d + 4) / 6;
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number) => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    return x < 1 / 6 ? p + (q - p) * 6 * x : x < 1 / 2 ? q : x < 2 / 3 ? p + (q - p) * (2 / 3 - x) * 6 : p;
  };
  const out = s === 0 ? [l, l, l] : [hue(h + 1 / 3), hue(h), hue(h - 1 / 3)];
  return out.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
}

const on = (attrs: string, name: string) => {
  const v = attr(attrs, name);
  return v === '1' || v === 'true';
};

/** One CellLook per cell format (cellXfs), in index order. */
export function readCellLooks(stylesXml: string | null, themeXml: string | null): CellLook[] {
  if (!stylesXml) return [GENERAL_LOOK];
  const theme = themeColors(themeXml);
  const p = rootPrefix(stylesXml, 'styleSheet');
  const list = (name: string, item: string) => {
    const el = findElement(stylesXml, `${p}${name}`);
    return el ? findAll(stylesXml, `${p}${item}`, el.contentStart, el.contentEnd) : [];
  };
  const formats = new Map<number, string>();
  for (const el of list('numFmts', 'numFmt')) {
    const code = attr(el.attrs, 'formatCode');
    if (code !== undefined) formats.set(Number(attr(el.attrs, 'numFmtId')), code);
  }
  const fonts = list('fonts', 'font').map((el) => {
    const inner = (name: string) => findElement(stylesXml, `${p}${name}`, el.contentStart, el.contentEnd);
    const b = inner('b');
    const i = inner('i');
    const c = inner('color');
    const flag = (x: typeof b) => !!x && attr(x.attrs, 'val') !== '0' && attr(x.attrs, 'val') !== 'false';
    return { bold: flag(b), italic: flag(i), color: c ? colorOf(c.attrs, theme) : null };
  });
  const fills = list('fills', 'fill').map((el) => {
    const pattern = findElement(stylesXml, `${p}patternFill`, el.contentStart, el.contentEnd);
    if (!pattern || attr(pattern.attrs, 'patternType') !== 'solid') return null;
    const fg = findElement(stylesXml, `${p}fgColor`, pattern.contentStart, pattern.contentEnd);
    return fg ? colorOf(fg.attrs, theme) : null;
  });
  const looks = list('cellXfs', 'xf').map((el): CellLook => {
    const numFmtId = Number(attr(el.attrs, 'numFmtId') ?? 0) || 0;
    const font = fonts[Number(attr(el.attrs, 'fontId') ?? 0)];
    const alignment = findElement(stylesXml, `${p}alignment`, el.contentStart, el.contentEnd);
    const color = font?.color ?? null;
    return {
      numFmtId,
      numFmt: formats.get(numFmtId) ?? null,
      fill: fills[Number(attr(el.attrs, 'fillId') ?? 0)] ?? null,
      // Black and theme "dark 1" are what automatic looks like; leave them to the page's theme.
      color: color === '#000000' ? null : color,
      bold: font?.bold ?? false,
      italic: font?.italic ?? false,
      align: alignment ? (attr(alignment.attrs, 'horizontal') ?? null) : null,
      wrap: alignment ? on(alignment.attrs, 'wrapText') : false,
    };
  });
  return looks.length ? looks : [GENERAL_LOOK];
}
