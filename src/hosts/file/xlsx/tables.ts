// Excel Tables (xl/tables/*.xml) around a sheet TierBook writes: the names and ids already in use, header
// names kept equal to the header cells we write, tables grown with rows we append.
import type { ColumnsPatch } from '../../../port/workbook.ts';
import { CONTENT_TYPE, relIs, type OpcPackage } from './package.ts';
import { parseRange, rangeRef } from './refs.ts';
import type { SheetEntry, WorkbookPart } from './workbook-part.ts';
import { attr, findAll, findElement, rootPrefix, setAttr } from './xml.ts';

/** Names (lower-cased) of every table and defined name, and the highest table id in use. */
export function tableInventory(pkg: OpcPackage, wb: WorkbookPart): { names: Set<string>; maxId: number } {
  const names = new Set(wb.definedNames().map((d) => d.name.toLowerCase()));
  let maxId = 0;
  for (const part of tableParts(pkg)) {
    const el = findElement(pkg.text(part), `${rootPrefix(pkg.text(part), 'table')}table`);
    if (!el) continue;
    maxId = Math.max(maxId, Number(attr(el.attrs, 'id') ?? 0) || 0);
    for (const a of ['name', 'displayName']) {
      const v = attr(el.attrs, a);
      if (v) names.add(v.toLowerCase());
    }
  }
  return { names, maxId };
}

function tableParts(pkg: OpcPackage): string[] {
  const viaTypes = pkg.partsOfType(CONTENT_TYPE.table).filter((p) => pkg.has(p));
  const viaNames = pkg.partNames().filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n));
  return [...new Set([...viaTypes, ...viaNames].map((n) => pkg.entryName(n) ?? n))];
}

/**
 * Excel requires a table's column names to equal its header cells: when a header we wrote lies in the
 * header row of an Excel table (the user turned the range, output columns included, into a table),
 * the table column is renamed to match.
 */
export function syncTableHeaders(pkg: OpcPackage, s: SheetEntry, patch: ColumnsPatch): void {
  for (const { part, xml, p, el: table, range } of sheetTables(pkg, s)) {
    if (attr(table.attrs, 'headerRowCount') === '0' || range.firstRow !== patch.headerRow) continue;
    const list = findElement(xml, `${p}tableColumns`);
    if (!list) continue;
    const cols = findAll(xml, `${p}tableColumn`, list.contentStart, list.contentEnd);
    let out = '';
    let pos = 0;
    cols.forEach((el, i) => {
      const write = patch.columns.find((c) => c.col === range.firstCol + i);
      if (!write || attr(el.attrs, 'name') === write.header) return;
      const tagEnd = xml.indexOf('>', el.start);
      out += `${xml.slice(pos, el.start)}<${p}tableColumn${setAttr(el.attrs, 'name', write.header)}${xml.slice(el.start + p.length + 12 + el.attrs.length, tagEnd + 1)}`;
      pos = tagEnd + 1;
    });
    if (pos > 0) pkg.setText(part, out + xml.slice(pos));
  }
}

/** After an append, tables that ended at the old last row grow to the new one. */
export function extendTables(pkg: OpcPackage, s: SheetEntry, lastBefore: number, lastAfter: number): void {
  if (lastAfter === lastBefore) return;
  for (const { part, xml, p, el, range } of sheetTables(pkg, s)) {
    if (range.lastRow !== lastBefore) continue;
    const ref = rangeRef(range.firstRow, range.firstCol, Math.max(lastAfter, range.firstRow + 1), range.lastCol);
    let next = `${xml.slice(0, el.start)}<${p}table${setAttr(el.attrs, 'ref', ref)}>${xml.slice(el.contentStart)}`;
    const af = findElement(next, `${p}autoFilter`);
    if (af) {
      const tagEnd = next.indexOf('>', af.start);
      const close = next.charCodeAt(tagEnd - 1) === 47 ? '/>' : '>';
      next = `${next.slice(0, af.start)}<${p}autoFilter${setAttr(af.attrs, 'ref', ref)}${close}${next.slice(tagEnd + 1)}`;
    }
    pkg.setText(part, next);
  }
}

/** The Excel tables of a sheet that have a readable range: their part, XML, namespace prefix, element and range. */
function* sheetTables(pkg: OpcPackage, s: SheetEntry) {
  for (const rel of pkg.rels(s.part)) {
    if (rel.external || !relIs(rel.type, 'table') || !pkg.has(rel.part)) continue;
    const xml = pkg.text(rel.part);
    const p = rootPrefix(xml, 'table');
    const el = findElement(xml, `${p}table`);
    const range = el ? parseRange(attr(el.attrs, 'ref') ?? '') : null;
    if (el && range) yield { part: rel.part, xml, p, el, range };
  }
}
