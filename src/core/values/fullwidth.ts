// Chinese IMEs type full-width (全角) digits and punctuation; fold them to ASCII before parsing.

/** The ASCII twin of a full-width code unit, or -1 when it has none. */
function foldCode(c: number): number {
  if (c < 0x3000) return -1; // everything common (ASCII, Latin) exits here
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // ！…～, incl. ，．（）－％
  switch (c) {
    case 0x3000: // ideographic space
      return 0x20;
    case 0x3002: // 。 typed as a decimal point with a Chinese IME
      return 0x2e;
    case 0xffe5: // ￥
      return 0xa5;
    case 0xffe0: // ￠
      return 0xa2;
    case 0xffe1: // ￡
      return 0xa3;
    default:
      return -1;
  }
}

/** Zero-width characters that ride along when text is pasted from web pages and chat apps. */
function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * Full-width ASCII variants (U+FF01–FF5E) to ASCII, U+3000 to a space, 。 to ".", ￥ to ¥.
 * Returns the same string, without allocating, when there is nothing to fold.
 */
export function foldFullWidth(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && foldCode(s.charCodeAt(i)) === -1) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = foldCode(c);
    out += f === -1 ? s.charAt(i) : String.fromCharCode(f);
  }
  return out;
}

/**
 * What the parsers look at: trimmed, full-width folded, zero-width characters dropped.
 * Allocation-free for the common case of clean ASCII text.
 */
export function cleanCellText(raw: string): string {
  const s = raw.trim();
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3000 || isZeroWidth(c)) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isZeroWidth(c)) continue;
    const f = foldCode(c);
    out += f === -1 ? s.charAt(i) : String.fromCharCode(f);
  }
  // Folding U+3000 or dropping a zero-width char can expose new edge whitespace.
  return out.trim();
}
