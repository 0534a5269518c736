import './setup.ts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset, type Scheme } from '../../src/core/index.ts';
import type { RulesView } from '../../src/run/pane-api.ts';
import { LangContext } from '../../src/taskpane/i18n.tsx';
import { editLines, editLocalized, readNumber } from '../../src/taskpane/steps/rules/draft.ts';
import { RulesStep } from '../../src/taskpane/steps/RulesStep.tsx';

const NO_SHEET: RulesView = { sheet: null, scheme: null, problems: [] };

function setup(opts: { lang?: 'zh-CN' | 'en-US'; scheme?: Scheme; rules?: () => Promise<RulesView> } = {}) {
  const scheme = opts.scheme ?? getPreset('b2b-value')!;
  const onSchemeChange = vi.fn<(s: Scheme) => void>();
  const api = {
    rules: vi.fn(opts.rules ?? (async () => NO_SHEET)),
    saveRules: vi.fn(async (_s: Scheme) => 'TierBook规则'),
  };
  const user = userEvent.setup();
  const utils = render(
    <LangContext.Provider value={opts.lang ?? 'zh-CN'}>
      <FluentProvider theme={webLightTheme}>
        <RulesStep scheme={scheme} onSchemeChange={onSchemeChange} api={api} extraActions={<button type="button">SQL</button>} />
      </FluentProvider>
    </LangContext.Provider>,
  );
  const last = (): Scheme => {
    const calls = onSchemeChange.mock.calls;
    expect(calls.length).toBeGreaterThan(0);
    return calls[calls.length - 1]![0];
  };
  return { ...utils, user, api, onSchemeChange, scheme, last };
}

