// Small package parts (workbook.xml, relationships, content types) read the way XML defines them: prefixes
// resolved by a namespace-aware parser (saxes), wherever they are declared. Big sheet XML keeps its
// string fast path (sheet-scan.ts).
import { SaxesParser } from 'saxes';
import { XlsxError } from './errors.ts';

export interface NsElement {
  /** Namespace URI ('' for none) and local name. */
  uri: string;
  local: string;
  /** Attributes by `{uri}local` (or plain `local` for unprefixed ones). */
  attrs: Map<string, string>;
  /** Local names of the ancestors, outermost first. */
  path: string[];
}

/** Every element of `xml` in document order. Throws a 'corrupt' XlsxError naming `part` when it is not well-formed. */
export function nsElements(xml: string, part: string): NsElement[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const out: NsElement[] = [];
  const stack: string[] = [];
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs.set(a.uri ? `{${a.uri}}${a.local}` : a.local, a.value);
    }
    out.push({ uri: tag.uri ?? '', local: tag.local ?? tag.name, attrs, path: [...stack] });
    if (!tag.isSelfClosing) stack.push(tag.local ?? tag.name);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) throw new XlsxError('corrupt', `工作簿已损坏：${part} 不是格式正确的 XML（${(failure as Error).message}）。`, `The workbook is damaged: ${part} is not well-formed XML (${(failure as Error).message}).`);
  return out;
}
