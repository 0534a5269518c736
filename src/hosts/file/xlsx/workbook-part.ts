// workbook.xml: the sheet list (tab order, visibility, parts), the 1904 flag and defined names. Edits
// splice the workbook XML text; everything not edited keeps its exact text.
import { XlsxError } from './errors.ts';
import { CONTENT_TYPE, REL_OFFICE, REL_TYPE, relIs, type OpcPackage } from './package.ts';
import { nsElements } from './ns-xml.ts';
import { attr, escapeAttr, escapeText, findAll, findElement, rawAttr, rootPrefix, setAttr, unescapeXml } from './xml.ts';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part name, '' when its relationship is missing. */
  part: string;
  kind: SheetKind;
  /** Position in <sheets> (the localSheetId of sheet-scoped names). */
  index: number;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  value: string;
}

const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const EMPTY_WORKSHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** Finds the workbook part from the package root, with clear errors for other kinds of files. */
export function findWorkbookPart(pkg: OpcPackage): string {
  if (!pkg.has('[Content_Types].xml')) {
    if (pkg.has('mimetype') || pkg.has('content.xml')) {
      throw new XlsxError('not-xlsx', '这是 OpenDocument 电子表格（.ods），不是 .xlsx 工作簿。请先另存为 .xlsx。', 'The file is an OpenDocument spreadsheet (.ods), not an .xlsx workbook. Save it as .xlsx first.');
    }
    throw new XlsxError('not-xlsx', '这是一个 zip 压缩包，但不是 .xlsx 工作簿。', 'The file is a zip archive but not an .xlsx workbook.');
  }
  const office = pkg.rels('').find((r) => relIs(r.type, 'officeDocument'));
  const part = office?.part ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : '');
  if (!part || !pkg.has(part)) {
    if (pkg.has('word/document.xml')) throw new XlsxError('not-xlsx', '这是 Word 文档，不是 Excel 工作簿。', 'The file is a Word document, not an Excel workbook.');
    if (pkg.has('ppt/presentation.xml')) throw new XlsxError('not-xlsx', '这是 PowerPoint 演示文稿，不是 Excel 工作簿。', 'The file is a PowerPoint presentation, not an Excel workbook.');
    throw new XlsxError('not-xlsx', '这是一个 zip 压缩包，但不是 .xlsx 工作簿（没有工作簿部件）。', 'The file is a zip archive but not an .xlsx workbook (no workbook part).');
  }
  if (/\.bin$/i.test(part)) {
    throw new XlsxError('not-xlsx', '这是二进制 Excel 工作簿（.xlsb）。请先另存为 .xlsx。', 'The file is a binary Excel workbook (.xlsb). Save it as .xlsx first.');
  }
  return pkg.entryName(part) ?? part;
}

export class WorkbookPart {
  private cachedSheets: SheetEntry[] | null = null;

  constructor(
    private readonly pkg: OpcPackage,
    readonly path: string,
  ) {}

  private get xml(): string {
    return this.pkg.text(this.path);
  }

  private set xml(text: string) {
    this.pkg.setText(this.path, text);
    this.cachedSheets = null;
  }

  private get p(): string {
    return rootPrefix(this.xml, 'workbook');
  }

  get isStrict(): boolean {
    return this.xml.includes(STRICT_NS);
  }

  get date1904(): boolean {
    const el = findElement(this.xml, `${this.p}workbookPr`);
    const v = el ? attr(el.attrs, 'date1904') : undefined;
    return v === '1' || v === 'true';
  }

