// @vitest-environment happy-dom
// Issue 17 in the pane: the action-list counts, a button per list that selects its range on the 行动清单 sheet
// (the very range the sheet holds the list in), and the service cost with the saving.
import './setup.ts';
import { describe, it, expect } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { actionSheet, sheetValues, type GradeResult } from '../../src/core/index.ts';
import { nextSteps, nextStepsView } from '../../src/run/action-sheets.ts';
import { NextSteps } from '../../src/taskpane/components/NextSteps.tsx';
import { LangContext } from '../../src/taskpane/i18n.tsx';
import { preset, records, run } from '../core/helpers.ts';

const B2B = preset('b2b-value');

function graded(): GradeResult {
  return run(B2B, records([
    { annualSpend: 900_000, cooperationYears: 6 }, // 冲刺升级
    { annualSpend: 1_050_000, cooperationYears: 8 }, // 降级预警
    { annualSpend: 520_000, cooperationYears: 4 }, // 降级预警
    { annualSpend: 50_000, cooperationYears: 1 },
  ]));
}

describe('the action lists and cost in the Summaries step', () => {
  it('shows the counts; a list button selects exactly its rows on the sheet; the saving is said', async () => {
    const result = graded();
    const steps = nextSteps(result, new Map(), null);
    const view = nextStepsView(steps, { actions: '行动清单', cost: '服务成本' }, B2B, 'zh-CN');
    const shown: [string, string][] = [];
    render(
      <LangContext.Provider value="zh-CN">
        <FluentProvider theme={webLightTheme}>
          <NextSteps view={view} onShow={(sheet, range) => shown.push([sheet, range])} />
        </FluentProvider>
      </LangContext.Provider>,
    );
    expect(screen.getByTestId('action-upgrade').getAttribute('data-count')).toBe('1');
    expect(screen.getByTestId('action-downgrade').getAttribute('data-count')).toBe('2');
    expect(screen.getByTestId('action-churn').getAttribute('data-count')).toBe('0');
    await userEvent.click(screen.getByTestId('action-downgrade'));
    const [sheet, range] = shown[0]!;
    expect(sheet).toBe('行动清单');
    // The range starts at the list's title and ends at its last row, on the sheet as written.
    const grid = sheetValues(actionSheet(steps.actions, B2B, 'zh-CN'));
    const m = /^A(\d+):H(\d+)$/.exec(range)!;
    expect(grid[Number(m[1]) - 1]![0]).toBe('降级预警（2 位）');
    expect(grid[Number(m[2]) - 1]![0]).toBe(steps.actions.downgrade[1]!.id);
    expect(grid[Number(m[2])]?.[0] ?? null).toBeNull();
    // 1 VIP × 12 × ¥1,000 + 1 重要 × 4 × ¥500 + 2 × ¥50 / ¥5 …: everyone as VIP would be 4 × ¥12,000.
    const cost = steps.serviceCost;
    expect(screen.getByTestId('service-cost').textContent).toBe(
      `每年 ¥${cost.total.totalCost.toLocaleString('en-US')}；比所有客户按"VIP客户(战略客户)"标准服务节省 ¥${cost.uniformTop.saving.toLocaleString('en-US')}（${(cost.uniformTop.savingShare * 100).toFixed(1)}%）`,
    );
    expect(cost.uniformTop.totalCost).toBe(48_000);
  });

  it('without a review run the lists are counted but not on a sheet: the buttons are disabled', () => {
    const steps = nextSteps(graded(), new Map(), null);
    render(
      <LangContext.Provider value="en-US">
        <FluentProvider theme={webLightTheme}>
          <NextSteps view={nextStepsView(steps, null, B2B, 'en-US')} onShow={() => {}} />
        </FluentProvider>
      </LangContext.Provider>,
    );
    expect(screen.getByTestId('action-upgrade').textContent).toBe('Close to the next tier1');
    expect(screen.getByTestId('action-upgrade').hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('A review run writes them to the Action List sheet.')).toBeTruthy();
  });

  it('a scheme without cadences or costs (会员消费分级) says why there is no cost instead of "saves ¥0"', () => {
    const spend = preset('salon-spend');
    const result = run(spend, records([{ annualSpend: 90_000 }, { annualSpend: 9_000 }, { annualSpend: 900 }]));
    const steps = nextSteps(result, new Map(), null);
    expect(steps.serviceCost.total.totalCost).toBe(0);
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const { unmount } = render(
        <LangContext.Provider value={lang}>
          <FluentProvider theme={webLightTheme}>
            <NextSteps view={nextStepsView(steps, { actions: '行动清单', cost: '服务成本' }, spend, lang)} onShow={() => {}} />
          </FluentProvider>
        </LangContext.Provider>,
      );
      const text = screen.getByTestId('service-cost').textContent!;
      expect(text).toBe(
        lang === 'zh-CN'
          ? '本方案的等级没有设定服务频率或成本，服务成本按 0 计，无从比较；在"规则"中为各等级设定服务频率或成本后再生成汇总。'
          : 'This scheme sets no service cadence or cost for its tiers, so service costs nothing and nothing can be compared; give the tiers a cadence or a cost in Rules, then build the summaries again.',
      );
      unmount();
    }
  });
});
