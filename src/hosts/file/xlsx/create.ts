// A minimal .xlsx built from scratch (for input that came as CSV), written with the same part writers as
// the patching host.
import type { CellValue } from '../../../port/workbook.ts';
import { XlsxError } from './errors.ts';
import { MAIN_NS, R_NS } from './generated.ts';
import { CONTENT_TYPE, OpcPackage, REL_NS, REL_OFFICE } from './package.ts';
import { MINIMAL_STYLES } from './styles.ts';
import { XlsxWorkbook } from './workbook.ts';
import { XML_DECL } from './xml.ts';
import type { ZipCodec } from './zip.ts';

const CONTENT_TYPES =
  `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
  '</Types>';

const ROOT_RELS = `${XML_DECL}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK =
  `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
  '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>';

const WORKBOOK_RELS = `${XML_DECL}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_OFFICE}/styles" Target="styles.xml"/></Relationships>`;

/** A workbook with one sheet per entry, in order (values from A1; strings stay text). */
export function createWorkbook(sheets: { name: string; values: CellValue[][] }[], codec?: ZipCodec): Uint8Array {
  return createBook(sheets, codec).save();
}

/**
 * The same workbook, still open: writes go on in memory and it is compressed once, on save (saving it
 * and opening the bytes again would deflate and inflate every sheet one more time).
 */
export function createBook(sheets: { name: string; values: CellValue[][] }[], codec?: ZipCodec): XlsxWorkbook {
  const pkg = OpcPackage.empty(codec);
  pkg.setText('[Content_Types].xml', CONTENT_TYPES);
  pkg.setText('_rels/.rels', ROOT_RELS);
  pkg.setText('xl/workbook.xml', WORKBOOK);
  pkg.setText('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  pkg.setText('xl/styles.xml', MINIMAL_STYLES);
  const wb = XlsxWorkbook.fromPackage(pkg);
  const list = sheets.length ? sheets : [{ name: 'Sheet1', values: [] }];
  const seen = new Set<string>();
  for (const s of list) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new XlsxError('sheet', `有两个工作表都叫"${s.name}"。`, `Two sheets are named "${s.name}".`);
    seen.add(key);
    wb.appendRows(s.name, [], s.values);
  }
  return wb;
}