  sheets(): SheetEntry[] {
    if (this.cachedSheets) return this.cachedSheets;
    const rels = this.pkg.rels(this.path);
    const out: SheetEntry[] = [];
    // Namespace-aware: openpyxl declares the relationships prefix on each <sheet>, others on <workbook>.
    for (const el of nsElements(this.xml, this.path)) {
      if (el.local !== 'sheet' || el.path.length !== 2 || el.path[1] !== 'sheets') continue;
      const rId = el.attrs.get(`{${REL_OFFICE}}id`) ?? el.attrs.get(`{${STRICT_REL}}id`) ?? '';
      const rel = rels.find((r) => r.id === rId);
      const state = el.attrs.get('state');
      const kind: SheetKind = !rel
        ? 'other'
        : relIs(rel.type, 'worksheet')
          ? 'worksheet'
          : relIs(rel.type, 'chartsheet')
            ? 'chartsheet'
            : relIs(rel.type, 'dialogsheet')
              ? 'dialogsheet'
              : 'other';
      out.push({
        name: el.attrs.get('name') ?? '',
        sheetId: Number(el.attrs.get('sheetId') ?? 0),
        rId,
        state: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
        part: rel && !rel.external && this.pkg.has(rel.part) ? (this.pkg.entryName(rel.part) ?? rel.part) : '',
        kind,
        index: out.length,
      });
    }
    this.cachedSheets = out;
    return out;
  }

