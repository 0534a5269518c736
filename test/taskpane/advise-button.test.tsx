// @vitest-environment happy-dom
// "建议门槛" in the rules toolbar: the advice before/after in a dialog; nothing is written until the user accepts.
import './setup.ts';
import { describe, it, expect, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { adviseThresholds } from '../../src/core/advise/index.ts';
import { getPreset, tableFromRecords, type Scheme } from '../../src/core/index.ts';
import { AdviseButton } from '../../src/taskpane/components/AdviseButton.tsx';
import { LangContext } from '../../src/taskpane/i18n.tsx';

const scheme = getPreset('b2b-value')!;
// 20 customers, 100k … 2M, 6 years each: under the preset's thresholds VIP holds 11 (55%), far above 5–10%.
const table = tableFromRecords(
  scheme,
  Array.from({ length: 20 }, (_, i) => ({ id: `C${i + 1}`, values: { annualSpend: (i + 1) * 100_000, cooperationYears: 6 } })),
);
const advice = adviseThresholds(scheme, table);

function setup(lang: 'zh-CN' | 'en-US') {
  const saveRules = vi.fn(async (_s: Scheme) => (lang === 'zh-CN' ? '等级规则' : 'Tier Rules'));
  const advise = vi.fn(async () => advice);
  const onAccept = vi.fn();
  render(
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme}>
        <AdviseButton scheme={scheme} selection={{}} api={{ advise, saveRules }} onAccept={onAccept} />
      </FluentProvider>
    </LangContext.Provider>,
  );
  return { saveRules, advise, onAccept };
}

describe('建议门槛 button', () => {
  it('shows thresholds and the mix before and after; cancel writes nothing', async () => {
    const user = userEvent.setup();
    const { saveRules, onAccept } = setup('zh-CN');
    await user.click(screen.getByRole('button', { name: '建议门槛' }));
    // happy-dom leaves Fluent's modal marked aria-hidden (tabster): queries include hidden nodes.
    const mix = await screen.findByRole('table', { name: '等级分布', hidden: true }, { timeout: 10_000 });
    const vip = within(mix).getByText('VIP客户(战略客户)').closest('tr')!;
    expect(vip.getAttribute('data-after')).toBe(String(advice.after.rows[0]!.customers));
    expect(vip.textContent).toContain('55.0% ✗');
    expect(vip.textContent).toContain('11');
    const thresholds = screen.getByRole('table', { name: '门槛', hidden: true });
    const changed = advice.proposals.find((p) => p.tier === 'vip' && p.metric === 'annualSpend')!;
    expect(changed.proposed).not.toBe(changed.current);
    expect(within(thresholds).getByText(`¥${changed.proposed.toLocaleString('en-US')}`)).toBeTruthy();
    expect(screen.getByText(new RegExp(`${advice.moves.down} 位降级`))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '取消', hidden: true }));
    expect(saveRules).not.toHaveBeenCalled();
    expect(onAccept).not.toHaveBeenCalled();
  });

  it('accepting writes the rules sheet with the advised scheme and puts it in force', async () => {
    const user = userEvent.setup();
    const { saveRules, onAccept } = setup('en-US');
    await user.click(screen.getByRole('button', { name: 'Suggest thresholds' }));
    await user.click(await screen.findByRole('button', { name: 'Accept and write the rules sheet', hidden: true }, { timeout: 10_000 }));
    expect(await screen.findByText('Suggested thresholds accepted and written to the “Tier Rules” sheet', {}, { timeout: 10_000 })).toBeTruthy();
    expect(saveRules).toHaveBeenCalledWith(advice.scheme);
    expect(onAccept).toHaveBeenCalledWith(advice.scheme);
  });
});
