// The standalone grid over the real file host: formatted dates, percents and currency, a merged title
// spanning its columns, full text on hover and in the cell bar, only a window of a 100,000-row sheet in the
// DOM, the sheet menu, and moving to what a step wrote.
import './setup.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import type { Lang } from '../../src/core/index.ts';
import { focusAfter, type GridFocus } from '../../src/hosts/browser/focus.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/create.ts';
import { LangContext } from '../../src/taskpane/i18n.tsx';
import { Grid, widthPx, type GridSource } from '../../src/taskpane/standalone/Grid.tsx';

// happy-dom lays nothing out: give the grid's scroll box a size, as a browser would.
const VIEW = { width: 900, height: 500 };
const saved: PropertyDescriptor[] = [];
beforeAll(() => {
  for (const key of ['clientWidth', 'clientHeight'] as const) {
    saved.push(Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)!);
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'grid' ? VIEW[key === 'clientWidth' ? 'width' : 'height'] : 0;
      },
    });
  }
});
afterAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', saved[0]!);
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved[1]!);
});

const LONG = '定制化解决方案、重要活动邀请、行业报告（专属客户经理，每月至少拜访一次，季度业务回顾）';

async function formattedBook(): Promise<FileWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('等级分布');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '等级分布 — 企业客户价值分级 2025H2';
  ws.getCell('A1').font = { bold: true };
  ws.getRow(2).values = ['最近消费日期', '占比', '收入', '等级', '权益'];
  ws.getCell('A3').value = 45826;
  ws.getCell('A3').numFmt = 'yyyy-mm-dd';
  ws.getCell('B3').value = 0.106;
  ws.getCell('B3').numFmt = '0.0%';
  ws.getCell('C3').value = 1958329.556604;
  ws.getCell('C3').numFmt = '"¥"#,##0';
  ws.getCell('D3').value = 'VIP客户';
  ws.getCell('D3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4B183' } };
  ws.getCell('E3').value = LONG;
  ws.getCell('F3').value = '下一格';
  ws.getColumn('C').width = 16;
  wb.addWorksheet('客户信息').getCell('A1').value = '客户编号';
  return FileWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'formatted.xlsx');
}

function sourceOf(book: FileWorkbook, wroteAt?: () => Promise<GridFocus | null>): GridSource {
  return {
    sheets: () => book.listSheets(),
    gridLayout: (s) => book.grid.layout(s),
    gridBlock: (s, f, l) => book.grid.block(s, f, l),
    ...(wroteAt ? { wroteAt } : {}),
  };
}

function show(source: GridSource, lang: Lang = 'zh-CN', revision = 0) {
  const ui = (rev: number) => (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <Grid source={source} revision={rev} target={null} />
      </LangContext.Provider>
    </FluentProvider>
  );
  const r = render(ui(revision));
  return { ...r, bump: (rev: number) => r.rerender(ui(rev)) };
}

const cell = (address: string) => document.querySelector<HTMLElement>(`[data-cell="${address}"]`);