  /** The sheet of that name: exact match first, then case-insensitive (Excel's own rule). */
  find(name: string): SheetEntry | undefined {
    const sheets = this.sheets();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Adds a new worksheet part at the end of the tab order. */
  addWorksheet(name: string): SheetEntry {
    const sheets = this.sheets();
    const used = new Set(this.pkg.partNames().map((n) => n.toLowerCase()));
    let n = sheets.length + 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
    const rId = this.pkg.addRel(this.path, REL_TYPE.worksheet, part);
    this.pkg.setOverride(part, CONTENT_TYPE.worksheet);
    // An empty worksheet until the caller writes the real one.
    this.pkg.setText(part, EMPTY_WORKSHEET);
    const xml = this.xml;
    const p = this.p;
    // The relationships prefix is declared on the element itself: where the file declares it (on
    // <workbook>, or on each <sheet> as openpyxl does) does not matter then.
    const r = p === 'r:' ? 'rel' : 'r';
    const el = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" xmlns:${r}="${REL_OFFICE}" ${r}:id="${rId}"/>`;
    const sheetsEl = findElement(xml, `${p}sheets`);
    if (!sheetsEl) throw new XlsxError('corrupt', '工作簿已损坏：workbook.xml 中没有 <sheets>。', 'The workbook is damaged: workbook.xml has no <sheets>.');
    if (sheetsEl.contentStart === sheetsEl.contentEnd && xml.charCodeAt(sheetsEl.end - 2) === 47) {
      this.xml = `${xml.slice(0, sheetsEl.start)}<${p}sheets${sheetsEl.attrs}>${el}</${p}sheets>${xml.slice(sheetsEl.end)}`;
    } else {
      this.xml = xml.slice(0, sheetsEl.contentEnd) + el + xml.slice(sheetsEl.contentEnd);
    }
    return this.sheets().find((s) => s.rId === rId)!;
  }

  definedNames(): DefinedName[] {
    const xml = this.xml;
    const p = this.p;
    const list = findElement(xml, `${p}definedNames`);
    if (!list) return [];
    return findAll(xml, `${p}definedName`, list.contentStart, list.contentEnd).map((el) => {
      const local = attr(el.attrs, 'localSheetId');
      return {
        name: attr(el.attrs, 'name') ?? '',
        localSheetId: local === undefined ? null : Number(local),
        value: unescapeXml(xml.slice(el.contentStart, el.contentEnd)),
      };
    });
  }

  /**
   * Removes the sheet-scoped names of `localSheetId` whose names are in `names` (compared
   * case-insensitively) and adds `add` (name → value) for that sheet.
   */
  setSheetNames(localSheetId: number, names: readonly string[], add: ReadonlyMap<string, string>): void {
    const p = this.p;
    const drop = new Set(names.map((n) => n.toLowerCase()));
    const added = [...add]
      .map(([n, v]) => `<${p}definedName name="${escapeAttr(n)}" localSheetId="${localSheetId}">${escapeText(v)}</${p}definedName>`)
      .join('');
    this.rewriteNames((attrs) => {
      const local = attr(attrs, 'localSheetId');
      return drop.has((attr(attrs, 'name') ?? '').toLowerCase()) && local !== undefined && Number(local) === localSheetId;
    }, added);
  }

  /**
   * Workbook-level names: drops those `drop` selects and adds `add` as hidden names (TierBook's marks;
   * hidden, so that they stay out of the user's Name Manager and formula autocomplete).
   */
  setHiddenNames(drop: (name: string) => boolean, add: readonly { name: string; ref: string }[]): void {
    const p = this.p;
    const added = add.map((n) => `<${p}definedName name="${escapeAttr(n.name)}" hidden="1">${escapeText(n.ref)}</${p}definedName>`).join('');
    this.rewriteNames((attrs) => attr(attrs, 'localSheetId') === undefined && drop(attr(attrs, 'name') ?? ''), added);
  }

  /** <definedNames> without the names `dropped` selects (by their attributes), plus `added` (XML); every other name keeps its bytes. */
  private rewriteNames(dropped: (attrs: string) => boolean, added: string): void {
    const xml = this.xml;
    const p = this.p;
    const list = findElement(xml, `${p}definedNames`);
    if (!list) {
      if (added) this.xml = insertAfterSheets(xml, p, `<${p}definedNames>${added}</${p}definedNames>`);
      return;
    }
    let body = '';
    let pos = list.contentStart;
    let count = 0;
    for (const el of findAll(xml, `${p}definedName`, list.contentStart, list.contentEnd)) {
      body += xml.slice(pos, el.start);
      if (dropped(el.attrs)) count++;
      else body += xml.slice(el.start, el.end);
      pos = el.end;
    }
    body += xml.slice(pos, list.contentEnd);
    if (count === 0 && !added) return;
    const content = body + added;
    this.xml = content.trim()
      ? `${xml.slice(0, list.start)}<${p}definedNames${list.attrs}>${content}</${p}definedNames>${xml.slice(list.end)}`
      : xml.slice(0, list.start) + xml.slice(list.end);
  }

  /** Edits workbook.xml through `f` (its text and element prefix); the sheet list is read afresh after. */
  edit(f: (xml: string, p: string) => string): void {
    const xml = this.xml;
    const next = f(xml, this.p);
    if (next !== xml) this.xml = next;
  }

  /** Asks Excel to recalculate every formula when the file is next opened (values under formulas changed). */
  setFullCalcOnLoad(): void {
    const xml = this.xml;
    const p = this.p;
    const calc = findElement(xml, `${p}calcPr`);
    if (calc) {
      if (rawAttr(calc.attrs, 'fullCalcOnLoad') === '1') return;
      const attrs = setAttr(calc.attrs, 'fullCalcOnLoad', '1');
      this.xml = `${xml.slice(0, calc.start)}<${p}calcPr${attrs}/>${xml.slice(calc.end)}`;
      return;
    }
    const names = findElement(xml, `${p}definedNames`);
    const at = names ? names.end : afterSheetsIndex(xml, p);
    this.xml = `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
  }
}

/** Where <definedNames> goes: after <sheets>, <functionGroups> and <externalReferences>. */
function afterSheetsIndex(xml: string, p: string): number {
  let at = findElement(xml, `${p}sheets`)?.end ?? -1;
  for (const name of ['functionGroups', 'externalReferences']) {
    const el = findElement(xml, `${p}${name}`);
    if (el && el.end > at) at = el.end;
  }
  if (at < 0) throw new XlsxError('corrupt', '工作簿已损坏：workbook.xml 中没有 <sheets>。', 'The workbook is damaged: workbook.xml has no <sheets>.');
  return at;
}

function insertAfterSheets(xml: string, p: string, text: string): string {
  const at = afterSheetsIndex(xml, p);
  return xml.slice(0, at) + text + xml.slice(at);
}
