// The OPC package: zip entries as parts, relationships and content types. Parts are decoded to text on
// demand; only parts set through setText (or added/removed) change on save, every other entry is copied.
import { XlsxError } from './errors.ts';
import { nsElements } from './ns-xml.ts';
import { PartPacker, isPacked, type PackedPart, type PartContent } from './packed-part.ts';
import { FFLATE, entryData, newEntry, readZip, writeZip, type ZipCodec, type ZipEntry } from './zip.ts';
import { XML_DECL, attr, decodePart, escapeAttr, findAll, findElement, rootPrefix, utf8 } from './xml.ts';

export interface Relationship {
  id: string;
  type: string;
  /** The Target attribute as written. */
  target: string;
  external: boolean;
  /** The resolved part name (no leading slash) for internal targets. */
  part: string;
}

export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  worksheet: `${REL_OFFICE}/worksheet`,
  styles: `${REL_OFFICE}/styles`,
  table: `${REL_OFFICE}/table`,
} as const;
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
} as const;

/** True when a relationship type (transitional or strict) ends with `/name`. */
export function relIs(type: string, name: string): boolean {
  return type.endsWith(`/${name}`);
}

/** Directory of a part name ('' for the root). */
function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** Resolves a relationship target against the source part's directory into a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep as written
  }
  t = t.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const segments = t.startsWith('/') ? [] : dirOf(sourcePart).split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

