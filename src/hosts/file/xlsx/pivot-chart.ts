// A DrawingML clustered column chart over a plain range (categories and one value column of the static
// tier-mix table, not the PivotTable's cells, which move on every refresh), and the drawing that anchors it
// to cells. Cached values are written with the formulas so readers that do not recalculate still draw it.
import type { CellValue } from '../../../port/workbook.ts';
import { numberText } from './cells.ts';
import { R_NS } from './generated.ts';
import { XML_DECL, escapeAttr, escapeText } from './xml.ts';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export interface ColumnChart {
  title: string;
  /** Formulas of the series name cell, the categories and the values ('Sheet'!$A$8:$A$11). */
  nameRef: string;
  name: string;
  catRef: string;
  valRef: string;
  categories: CellValue[];
  values: CellValue[];
  /** Fill per bar (#RRGGBB) or null: the tier colours. */
  colors: (string | null)[];
  numberFormat: string;
}

const rich = (text: string) =>
  `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich>`;

const solid = (color: string) => `<c:spPr><a:solidFill><a:srgbClr val="${color.replace('#', '').toUpperCase()}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></c:spPr>`;

export function columnChartXml(c: ColumnChart): string {
  const pts = (vals: CellValue[], num: boolean) =>
    vals.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${num && typeof v === 'number' ? numberText(v) : escapeText(String(v))}</c:v></c:pt>`)).join('');
  const dPts = c.colors.map((col, i) => (col ? `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${solid(col)}</c:dPt>` : '')).join('');
  const ser =
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:strRef><c:f>${escapeText(c.nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(c.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `${solid('#4472C4')}<c:invertIfNegative val="0"/>${dPts}` +
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${escapeText(c.catRef)}</c:f><c:strCache><c:ptCount val="${c.categories.length}"/>${pts(c.categories, false)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(c.valRef)}</c:f><c:numCache><c:formatCode>${escapeText(c.numberFormat)}</c:formatCode><c:ptCount val="${c.values.length}"/>${pts(c.values, true)}</c:numCache></c:numRef></c:val>` +
    '</c:ser>';
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${rich(c.title)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `${ser}<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    `<c:numFmt formatCode="${escapeAttr(c.numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The drawing part: one chart anchored from cell (row, col) to (row2, col2), 0-based. */
export function chartDrawingXml(name: string, chartRelId: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  const anchor = (tag: string, p: { row: number; col: number }) => `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `${XML_DECL}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}"><xdr:twoCellAnchor editAs="oneCell">${anchor('from', from)}${anchor('to', to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}
