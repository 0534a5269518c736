// A plain, read-only grid of one sheet for the standalone page: rows are fetched from the worker in blocks
// as they scroll into view, so a 100,000-row sheet opens at once. "Show cell" scrolls to and marks a cell.
import { Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CellValue, SheetInfo, SheetValues } from '../../port/workbook.ts';
import { columnIndex, columnLetter } from '../../core/issues.ts';
import { useT } from '../i18n.tsx';

const ROW_H = 24;
const COL_W = 120;
const HEAD_W = 56;
const BLOCK = 200;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabs: { overflowX: 'auto', flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  viewport: { position: 'relative', overflow: 'auto', flexGrow: 1, minHeight: '200px', fontSize: tokens.fontSizeBase200, backgroundColor: tokens.colorNeutralBackground1 },
  cell: {
    position: 'absolute',
    height: `${ROW_H}px`,
    lineHeight: `${ROW_H}px`,
    padding: '0 4px',
    boxSizing: 'border-box',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'center' },
  // The column letters stay at the top and the row numbers at the left while the sheet scrolls: each is a sticky
  // strip in the sheet's flow (letters first, one row high; then numbers, as tall as the rows), holding its cells
  // absolutely positioned, so they line up with the data cells at any scroll position.
  colHeads: { position: 'sticky', top: 0, zIndex: 2, height: `${ROW_H}px`, backgroundColor: tokens.colorNeutralBackground3 },
  rowHeads: { position: 'sticky', left: 0, zIndex: 1, width: `${HEAD_W}px`, backgroundColor: tokens.colorNeutralBackground3 },
  corner: { position: 'sticky', left: 0, zIndex: 1, display: 'block', width: `${HEAD_W}px` },
  num: { textAlign: 'right' },
  target: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
});

export interface GridSource {
  sheets(): Promise<SheetInfo[]>;
  block(sheet: string, firstRow: number, lastRow: number): Promise<SheetValues>;
}

export interface GridProps {
  source: GridSource;
  /** Bumps when the workbook changed (re-read). */
  revision: number;
  target: { sheet: string; cell: string; seq: number } | null;
}

function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  return String(v);
}

export function Grid({ source, revision, target }: GridProps) {
  const s = useStyles();
  const t = useT();
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [blocks, setBlocks] = useState<Map<number, CellValue[][]>>(new Map());
  const [view, setView] = useState({ top: 0, height: 600, left: 0, width: 800 });
  const viewport = useRef<HTMLDivElement>(null);
  const asked = useRef(new Set<number>());

  useEffect(() => {
    let live = true;
    source.sheets().then((list) => {
      if (!live) return;
      setSheets(list);
      setActive((a) => (a && list.some((x) => x.name === a) ? a : (list.find((x) => x.visible)?.name ?? null)));
    });
    return () => void (live = false);
  }, [source, revision]);

  // Another sheet starts empty. After a write the same sheet keeps showing what it had until the fresh blocks
  // arrive (no blank flash); answers to requests made before the change are dropped.
  const generation = useRef(0);
  useEffect(() => {
    generation.current++;
    asked.current = new Set();
    setBlocks(new Map());
  }, [active]);
  useEffect(() => {
    generation.current++;
    asked.current = new Set();
  }, [revision]);

  useEffect(() => {
    if (target) setActive(target.sheet);
  }, [target]);

  const info = sheets.find((x) => x.name === active);
  const rows = info?.lastRow ?? 0;
  const cols = Math.max(0, (info?.lastCol ?? -1) + 1);

  // Fetch the blocks the viewport shows.
  useEffect(() => {
    if (!active || rows === 0) return;
    const first = Math.floor(view.top / ROW_H);
    const last = Math.min(rows - 1, Math.ceil((view.top + view.height) / ROW_H));
    for (let b = Math.floor(first / BLOCK); b <= Math.floor(last / BLOCK); b++) {
      if (asked.current.has(b)) continue;
      asked.current.add(b);
      const sheet = active;
      const gen = generation.current;
      source.block(sheet, b * BLOCK + 1, Math.min(rows, (b + 1) * BLOCK)).then((v) => {
        if (gen === generation.current) setBlocks((m) => new Map(m).set(b, v.values));
      });
    }
  }, [active, rows, view, source, blocks, revision]);

  // Scroll a shown cell into the middle of the viewport.
  const targetPos = useMemo(() => {
    if (!target || target.sheet !== active) return null;
    const m = /^([A-Z]+)(\d+)$/.exec(target.cell);
    return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : null;
  }, [target, active]);
  useEffect(() => {
    const el = viewport.current;
    if (!el || !targetPos) return;
    el.scrollTo({ top: Math.max(0, (targetPos.row + 1) * ROW_H - el.clientHeight / 2), left: Math.max(0, HEAD_W + targetPos.col * COL_W - el.clientWidth / 2) });
  }, [targetPos, target?.seq]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight, left: el.scrollLeft, width: el.clientWidth });
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      ro?.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [active]);

  const r0 = Math.max(0, Math.floor(view.top / ROW_H) - 2);
  const r1 = Math.min(rows, Math.ceil((view.top + view.height) / ROW_H) + 2);
  const c0 = Math.max(0, Math.floor((view.left - HEAD_W) / COL_W) - 1);
  const c1 = Math.min(cols, Math.ceil((view.left + view.width) / COL_W) + 1);
  const colHeads: React.ReactNode[] = [];
  for (let c = c0; c < c1; c++)
    colHeads.push(
      <div key={c} className={mergeClasses(s.cell, s.head)} style={{ top: 0, left: HEAD_W + c * COL_W, width: COL_W }} data-col-head={columnLetter(c)}>
        {columnLetter(c)}
      </div>,
    );
  const rowHeads: React.ReactNode[] = [];
  const cells: React.ReactNode[] = [];
  for (let r = r0; r < r1; r++) {
    const row = blocks.get(Math.floor(r / BLOCK))?.[r % BLOCK];
    rowHeads.push(
      <div key={r} className={mergeClasses(s.cell, s.head)} style={{ top: r * ROW_H, left: 0, width: HEAD_W }} data-row-head={r + 1}>
        {r + 1}
      </div>,
    );
    for (let c = c0; c < c1; c++) {
      const v = row?.[c];
      const hit = !!targetPos && targetPos.row === r && targetPos.col === c;
      cells.push(
        <div
          key={`${r}:${c}`}
          className={mergeClasses(s.cell, typeof v === 'number' && s.num, hit && s.target)}
          style={{ top: (r + 1) * ROW_H, left: HEAD_W + c * COL_W, width: COL_W }}
          data-cell={`${columnLetter(c)}${r + 1}`}
          title={show(v)}
        >
          {show(v)}
        </div>,
      );
    }
  }
  return (
    <div className={s.wrap}>
      <div className={s.tabs}>
        <TabList size="small" selectedValue={active ?? ''} onTabSelect={(_, d) => setActive(String(d.value))} aria-label={t.t('sheetTabs')}>
          {sheets.map((x) => (
            <Tab key={x.name} value={x.name}>
              {x.name}
            </Tab>
          ))}
        </TabList>
      </div>
      <div ref={viewport} className={s.viewport} role="region" aria-label={active ? t.t('gridLabel', { sheet: active }) : t.t('sheetTabs')} tabIndex={0} data-testid="grid">
        <div style={{ position: 'relative', height: (rows + 1) * ROW_H, width: HEAD_W + cols * COL_W }}>
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
