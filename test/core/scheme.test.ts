import { describe, it, expect } from 'vitest';
import {
  PRESET_IDS,
  SchemeError,
  checkScheme,
  formatPath,
  getPreset,
  listPresets,
  parseScheme,
  schemeFromJson,
  schemeToJson,
  type SchemeProblem,
} from '../../src/core/index.ts';
import { mutable, preset } from './helpers.ts';

/** The problems a scheme has (fails the test if it is valid). */
function problemsOf(data: unknown): SchemeProblem[] {
  const r = checkScheme(data);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

/** The SchemeError parseScheme throws. */
function errorOf(data: unknown): SchemeError {
  try {
    parseScheme(data);
  } catch (e) {
    expect(e).toBeInstanceOf(SchemeError);
    return e as SchemeError;
  }
  throw new Error('expected parseScheme to throw');
}

describe('presets validate', () => {
  it('ships exactly the six documented presets', () => {
    expect([...PRESET_IDS]).toEqual(['salon-spend', 'b2b-value', 'crm-activity', 'abc-revenue', 'rfm-5', 'b2b-weighted']);
    expect(listPresets().map((s) => s.id)).toEqual([...PRESET_IDS]);
    expect(getPreset('no-such-preset')).toBeUndefined();
  });

  it.each([...PRESET_IDS])('%s passes checkScheme with every default filled in', (id) => {
    const s = preset(id);
    const r = checkScheme(s);
    expect(r.ok).toBe(true);
    expect(s.schemaVersion).toBe(1);
    expect(s.currency).toBe('¥');
    expect(s.tiers.length).toBeGreaterThanOrEqual(2);
    for (const t of s.tiers) expect(t.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it.each([...PRESET_IDS])('%s round-trips through JSON', (id) => {
    const s = preset(id);
    const text = schemeToJson(s);
    expect(schemeFromJson(text)).toStrictEqual(s);
    // and the text itself is stable
    expect(schemeToJson(schemeFromJson(text))).toBe(text);
  });

  it('getPreset hands out independent copies', () => {
    const a = preset('salon-spend');
    a.tiers[0]!.label['zh-CN'] = 'changed';
    expect(preset('salon-spend').tiers[0]!.label['zh-CN']).toBe('钻石会员');
  });

  it('modes are the documented ones', () => {
    expect(PRESET_IDS.map((id) => preset(id).mode.kind)).toEqual(['rules', 'rules', 'rules', 'abc', 'rfm', 'points']);
    const abc = preset('abc-revenue').mode;
    expect(abc.kind === 'abc' && abc.cuts).toEqual([0.8, 0.95]);
  });
});

describe('shape errors name the path and the value, in both languages', () => {
  it('a bad colour at tiers[2].color', () => {
    const bad = mutable(preset('salon-spend'));
    bad.tiers[2].color = 'silver';
    const err = errorOf(bad);
    expect(err.problems).toEqual([
      { path: 'tiers[2].color', value: 'silver', message: { 'zh-CN': '应为 #C0C0C0 这样的颜色值', 'en-US': 'expected a colour like #C0C0C0' } },
    ]);
    expect(err.describe('zh-CN')).toBe('tiers[2].color: 应为 #C0C0C0 这样的颜色值（当前值："silver"）');
    expect(err.describe('en-US')).toBe('tiers[2].color: expected a colour like #C0C0C0 (got "silver")');
    expect(err.message).toBe(err.describe('en-US'));
  });

  it('a bad id names the id path', () => {
    const bad = mutable(preset('b2b-value'));
    bad.tiers[1].id = '1key';
    const [p] = problemsOf(bad);
    expect(p!.path).toBe('tiers[1].id');
    expect(p!.value).toBe('1key');
    expect(p!.message['zh-CN']).toContain('应为以字母开头');
    expect(p!.message['en-US']).toContain('starting with a letter');
  });

  it('"between" without a proper max', () => {
    const bad = mutable(preset('salon-spend'));
    bad.mode.rules[0].when = { metric: 'annualSpend', op: 'between', value: 10, max: 5 };
    const err = errorOf(bad);
    expect(err.problems[0]!.path).toMatch(/^mode\.rules\[0\]\.when/);
    expect(err.describe('zh-CN')).toContain('mode.rules[0].when');
    expect(err.describe('en-US')).toContain('mode.rules[0].when');
  });

  it('an unknown key is reported with the key, zh from the zod zh-CN locale', () => {
    const bad = mutable(preset('salon-spend'));
    bad.extra = 1;
    const [p] = problemsOf(bad);
    expect(p!.path).toBe('');
    expect(p!.value).toEqual(['extra']);
    expect(p!.message['en-US']).toContain('extra');
    expect(p!.message['zh-CN']).toContain('extra');
    expect(p!.message['zh-CN']).not.toBe(p!.message['en-US']);
    const err = errorOf(bad);
    expect(err.describe('zh-CN')).toMatch(/^方案: /);
    expect(err.describe('en-US')).toMatch(/^scheme: /);
  });

  it('several problems are all listed, one per line', () => {
    const bad = mutable(preset('salon-spend'));
    bad.tiers[0].color = 'red';
    bad.tiers[3].color = '#12345';
    const err = errorOf(bad);
    expect(err.problems.map((p) => p.path)).toEqual(['tiers[0].color', 'tiers[3].color']);
    expect(err.describe('en-US').split('\n')).toHaveLength(2);
    expect(err.describe('en-US')).toContain('(got "#12345")');
  });

  it('fewer than two tiers and a missing mode are shape errors', () => {
    const bad = mutable(preset('salon-spend'));
    bad.tiers = bad.tiers.slice(0, 1);
    delete bad.mode;
    const paths = problemsOf(bad).map((p) => p.path);
    expect(paths).toContain('tiers');
    expect(paths).toContain('mode');
  });

  it('formatPath spells indices and keys like the messages do', () => {
    expect(formatPath(['mode', 'rules', 0, 'when', 'all', 1, 'metric'])).toBe('mode.rules[0].when.all[1].metric');
    expect(formatPath([])).toBe('');
  });
});

describe('cross-field errors', () => {
  it('duplicate tier ids', () => {
    const bad = mutable(preset('abc-revenue'));
    bad.tiers[2].id = 'A';
    const ps = problemsOf(bad);
    expect(ps).toContainEqual({ path: 'tiers[2].id', value: 'A', message: { 'zh-CN': '等级标识重复', 'en-US': 'duplicate tier id' } });
  });

  it('rules out of tier order', () => {
    const bad = mutable(preset('salon-spend'));
    [bad.mode.rules[0], bad.mode.rules[1]] = [bad.mode.rules[1], bad.mode.rules[0]];
    const ps = problemsOf(bad);
    expect(ps).toEqual([
      { path: 'mode.rules[0].tier', value: 'gold', message: { 'zh-CN': '应为 "diamond"（按等级从高到低的第 1 级）', 'en-US': 'expected "diamond" (tier 1, best first)' } },
      { path: 'mode.rules[1].tier', value: 'diamond', message: { 'zh-CN': '应为 "gold"（按等级从高到低的第 2 级）', 'en-US': 'expected "gold" (tier 2, best first)' } },
    ]);
  });

  it('a rule for the fallback tier (one rule too many)', () => {
    const bad = mutable(preset('salon-spend'));
    bad.mode.rules.push({ tier: 'regular', when: { metric: 'annualSpend', op: '>=', value: 0 } });
    const ps = problemsOf(bad);
    expect(ps[0]).toMatchObject({ path: 'mode.rules', value: 4 });
    expect(ps[0]!.message['en-US']).toContain('3 entries');
    expect(ps[0]!.message['zh-CN']).toContain('共 3 条');
  });

  it('an undeclared metric in a nested condition', () => {
    const bad = mutable(preset('b2b-value'));
    bad.mode.rules[1].when.all[1].metric = 'headcount';
    const err = errorOf(bad);
    expect(err.problems).toEqual([
      {
        path: 'mode.rules[1].when.all[1].metric',
        value: 'headcount',
        message: { 'zh-CN': '该指标未在 criteria 中声明', 'en-US': 'this metric is not declared in criteria' },
      },
    ]);
    expect(err.describe('zh-CN')).toBe('mode.rules[1].when.all[1].metric: 该指标未在 criteria 中声明（当前值："headcount"）');
    expect(err.describe('en-US')).toBe('mode.rules[1].when.all[1].metric: this metric is not declared in criteria (got "headcount")');
  });

  it('undeclared RFM and points metrics, and valueMetric', () => {
    const rfm = mutable(preset('rfm-5'));
    rfm.mode.monetary = 'clv';
    expect(problemsOf(rfm).map((p) => [p.path, p.value])).toEqual([['mode.monetary', 'clv']]);
    const pts = mutable(preset('b2b-weighted'));
    pts.mode.criteria[2].metric = 'nps';
    pts.valueMetric = 'clv';
    expect(problemsOf(pts).map((p) => [p.path, p.value])).toEqual([
      ['mode.criteria[2].metric', 'nps'],
      ['valueMetric', 'clv'],
    ]);
  });

  it('ABC cut count must be tiers − 1', () => {
    const bad = mutable(preset('abc-revenue'));
    bad.mode.cuts = [0.8];
    const ps = problemsOf(bad);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ path: 'mode.cuts', value: [0.8] });
    expect(ps[0]!.message['en-US']).toBe('1 cut points make 2 tiers, but the scheme has 3');
    expect(ps[0]!.message['zh-CN']).toBe('1 个切分点对应 2 个等级，但方案有 3 个等级');
  });

  it('ABC cuts must strictly increase and lie strictly between 0 and 1', () => {
    const bad = mutable(preset('abc-revenue'));
    bad.mode.cuts = [0.9, 0.9];
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ path: 'mode.cuts[1]', value: 0.9 }));
    bad.mode.cuts = [0.8, 1];
    expect(problemsOf(bad)[0]).toMatchObject({ path: 'mode.cuts[1]', value: 1 });
  });

  it('points tierBands must strictly decrease', () => {
    const bad = mutable(preset('b2b-weighted'));
    bad.mode.tierBands[1].minScore = 80; // equal to the band above
    bad.mode.tierBands[2].minScore = 90; // above the band above
    const ps = problemsOf(bad);
    expect(ps.map((p) => [p.path, p.value])).toEqual([
      ['mode.tierBands[1].minScore', 80],
      ['mode.tierBands[2].minScore', 90],
    ]);
    expect(ps[0]!.message['zh-CN']).toBe('分数线必须从高到低严格递减');
    expect(ps[0]!.message['en-US']).toBe('minimum scores must strictly decrease from the best tier down');
  });

  it('points tierBands in the wrong tier order', () => {
    const bad = mutable(preset('b2b-weighted'));
    bad.mode.tierBands[0].tier = 'key';
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ path: 'mode.tierBands[0].tier', value: 'key' }));
  });

  it('RFM segments must name the tiers in order', () => {
    const bad = mutable(preset('rfm-5'));
    bad.mode.segments.pop();
    expect(problemsOf(bad)[0]).toMatchObject({ path: 'mode.segments', value: 5 });
  });

  it('a metric declared twice and criterion min > max', () => {
    const bad = mutable(preset('b2b-weighted'));
    bad.criteria.push({ ...bad.criteria[0] });
    bad.criteria[2].min = 11;
    const ps = problemsOf(bad).map((p) => [p.path, p.value]);
    expect(ps).toContainEqual(['criteria[3].metric', 'annualSpend']);
    expect(ps).toContainEqual(['criteria[2].min', 11]);
  });
});

