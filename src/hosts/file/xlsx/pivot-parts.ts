// The three parts of a PivotTable (ECMA-376 Part 1, 18.10): the cache definition (source table, fields and
// their shared items), the cache records (one per source row) and the PivotTable definition (tabular form,
// fields on their axes, items in display order, value fields). Written as Excel 2007 (version 3) writes them.
import type { CellValue } from '../../../port/workbook.ts';
import { numberText } from './cells.ts';
import type { CacheField, PivotLayout } from './pivot-model.ts';
import { XML_DECL, escapeAttr } from './xml.ts';
import { MAIN_NS, R_NS } from './generated.ts';
import type { PartContent, PartPacker } from './packed-part.ts';
import { ByteSink } from './sink.ts';

const MISSING = '<m/>';

function itemXml(v: CellValue): string {
  if (v === null) return MISSING;
  if (typeof v === 'number') return `<n v="${numberText(v)}"/>`;
  if (typeof v === 'boolean') return `<b v="${v ? 1 : 0}"/>`;
  return `<s v="${escapeAttr(v)}"/>`;
}

/** What a field holds, as sharedItems attributes (defaults left out). */
function sharedItemsAttrs(f: CacheField): string {
  let a = '';
  if (f.strings === 0 && (f.numbers > 0 || f.blanks > 0)) {
    // No text: semi-mixed only when blanks are there too.
    if (f.blanks === 0) a += ' containsSemiMixedTypes="0"';
    a += ' containsString="0"';
  }
  if (f.blanks > 0) a += ' containsBlank="1"';
  if (f.numbers > 0 && f.strings > 0) a += ' containsMixedTypes="1"';
  if (f.numbers > 0) {
    a += ' containsNumber="1"';
    if (f.integers) a += ' containsInteger="1"';
    a += ` minValue="${numberText(f.min)}" maxValue="${numberText(f.max)}"`;
  }
  if (f.longText) a += ' longText="1"';
  return a;
}

export function cacheDefinitionXml(layout: PivotLayout, tableName: string, recordsRelId: string): string {
  const fields = layout.fields
    .map((f) => {
      const attrs = sharedItemsAttrs(f);
      const shared = f.shared ? `<sharedItems${attrs} count="${f.items.length}">${f.items.map(itemXml).join('')}</sharedItems>` : `<sharedItems${attrs}/>`;
      return `<cacheField name="${escapeAttr(f.name)}" numFmtId="0">${shared}</cacheField>`;
    })
    .join('');
  // refreshOnLoad: Excel rebuilds the cache from the table when the workbook opens (the records below are
  // the same rows, kept so that a reader that does not refresh still has them).
  return (
    `${XML_DECL}<pivotCacheDefinition xmlns="${MAIN_NS}" xmlns:r="${R_NS}" r:id="${recordsRelId}" refreshOnLoad="1" refreshedBy="TierBook"` +
    ` createdVersion="3" refreshedVersion="3" minRefreshableVersion="3" recordCount="${layout.records.length}">` +
    `<cacheSource type="worksheet"><worksheetSource name="${escapeAttr(tableName)}"/></cacheSource>` +
    `<cacheFields count="${layout.fields.length}">${fields}</cacheFields></pivotCacheDefinition>`
  );
}

/**
 * The records part, written into a sink (a million-record cache is never one string, nor a string per
 * record): shared fields as item numbers, the others as their values.
 */
export function cacheRecordsContent(layout: PivotLayout, packer: PartPacker | null): PartContent {
  const out = new ByteSink('', null, packer);
  out.str(`${XML_DECL}<pivotCacheRecords xmlns="${MAIN_NS}" xmlns:r="${R_NS}" count="${layout.records.length}">`);
  const { fields } = layout;
  const items = fields.map((f) => (f.shared ? f.recordItems! : null));
  const { records } = layout;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    out.raw(RECORD_OPEN);
    for (let c = 0; c < fields.length; c++) {
      const v = r[c] ?? null;
      const ix = items[c];
      if (ix) {
        out.raw(SHARED_OPEN);
        out.uint(ix[i]!);
        out.raw(SHARED_CLOSE);
      } else if (typeof v === 'number') {
        out.raw(NUMBER_OPEN);
        out.ascii(numberText(v));
        out.raw(SHARED_CLOSE);
      } else out.str(itemXml(v));
    }
    out.raw(RECORD_CLOSE);
  }
  out.ascii('</pivotCacheRecords>');
  return out.finishPart();
}

