// Validates the parts of an .xlsx against the ECMA-376 Transitional schemas (RELAX NG compact, in
// ../shared/ooxml-rnc) with jing, after stripping Markup Compatibility the way a consuming application does
// (ECMA-376 Part 3): what mc:Ignorable lists goes, mc:AlternateContent becomes its mc:Fallback.
// jing's JVM takes a second or two to start, so parts are validated in batches: one jing run per schema
// over many files.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const here = path.dirname(fileURLToPath(import.meta.url));
export const OOXML_RNC_DIR = path.resolve(here, '../../../shared/ooxml-rnc');
const OPC_DIR = path.join(here, 'opc');

export const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
export const hasOoxmlSchemas = fs.existsSync(path.join(OOXML_RNC_DIR, 'SpreadsheetML_Worksheet.rnc'));
/** Why schema validation cannot run here, or null when it can. Tests print it (CI always has both). */
export const ooxmlValidationUnavailable: string | null = !hasOoxmlSchemas
  ? `the ECMA-376 schemas are not at ${OOXML_RNC_DIR}: OOXML schema validation skipped (CI has them)`
  : !hasJing
    ? 'jing is not installed: OOXML schema validation skipped (CI installs it)'
    : null;

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const CT = 'application/vnd.openxmlformats-officedocument.';

/** Content type → schema file (ours for the OPC parts, ECMA's for the rest). */
const SCHEMA_BY_TYPE: Record<string, string> = {
  [`${CT}spreadsheetml.sheet.main+xml`]: 'SpreadsheetML_Workbook.rnc',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'SpreadsheetML_Workbook.rnc',
  [`${CT}spreadsheetml.template.main+xml`]: 'SpreadsheetML_Workbook.rnc',
  [`${CT}spreadsheetml.worksheet+xml`]: 'SpreadsheetML_Worksheet.rnc',
  [`${CT}spreadsheetml.styles+xml`]: 'SpreadsheetML_Styles.rnc',
  [`${CT}spreadsheetml.sharedStrings+xml`]: 'SpreadsheetML_Shared_String_Table.rnc',
  [`${CT}spreadsheetml.table+xml`]: 'SpreadsheetML_Table_Definitions.rnc',
  [`${CT}spreadsheetml.comments+xml`]: 'SpreadsheetML_Comments.rnc',
  [`${CT}spreadsheetml.calcChain+xml`]: 'SpreadsheetML_Calculation_Chain.rnc',
  [`${CT}spreadsheetml.pivotTable+xml`]: 'SpreadsheetML_Pivot_Table.rnc',
  [`${CT}spreadsheetml.pivotCacheDefinition+xml`]: 'SpreadsheetML_Pivot_Table_Cache_Definition.rnc',
  [`${CT}spreadsheetml.pivotCacheRecords+xml`]: 'SpreadsheetML_Pivot_Table_Cache_Records.rnc',
  [`${CT}drawing+xml`]: 'SpreadsheetML_Drawing.rnc',
  [`${CT}drawingml.chart+xml`]: 'DrawingML_Chart.rnc',
  [`${CT}theme+xml`]: 'DrawingML_Theme.rnc',
  [`${CT}extended-properties+xml`]: 'Shared_Extended_File_Properties.rnc',
  [`${CT}custom-properties+xml`]: 'Shared_Custom_File_Properties.rnc',
};