describe('schemeFromJson', () => {
  it('invalid JSON text is a SchemeError at the document, in both languages', () => {
    let err: unknown;
    try {
      schemeFromJson('{"id": "x",');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemeError);
    const se = err as SchemeError;
    expect(se.problems).toHaveLength(1);
    expect(se.problems[0]!.path).toBe('');
    expect(se.describe('zh-CN')).toMatch(/^方案: 不是有效的 JSON：/);
    expect(se.describe('en-US')).toMatch(/^scheme: not valid JSON: /);
  });

  it('valid JSON with a bad scheme reports the scheme problems', () => {
    const bad = mutable(preset('salon-spend'));
    bad.tiers[2].color = '#GGGGGG';
    expect(() => schemeFromJson(JSON.stringify(bad))).toThrow(/tiers\[2\]\.color: expected a colour like #C0C0C0 \(got "#GGGGGG"\)/);
  });

  it('fills defaults for a minimal scheme and keeps them across the round trip', () => {
    const minimal = {
      id: 'mini',
      name: { 'zh-CN': '最小', 'en-US': 'Minimal' },
      tiers: [
        { id: 'hi', label: { 'zh-CN': '高', 'en-US': 'High' }, color: '#FFFFFF' },
        { id: 'lo', label: { 'zh-CN': '低', 'en-US': 'Low' }, color: '#000000' },
      ],
      criteria: [{ metric: 'annualSpend', label: { 'zh-CN': '消费', 'en-US': 'Spend' }, unit: 'currency' }],
      mode: { kind: 'abc', cuts: [0.5] },
    };
    const s = schemeFromJson(JSON.stringify(minimal));
    expect(s.criteria[0]).toMatchObject({ direction: 'higher', missing: 'unrated' });
    expect(s.mode).toEqual({ kind: 'abc', metric: 'annualSpend', cuts: [0.5] });
    expect(s.review).toEqual({ period: 'year', churnDays: 365, downgrade: { policy: 'immediate' } });
    expect(s.tiers[0]!.benefits).toEqual({ lines: [] });
    expect(schemeFromJson(schemeToJson(s))).toStrictEqual(s);
  });
});
