// A read-only grid of one sheet for the standalone page that reads like the workbook in Excel: number
// formats (numfmt), fills, bold, alignment, column widths and merged cells, as the file host reads them.
// Rows and columns are virtualised (@tanstack/react-virtual); rows arrive from the worker in windows of
// 200 with one format index per cell, so a 100,000-row sheet opens at once. Text too long for its cell
// overflows into empty neighbours as in Excel, shows whole on hover, and in the bar above when selected.
// After Apply, Summaries or Handbook the grid moves to what was written.
import { mergeClasses } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GridFocus } from '../../hosts/browser/focus.ts';
import type { GridBlock, GridLayout } from '../../hosts/file/grid-view.ts';
import { GENERAL_LOOK } from '../../hosts/file/xlsx/style-table.ts';
import type { SheetInfo } from '../../port/workbook.ts';
import { columnIndex, columnLetter } from '../../core/issues.ts';
import { useT } from '../i18n.tsx';
import { cellText } from './cell-text.ts';
import { BLOCK, HEAD_W, OVERFLOW_COLS, ROW_H, cellStyle, justify, textWidth, useStyles, widthPx } from './grid-look.ts';
import { SheetTabs } from './SheetTabs.tsx';

// Re-exported: the grid's tests measure widths through the grid's module.
export { textWidth, widthPx } from './grid-look.ts';

export interface GridSource {
  sheets(): Promise<SheetInfo[]>;
  gridLayout(sheet: string): Promise<GridLayout>;
  gridBlock(sheet: string, firstRow: number, lastRow: number): Promise<GridBlock>;
  /** Where the last step wrote, asked after each change (the grid moves there). */
  wroteAt?(): Promise<GridFocus | null>;
}

export interface GridProps {
  source: GridSource;
  /** Bumps when the workbook changed (re-read). */
  revision: number;
  /** A cell to show (a data issue's cell button). */
  target: { sheet: string; cell: string; seq: number } | null;
}

interface Cell {
  sheet: string;
  r: number;
  c: number;
  /** A range selected from the pane (an action list): its last row and column. */
  r2?: number;
  c2?: number;
}