export interface PackagePart {
  /** The part's name inside the package ("xl/worksheets/sheet1.xml"). */
  part: string;
  /** Absolute path of the schema to validate it with. */
  schema: string;
  xml: Uint8Array;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * The parts of a package that have a schema, each with it. `only` narrows the list (e.g. to the parts a
 * run wrote or changed). Parts without a known schema (core properties, printer settings, VML) are left out.
 */
export function schemaParts(entries: Record<string, Uint8Array>, only: (part: string) => boolean = () => true): PackagePart[] {
  const types = entries['[Content_Types].xml'];
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  if (types) {
    const text = new TextDecoder().decode(types);
    for (const m of text.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const name = attr(m[0], 'PartName');
      const type = attr(m[0], 'ContentType');
      if (name && type) overrides.set(decodeURIComponent(name.replace(/^\//, '')).toLowerCase(), type);
    }
    for (const m of text.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
      const ext = attr(m[0], 'Extension');
      const type = attr(m[0], 'ContentType');
      if (ext && type) defaults.set(ext.toLowerCase(), type);
    }
  }
  const out: PackagePart[] = [];
  for (const [part, xml] of Object.entries(entries)) {
    if (part.endsWith('/') || !only(part)) continue;
    let schema: string | undefined;
    if (part === '[Content_Types].xml') schema = path.join(OPC_DIR, 'opc-content-types.rnc');
    else if (part.endsWith('.rels')) schema = path.join(OPC_DIR, 'opc-relationships.rnc');
    else {
      const type = overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
      const file = type ? SCHEMA_BY_TYPE[type] : undefined;
      if (file) schema = path.join(OOXML_RNC_DIR, file);
    }
    if (schema) out.push({ part, schema, xml });
  }
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/**
 * The part as an application that understands none of the later namespaces sees it: elements and attributes
 * in an ignorable namespace removed (with mc:Ignorable itself), mc:AlternateContent replaced by its
 * mc:Fallback. Namespace-aware (saxes), so prefixes are resolved the way XML resolves them. Throws on XML
 * that is not well-formed.
 */
export function stripMarkupCompatibility(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  let out = '';
  // Per open element: was it written, the ignorable namespaces in scope, and the AlternateContent state.
  const stack: { written: boolean; ignorable: Set<string>; inAlternate: boolean; scope: Record<string, string> }[] = [];
  let skipDepth = 0; // > 0 while inside a dropped subtree
  let open = false; // a start tag written but not yet closed with ">"
  const closeOpen = () => {
    if (open) out += '>';
    open = false;
  };
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    if (skipDepth > 0) {
      skipDepth++;
      stack.push({ written: false, ignorable: new Set(), inAlternate: false, scope: {} });
      return;
    }
    const ignorable = new Set(parent?.ignorable ?? []);
    const scope = { ...(parent?.scope ?? {}), ...tag.ns };
    const listed = Object.values(tag.attributes).find((a) => a.uri === MC && a.local === 'Ignorable');
    if (listed)
      for (const prefix of listed.value.split(/\s+/).filter(Boolean)) {
        const uri = scope[prefix];
        if (uri) ignorable.add(uri);
      }
    let drop = ignorable.has(tag.uri);
    let written = !drop;
    if (tag.uri === MC) {
      // AlternateContent and Fallback are transparent; Choice is dropped (we understand no Requires).
      written = false;
      if (tag.local === 'Choice') drop = true;
    }
    if (parent?.inAlternate && !(tag.uri === MC && tag.local === 'Fallback')) drop = true;
    if (drop) {
      skipDepth = 1;
      stack.push({ written: false, ignorable, inAlternate: false, scope });
      return;
    }
    if (written) {
      closeOpen();
      out += `<${tag.name}`;
      for (const a of Object.values(tag.attributes)) {
        if (a.uri === MC || ignorable.has(a.uri)) continue;
        // xml:space may sit on any element (XML 1.0 §2.10) and Excel writes it on <t>; the schemas omit it there.
        if (a.name === 'xml:space') continue;
        out += ` ${a.name}="${escapeAttr(a.value)}"`;
      }
      open = true;
    }
    stack.push({ written, ignorable, inAlternate: tag.uri === MC && tag.local === 'AlternateContent', scope });
  });
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (top?.written) {
      if (open) {
        out += '/>';
        open = false;
      } else out += `</${tag.name}>`;
    }
  });
  parser.on('text', (t) => {
    if (skipDepth > 0 || stack[stack.length - 1]?.inAlternate) return;
    if (stack.length === 0) return;
    closeOpen();
    out += escapeText(t);
  });
  parser.on('cdata', (t) => {
    if (skipDepth > 0) return;
    closeOpen();
    out += escapeText(t);
  });
  parser.write(xml).close();
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
}

/** jing without blocking the event loop (callers grade or convert meanwhile). */
function jing(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('jing', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface ValidationItem {
  /** Caller's key, returned with the errors. */
  key: string;
  schema: string;
  xml: Uint8Array | string;
}

/**
 * Validates many parts, one jing run per schema (in chunks, to keep command lines short). Returns the
 * errors per key; a key with no entry validated. A part that is not well-formed XML gets that as its error.
 */
export async function validateParts(items: ValidationItem[], opts: { chunk?: number } = {}): Promise<Map<string, string[]>> {
  if (ooxmlValidationUnavailable) throw new Error(ooxmlValidationUnavailable);
  const errors = new Map<string, string[]>();
  const add = (key: string, e: string) => errors.set(key, [...(errors.get(key) ?? []), e]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-jing-'));
  try {
    const bySchema = new Map<string, { file: string; key: string }[]>();
    items.forEach((item, i) => {
      const xml = typeof item.xml === 'string' ? item.xml : new TextDecoder().decode(item.xml);
      let stripped: string;
      try {
        stripped = stripMarkupCompatibility(xml);
      } catch (e) {
        add(item.key, `not well-formed XML: ${(e as Error).message.split('\n')[0]}`);
        return;
      }
      const file = path.join(dir, `p${i}.xml`);
      fs.writeFileSync(file, stripped);
      const list = bySchema.get(item.schema) ?? [];
      list.push({ file, key: item.key });
      bySchema.set(item.schema, list);
    });
    const chunk = opts.chunk ?? 400;
    for (const [schema, files] of bySchema) {
      for (let i = 0; i < files.length; i += chunk) {
        const part = files.slice(i, i + chunk);
        const byFile = new Map(part.map((f) => [f.file, f.key]));
        const r = await jing(['-c', schema, ...part.map((f) => f.file)]);
        for (const line of r.stdout.split('\n')) {
          const m = /^(.*?\.xml):(\d+):(\d+): (?:error|fatal): (.*)$/.exec(line);
          if (!m) continue;
          const key = byFile.get(m[1]!);
          if (key !== undefined) add(key, `${m[2]}:${m[3]} ${m[4]}`);
          else add(`schema:${path.basename(schema)}`, line);
        }
        if (r.status !== 0 && !part.some((f) => errors.has(f.key))) add(`schema:${path.basename(schema)}`, `jing exited ${r.status}: ${(r.stderr || r.stdout).split('\n').slice(-3).join(' ')}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return errors;
}

/** Convenience: every schema-bearing part of one package (narrowed by `only`), validated. Errors keyed by part name. */
export function validatePackage(bytes: Uint8Array, only?: (part: string) => boolean): Promise<Map<string, string[]>> {
  const parts = schemaParts(unzipSync(bytes), only);
  return validateParts(parts.map((p) => ({ key: p.part, schema: p.schema, xml: p.xml })));
}
