// The standalone page as `npm start` serves it: a development build, where React StrictMode mounts, unmounts and
// mounts every component again. The page must still open the sample by itself, and Open file must still work —
// with the real worker module, run in-process (happy-dom has no Worker). The first minute of a new user.
import './setup.ts';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../src/core/index.ts';
import { Standalone } from '../../src/taskpane/standalone/Standalone.tsx';
import { translator } from '../../src/taskpane/i18n.tsx';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';
import { InProcessWorker } from '../support/in-process-worker.ts';

const TODAY = 46_000;
const SAMPLE = sampleWorkbook({ customers: 40, seed: 3 });
const BUNDLED = [{ file: 'assets/示例.xlsx', lang: 'zh-CN', kind: 'sample', title_zh: '示例客户', title_en: 'Sample customers' }];

/** The page's two requests: the list of bundled workbooks and the sample itself. */
function serveAssets() {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = decodeURI(String(url));
    if (path === 'assets/workbooks.json') return new Response(JSON.stringify(BUNDLED));
    if (path === 'assets/示例.xlsx') return new Response(SAMPLE as BlobPart);
    return new Response('not found', { status: 404 });
  });
}

function page(lang: Lang, search = '') {
  history.replaceState(null, '', `/taskpane.html${search}`);
  render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Standalone lang={lang} onLangChange={() => {}} today={TODAY} makeWorker={InProcessWorker.make} />
      </FluentProvider>
    </StrictMode>,
  );
}

const headerFound = (lang: Lang) => new RegExp(translator(lang).t('headerFound', { row: 999, count: 999 }).replace(/999/g, '\\d+'));

beforeEach(() => {
  InProcessWorker.started = [];
  serveAssets();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the standalone page under StrictMode (the development build)', () => {
  it('opens the sample by itself on a first visit (zh-CN)', async () => {
    page('zh-CN');
    expect(await screen.findByText(headerFound('zh-CN'), {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByRole('toolbar').textContent).toContain('示例.xlsx');
    // No worker was left running: StrictMode's extra mount started none.
    expect(InProcessWorker.started.filter((w) => !w.terminated)).toHaveLength(1);
  });

  it('opens a file the user chooses (en-US)', async () => {
    page('en-US', '?sample=none');
    await within(screen.getByRole('complementary')).findByText(translator('en-US').t('noWorkbook'));
    const file = new File([SAMPLE as BlobPart], 'customers.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [file] } });
    expect(await screen.findByText(headerFound('en-US'), {}, { timeout: 15_000 })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('toolbar').textContent).toContain('customers.xlsx'));
  });

  it.each(['zh-CN', 'en-US'] as const)('keeps Download off until the workbook is graded, and says why (%s)', async (lang) => {
    const t = translator(lang);
    const user = userEvent.setup();
    page(lang);
    await screen.findByText(headerFound(lang), {}, { timeout: 15_000 });
    const button = screen.getByTestId('download');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.hover(button);
    expect((await screen.findByRole('tooltip')).textContent).toBe(t.t('downloadNotGraded'));
    const described = button.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain(t.t('downloadNotGraded'));
    await user.unhover(button);

    const pane = screen.getByRole('complementary');
    await user.click(within(pane).getByRole('tab', { name: new RegExp(`^4 ${t.t('stepApply')}$`) }));
    await user.click(within(pane).getByRole('button', { name: t.t('applyButton') }));
    await within(pane).findByRole('button', { name: t.t('applyAgain') }, { timeout: 15_000 });
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
    await user.hover(button);
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toBe(t.t('downloadAs', { file: '示例.graded.xlsx' })));
  });

  it('says so, in the page language, when the sample cannot be downloaded', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      if (decodeURI(String(url)) === 'assets/workbooks.json') return new Response(JSON.stringify(BUNDLED));
      throw new TypeError('Failed to fetch');
    });
    page('zh-CN');
    expect((await screen.findByRole('alert', {}, { timeout: 15_000 })).textContent).toContain('无法读取示例"示例.xlsx"（网络错误），请刷新页面重试。');
  });
});
