// Small string-level XML helpers. The package parts we touch are patched as text: nothing here builds a DOM.

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.charCodeAt(0) === 35 /* # */) {
      const code = e.charCodeAt(1) === 120 /* x */ ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITY[e] ?? '';
  });
}

/** Escapes text content (element bodies). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes a value for a double-quoted attribute (whitespace kept as character references). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

/**
 * Decodes the OOXML `_xHHHH_` escapes used in string items for characters XML cannot carry
 * (`_x000D_` is a carriage return; `_x005F_` escapes a literal underscore before such a pattern).
 */
export function decodeOoxmlString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Encodes a string for an OOXML string item: characters XML 1.0 cannot carry (and CR, which XML parsers
 * normalise away) become `_xHHHH_`; a literal `_xHHHH_` in the text is protected with `_x005F_`.
 */
export function encodeOoxmlString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) =>
    c === '_' ? '_x005F_' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Characters that escaping, OOXML encoding or xml:space may have to deal with. */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>_\u0000-\u001f\uFFFE\uFFFF]/;

/** True when the character at `i` is whitespace (what `\s` matches), cheaply for ASCII. */
function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 127) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(s[i]!);
}

/** True when tElement(s) is `<t>s</t>`: nothing to escape or encode, no whitespace to preserve (most text). */
export function isPlainText(s: string): boolean {
  return !SPECIAL.test(s) && !(s.length > 0 && (isSpaceAt(s, 0) || isSpaceAt(s, s.length - 1)));
}

/** Characters beyond &, < and >: OOXML encoding (controls, U+FFFE/U+FFFF, a `_xHHHH_` look-alike). */
// eslint-disable-next-line no-control-regex
const ENCODED = /[_\u0000-\u001f\uFFFE\uFFFF]/;

/**
 * True when tElement(s) is `<t>` + s with only &, < and > escaped + `</t>` (no OOXML encoding, no
 * whitespace to preserve): such text can be written piece by piece with the entities in between.
 */
export function isEscapedOnly(s: string): boolean {
  return !ENCODED.test(s) && !(s.length > 0 && (isSpaceAt(s, 0) || isSpaceAt(s, s.length - 1)));
}