/** Path of the relationships part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPathOf(part: string): string {
  const d = dirOf(part);
  const base = part.slice(d.length ? d.length + 1 : 0);
  return `${d ? `${d}/` : ''}_rels/${base}.rels`;
}

/** A relative target from one part to another (same style Excel writes: relative to the source's directory). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export class OpcPackage {
  private readonly entries: ZipEntry[];
  /** Lower-cased part name → entry (OPC part names compare case-insensitively). */
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly relsCache = new Map<string, Relationship[]>();

  private constructor(
    entries: ZipEntry[],
    private readonly codec: ZipCodec,
  ) {
    this.entries = entries;
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  static open(bytes: Uint8Array, codec: ZipCodec = FFLATE): OpcPackage {
    return new OpcPackage(readZip(bytes), codec);
  }

  /** A package with no parts (for workbooks built from scratch). */
  static empty(codec: ZipCodec = FFLATE): OpcPackage {
    return new OpcPackage([], codec);
  }

  /** The stored entry name for a part (its original casing), or undefined. */
  entryName(part: string): string | undefined {
    return this.byName.get(part.toLowerCase())?.name;
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  /** Every part name, in archive order. */
  partNames(): string[] {
    return this.entries.map((e) => e.name);
  }

  bytes(part: string): Uint8Array {
    const e = this.byName.get(part.toLowerCase());
    if (!e) throw new XlsxError('corrupt', `工作簿已损坏：缺少部件 ${part}。`, `The workbook is damaged: part ${part} is missing.`);
    return entryData(e, this.codec);
  }

  /** A part's text (decoded once and cached). */
  text(part: string): string {
    const key = part.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(part);
    const s = decodePart(bytes);
    this.texts.set(key, s);
    // The decompressed bytes are not kept: they would double the memory a big sheet takes (a full sheet's
    // XML is about 450 MB), and a rewrite copies an ASCII text's ranges about as fast from the string.
    const e = this.byName.get(key)!;
    if (!e.chunks && !e.packed) e.data = null;
    return s;
  }

  /**
   * A part to read: its text when it has been decoded (or set), else its bytes, which stay for a later
   * text(). A big sheet is read without a string of the whole part (see sheet-bytes.ts).
   */
  readable(part: string): string | Uint8Array {
    const key = part.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const e = this.byName.get(key);
    // Content written this session is decoded and kept as before (it would be joined or inflated per read).
    return e && !e.chunks && !e.packed ? this.bytes(part) : this.text(part);
  }

  /**
   * A part's text with its UTF-8 bytes when the two line up (every character ASCII, so a string index is
   * a byte offset): rewriters then copy unchanged ranges as bytes instead of re-encoding them.
   */
  textAndAsciiBytes(part: string): { text: string; ascii: Uint8Array | null } {
    const key = part.toLowerCase();
    const e = this.byName.get(key);
    // The bytes the text is decoded from, held here for the rewrite (text() lets them go): copying ranges of
    // them costs a fraction of encoding the same ranges of the string again.
    const data = e && !e.chunks && !e.packed && !this.dirty.has(key) && !this.texts.has(key) ? this.bytes(part) : (e?.data ?? null);
    const text = this.text(part);
    if (this.dirty.has(key) || !e || e.chunks || e.packed || !data) return { text, ascii: null };
    return { text, ascii: isAscii(data, text) ? data : null };
  }

  /** Replaces (or creates) a part's text; it is encoded and compressed on save. */
  setText(part: string, text: string): void {
    const key = part.toLowerCase();
    this.ensureEntry(part);
    this.texts.set(key, text);
    this.dirty.add(key);
    if (key.endsWith('.rels')) this.relsCache.delete(key);
  }

  /**
   * A packer for a part about to be written through a sink, when the codec deflates in pieces (Node): a big
   * part is then compressed as it is written instead of held whole. Null otherwise (the browser's fflate).
   */
  packer(): PartPacker | null {
    return this.codec.stream ? new PartPacker(this.codec.stream) : null;
  }

  /** Replaces (or creates) a part's content as UTF-8 chunks or already deflated (big rewritten sheets). */
  setChunks(part: string, content: PartContent): void {
    const key = part.toLowerCase();
    const e = this.ensureEntry(part);
    e.chunks = isPacked(content) ? null : content;
    e.packed = isPacked(content) ? content : null;
    this.texts.delete(key);
    this.dirty.delete(key);
    if (key.endsWith('.rels')) this.relsCache.delete(key);
  }

  private ensureEntry(part: string): ZipEntry {
    const key = part.toLowerCase();
    let e = this.byName.get(key);
    if (!e) {
      e = newEntry(part);
      this.entries.push(e);
      this.byName.set(key, e);
    }
    return e;
  }

  /** Removes a part (no-op when absent). */
  remove(part: string): void {
    const key = part.toLowerCase();
    const e = this.byName.get(key);
    if (!e) return;
    this.entries.splice(this.entries.indexOf(e), 1);
    this.byName.delete(key);
    this.texts.delete(key);
    this.dirty.delete(key);
    this.relsCache.delete(key);
  }

  // ---- relationships ---------------------------------------------------------------------------------

  /** The relationships of a part ('' for the package root). */
  rels(sourcePart: string): Relationship[] {
    const path = sourcePart === '' ? '_rels/.rels' : relsPathOf(sourcePart);
    const key = path.toLowerCase();
    const cached = this.relsCache.get(key);
    if (cached) return cached;
    const rels: Relationship[] = [];
    if (this.has(path)) {
      for (const el of nsElements(this.text(path), path)) {
        if (el.local !== 'Relationship' || el.path.length !== 1) continue;
        const target = el.attrs.get('Target') ?? '';
        const external = el.attrs.get('TargetMode') === 'External';
        rels.push({
          id: el.attrs.get('Id') ?? '',
          type: el.attrs.get('Type') ?? '',
          target,
          external,
          part: external ? '' : resolveTarget(sourcePart, target),
        });
      }
    }
    this.relsCache.set(key, rels);
    return rels;
  }

  /** Adds a relationship from `sourcePart` to `targetPart`; returns its new id. */
  addRel(sourcePart: string, type: string, targetPart: string): string {
    const path = relsPathOf(sourcePart);
    const existing = this.rels(sourcePart);
    const ids = new Set(existing.map((r) => r.id));
    let n = existing.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(sourcePart, targetPart))}"/>`;
    if (this.has(path)) {
      const xml = this.text(path);
      const p = rootPrefix(xml, 'Relationships');
      const root = findElement(xml, `${p}Relationships`);
      if (!root) throw new XlsxError('corrupt', `工作簿已损坏：无法读取 ${path}。`, `The workbook is damaged: ${path} is unreadable.`);
      const body = p ? el.replace('<Relationship', `<${p}Relationship`) : el;
      const next =
        root.contentStart === root.contentEnd && xml.charCodeAt(root.end - 2) === 47
          ? `${xml.slice(0, root.start)}<${p}Relationships${root.attrs}>${body}</${p}Relationships>${xml.slice(root.end)}`
          : `${xml.slice(0, root.contentEnd)}${body}${xml.slice(root.contentEnd)}`;
      this.setText(path, next);
    } else {
      this.setText(path, `${XML_DECL}<Relationships xmlns="${REL_NS}">${el}</Relationships>`);
    }
    return id;
  }

  /** Removes relationships (by id) from a part's rels; drops the rels part when it becomes empty. */
  removeRels(sourcePart: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const path = relsPathOf(sourcePart);
    if (!this.has(path)) return;
    const xml = this.text(path);
    const p = rootPrefix(xml, 'Relationships');
    const drop = new Set(ids);
    let out = '';
    let pos = 0;
    let kept = 0;
    for (const el of findAll(xml, `${p}Relationship`)) {
      if (drop.has(attr(el.attrs, 'Id') ?? '')) {
        out += xml.slice(pos, el.start);
        pos = el.end;
      } else kept++;
    }
    out += xml.slice(pos);
    if (kept === 0 && sourcePart !== '') this.remove(path);
    else this.setText(path, out);
  }

  // ---- content types ---------------------------------------------------------------------------------

  /** The content type of a part, from its Override or its extension's Default. */
  contentType(part: string): string | undefined {
    const xml = this.text('[Content_Types].xml');
    const p = rootPrefix(xml, 'Types');
    const name = `/${part}`.toLowerCase();
    for (const el of findAll(xml, `${p}Override`)) {
      if ((attr(el.attrs, 'PartName') ?? '').toLowerCase() === name) return attr(el.attrs, 'ContentType');
    }
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const el of findAll(xml, `${p}Default`)) {
      if ((attr(el.attrs, 'Extension') ?? '').toLowerCase() === ext) return attr(el.attrs, 'ContentType');
    }
    return undefined;
  }

  /** Part names with an Override of the given content type. */
  partsOfType(contentType: string): string[] {
    const xml = this.text('[Content_Types].xml');
    const p = rootPrefix(xml, 'Types');
    return findAll(xml, `${p}Override`)
      .filter((el) => attr(el.attrs, 'ContentType') === contentType)
      .map((el) => (attr(el.attrs, 'PartName') ?? '').replace(/^\//, ''));
  }

  /** Adds an Override for a part (replacing any existing one). */
  setOverride(part: string, contentType: string): void {
    this.removeOverride(part);
    const xml = this.text('[Content_Types].xml');
    const p = rootPrefix(xml, 'Types');
    const end = xml.lastIndexOf(`</${p}Types>`);
    if (end < 0) throw new XlsxError('corrupt', '工作簿已损坏：无法读取 [Content_Types].xml。', 'The workbook is damaged: [Content_Types].xml is unreadable.');
    const el = `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
    this.setText('[Content_Types].xml', `${xml.slice(0, end)}${el}${xml.slice(end)}`);
  }

  removeOverride(part: string): void {
    const xml = this.text('[Content_Types].xml');
    const p = rootPrefix(xml, 'Types');
    const name = `/${part}`.toLowerCase();
    const hit = findAll(xml, `${p}Override`).find((el) => (attr(el.attrs, 'PartName') ?? '').toLowerCase() === name);
    if (hit) this.setText('[Content_Types].xml', xml.slice(0, hit.start) + xml.slice(hit.end));
  }

  /**
   * Removes a part with its relationships part and Override, then (recursively) every internal part it
   * pointed to that no remaining relationship refers to.
   */
  removePartTree(part: string): void {
    const targets = this.rels(part).filter((r) => !r.external).map((r) => r.part);
    this.remove(part);
    this.remove(relsPathOf(part));
    this.removeOverride(part);
    for (const t of targets) {
      if (this.has(t) && !this.isReferenced(t)) this.removePartTree(t);
    }
  }

  /** True when any relationships part in the package targets `part`. */
  private isReferenced(part: string): boolean {
    const key = part.toLowerCase();
    for (const name of this.partNames()) {
      if (!name.toLowerCase().endsWith('.rels')) continue;
      const source = sourceOfRels(name);
      if (this.rels(source).some((r) => !r.external && r.part.toLowerCase() === key)) return true;
    }
    return false;
  }

  // ---- save ------------------------------------------------------------------------------------------

  /** Compresses the big new parts ahead of the save through `pack` (the browser's zlib); null leaves one to the save. */
  async packAhead(pack: (chunks: Uint8Array[]) => Promise<PackedPart | null>, minSize: number): Promise<void> {
    this.settle();
    for (const e of this.entries) {
      const packed = e.chunks && e.chunks.reduce((n, c) => n + c.length, 0) >= minSize ? await pack(e.chunks) : null;
      if (packed) [e.packed, e.chunks] = [packed, null];
    }
  }

  save(): Uint8Array {
    this.settle();
    return writeZip(this.entries, this.codec);
  }

  /** Parts set as text become UTF-8 chunks. */
  private settle(): void {
    for (const key of this.dirty) {
      const e = this.byName.get(key);
      const text = this.texts.get(key);
      if (e && text !== undefined) {
        e.chunks = [utf8(text)];
        e.packed = null;
      }
    }
    this.dirty.clear();
  }
}

/** True when `text` is the decoding of `bytes` character for byte (all ASCII). */
function isAscii(bytes: Uint8Array, text: string): boolean {
  return bytes.length === text.length && text.indexOf('\uFFFD') < 0;
}

/** The source part of a relationships part (`xl/_rels/workbook.xml.rels` → `xl/workbook.xml`). */
export function sourceOfRels(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  if (!m) return '';
  return `${m[1]}${m[2]}`;
}
