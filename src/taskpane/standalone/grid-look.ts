// How the standalone grid draws a cell as Excel would: row height, column widths in pixels, alignment under
// General, the cell's own fill, font and wrapping; and the grid's styles. Pure helpers; Grid.tsx lays them out.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellLook } from '../../hosts/file/grid-view.ts';
import type { CellText } from './cell-text.ts';

/** A row's height and the row-number column's width, in px. */
export const ROW_H = 22;
export const HEAD_W = 52;
/** Rows asked of the worker at a time. */
export const BLOCK = 200;
/** Most columns a text may overflow into (Excel's is unbounded; this keeps a row's work small). */
export const OVERFLOW_COLS = 12;

export const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabsRow: { display: 'flex', alignItems: 'center', flexShrink: 0, minWidth: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tabs: { overflowX: 'auto', flexGrow: 1, minWidth: 0, scrollbarWidth: 'thin' },
  tabList: { flexWrap: 'nowrap' },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexShrink: 0,
    minHeight: '26px',
    padding: `2px ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  addr: { flexShrink: 0, minWidth: '56px', fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  barText: { flexGrow: 1, minWidth: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '4.5em', overflowY: 'auto' },
  viewport: {
    position: 'relative',
    overflow: 'auto',
    flexGrow: 1,
    minHeight: '160px',
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    outline: 'none',
  },
  cell: {
    position: 'absolute',
    height: `${ROW_H}px`,
    lineHeight: `${ROW_H - 1}px`,
    padding: '0 3px',
    boxSizing: 'border-box',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
  },
  // Text running over empty neighbours hides their grid lines, as in Excel.
  over: { zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  merged: { zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, display: 'flex', alignItems: 'center' },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'center', cursor: 'default' },
  headMarked: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  // The column letters stay at the top and the row numbers at the left while the sheet scrolls: each is a sticky
  // strip in the sheet's flow (letters first, one row high; then numbers, as tall as the rows), holding its cells
  // absolutely positioned, so they line up with the data cells at any scroll position.
  colHeads: { position: 'sticky', top: 0, zIndex: 3, height: `${ROW_H}px`, backgroundColor: tokens.colorNeutralBackground3 },
  rowHeads: { position: 'sticky', left: 0, zIndex: 2, width: `${HEAD_W}px`, backgroundColor: tokens.colorNeutralBackground3 },
  corner: { position: 'sticky', left: 0, zIndex: 1, display: 'block', width: `${HEAD_W}px` },
  marked: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', zIndex: 2 },
  selected: { outline: `2px solid ${tokens.colorCompoundBrandStroke}`, outlineOffset: '-2px', zIndex: 2 },
  // A selected range tints its cells over their own fill (the tier colours stay visible beneath).
  inRange: { boxShadow: 'inset 0 0 0 2000px rgba(15, 108, 189, 0.16)' },
});

/** Excel's column width in characters → pixels (Calibri 11: 7 px per character plus 5 px padding). */
export function widthPx(chars: number): number {
  return chars <= 0 ? 0 : Math.round(chars * 7 + 5);
}

/** About how wide a text is at the grid's 12 px font (CJK characters are square; Latin about 0.55 em). */
export function textWidth(text: string, bold: boolean): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) >= 0x2e80 ? 12 : 6.8;
  return w * (bold ? 1.08 : 1) + 8;
}

export function justify(look: CellLook, t: CellText): React.CSSProperties['textAlign'] {
  switch (look.align) {
    case 'center':
    case 'centerContinuous':
      return 'center';
    case 'right':
      return 'right';
    case 'left':
      return 'left';
    default:
      return t.kind === 'number' ? 'right' : t.kind === 'bool' ? 'center' : 'left';
  }
}

/** A cell's position and its look in the workbook: fill, font colour, bold, italic, alignment, wrapping. */
export function cellStyle(look: CellLook, text: CellText, top: number, left: number, width: number, height = ROW_H): React.CSSProperties {
  return {
    top,
    left,
    width,
    height,
    textAlign: justify(look, text),
    ...(look.fill ? { backgroundColor: look.fill } : {}),
    ...((text.color ?? look.color) ? { color: text.color ?? look.color! } : {}),
    ...(look.bold ? { fontWeight: 700 } : {}),
    ...(look.italic ? { fontStyle: 'italic' } : {}),
    ...(look.wrap && height > ROW_H ? { whiteSpace: 'normal', lineHeight: '1.3' } : {}),
  };
}