/** The text a control is described by (Fluent's Field links its validation message this way). */
function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function input(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

async function retype(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await user.clear(el);
  await user.type(el, text);
}

describe('RulesStep', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders b2b-value: preset, thresholds with their values, the shell’s extra actions', () => {
    setup();
    expect(screen.getByRole('combobox', { name: /预设方案/ }).textContent).toContain('企业客户价值分级');
    expect(input('VIP客户(战略客户)：年度消费金额 门槛').value).toBe('1,000,000');
    expect(input('VIP客户(战略客户)：合作年限 门槛').value).toBe('5');
    expect(input('普通客户：年度消费金额 门槛').value).toBe('100,000');
    expect(screen.getAllByText('全部满足')).toHaveLength(2);
    screen.getByText('其余客户归为「潜在客户」');
    screen.getByRole('button', { name: 'SQL' });
    expect(screen.getByRole('button', { name: /保存到规则表/ })).toHaveProperty('disabled', false);
  });

  it('switching preset calls onSchemeChange with that preset, and undo brings the old one back', async () => {
    const { user, onSchemeChange, last } = setup();
    await user.click(screen.getByRole('combobox', { name: /预设方案/ }));
    await user.click(screen.getByRole('option', { name: /会员消费分级/ }));
    expect(last()).toEqual(getPreset('salon-spend'));
    screen.getByText('已切换为「会员消费分级（按年度消费）」');
    expect(input('钻石会员：年度消费金额 门槛').value).toBe('20,000');

    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(last()).toEqual(getPreset('b2b-value'));
    expect(onSchemeChange).toHaveBeenCalledTimes(2);
    expect(input('VIP客户(战略客户)：年度消费金额 门槛').value).toBe('1,000,000');
  });

  it('editing a threshold calls onSchemeChange with the new value at the right path', async () => {
    const { user, last, onSchemeChange } = setup();
    const vip = input('VIP客户(战略客户)：年度消费金额 门槛');
    await retype(user, vip, '1,500,000');
    let s = last();
    expect(s.mode.kind === 'rules' && s.mode.rules[0]!.when).toEqual({
      all: [
        { metric: 'annualSpend', op: '>=', value: 1_500_000 },
        { metric: 'cooperationYears', op: '>=', value: 5 },
      ],
    });
    // Chinese magnitudes are read, and shown back as the number they mean once the field is left.
    await retype(user, vip, '200万');
    await user.tab();
    s = last();
    expect(s.mode.kind === 'rules' && s.mode.rules[0]!.when).toMatchObject({ all: [{ value: 2_000_000 }, { value: 5 }] });
    expect(vip.value).toBe('2,000,000');
    // Nothing else changed.
    const expected = getPreset('b2b-value')!;
    if (expected.mode.kind === 'rules') (expected.mode.rules[0]!.when as { all: { value: number }[] }).all[0]!.value = 2_000_000;
    expect(s).toEqual(expected);
    // Every call carried a valid scheme ("1," on the way to "1,500,000" is never sent).
    for (const [x] of onSchemeChange.mock.calls) expect(x.mode.kind).toBe('rules');
  });

  it('switching an operator to "between" adds an upper bound', async () => {
    const { user, last } = setup();
    await user.selectOptions(screen.getByLabelText('普通客户：年度消费金额 的比较方式'), 'between');
    const max = input('普通客户：年度消费金额 上限');
    expect(max.value).toBe('100,000');
    await retype(user, max, '500,000');
    const s = last();
    expect(s.mode.kind === 'rules' && s.mode.rules[2]!.when).toEqual({
      metric: 'annualSpend',
      op: 'between',
      value: 100_000,
      max: 500_000,
    });
    // max below value: the core's cross-field message shows at the upper bound.
    await retype(user, max, '50,000');
    await user.tab();
    expect(description(max)).toContain('"介于"条件的上限不能小于下限');
  });

  it('typing "abc" shows a field error and does not call onSchemeChange', async () => {
    const { user, onSchemeChange } = setup();
    const vip = input('VIP客户(战略客户)：年度消费金额 门槛');
    await retype(user, vip, 'abc');
    await user.tab();
    expect(description(vip)).toContain('无法把“abc”识别为数字');
    expect(vip.getAttribute('aria-invalid')).toBe('true');
    expect(onSchemeChange).not.toHaveBeenCalled();
    // The draft is not valid while a field holds unreadable text: nothing can be saved.
    expect(screen.getByRole('button', { name: /保存到规则表/ })).toHaveProperty('disabled', true);
    screen.getByText('还有 1 处问题，修正后才能保存或导出');
    // A blank required field is an error too, never 0.
    await user.clear(vip);
    expect(description(vip)).toContain('请填写数字');
    expect(onSchemeChange).not.toHaveBeenCalled();
    // Fixing it clears the error as the user types, and the value goes through.
    await user.type(vip, '900000');
    expect(description(vip)).not.toContain('请填写数字');
    expect(onSchemeChange).toHaveBeenCalledTimes(6); // 9, 90, 900, … 900000
    expect(screen.getByRole('button', { name: /保存到规则表/ })).toHaveProperty('disabled', false);
  });

  it('Escape puts back the value in force', async () => {
    const { user } = setup();
    const vip = input('VIP客户(战略客户)：合作年限 门槛');
    await retype(user, vip, 'x');
    await user.keyboard('{Escape}');
    expect(vip.value).toBe('5');
    expect(description(vip)).toBe('');
  });

  it('a cross-field error (expected share min > max) shows next to the field, and the draft is not sent', async () => {
    const { user, onSchemeChange } = setup();
    await user.click(screen.getByRole('button', { name: '等级' }));
    const tier = within(screen.getByRole('region', { name: '等级' })).getByRole('group', { name: 'VIP客户(战略客户)' });
    const min = within(tier).getByLabelText('预期占比下限') as HTMLInputElement;
    expect(min.value).toBe('5');
    await retype(user, min, '50'); // "5" on the way is still a valid share; "50" is above the max of 10
    expect(description(min)).toContain('下限不能大于上限');
    const shares = () => onSchemeChange.mock.calls.map(([s]) => s.tiers[0]!.expectedShare);
    expect(shares()).toEqual([{ min: 0.05, max: 0.1 }]);
    expect(screen.getByRole('button', { name: /保存到规则表/ })).toHaveProperty('disabled', true);
    // Out of range in display units (percent), not in the stored fraction.
    const max = within(tier).getByLabelText('预期占比上限') as HTMLInputElement;
    await retype(user, max, '150');
    await user.tab();
    expect(description(max)).toContain('不能大于 100');
    await retype(user, max, '60%');
    expect(shares().at(-1)).toEqual({ min: 0.5, max: 0.6 });
    expect(description(min)).toBe('');
  });

  it('points: minimum scores that do not decrease show the core’s message at that score', async () => {
    const { user, onSchemeChange, last } = setup({ scheme: getPreset('b2b-weighted')! });
    const weight = screen.getAllByLabelText('权重')[0] as HTMLInputElement;
    expect(weight.value).toBe('50');
    const key = input('重要客户 最低总分');
    await retype(user, key, '90');
    expect(description(key)).toContain('分数线必须从高到低严格递减');
    expect(onSchemeChange).not.toHaveBeenCalled();
    await retype(user, key, '65');
    expect(last().mode).toMatchObject({ tierBands: [{ minScore: 80 }, { minScore: 65 }, { minScore: 35 }] });
    // A band cell, addressed by metric, band and column.
    const band = input('年度消费金额 第 2 段 得分');
    await retype(user, band, '85');
    const m = last().mode;
    expect(m.kind === 'points' && m.criteria[0]!.bands[1]).toEqual({ min: 500_000, points: 85 });
  });

  it('rfm: a score range is edited with selects; "any" drops it', async () => {
    const { user, last } = setup({ scheme: getPreset('rfm-5')! });
    await user.selectOptions(screen.getByLabelText('忠诚客户：M 消费金额 最低分'), '3');
    let m = last().mode;
    expect(m.kind === 'rfm' && m.segments[1]).toEqual({ tier: 'loyal', r: [3, 5], f: [4, 5], m: [3, 5] });
    await user.selectOptions(screen.getByLabelText('忠诚客户：R 最近消费 最高分'), '');
    m = last().mode;
    expect(m.kind === 'rfm' && m.segments[1]).toEqual({ tier: 'loyal', f: [4, 5], m: [3, 5] });
  });

  it('abc: cuts are typed in percent', async () => {
    const { user, last } = setup({ scheme: getPreset('abc-revenue')! });
    const a = input('A类客户：累计占比低于');
    expect(a.value).toBe('80');
    await retype(user, a, '70');
    expect(last().mode).toMatchObject({ kind: 'abc', cuts: [0.7, 0.95] });
    const b = input('B类客户：累计占比低于');
    await retype(user, b, '60');
    expect(description(b)).toContain('切分点必须严格递增');
  });

  it('tier names and benefit lines keep the other language', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: '等级' }));
    const vip = within(screen.getByRole('region', { name: '等级' })).getByRole('group', { name: 'VIP客户(战略客户)' });
    await retype(user, within(vip).getByLabelText('等级名称'), '战略客户');
    expect(last().tiers[0]!.label).toEqual({ 'zh-CN': '战略客户', 'en-US': 'VIP (strategic)' });

    await user.click(screen.getByRole('button', { name: '权益与服务' }));
    const key = within(screen.getByRole('region', { name: '权益与服务' })).getByRole('group', { name: '重要客户' });
    const lines = within(key).getByLabelText('权益（每行一项）') as HTMLTextAreaElement;
    expect(lines.value).toBe('价格优惠');
    await user.click(lines);
    await user.keyboard('{End}{Enter}专属客服');
    expect(last().tiers[1]!.benefits.lines).toEqual([
      { 'zh-CN': '价格优惠', 'en-US': 'Price concessions' },
      { 'zh-CN': '专属客服', 'en-US': '专属客服' },
    ]);
    await user.selectOptions(within(key).getByLabelText('服务频率'), 'monthly');
    expect(last().tiers[1]!.benefits.cadence).toBe('monthly');
    await user.clear(within(key).getByLabelText('负责人'));
    expect(last().tiers[1]!.benefits.owner).toBeUndefined();
  });

  it('review policy: downgrade after K periods', async () => {
    const { user, last } = setup({ scheme: getPreset('salon-spend')! });
    await user.click(screen.getByRole('button', { name: '复评与降级' }));
    await user.click(screen.getByRole('radio', { name: '连续多个周期未达标才降级' }));
    expect(last().review.downgrade).toEqual({ policy: 'after-periods', periods: 2 });
    const k = input('连续未达标的周期数');
    await retype(user, k, '1.5');
    await user.tab();
    expect(description(k)).toContain('请填写整数');
    await retype(user, k, '3');
    expect(last().review.downgrade).toEqual({ policy: 'after-periods', periods: 3 });
  });

  it('a problem in a closed section is listed in the summary, and "定位" opens it at the field', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: '等级' }));
    const min = within(within(screen.getByRole('region', { name: '等级' })).getByRole('group', { name: '重要客户' })).getByLabelText(
      '预期占比下限',
    );
    await retype(user, min, '30');
    await user.click(screen.getByRole('button', { name: /^等级/ })); // close it; its header now counts 1 problem
    await waitFor(() => expect(screen.queryByLabelText('预期占比下限')).toBeNull());
    const summary = screen.getByText('还有 1 处问题，修正后才能保存或导出').closest('[role="group"], div')!.parentElement!;
    within(summary).getByText(/等级 · 重要客户：下限不能大于上限/);
    await user.click(within(summary).getByRole('button', { name: /定位/ }));
    const field = await waitFor(() =>
      within(within(screen.getByRole('region', { name: '等级' })).getByRole('group', { name: '重要客户' })).getByLabelText('预期占比下限'),
    );
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('importing a file that is not JSON shows the error', async () => {
    const { user, onSchemeChange } = setup();
    const file = new File(['{ "id": '], 'bad.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('选择方案 JSON 文件'), file);
    expect(await screen.findByText('无法导入「bad.json」')).toBeTruthy();
    screen.getByText(/不是有效的 JSON/);
    expect(onSchemeChange).not.toHaveBeenCalled();
  });

  it('importing an invalid scheme lists its problems by path; a valid one replaces the draft', async () => {
    const { user, last } = setup();
    const bad = getPreset('salon-spend')! as unknown as { tiers: { color: string }[] };
    bad.tiers[1]!.color = 'gold';
    await user.upload(
      screen.getByLabelText('选择方案 JSON 文件'),
      new File([JSON.stringify(bad)], 'salon.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/tiers\[1\]\.color: 应为 #C0C0C0 这样的颜色值/)).toBeTruthy();

    const good = getPreset('crm-activity')!;
    await user.upload(
      screen.getByLabelText('选择方案 JSON 文件'),
      new File([JSON.stringify(good)], 'crm.json', { type: 'application/json' }),
    );
    expect(await screen.findByText('已导入「CRM 活跃度分级」')).toBeTruthy();
    expect(last()).toEqual(good);
  });

  it('exports the scheme as <id>.json', async () => {
    const { user } = setup();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:scheme';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await user.click(screen.getByRole('button', { name: /导出 JSON/ }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicked[0]!.download).toBe('b2b-value.json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(getPreset('b2b-value'));
    screen.getByText('已导出 b2b-value.json');
  });

  it('copies the scheme JSON to the clipboard, or shows it for copying by hand where the clipboard is refused', async () => {
    const { user } = setup();
    const written: string[] = [];
    const clip = vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text: string) => void written.push(text));
    await user.click(screen.getByRole('button', { name: /复制 JSON/ }));
    expect(JSON.parse(written[0]!)).toEqual(getPreset('b2b-value'));
    expect(await screen.findByText('方案 JSON 已复制到剪贴板', {}, { timeout: 10_000 })).toBeTruthy();
    // An Office webview that refuses the clipboard: the JSON is shown in a dialog instead.
    clip.mockImplementation(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    await user.click(screen.getByRole('button', { name: /复制 JSON/ }));
    // By label, not role: happy-dom may hold the dialog's enter animation at its first (hidden) frame.
    const box = (await screen.findByLabelText('复制 JSON', { selector: 'textarea' })) as HTMLTextAreaElement;
    expect(JSON.parse(box.value)).toEqual(getPreset('b2b-value'));
    clip.mockRestore();
  });

  it('save calls api.saveRules and shows the sheet name', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('button', { name: /保存到规则表/ }));
    expect(api.saveRules).toHaveBeenCalledWith(getPreset('b2b-value'));
    expect(await screen.findByText('已保存到「TierBook规则」工作表')).toBeTruthy();
  });

  it('loading the rules sheet: its scheme replaces the draft; problems name their cells', async () => {
    const salon = getPreset('salon-spend')!;
    let view: RulesView = { sheet: 'TierBook规则', scheme: salon, problems: [] };
    const { user, last } = setup({ rules: async () => view });
    await user.click(screen.getByRole('button', { name: /从规则表读取/ }));
    expect(await screen.findByText('已从「TierBook规则」工作表读取规则')).toBeTruthy();
    expect(last()).toEqual(salon);

    view = {
      sheet: 'TierBook规则',
      scheme: null,
      problems: [{ path: 'TierBook规则!C7', message: { 'zh-CN': '应为数字', 'en-US': 'expected a number' } }],
    };
    await user.click(screen.getByRole('button', { name: /从规则表读取/ }));
    expect(await screen.findByText('「TierBook规则」工作表中的规则无法读取')).toBeTruthy();
    screen.getByText('TierBook规则!C7: 应为数字');
  });

  it('a failing host call is shown, not thrown', async () => {
    const { user } = setup({ rules: async () => Promise.reject(new Error('boom')) });
    await user.click(screen.getByRole('button', { name: /从规则表读取/ }));
    expect(await screen.findByText('无法读取规则表')).toBeTruthy();
    screen.getByText('出错了：boom');
  });

  it('in English, labels and data are English', async () => {
    const { user, last } = setup({ lang: 'en-US' });
    expect(screen.getByRole('combobox', { name: /Preset/ }).textContent).toContain('B2B customer value tiers');
    screen.getByRole('button', { name: 'Thresholds' });
    expect(screen.getAllByText('Meets all of')).toHaveLength(2);
    const vip = input('VIP (strategic): Annual spend threshold');
    expect(vip.value).toBe('1,000,000');
    await retype(user, vip, '1.2M');
    const s = last();
    expect(s.mode.kind === 'rules' && s.mode.rules[0]!.when).toMatchObject({ all: [{ value: 1_200_000 }, { value: 5 }] });
    await retype(user, vip, 'lots');
    await user.tab();
    expect(description(vip)).toContain('Cannot read "lots" as a number');
    await user.click(screen.getByRole('button', { name: 'Tiers' }));
    const key = within(screen.getByRole('region', { name: 'Tiers' })).getByRole('group', { name: 'Key' });
    await retype(user, within(key).getByLabelText('Tier name'), 'Key account');
    expect(last().tiers[1]!.label).toEqual({ 'zh-CN': '重要客户', 'en-US': 'Key account' });
  });

  it('follows a new scheme from the shell, but not its own echo', () => {
    const onSchemeChange = vi.fn();
    const api = { rules: vi.fn(), saveRules: vi.fn() };
    const tree = (scheme: Scheme) => (
      <FluentProvider theme={webLightTheme}>
        <RulesStep scheme={scheme} onSchemeChange={onSchemeChange} api={api} />
      </FluentProvider>
    );
    const { rerender } = render(tree(getPreset('b2b-value')!));
    rerender(tree(getPreset('salon-spend')!));
    expect(input('钻石会员：年度消费金额 门槛').value).toBe('20,000');
    expect(onSchemeChange).not.toHaveBeenCalled();
  });
});

