// @vitest-environment happy-dom
// Office for Mac ignores blob downloads from add-ins (OfficeDev/office-js#2700): Export JSON must not
// "succeed" there with nothing saved; it copies the JSON instead, as Copy does.
import './setup.ts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { DownloadsWork, downloadsWorkOn } from '../../src/taskpane/components/downloads.tsx';
import { LangContext } from '../../src/taskpane/i18n.tsx';
import { RulesStep } from '../../src/taskpane/steps/RulesStep.tsx';

function setup(platform: string) {
  const api = { rules: vi.fn(async () => ({ sheet: null, scheme: null, problems: [] })), saveRules: vi.fn(async () => 'TierBook规则') };
  render(
    <LangContext.Provider value="zh-CN">
      <FluentProvider theme={webLightTheme}>
        <DownloadsWork.Provider value={downloadsWorkOn(platform)}>
          <RulesStep scheme={getPreset('b2b-value')!} onSchemeChange={() => {}} api={api} />
        </DownloadsWork.Provider>
      </FluentProvider>
    </LangContext.Provider>,
  );
  return userEvent.setup();
}

describe('Export JSON on Office for Mac', () => {
  afterEach(() => vi.restoreAllMocks());

  it('copies the JSON instead of a blob download that does nothing', async () => {
    const user = setup('Mac');
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
    const written: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text: string) => void written.push(text));
    await user.click(screen.getByRole('button', { name: /导出 JSON/ }));
    expect(create).not.toHaveBeenCalled();
    expect(JSON.parse(written[0]!)).toEqual(getPreset('b2b-value'));
    expect(await screen.findByText('方案 JSON 已复制到剪贴板', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('where the clipboard is refused too, shows the JSON to copy by hand', async () => {
    const user = setup('Mac');
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    await user.click(screen.getByRole('button', { name: /导出 JSON/ }));
    const box = (await screen.findByLabelText('复制 JSON', { selector: 'textarea' })) as HTMLTextAreaElement;
    expect(JSON.parse(box.value)).toEqual(getPreset('b2b-value'));
  });

  it('on Windows and the web the download stays', () => {
    expect(downloadsWorkOn('PC')).toBe(true);
    expect(downloadsWorkOn('OfficeOnline')).toBe(true);
    expect(downloadsWorkOn(null)).toBe(true);
    expect(downloadsWorkOn('Mac')).toBe(false);
  });
});
