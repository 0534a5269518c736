// The shared string table, read only: this host writes new text as inline strings, so sharedStrings.xml
// is never rewritten and the indexes every existing cell points at stay valid.
import { decodeOoxmlString, rootPrefix, unescapeXml } from './xml.ts';

/**
 * The plain text of a string item body (`<si>` or `<is>` content): the `<t>` of a plain item or the runs'
 * `<t>`s joined. Phonetic guides (`<rPh>`, furigana) are not part of the value and are skipped.
 */
export function stringItemText(body: string, prefix: string): string {
  let s = body;
  const rPh = `<${prefix}rPh`;
  if (s.indexOf(rPh) >= 0) {
    s = s.replace(new RegExp(`<${prefix}rPh[\\s>][\\s\\S]*?</${prefix}rPh>`, 'g'), '');
  }
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  let out = '';
  let pos = 0;
  for (;;) {
    const i = s.indexOf(open, pos);
    if (i < 0) break;
    const c = s.charCodeAt(i + open.length);
    if (c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
      pos = i + open.length;
      continue;
    }
    const tagEnd = s.indexOf('>', i);
    if (tagEnd < 0) break;
    if (s.charCodeAt(tagEnd - 1) === 47) {
      pos = tagEnd + 1; // <t/>
      continue;
    }
    const end = s.indexOf(close, tagEnd);
    if (end < 0) break;
    out += s.slice(tagEnd + 1, end);
    pos = end + close.length;
  }
  return decodeOoxmlString(unescapeXml(out));
}

/**
 * stringItemText() of the item body xml[from, to), read in place when it is the usual single plain
 * `<t>text</t>` (no runs, no phonetic guide): no copy of the body, no walk over it.
 */
export function itemText(xml: string, from: number, to: number, prefix: string): string {
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  if (xml.startsWith(open, from)) {
    const c = xml.charCodeAt(from + open.length);
    const tagEnd = c === 62 /* > */ ? from + open.length : c === 32 ? xml.indexOf('>', from) : -1;
    if (tagEnd > 0 && tagEnd < to && xml.charCodeAt(tagEnd - 1) !== 47 /* <t/> */) {
      const end = xml.indexOf('<', tagEnd + 1);
      if (end + close.length === to && xml.startsWith(close, end)) return decodeOoxmlString(unescapeXml(xml.slice(tagEnd + 1, end)));
    }
  }
  return stringItemText(xml.slice(from, to), prefix);
}

/** Parses sharedStrings.xml into its string items, in index order. */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml, 'sst');
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const i = xml.indexOf(open, pos);
    if (i < 0) break;
    const c = xml.charCodeAt(i + open.length);
    if (c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
      pos = i + open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', i);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push('');
      pos = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) break;
    out.push(itemText(xml, tagEnd + 1, end, p));
    pos = end + close.length;
  }
  return out;
}
