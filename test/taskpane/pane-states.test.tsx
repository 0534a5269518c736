// What a newcomer meets in the pane, in both languages: the preview lists the data issues (each showing its cell),
// Apply says why it cannot run, and once graded the pane no longer says the sheet was never graded.
import './setup.ts';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { App } from '../../src/taskpane/App.tsx';
import { sessionApi } from '../../src/run/session-api.ts';
import { LangContext, translator } from '../../src/taskpane/i18n.tsx';
import { IssueList } from '../../src/taskpane/components/IssueList.tsx';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';

const TODAY = 46_000;

function harness(lang: Lang) {
  const book = FileWorkbook.open(sampleWorkbook({ customers: 120, seed: 3, messy: true }), 'sample.xlsx');
  const shown: string[] = [];
  const api = sessionApi({ host: 'standalone', lang, makePort: () => book, today: TODAY, showCell: async (s, c) => void shown.push(`${s}!${c}`) });
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} lang={lang} onLangChange={() => {}} today={TODAY} />
    </FluentProvider>,
  );
  return { shown, user: userEvent.setup(), t: translator(lang) };
}

const tab = (name: string) => screen.getByRole('tab', { name: new RegExp(`^\\d ${name}$`) });

describe.each(['zh-CN', 'en-US'] as const)('pane states (%s)', (lang) => {
  it('Preview lists the data issues, each showing its cell', async () => {
    const { shown, user, t } = harness(lang);
    await screen.findByText(new RegExp(t.t('headerFound', { row: 999, count: 121 }).replace('999', '\\d+')));
    await user.click(tab(t.t('stepPreview')));
    const preview = await screen.findByTestId('preview');
    const list = await within(preview).findByTestId('issue-list', {}, { timeout: 10_000 });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(0);
    await user.click(buttons[0]!);
    expect(shown).toEqual([expect.stringMatching(/^.+![A-Z]+\d+$/)]);
    within(preview).getByRole('heading', { name: new RegExp(`^${t.t('issuesTitle')}`) });
  });

  it('after Apply the pane reflects the graded sheet: no "never graded", and Preview compares with it', async () => {
    const { user, t } = harness(lang);
    await screen.findByText(new RegExp(t.t('headerFound', { row: 999, count: 121 }).replace('999', '\\d+')));
    await user.click(tab(t.t('stepApply')));
    await user.click(screen.getByRole('button', { name: t.t('applyButton') }));
    await screen.findByRole('button', { name: t.t('applyAgain') }, { timeout: 10_000 });
    expect(screen.queryByText(t.t('neverGraded'))).toBeNull();
    screen.getByText(t.t('movesFirstGrading'));
    await user.click(tab(t.t('stepPreview')));
    const preview = await screen.findByTestId('preview');
    await waitFor(() => expect(within(preview).getByTestId('moves-same')).toBeTruthy(), { timeout: 10_000 });
    expect(within(preview).queryByText(t.t('neverGraded'))).toBeNull();
  });

  it('Apply says why it is disabled', async () => {
    const { user, t } = harness(lang);
    await screen.findByText(new RegExp(t.t('headerFound', { row: 999, count: 121 }).replace('999', '\\d+')));
    const years = screen.getByRole('combobox', { name: lang === 'zh-CN' ? /合作年限/ : /years/i });
    await user.click(years);
    await user.click(await screen.findByRole('option', { name: t.t('notUsed') }));
    await screen.findByText(t.t('cannotGrade'));
    await user.click(tab(t.t('stepApply')));
    const button = screen.getByRole('button', { name: t.t('applyButton') }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const why = screen.getByTestId('apply-why');
    expect(why.textContent).toBe(t.t('applyWhyMissing', { fields: lang === 'zh-CN' ? '合作年限' : 'Years of cooperation' }));
  });

  it('Preview does not point at a Data issues column that Apply has not written yet', () => {
    const t = translator(lang);
    const issues = [{ sheet: 'S', cell: 'B2', customer: 'C1', field: 'annualSpend', message: { 'zh-CN': '问题', 'en-US': 'problem' } }];
    render(
      <LangContext.Provider value={lang}>
        <IssueList issues={issues} total={501} onShow={() => {}} unwritten />
      </LangContext.Provider>,
    );
    screen.getByText(t.t('issuesMoreUnwritten', { count: 500 }));
    expect(screen.queryByText(t.t('issuesMore', { count: 500 }))).toBeNull();
  });
});
