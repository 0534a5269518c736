// Validates parts of an .xlsx against the ECMA-376 Transitional schemas (../shared/ooxml-rnc) with jing,
// after stripping Markup Compatibility as a consuming application does (what mc:Ignorable lists goes,
// mc:AlternateContent becomes its mc:Fallback).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RNC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/ooxml-rnc');

const STRIP_MC = String.raw`
import sys, xml.etree.ElementTree as ET
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
src = sys.argv[1]
ns = {}
for ev, (p, uri) in ET.iterparse(src, events=['start-ns']):
    ns.setdefault(p, uri)
tree = ET.parse(src)
root = tree.getroot()
ign = set()
for el in root.iter():
    v = el.attrib.get('{%s}Ignorable' % MC)
    if v:
        ign |= {ns[p] for p in v.split() if p in ns}
def uri(tag):
    return tag[1:].split('}')[0] if tag.startswith('{') else ''
def clean(el):
    for a in list(el.attrib):
        if uri(a) in ign or uri(a) == MC:
            del el.attrib[a]
    kids = []
    for k in list(el):
        if uri(k.tag) == MC and k.tag.endswith('}AlternateContent'):
            fb = [f for f in k if f.tag.endswith('}Fallback')]
            kids += list(fb[0]) if fb else []
        elif uri(k.tag) in ign:
            continue
        else:
            kids.append(k)
    for k in list(el):
        el.remove(k)
    for k in kids:
        clean(k)
        el.append(k)
clean(root)
tree.write(sys.argv[2], xml_declaration=True, encoding='UTF-8')
`;

/** jing's complaints about `xml` as a part of kind `schema` (e.g. 'SpreadsheetML_Workbook'); '' when it is valid. */
export function schemaErrors(xml: string, schema: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-jing-'));
  try {
    const raw = path.join(dir, 'raw.xml');
    const clean = path.join(dir, 'part.xml');
    writeFileSync(raw, xml);
    const strip = spawnSync('/usr/bin/python3', ['-c', STRIP_MC, raw, clean], { encoding: 'utf8' });
    if (strip.status !== 0) return `not well-formed XML: ${strip.stderr}`;
    const r = spawnSync('jing', ['-c', path.join(RNC, `${schema}.rnc`), clean], { encoding: 'utf8', timeout: 120_000 });
    return r.status === 0 ? '' : r.stdout.trim() || r.stderr.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
