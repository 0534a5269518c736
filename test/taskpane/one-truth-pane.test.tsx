// What the pane shows agrees with what the sheet says (issue 11), on the workbook with unrated customers and a
// customer kept by the review policy: shares of graded customers with the unrated apart, "N 位客户保级",
// and the movement counts of the 等级变动 sheet with their definition — in both languages.
import './setup.ts';
import { describe, it, expect } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { App } from '../../src/taskpane/App.tsx';
import { MixChart } from '../../src/taskpane/components/MixChart.tsx';
import { LangContext } from '../../src/taskpane/i18n.tsx';
import { getPreset } from '../../src/core/index.ts';
import { GradingSession } from '../../src/run/session.ts';
import { sessionApi } from '../../src/run/session-api.ts';
import { enterYear, keptWorkbook, tableAfter } from '../fixtures/kept-customer.ts';

const TODAY = 46_400; // 2027-01-13: the default period is 2027, so each test types its own

const WORDS = {
  'zh-CN': { apply: /^评级并写回|^重新评级/, applyTab: /评级/, previewTab: /预览/, summariesTab: /汇总/, build: /生成 \/ 刷新汇总/, kept: '1 位客户保级', mix: '等级分布', tier: '客户等级', moves: '等级变动', item: '项目', up: '升级', down: '降级', same: '不变', churned: '流失', unrated: /未评级：2 位/, base: /占比按 8 位已评级客户计算/ },
  'en-US': { apply: /^Grade and write back|^Grade again/, applyTab: /Apply/, previewTab: /Preview/, summariesTab: /Summaries/, build: /Build \/ refresh summaries/, kept: 'Kept in their tier: 1', mix: 'Tier Mix', tier: 'Tier', moves: 'Tier Movement', item: 'Item', up: 'Upgrades', down: 'Downgrades', same: 'Unchanged', churned: 'Churned', unrated: /Unrated: 2/, base: /Shares are of the 8 graded customers/ },
} as const;

async function flow(lang: Lang) {
  const w = WORDS[lang];
  const book = FileWorkbook.open(keptWorkbook(), 'k.xlsx');
  const api = sessionApi({ host: 'standalone', lang, makePort: () => book, today: TODAY, showCell: async () => {} });
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} lang={lang} onLangChange={() => {}} today={TODAY} />
    </FluentProvider>,
  );
  const user = userEvent.setup();
  const period = async (label: string) => {
    const box = await screen.findByTestId('apply-period');
    await user.clear(box);
    await user.type(box, label);
  };
  const run = async (tab: RegExp, button: RegExp) => {
    await user.click(screen.getByRole('tab', { name: tab }));
    const b = await screen.findByRole('button', { name: button });
    await waitFor(() => expect((b as HTMLButtonElement).disabled).toBe(false));
    await user.click(b);
  };
  await screen.findByRole('tab', { name: w.applyTab });
  await user.click(screen.getByRole('tab', { name: w.applyTab }));
  await period('2025');
  await run(w.applyTab, w.apply);
  await screen.findByText(/已写入"|Written to "/, {}, { timeout: 10_000 });
  await run(w.summariesTab, w.build);
  await screen.findByText(/2025 的汇总已写入|Summaries for 2025 written/, {}, { timeout: 10_000 });
  await enterYear(book, 2026);
  await user.click(screen.getByRole('tab', { name: w.applyTab }));
  await period('2026');
  await run(w.applyTab, w.apply);
  expect(await screen.findByText(new RegExp(w.kept), {}, { timeout: 10_000 })).toBeTruthy();
  // Preview grades for the same period and policy: it shows the same kept customer.
  await user.click(screen.getByRole('tab', { name: w.previewTab }));
  expect((await screen.findByTestId('preview-kept', {}, { timeout: 10_000 })).getAttribute('data-count')).toBe('1');
  await user.click(screen.getByRole('tab', { name: w.applyTab }));
  return { book, user, w, run };
}

describe.each(['zh-CN', 'en-US'] as const)('the pane agrees with the sheet (%s)', (lang) => {
  it('shows shares of graded customers with the unrated apart, the kept count, and the movement of the 等级变动 sheet', async () => {
    const { book, w, run } = await flow(lang);
    // Apply: shares as on the 等级分布 sheet Summaries will write (of the 8 graded; 2 unrated on their own line).
    const applyChart = screen.getAllByTestId('mix-chart')[0]!;
    const base = screen.getAllByTestId('mix-base')[0]!;
    within(base).getByText(w.unrated);
    within(base).getByText(w.base);
    // Label, count and share (the line under each bar differs: Apply adds the last applied count).
    const head = (li: HTMLElement) => /^.*?%/.exec(li.textContent ?? '')?.[0];
    const applied = within(applyChart).getAllByRole('listitem').filter((li) => li.getAttribute('data-tier')).map(head);

    await run(w.summariesTab, w.build);
    await screen.findByText(/2026 的汇总已写入|Summaries for 2026 written/, {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('summaries-kept').textContent).toContain(w.kept), { timeout: 10_000 });
    const mix = tableAfter((await book.readSheet(w.mix)).values, w.tier).slice(0, 4);
    const chart = screen.getAllByTestId('mix-chart')[0]!;
    const items = within(chart).getAllByRole('listitem').filter((li) => li.getAttribute('data-tier'));
    expect(items.map(head)).toEqual(applied);
    mix.forEach((row, k) => {
      expect(Number(items[k]!.getAttribute('data-count'))).toBe(row[1]);
      expect(items[k]!.textContent).toContain(`${((row[2] as number) * 100).toFixed(1)}%`);
    });

    // Movement: the pane's counts are the sheet's, and the definition is stated beside them.
    const summary = tableAfter((await book.readSheet(w.moves)).values, w.item);
    const count = (label: string) => summary.find((r) => r[0] === label)![1];
    const cell = (key: string) => Number(screen.getByTestId(`moves-${key}`).getAttribute('data-count'));
    expect(cell('up')).toBe(count(w.up));
    expect(cell('down')).toBe(count(w.down));
    expect(cell('same')).toBe(count(w.same));
    expect(cell('churned')).toBe(count(w.churned));
    expect(screen.getByTestId('moves-definition').textContent).toMatch(/365/);
  }, 90_000);
});

describe('the tier mix chart', () => {
  it('divides by graded customers, as the 等级分布 sheet does, and shows the unrated on their own line', async () => {
    const book = FileWorkbook.open(keptWorkbook(), 'k.xlsx');
    const view = await new GradingSession(() => book, { lang: 'zh-CN', today: TODAY }).summaries(getPreset('b2b-value')!, {}, '2025');
    render(
      <LangContext.Provider value="zh-CN">
        <FluentProvider theme={webLightTheme}>
          <MixChart mix={view.mix} />
        </FluentProvider>
      </LangContext.Provider>,
    );
    const sheet = tableAfter((await book.readSheet('等级分布')).values, '客户等级').slice(0, 4);
    const items = within(screen.getByTestId('mix-chart')).getAllByRole('listitem').filter((li) => li.getAttribute('data-tier'));
    sheet.forEach((row, k) => expect(items[k]!.textContent).toContain(`${((row[2] as number) * 100).toFixed(1)}%`));
    screen.getByText(/未评级：2 位/);
  });
});