const BYTES = new TextEncoder();
const RECORD_OPEN = BYTES.encode('<r>');
const RECORD_CLOSE = BYTES.encode('</r>');
const SHARED_OPEN = BYTES.encode('<x v="');
const NUMBER_OPEN = BYTES.encode('<n v="');
const SHARED_CLOSE = BYTES.encode('"/>');

export interface PivotTableOptions {
  name: string;
  cacheId: number;
  /** Top-left cell's row (1-based) and column (0-based). */
  ref: string;
  dataCaption: string;
  grandTotal: string;
  /** numFmtId per value field (0 = General). */
  numFmtIds: number[];
}

const x = (v: number) => (v === 0 ? '<x/>' : `<x v="${v}"/>`);

export function pivotTableXml(layout: PivotLayout, o: PivotTableOptions): string {
  const { fields, rowFields, colField, data } = layout;
  const inner = rowFields[rowFields.length - 1];
  const pivotFields = fields
    .map((f, c) => {
      const common = ' compact="0" outline="0" showAll="0"';
      const isRow = rowFields.includes(c);
      if (isRow || c === colField) {
        // Outer row fields have no subtotal lines (one line per item); the innermost and the column field keep Excel's default.
        const subtotal = isRow && c !== inner ? ' defaultSubtotal="0"' : '';
        const items = f.items.map((_, i) => `<item x="${i}"/>`).join('') + (subtotal ? '' : '<item t="default"/>');
        const count = f.items.length + (subtotal ? 0 : 1);
        return `<pivotField axis="${isRow ? 'axisRow' : 'axisCol'}"${common}${subtotal}><items count="${count}">${items}</items></pivotField>`;
      }
      return `<pivotField${data.some((d) => d.fld === c) ? ' dataField="1"' : ''}${common}/>`;
    })
    .join('');
  const rowItems = layout.rowItems
    .map((t, line) => {
      const prev = layout.rowItems[line - 1];
      let r = 0;
      if (prev) while (r < t.length - 1 && t[r] === prev[r]) r++;
      return `<i${r ? ` r="${r}"` : ''}>${t.slice(r).map(x).join('')}</i>`;
    })
    .join('');
  const rowXml = `<rowFields count="${rowFields.length}">${rowFields.map((f) => `<field x="${f}"/>`).join('')}</rowFields><rowItems count="${layout.rowItems.length + 1}">${rowItems}<i t="grand"><x/></i></rowItems>`;
  let colXml: string;
  if (colField !== null) {
    const items = layout.colItems.map((i) => `<i>${x(i)}</i>`).join('');
    colXml = `<colFields count="1"><field x="${colField}"/></colFields><colItems count="${layout.colItems.length + 1}">${items}<i t="grand"><x/></i></colItems>`;
  } else if (data.length > 1) {
    colXml = `<colFields count="1"><field x="-2"/></colFields><colItems count="${data.length}">${data.map((_, i) => `<i${i ? ` i="${i}"` : ''}>${x(i)}</i>`).join('')}</colItems>`;
  } else colXml = '<colItems count="1"><i/></colItems>';
  const dataXml = data
    .map((d, i) => {
      const subtotal = d.summarizeBy === 'count' ? ' subtotal="count"' : '';
      const showAs = d.showAs === 'percentOfGrandTotal' ? ' showDataAs="percentOfTotal"' : '';
      const fmt = o.numFmtIds[i] ? ` numFmtId="${o.numFmtIds[i]}"` : '';
      return `<dataField name="${escapeAttr(d.caption)}" fld="${d.fld}"${subtotal}${showAs} baseField="0" baseItem="0"${fmt}/>`;
    })
    .join('');
  return (
    `${XML_DECL}<pivotTableDefinition xmlns="${MAIN_NS}" name="${escapeAttr(o.name)}" cacheId="${o.cacheId}" applyNumberFormats="0" applyBorderFormats="0"` +
    ' applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1"' +
    ` dataCaption="${escapeAttr(o.dataCaption)}" grandTotalCaption="${escapeAttr(o.grandTotal)}" updatedVersion="3" minRefreshableVersion="3"` +
    ' useAutoFormatting="1" itemPrintTitles="1" createdVersion="3" indent="0" compact="0" compactData="0" gridDropZones="0" multipleFieldFilters="0">' +
    `<location ref="${o.ref}" firstHeaderRow="${layout.firstHeaderRow}" firstDataRow="${layout.firstDataRow}" firstDataCol="${layout.firstDataCol}"/>` +
    `<pivotFields count="${fields.length}">${pivotFields}</pivotFields>${rowXml}${colXml}` +
    `<dataFields count="${data.length}">${dataXml}</dataFields>` +
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>' +
    '</pivotTableDefinition>'
  );
}