describe('the standalone grid', () => {
  it('shows dates, percents and currency formatted, and the fill of a tier cell', async () => {
    show(sourceOf(await formattedBook()));
    await waitFor(() => expect(cell('A3')?.textContent).toBe('2025-06-18'));
    expect(cell('B3')!.textContent).toBe('10.6%');
    expect(cell('C3')!.textContent).toBe('¥1,958,330');
    expect(cell('C3')!.style.textAlign).toBe('right');
    expect(cell('C3')!.style.width).toBe(`${widthPx(16)}px`);
    expect(cell('D3')!.style.backgroundColor.toUpperCase().replace(/\s/g, '')).toMatch(/#F4B183|RGB\(244,177,131\)/);
  });

  it('spans a merged title over its columns and shows it whole', async () => {
    show(sourceOf(await formattedBook()));
    await waitFor(() => expect(document.querySelector('[data-merge="A1:E1"]')?.textContent).toBe('等级分布 — 企业客户价值分级 2025H2'));
    const title = document.querySelector<HTMLElement>('[data-merge="A1:E1"]')!;
    expect(title.style.width).toBe(`${widthPx(8.43) * 4 + widthPx(16)}px`);
    expect(title.style.fontWeight).toBe('700');
    // The cells under the merge are not drawn on top of it.
    expect(cell('B1')).toBeNull();
  });

  it('shows a cut text whole on hover and in the cell bar when selected', async () => {
    show(sourceOf(await formattedBook()));
    await waitFor(() => expect(cell('E3')).not.toBeNull());
    const long = cell('E3')!;
    expect(long.title).toBe(LONG);
    fireEvent.click(long);
    const bar = screen.getByTestId('cell-bar');
    expect(bar.textContent).toBe(`E3${LONG}`);
    // Arrow keys move the selection; the bar follows with the formatted text.
    fireEvent.keyDown(screen.getByTestId('grid'), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByTestId('grid'), { key: 'ArrowLeft' });
    expect(bar.textContent).toBe('C3¥1,958,330');
  });

  it('lists every sheet in the sheet menu, which switches sheets', async () => {
    show(sourceOf(await formattedBook()));
    await waitFor(() => expect(cell('A3')).not.toBeNull());
    fireEvent.click(screen.getByTestId('sheet-menu'));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: '客户信息' }));
    await waitFor(() => expect(cell('A1')?.textContent).toBe('客户编号'));
    expect(cell('A3')).toBeNull();
  });

  it('gives hidden sheets (the records under the PivotTables) no tab, as Excel; the sheet menu lists them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('等级分布').getCell('A1').value = '等级分布';
    wb.addWorksheet('TierBookMixData', { state: 'hidden' }).getCell('A1').value = '等级序号';
    show(sourceOf(FileWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'hidden.xlsx')));
    await waitFor(() => expect(cell('A1')?.textContent).toBe('等级分布'));
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['等级分布']);
    fireEvent.click(screen.getByTestId('sheet-menu'));
    expect((await screen.findAllByRole('menuitemradio')).map((m) => m.textContent)).toEqual(['等级分布', 'TierBookMixData']);
  });

  it('moves to and marks the columns a step wrote', async () => {
    const book = await formattedBook();
    let focus: GridFocus | null = null;
    const { bump } = show(sourceOf(book, async () => focus));
    await waitFor(() => expect(cell('A3')).not.toBeNull());
    focus = focusAfter('apply', { sheet: '客户信息' }, [{ kind: 'columns', sheet: '客户信息', row: 1, cols: [0] }]);
    bump(1);
    await waitFor(() => expect(cell('A1')?.textContent).toBe('客户编号'));
    expect(screen.getByRole('tab', { name: '客户信息' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('cell-bar').textContent).toBe('A1客户编号');
  });

  it('renders only a window of a 100,000-row sheet, and the rows scrolled to', async () => {
    const values = [['编号', '名称', '金额'], ...Array.from({ length: 100_000 }, (_, i) => [`C${i + 1}`, `客户${i + 1}`, i + 0.5])];
    const book = FileWorkbook.open(createWorkbook([{ name: '客户', values }]), 'big.xlsx');
    show(sourceOf(book));
    await waitFor(() => expect(cell('A2')?.textContent).toBe('C1'));
    const drawn = document.querySelectorAll('[data-cell]').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(200);
    expect(document.querySelectorAll('[data-row-head]').length).toBeLessThan(60);
    const grid = screen.getByTestId('grid');
    await act(async () => {
      grid.scrollTop = 99_990 * 22;
      grid.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(cell('A99992')?.textContent).toBe('C99991'));
    expect(cell('A2')).toBeNull();
    expect(document.querySelectorAll('[data-cell]').length).toBeLessThan(200);
  });
});

describe('where the grid goes after a step', () => {
  const writes = [
    { kind: 'columns' as const, sheet: '客户信息', row: 2, cols: [15, 13, 14] },
    { kind: 'sheet' as const, sheet: '等级规则', row: 1, cols: [] },
  ];
  it('Apply: the output columns, in order', () => {
    expect(focusAfter('apply', { sheet: '客户信息' }, writes)).toEqual({ sheet: '客户信息', row: 2, cols: [13, 14, 15] });
  });
  it('Summaries: the tier-mix sheet, even when the customer sheet was rewritten too', () => {
    expect(focusAfter('summaries', { sheets: ['等级分布', '等级变动'] }, writes)).toEqual({ sheet: '等级分布', row: 1, cols: [] });
  });
  it('Handbook: its sheet', () => {
    expect(focusAfter('handbook', '等级管理手册', [{ kind: 'sheet', sheet: '等级管理手册', row: 1, cols: [] }])).toEqual({ sheet: '等级管理手册', row: 1, cols: [] });
  });
});