/** Text of a string item (`<t>`): escaped, OOXML-encoded, with xml:space="preserve" when whitespace matters. */
export function tElement(s: string, prefix = ''): string {
  // Most text (names, reasons) needs none of that: one scan instead of three passes.
  if (isPlainText(s)) return `<${prefix}t>${s}</${prefix}t>`;
  const body = escapeText(encodeOoxmlString(s));
  const preserve = /^\s|\s$|\n|\t/.test(s) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${preserve}>${body}</${prefix}t>`;
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** All attributes of a start tag's attribute text, in document order (values unescaped). */
export function parseAttrs(attrText: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(attrText); m; m = ATTR_RE.exec(attrText)) {
    out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/**
 * Where attribute `name`'s value starts (just after its opening quote) in text[from, to), a start tag's
 * attribute text; -1 when absent. Bounded by `to` without copying the range out or allocating: it runs for
 * every cell of a sheet. The value ends at attrValueEnd().
 */
export function attrValueStart(text: string, from: number, to: number, name: string): number {
  const first = name.charCodeAt(0);
  for (let i = from; i + name.length <= to; i++) {
    if (text.charCodeAt(i) !== first || !text.startsWith(name, i)) continue;
    // Not a match: the next candidate starts after this name, as a search for the name would.
    const skip = name.length - 1;
    const before = i === from ? 32 : text.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) {
      i += skip;
      continue;
    }
    let j = i + name.length;
    while (j < to && text.charCodeAt(j) === 32) j++;
    if (j >= to || text.charCodeAt(j) !== 61 /* = */) {
      i += skip;
      continue;
    }
    j++;
    while (j < to && text.charCodeAt(j) === 32) j++;
    const q = j < to ? text.charCodeAt(j) : -1;
    if (q !== 34 && q !== 39) {
      i += skip;
      continue;
    }
    const end = text.indexOf(q === 34 ? '"' : "'", j + 1);
    return end < 0 || end >= to ? -1 : j + 1;
  }
  return -1;
}

/** Where the value starting at `start` (see attrValueStart) ends: its closing quote. */
export function attrValueEnd(text: string, start: number): number {
  return text.indexOf(text.charCodeAt(start - 1) === 39 ? "'" : '"', start);
}

/**
 * One attribute's raw (still escaped) value from a start tag's attribute text, by exact qualified name.
 * Fast: no regex (it runs for every row and cell of a sheet).
 */
export function rawAttr(attrText: string, name: string): string | undefined {
  const start = attrValueStart(attrText, 0, attrText.length, name);
  return start < 0 ? undefined : attrText.slice(start, attrValueEnd(attrText, start));
}

/** Same as rawAttr, unescaped. */
export function attr(attrText: string, name: string): string | undefined {
  const v = rawAttr(attrText, name);
  return v === undefined ? undefined : unescapeXml(v);
}

/**
 * Sets (or adds) an attribute in a start tag's attribute text. The value is escaped here.
 * Other attributes keep their exact text.
 */
export function setAttr(attrText: string, name: string, value: string): string {
  const v = escapeAttr(value);
  const start = attrValueStart(attrText, 0, attrText.length, name);
  if (start >= 0) {
    const quoted = attrText.charCodeAt(start - 1) === 39 ? v.replace(/'/g, '&apos;') : v;
    return `${attrText.slice(0, start)}${quoted}${attrText.slice(attrValueEnd(attrText, start))}`;
  }
  const selfClose = /\/\s*$/.test(attrText);
  const trimmed = selfClose ? attrText.replace(/\s*\/\s*$/, '') : attrText.replace(/\s+$/, '');
  return `${trimmed} ${name}="${v}"${selfClose ? '/' : ''}`;
}

/** Removes an attribute from a start tag's attribute text. */
export function removeAttr(attrText: string, name: string): string {
  const re = new RegExp(`\\s+${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return attrText.replace(re, '');
}

/** The namespace prefix (with its colon, or '') a document uses for its root element `local`. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** A located element: [start, end) of the whole element, and its start tag's attribute text. */
export interface Located {
  start: number;
  end: number;
  /** Attribute text of the start tag (between the name and `>` / `/>`). */
  attrs: string;
  /** [contentStart, contentEnd) of the body; equal when the element is empty or self-closing. */
  contentStart: number;
  contentEnd: number;
}

/**
 * Finds the first element `qname` (exact qualified name) at or after `from`. Elements of the same name
 * must not nest (true for every element this host looks up).
 */
export function findElement(xml: string, qname: string, from = 0, to = xml.length): Located | null {
  let i = from;
  for (;;) {
    i = xml.indexOf(`<${qname}`, i);
    if (i < 0 || i >= to) return null;
    const c = xml.charCodeAt(i + qname.length + 1);
    if (c === 62 /* > */ || c === 47 /* / */ || c === 32 || c === 9 || c === 10 || c === 13) break;
    i += qname.length + 1;
  }
  const tagEnd = xml.indexOf('>', i);
  if (tagEnd < 0) return null;
  const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
  const attrs = xml.slice(i + qname.length + 1, selfClosing ? tagEnd - 1 : tagEnd);
  if (selfClosing) return { start: i, end: tagEnd + 1, attrs, contentStart: tagEnd + 1, contentEnd: tagEnd + 1 };
  const close = xml.indexOf(`</${qname}>`, tagEnd + 1);
  if (close < 0) return null;
  return { start: i, end: close + qname.length + 3, attrs, contentStart: tagEnd + 1, contentEnd: close };
}

/** Every element `qname` in [from, to), in order (same non-nesting assumption as findElement). */
export function findAll(xml: string, qname: string, from = 0, to = xml.length): Located[] {
  const out: Located[] = [];
  let pos = from;
  for (;;) {
    const el = findElement(xml, qname, pos, to);
    if (!el || el.end > to) return out;
    out.push(el);
    pos = el.end;
  }
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8');

export function utf8(s: string): Uint8Array {
  return ENCODER.encode(s);
}

/** Decodes a part's bytes (UTF-8, or UTF-16 with a BOM), dropping a BOM. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  // TextDecoder drops a UTF-8 BOM by default.
  return DECODER.decode(bytes);
}

/** A number as xsd:double text (shortest round-trip form; -0 as 0). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}
