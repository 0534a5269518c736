// The pane's steps against a real grading session over the file host (the sample workbook): what the
// account manager sees at each step, in both languages, including error states.
import './setup.ts';
import { describe, it, expect, afterEach } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { App } from '../../src/taskpane/App.tsx';
import type { TierBookApi } from '../../src/run/pane-api.ts';
import { sessionApi } from '../../src/run/session-api.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';

const TODAY = 46_000;

function harness(lang: Lang, overrides: Partial<TierBookApi> = {}) {
  const book = FileWorkbook.open(sampleWorkbook({ customers: 120, seed: 3, messy: true }), 'sample.xlsx');
  const shown: string[] = [];
  const api = {
    ...sessionApi({ host: 'standalone', lang, makePort: () => book, today: TODAY, showCell: async (s, c) => void shown.push(`${s}!${c}`) }),
    ...overrides,
  };
  function Root() {
    const [l, setL] = useState(lang);
    return (
      <FluentProvider theme={webLightTheme}>
        <App api={api} lang={l} onLangChange={setL} today={TODAY} />
      </FluentProvider>
    );
  }
  render(<Root />);
  return { book, shown, user: userEvent.setup() };
}

afterEach(cleanup);

describe('task pane flow (zh-CN)', () => {
  it('shows the data step with the detected sheet, header row and mapping', async () => {
    harness('zh-CN');
    expect(await screen.findByText(/表头在第 \d+ 行，共 121 位客户/)).toBeTruthy();
    screen.getByText(/订单: 订单记录|订单：/);
    screen.getByRole('combobox', { name: /客户编号/ });
  });

  it('previews, applies, lists issues and shows a cell; the next step builds summaries', async () => {
    const { shown, user } = harness('zh-CN');
    await screen.findByText(/共 121 位客户/);
    await user.click(screen.getByRole('tab', { name: /预览/ }));
    const chart = await screen.findByTestId('mix-chart');
    await waitFor(() => expect(within(chart).getAllByRole('listitem').length).toBe(4));
    screen.getByText(/这张表还没有评过级/);

    await user.click(screen.getByRole('tab', { name: /评级/ }));
    await user.click(screen.getByRole('button', { name: '评级并写回' }));
    expect(await screen.findByText(/已写入".+"：\d+ 位客户已评级/, {}, { timeout: 5000 })).toBeTruthy();
    const list = screen.getByTestId('issue-list');
    const first = within(list).getAllByRole('button')[0]!;
    await user.click(first);
    expect(shown[0]).toMatch(/^客户信息!|!/);

    await user.click(screen.getByRole('tab', { name: /汇总/ }));
    const period = screen.getByRole('textbox', { name: /期间/ });
    await user.clear(period);
    await user.type(period, '明年春天');
    screen.getByText(/无法识别"明年春天"/);
    expect((screen.getByRole('button', { name: /生成 \/ 刷新汇总/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(period);
    await user.type(period, '2025H2');
    await user.click(screen.getByRole('button', { name: /生成 \/ 刷新汇总/ }));
    expect(await screen.findByText(/2025H2 的汇总已写入/, {}, { timeout: 5000 })).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: /手册/ }));
    await user.click(screen.getByRole('button', { name: /生成 \/ 刷新手册/ }));
    expect(await screen.findByText(/手册已写入/)).toBeTruthy();
  });

  it('explains a failed apply in the user language and keeps the pane usable', async () => {
    const { user } = harness('zh-CN', {
      apply: () => ({ promise: Promise.reject({ code: 'host', text: { 'zh-CN': 'Excel 正在编辑单元格', 'en-US': 'Excel is in cell-edit mode' } }), cancel() {} }),
    });
    await screen.findByText(/共 121 位客户/);
    await user.click(screen.getByRole('tab', { name: /评级/ }));
    await user.click(screen.getByRole('button', { name: '评级并写回' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    screen.getByText('Excel 正在编辑单元格');
    expect((screen.getByRole('button', { name: '评级并写回' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('task pane flow (en-US)', () => {
  it('speaks English and switches to Chinese', async () => {
    const { user } = harness('en-US');
    expect(await screen.findByText(/Header on row \d+, 121 customers/)).toBeTruthy();
    screen.getByRole('tab', { name: /Preview/ });
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('tab', { name: /预览/ })).toBeTruthy();
  });

  it('shows a mapping problem next to the field and blocks applying', async () => {
    const { user } = harness('en-US');
    await screen.findByText(/121 customers/);
    const spend = screen.getByRole('combobox', { name: /years/i });
    await user.click(spend);
    await user.click(await screen.findByRole('option', { name: '(not used)' }));
    expect(await screen.findByText('Cannot grade yet')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: /Apply/ }));
    expect((screen.getByRole('button', { name: 'Grade and write back' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the scheme as written to the workbook', () => {
  it('drops a preset description that quotes thresholds once they are edited, keeps it otherwise', async () => {
    const { forWriting } = await import('../../src/taskpane/App.tsx');
    const { getPreset, parseScheme, schemeToJson } = await import('../../src/core/index.ts');
    const b2b = getPreset('b2b-value')!;
    expect((await forWriting(b2b)).description).toEqual(b2b.description);
    const json = JSON.parse(schemeToJson(b2b));
    json.mode.rules[0].when.all[0].value = 2_000_000;
    const edited = parseScheme(json);
    expect(edited.description).toBeDefined();
    expect((await forWriting(edited)).description).toBeUndefined();
    expect((await forWriting(edited)).mode).toEqual(edited.mode);
  });
});
