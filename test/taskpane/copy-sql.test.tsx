// "Copy as SQL" in the rules toolbar: the scheme compiled with the sheet's column names, to the clipboard.
import './setup.ts';
import { describe, it, expect, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { getPreset } from '../../src/core/index.ts';
import { CopySqlButton } from '../../src/taskpane/components/CopySqlButton.tsx';
import { LangContext } from '../../src/taskpane/i18n.tsx';

describe('copy as SQL', () => {
  it('copies DuckDB or PostgreSQL SQL that reads the mapped columns', async () => {
    const user = userEvent.setup(); // installs its own clipboard: spy on that one
    const written: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text: string) => void written.push(text));
    render(
      <LangContext.Provider value="zh-CN">
        <FluentProvider theme={webLightTheme}>
          <CopySqlButton scheme={getPreset('b2b-value')!} columns={{ id: '客户编号', annualSpend: '年度消费金额', cooperationYears: '合作年限', name: '客户名称' }} />
        </FluentProvider>
      </LangContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: /复制为 SQL/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'DuckDB' }, { timeout: 10_000 }));
    expect(await screen.findByText('已复制 SQL（DuckDB 方言）到剪贴板', {}, { timeout: 10_000 })).toBeTruthy();
    expect(written[0]).toContain('"年度消费金额"');
    expect(written[0]).toContain('"客户编号"');
    expect(written[0]).not.toContain('客户名称'); // not a column the scheme reads
    await user.click(screen.getByRole('button', { name: /复制为 SQL/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'PostgreSQL' }, { timeout: 10_000 }));
    expect(await screen.findByText('已复制 SQL（PostgreSQL 方言）到剪贴板', {}, { timeout: 10_000 })).toBeTruthy();
    expect(written[1]).toContain('"合作年限"');
  });
});