describe('rules draft helpers', () => {
  it('readNumber reads what people type, and refuses garbage', () => {
    expect(readNumber('1,000,000')).toEqual({ ok: true, value: 1_000_000 });
    expect(readNumber('100万')).toEqual({ ok: true, value: 1_000_000 });
    expect(readNumber('')).toEqual({ ok: true, value: undefined });
    expect(readNumber('29', 100)).toEqual({ ok: true, value: 0.29 });
    expect(readNumber('29%', 100)).toEqual({ ok: true, value: 0.29 });
    expect(readNumber('abc').ok).toBe(false);
    expect(readNumber('1,2,3').ok).toBe(false);
  });

  it('editLocalized keeps a real translation and fills a blank one', () => {
    expect(editLocalized({ 'zh-CN': '金卡', 'en-US': 'Gold' }, 'zh-CN', '黄金')).toEqual({ 'zh-CN': '黄金', 'en-US': 'Gold' });
    expect(editLocalized({ 'zh-CN': '金卡', 'en-US': '' }, 'zh-CN', '黄金')).toEqual({ 'zh-CN': '黄金', 'en-US': '黄金' });
    expect(editLocalized(undefined, 'en-US', 'Owner')).toEqual({ 'zh-CN': 'Owner', 'en-US': 'Owner' });
  });

  it('editLines keeps translations by position when the count is unchanged, by text otherwise', () => {
    const base = [
      { 'zh-CN': '会员价', 'en-US': 'Member prices' },
      { 'zh-CN': '积分加倍', 'en-US': 'Double points' },
    ];
    expect(editLines(base, 'zh-CN', '会员专享价\n积分加倍')).toEqual([
      { 'zh-CN': '会员专享价', 'en-US': 'Member prices' },
      { 'zh-CN': '积分加倍', 'en-US': 'Double points' },
    ]);
    expect(editLines(base, 'zh-CN', '积分加倍\n\n生日礼\n新品试用')).toEqual([
      { 'zh-CN': '积分加倍', 'en-US': 'Double points' },
      { 'zh-CN': '生日礼', 'en-US': '生日礼' },
      { 'zh-CN': '新品试用', 'en-US': '新品试用' },
    ]);
    // Same count, one line dropped and one added: the kept line keeps its own translation.
    expect(editLines(base, 'zh-CN', '积分加倍\n\n生日礼')).toEqual([
      { 'zh-CN': '积分加倍', 'en-US': 'Double points' },
      { 'zh-CN': '生日礼', 'en-US': '生日礼' },
    ]);
  });
});