export function Grid({ source, revision, target }: GridProps) {
  const s = useStyles();
  const t = useT();
  const lang = t.lang;
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [layout, setLayout] = useState<GridLayout | null>(null);
  const [blocks, setBlocks] = useState<Map<number, GridBlock>>(new Map());
  const [selectedCell, setSelected] = useState<Cell | null>(null);
  const [mark, setMark] = useState<{ sheet: string; row: number; cols: number[]; seq: number } | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const asked = useRef(new Set<number>());
  const generation = useRef(0);

  useEffect(() => {
    let live = true;
    void source.sheets().then((list) => {
      if (!live) return;
      setSheets(list);
      setActive((a) => (a && list.some((x) => x.name === a) ? a : (list.find((x) => x.visible)?.name ?? null)));
    });
    return () => void (live = false);
  }, [source, revision]);

  // After a step wrote, go to what it wrote: the new columns of the customer sheet, or the new sheet.
  useEffect(() => {
    let live = true;
    void source.wroteAt?.().then((focus) => {
      if (!live || !focus) return;
      setActive(focus.sheet);
      setMark((m) => ({ ...focus, seq: (m?.seq ?? 0) + 1 }));
      setSelected({ sheet: focus.sheet, r: focus.row - 1, c: focus.cols[0] ?? 0 });
    });
    return () => void (live = false);
  }, [source, revision]);

  useEffect(() => {
    if (target) setActive(target.sheet);
  }, [target]);

  // Another sheet starts empty. After a write the same sheet keeps showing what it had until the fresh windows
  // arrive (no blank flash); answers to requests made before the change are dropped.
  useEffect(() => {
    generation.current++;
    asked.current = new Set();
    setBlocks(new Map());
    setLayout(null);
  }, [active]);
  useEffect(() => {
    generation.current++;
    asked.current = new Set();
  }, [revision]);

  useEffect(() => {
    if (!active) return;
    let live = true;
    void source.gridLayout(active).then((l) => live && setLayout(l));
    return () => void (live = false);
  }, [source, active, revision]);

  const info = sheets.find((x) => x.name === active);
  const selected = selectedCell?.sheet === active ? selectedCell : null;
  const rows = info?.lastRow ?? 0;
  const cols = Math.max(0, (info?.lastCol ?? -1) + 1);
  const looks = layout?.looks ?? [GENERAL_LOOK];

  const colPx = useMemo(() => {
    const px = new Array<number>(cols).fill(widthPx(layout?.defaultWidth ?? 8.43));
    for (const [c, w] of layout?.widths ?? []) if (c < cols) px[c] = widthPx(w);
    return px;
  }, [layout, cols]);
  const colLeft = useMemo(() => {
    const left = new Array<number>(cols + 1);
    left[0] = HEAD_W;
    for (let c = 0; c < cols; c++) left[c + 1] = left[c]! + colPx[c]!;
    return left;
  }, [colPx, cols]);

  const getScrollElement = useCallback(() => viewport.current, []);
  const rowV = useVirtualizer({ count: rows, getScrollElement, estimateSize: () => ROW_H, overscan: 6, paddingStart: ROW_H, initialRect: { width: 800, height: 600 } });
  const colV = useVirtualizer({ horizontal: true, count: cols, getScrollElement, estimateSize: (i) => colPx[i] ?? 64, overscan: 2, paddingStart: HEAD_W, initialRect: { width: 800, height: 600 } });
  useEffect(() => colV.measure(), [colPx, colV]);

  const vRows = rowV.getVirtualItems();
  const vCols = colV.getVirtualItems();
  const r0 = vRows[0]?.index ?? 0;
  const r1 = (vRows.at(-1)?.index ?? -1) + 1;
  const c0 = vCols[0]?.index ?? 0;
  const c1 = (vCols.at(-1)?.index ?? -1) + 1;

  const merges = useMemo(() => (layout?.merges ?? []).filter((m) => m.lastRow - 1 >= r0 && m.firstRow - 1 < r1 && m.lastCol >= c0 && m.firstCol < c1), [layout, r0, r1, c0, c1]);

  // Fetch the windows the viewport shows (and those holding the first row of a merge that reaches into view).
  useEffect(() => {
    if (!active || rows === 0 || r1 <= r0) return;
    const wanted = new Set<number>();
    for (let b = Math.floor(r0 / BLOCK); b <= Math.floor((r1 - 1) / BLOCK); b++) wanted.add(b);
    for (const m of merges) wanted.add(Math.floor((m.firstRow - 1) / BLOCK));
    for (const b of wanted) {
      if (asked.current.has(b)) continue;
      asked.current.add(b);
      const sheet = active;
      const gen = generation.current;
      void source.gridBlock(sheet, b * BLOCK + 1, Math.min(rows, (b + 1) * BLOCK)).then((v) => {
        if (gen === generation.current) setBlocks((m) => new Map(m).set(b, v));
      });
    }
  }, [active, rows, r0, r1, merges, source, blocks, revision]);

  const at = useCallback(
    (r: number, c: number) => {
      const b = blocks.get(Math.floor(r / BLOCK));
      const i = r - (b ? b.firstRow - 1 : 0);
      if (!b || c >= b.width || i >= b.values.length) return { value: null, look: GENERAL_LOOK };
      return { value: b.values[i]?.[c] ?? null, look: looks[b.looks[i * b.width + c]!] ?? GENERAL_LOOK };
    },
    [blocks, looks],
  );
  const textAt = (r: number, c: number) => {
    const { value, look } = at(r, c);
    return { look, text: cellText(value, look, lang, layout?.date1904 ?? false) };
  };

  // Scroll a shown cell (issue button) or the written columns into view.
  // A hidden grid (the pane shown at a narrow width) cannot scroll: it does so when it is shown.
  const pendingScroll = useRef<(() => void) | null>(null);
  const scrollTo = (row: number, col: number, centre: boolean) => {
    const el = viewport.current;
    if (!el) return;
    if (el.clientWidth === 0 && typeof ResizeObserver !== 'undefined') {
      pendingScroll.current = () => scrollTo(row, col, centre);
      return;
    }
    pendingScroll.current = null;
    const top = (row + 1) * ROW_H - (centre ? el.clientHeight / 2 : ROW_H);
    const left = (colLeft[col] ?? HEAD_W) - (centre ? el.clientWidth / 2 : HEAD_W);
    el.scrollTo?.({ top: Math.max(0, top), left: Math.max(0, left) });
  };
  useEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth > 0) pendingScroll.current?.();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const targetPos = useMemo(() => {
    if (!target || target.sheet !== active) return null;
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(target.cell);
    if (!m) return null;
    const at = { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
    return m[3] ? { ...at, r2: Number(m[4]) - 1, c2: columnIndex(m[3]) } : at;
  }, [target, active]);
  useEffect(() => {
    if (!targetPos || cols === 0) return;
    setSelected({ sheet: active!, ...targetPos });
    scrollTo(targetPos.r, targetPos.c, true);
  }, [targetPos, target?.seq, cols > 0]);
  const marked = mark && mark.sheet === active ? mark : null;
  useEffect(() => {
    if (marked && cols > 0) scrollTo(marked.row - 1, marked.cols[0] ?? 0, false);
  }, [marked?.seq, cols > 0, colLeft]);

  const inMerge = (r: number, c: number) => merges.some((m) => r >= m.firstRow - 1 && r <= m.lastRow - 1 && c >= m.firstCol && c <= m.lastCol);
  const isMarked = (r: number, c: number) => !!marked && marked.row - 1 === r && marked.cols.includes(c);
  const isSelected = (r: number, c: number) => !!selected && selected.r === r && selected.c === c;
  const inRange = (r: number, c: number) => !!selected?.r2 && r >= selected.r && r <= selected.r2 && c >= selected.c && c <= (selected.c2 ?? selected.c);

  const colHeads: React.ReactNode[] = [];
  for (let c = c0; c < c1; c++)
    colHeads.push(
      <div
        key={c}
        className={mergeClasses(s.cell, s.head, marked?.cols.includes(c) && s.headMarked)}
        style={{ top: 0, left: colLeft[c], width: colPx[c] }}
        data-col-head={columnLetter(c)}
      >
        {columnLetter(c)}
      </div>,
    );
  const rowHeads: React.ReactNode[] = [];
  const cells: React.ReactNode[] = [];
  for (let r = r0; r < r1; r++) {
    rowHeads.push(
      <div key={r} className={mergeClasses(s.cell, s.head)} style={{ top: r * ROW_H, left: 0, width: HEAD_W }} data-row-head={r + 1}>
        {r + 1}
      </div>,
    );
    for (let c = c0; c < c1; c++) {
      if (colPx[c] === 0 || inMerge(r, c)) continue;
      const { look, text } = textAt(r, c);
      let width = colPx[c]!;
      let over = false;
      // Text runs on over empty neighbours to its right, as Excel shows it.
      if (text.kind === 'text' && !look.wrap && (look.align === null || look.align === 'left' || look.align === 'general')) {
        for (let n = c + 1; n < Math.min(cols, c + 1 + OVERFLOW_COLS); n++) {
          const next = at(r, n);
          if (next.value !== null || next.look.fill || inMerge(r, n)) break;
          if (textWidth(text.text, look.bold) <= width) break;
          width += colPx[n]!;
          over = true;
        }
      }
      const address = `${columnLetter(c)}${r + 1}`;
      cells.push(
        <div
          key={`${r}:${c}`}
          className={mergeClasses(s.cell, over && s.over, isMarked(r, c) && s.marked, isSelected(r, c) && s.selected, inRange(r, c) && s.inRange)}
          style={cellStyle(look, text, (r + 1) * ROW_H, colLeft[c]!, width)}
          data-cell={address}
          title={text.text || undefined}
          onClick={() => setSelected({ sheet: active!, r, c })}
        >
          {text.text}
        </div>,
      );
    }
  }
  for (const m of merges) {
    const r = m.firstRow - 1;
    const c = m.firstCol;
    const last = Math.min(m.lastCol, cols - 1);
    if (last < c) continue;
    const { look, text } = textAt(r, c);
    const height = (m.lastRow - m.firstRow + 1) * ROW_H;
    const address = `${columnLetter(c)}${r + 1}`;
    cells.push(
      <div
        key={`m${r}:${c}`}
        className={mergeClasses(s.cell, s.merged, isMarked(r, c) && s.marked, isSelected(r, c) && s.selected, inRange(r, c) && s.inRange)}
        style={{ ...cellStyle(look, text, (r + 1) * ROW_H, colLeft[c]!, colLeft[last + 1]! - colLeft[c]!, height), justifyContent: { left: 'flex-start', center: 'center', right: 'flex-end' }[String(justify(look, text))] }}
        data-cell={address}
        data-merge={`${address}:${columnLetter(last)}${m.lastRow}`}
        title={text.text || undefined}
        onClick={() => setSelected({ sheet: active!, r, c })}
      >
        {text.text}
      </div>,
    );
  }

  const sel = selected ? textAt(selected.r, selected.c).text.text : '';
  // Arrow keys move the selection (the cell bar follows), as in a sheet.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
    if (!step || !active || rows === 0) return;
    e.preventDefault();
    const from = selected ?? { r: 0, c: 0 };
    const r = Math.min(rows - 1, Math.max(0, from.r + step[0]!));
    const c = Math.min(cols - 1, Math.max(0, from.c + step[1]!));
    setSelected({ sheet: active, r, c });
    const el = viewport.current;
    if (!el) return;
    const top = (r + 1) * ROW_H;
    const left = colLeft[c]!;
    if (top < el.scrollTop + ROW_H) el.scrollTop = top - ROW_H;
    else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    if (left < el.scrollLeft + HEAD_W) el.scrollLeft = left - HEAD_W;
    else if (left + colPx[c]! > el.scrollLeft + el.clientWidth) el.scrollLeft = left + colPx[c]! - el.clientWidth;
  };
  return (
    <div className={s.wrap}>
      <SheetTabs sheets={sheets} active={active} onSelect={setActive} />
      <div className={s.bar} role="status" aria-label={t.t('cellBar')} data-testid="cell-bar">
        <span className={s.addr}>{selected ? `${columnLetter(selected.c)}${selected.r + 1}` : ''}</span>
        <span className={s.barText}>{sel}</span>
      </div>
      <div ref={viewport} className={s.viewport} role="region" aria-label={active ? t.t('gridLabel', { sheet: active }) : t.t('sheetTabs')} tabIndex={0} data-testid="grid" onKeyDown={onKeyDown}>
        <div style={{ position: 'relative', height: (rows + 1) * ROW_H, width: colLeft[cols] ?? HEAD_W }}>
          <div className={s.colHeads}>
            <div className={mergeClasses(s.cell, s.head, s.corner)} />
            {colHeads}
          </div>
          <div className={s.rowHeads} style={{ height: rows * ROW_H }}>
            {rowHeads}
          </div>
          {cells}
        </div>
      </div>
    </div>
  );
}
