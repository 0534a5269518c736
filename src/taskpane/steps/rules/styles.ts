// Shared layout for the rules editor. The pane is 320–450 px wide: everything stacks, pairs of short
// fields share a row, and only tables may scroll sideways (inside their own wrapper).
import { makeStyles, tokens } from '@fluentui/react-components';

export const useRulesStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  tight: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  /** A tier's name with its colour beside it: the name gets the room. */
  nameColour: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 72px',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  /** One tier, criterion or segment: a block separated by a hairline. */
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    flexShrink: 0,
    width: '12px',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  /** The children of an all/any group, indented under their heading. */
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  /** Inputs fill their cell and may shrink below Fluent's default width. */
  fill: { width: '100%', minWidth: 0 },
  /** A comparison: operator and value; for "between", "to" and the upper bound on a second line. */
  comparisonRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(92px, auto) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'start',
  },
  betweenTo: { paddingTop: tokens.spacingVerticalSNudge, color: tokens.colorNeutralForeground2 },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    width: '100%',
    minWidth: '240px',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    '& th': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`,
      verticalAlign: 'bottom',
    },
    '& td': { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, verticalAlign: 'top' },
    '& caption': { textAlign: 'left', captionSide: 'top', paddingBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  },
  colour: {
    boxSizing: 'border-box',
    width: '100%',
    height: '32px',
    padding: tokens.spacingHorizontalXXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});
