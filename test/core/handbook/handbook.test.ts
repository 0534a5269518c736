// The tier handbook (客户等级管理手册) for every preset in both languages: key lines, the print setup, and
// Markdown that carries the same tables with | separators and escaped pipes.
import { describe, expect, it } from 'vitest';
import { LANGS, benefitsText, listPresets, parseScheme, sheetValues, type Lang, type Scheme, type SchemeInput } from '../../../src/core/index.ts';
import { conditionText, handbook, handbookMarkdown, handbookSheet, markdownCell, tierCriteriaText } from '../../../src/core/handbook/index.ts';
import { PAGE_WIDTH, wrapText } from '../../../src/core/handbook/render.ts';
import { displayWidth } from '../../../src/core/output/widths.ts';
import { L } from '../../support/schemes.ts';

const presets = listPresets();
const byId = (id: string) => presets.find((p) => p.id === id)!;
const cases = presets.flatMap((s) => LANGS.map((lang) => [s.id, lang] as const));

/** Split a Markdown table line into its cells, honouring escaped pipes. */
function cells(line: string): string[] {
  expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replace(/\\\|/g, '|').replace(/\\\\/g, '\\'));
}

function tableLines(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('|'));
}

const SECTIONS: Record<Lang, string[]> = {
  'zh-CN': ['一、等级划分标准', '二、各等级权益', '三、服务策略', '四、评定流程', '五、调整规则', '六、等级汇总', '七、资源配置与成本'],
  'en-US': ['1. Tier criteria', '2. Benefits by tier', '3. Service strategy', '4. Grading process', '5. Adjustment rules', '6. Tier summary', '7. Resources and cost'],
};

describe.each(cases)('%s (%s)', (id, lang) => {
  const scheme = byId(id);
  const sheet = handbookSheet(scheme, lang);
  const md = handbookMarkdown(scheme, lang);
  const zh = lang === 'zh-CN';

  const doc = handbook(scheme, lang);

  it('is a print-ready generated sheet named in the language', () => {
    expect(sheet.name).toBe(zh ? '等级管理手册' : 'Tier Handbook');
    expect(sheet.print).toEqual({ fitToWidth: true, repeatRows: [1, 1] });
    const cols = Math.max(...sheet.tables.map((t) => t.header.length));
    const widths = sheet.widths!;
    expect(widths).toHaveLength(cols);
    for (const w of widths.slice(0, -1)) expect(w >= 10 && w <= 28).toBe(true);
    const page = widths.reduce((a, b) => a + b, 0);
    expect(page).toBeGreaterThanOrEqual(PAGE_WIDTH);
    const grid = sheetValues(sheet);
    expect(grid[0]).toEqual([`${zh ? '客户等级管理手册' : 'Customer Tier Handbook'} — ${scheme.name[lang]}`]);
  });

  it('no text runs past its column (or, for the last cell of a row, past the page): long texts continue on the next rows', () => {
    const widths = sheet.widths!;
    const page = widths.reduce((a, b) => a + b, 0);
    for (const t of sheet.tables) {
      for (const n of t.notes ?? []) expect(displayWidth(n.trimEnd())).toBeLessThanOrEqual(page - 2);
      for (const row of t.rows) {
        row.forEach((v, c) => {
          const room = c === t.header.length - 1 ? widths.slice(c).reduce((a, b) => a + b, 0) : widths[c]!;
          expect(displayWidth(String(v ?? '').trimEnd())).toBeLessThanOrEqual(room - 2);
        });
      }
    }
  });

  it('the sheet holds the handbook’s tables: continuation rows joined give back each cell', () => {
    const blocks = doc.sections.flatMap((s) => s.tables);
    const tables = sheet.tables.slice(1);
    expect(tables.map((t) => t.header)).toEqual(blocks.map((b) => b.header));
    tables.forEach((t, i) => {
      const joined: string[][] = [];
      for (const row of t.rows) {
        // A continuation row leaves empty (null) the cells that have no more lines.
        const last = joined[joined.length - 1];
        if (last && row.some((v) => v === null)) row.forEach((v, c) => (last[c] = `${last[c] ?? ''}${v ?? ''}`));
        else joined.push(row.map((v) => String(v)));
      }
      expect(joined).toEqual(blocks[i]!.rows);
    });
  });

  it('has the seven sections in order, on the sheet and in Markdown', () => {
    const titles = sheet.tables.map((t) => t.title);
    const at = SECTIONS[lang].map((s) => titles.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(SECTIONS[lang]);
    expect(md.startsWith(`# ${zh ? '客户等级管理手册' : 'Customer Tier Handbook'} — ${scheme.name[lang]}\n`)).toBe(true);
  });

  it('the summary: one row per tier — tier | criteria | benefits, in the tier colours on the sheet', () => {
    const summary = doc.sections[5]!;
    expect(summary.title).toBe(SECTIONS[lang][5]);
    expect(summary.tables[0]!.header).toEqual(zh ? ['客户等级', '划分指标', '对应权益'] : ['Tier', 'Criteria', 'Benefits']);
    expect(summary.tables[0]!.rows).toEqual(scheme.tiers.map((t, i) => [t.label[lang], tierCriteriaText(scheme, i, lang), benefitsText(t)[lang]]));
    const onSheet = sheet.tables.find((t) => t.title === SECTIONS[lang][5])!;
    // Continuation rows keep the colour of the tier they continue.
    const starts = onSheet.rows.map((r, i) => (r[0] !== null ? i : -1)).filter((i) => i >= 0);
    expect(starts.map((i) => onSheet.rowFills![i])).toEqual(scheme.tiers.map((t) => t.color));
    onSheet.rows.forEach((r, i) => r[0] === null && expect(onSheet.rowFills![i]).toBe(onSheet.rowFills![i - 1]));
  });

  it('Markdown holds every table of the handbook, cell for cell', () => {
    const lines = new Set(tableLines(md));
    const line = (r: readonly string[]) => `| ${r.map(markdownCell).join(' | ')} |`;
    for (const t of doc.sections.flatMap((s) => s.tables)) {
      expect(lines.has(line(t.header))).toBe(true);
      for (const r of t.rows) expect(lines.has(line(r))).toBe(true);
    }
    // Every table line has as many cells as its header.
    const blocks = md.split('\n\n').filter((b) => b.startsWith('|'));
    for (const b of blocks) {
      const rows = b.trim().split('\n').map(cells);
      for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
      expect(rows[1]!.every((c) => c === '---')).toBe(true);
    }
  });

  it('states the review period, churn days and downgrade policy of the scheme', () => {
    const every = { quarter: zh ? '每季度' : 'every quarter', 'half-year': zh ? '每半年' : 'every half-year', year: zh ? '每年' : 'every year' }[scheme.review.period];
    expect(md).toContain(every);
    expect(md).toContain(zh ? `超过 ${scheme.review.churnDays} 天无消费` : `more than ${scheme.review.churnDays} days`);
  });
});

describe('key lines', () => {
  const md = (id: string, lang: Lang) => handbookMarkdown(byId(id), lang);

  it('b2b-value (zh): the summary row, the criteria table in words and numbers, keep-tier rule', () => {
    const text = md('b2b-value', 'zh-CN');
    expect(text).toContain('| VIP客户(战略客户) | 年度消费金额 ≥ ¥1,000,000 且 合作年限 ≥ 5 年 | 定制化解决方案、重要活动邀请、行业报告（专属服务团队，每月至少拜访一次） |');
    expect(text).toContain('| 客户等级 | 年度消费金额 | 合作年限 | 划分标准 |');
    expect(text).toContain('| 重要客户 | ≥ ¥500,000 | ≥ 3 年 | 年度消费金额 ≥ ¥500,000 且 合作年限 ≥ 3 年 |');
    expect(text).toContain('| 普通客户 | ≥ ¥100,000 | — | 年度消费金额 ≥ ¥100,000 |');
    // Thresholds are nested, so "meets none" reads as failing the last one.
    expect(text).toContain('| 潜在客户 | < ¥100,000 | — | 年度消费金额 < ¥100,000 |');
    expect(text).toContain('| 普通客户 | 客户经理 | 按需联系 | 电话和邮件 |');
    expect(text).toContain('| 降级 | 评定等级低于当前等级时先保留当前等级（保级）；连续 2 期（每期为一年）未达标的，于第 2 期降至评定等级。 |');
    expect(text).toContain('| 流失 | 超过 365 天无消费，或不再出现在客户名单中的客户视为流失，计入"流失分析"表；重新消费后按新客户评级。 |');
  });

  it('b2b-value (en)', () => {
    const text = md('b2b-value', 'en-US');
    expect(text).toContain(
      '| VIP (strategic) | Annual spend ≥ ¥1,000,000 and Years of cooperation ≥ 5 years | Customised solutions; Invitations to key events; Industry reports (Dedicated service team, visit at least monthly) |',
    );
    expect(text).toContain('| Downgrade | A customer graded below its current tier keeps it (tier protection) until graded below for 2 consecutive years; at the 2nd it moves down to the grade. |');
  });

  it('salon-spend (en): the fallback in numbers; no service set, and the handbook says where to add it', () => {
    const text = md('salon-spend', 'en-US');
    expect(text).toContain('| Regular Member | Annual spend < ¥5,000 | Basic service; New-product notices |');
    expect(text).toContain('| Diamond Member | — | — | — |');
    expect(text).toContain('The scheme sets no service owner, cadence or channel; add them under "Tiers and benefits" on the Tier Rules sheet.');
    expect(text).toContain('| Downgrade | When graded below its current tier, the customer moves down to the grade at once. |');
  });

  it('crm-activity (zh): strict thresholds, the fallback in words, one step per quarter', () => {
    const text = md('crm-activity', 'zh-CN');
    expect(text).toContain('| 钻石级 | > ¥5,000 | > 10 次 | — | 年度消费金额 > ¥5,000 且 消费次数 > 10 次 |');
    expect(text).toContain('| 白银级 | — | — | ≥ ¥500 | 平均订单金额 ≥ ¥500 |');
    expect(text).toContain('| 普通级 | — | — | — | 其余客户（不满足以上任一等级条件） |');
    expect(text).toContain('评定等级低于当前等级时，每季度最多下调一级，直至与评定等级一致。');
    expect(text).toContain('| 评估周期 | 每季度评定一次（期间标记如 2025Q1），以期末为数据截止日；结果记入"等级历史"表，作为下期比较和升降级的依据。 |');
  });

  it('abc-revenue: cut points as cumulative shares', () => {
    expect(md('abc-revenue', 'zh-CN')).toContain('| B类客户 | 年度消费金额累计占比 80%–95%（含下限） |');
    const en = md('abc-revenue', 'en-US');
    expect(en).toContain('| Class A | Annual spend cumulative share < 80% |');
    expect(en).toContain('| Class C | Annual spend cumulative share ≥ 95% |');
    expect(en).toContain('Cut points: 80%, 95%.');
  });

  it('rfm-5: segments as score ranges, and what R, F and M mean', () => {
    const text = md('rfm-5', 'zh-CN');
    expect(text).toContain('| 客户等级 | R | F | M | 划分标准 |');
    expect(text).toContain('| 重要价值客户 | 4–5 | 4–5 | 4–5 | R 4–5 分 且 F 4–5 分 且 M 4–5 分 |');
    expect(text).toContain('| 新客户 | 4–5 | 1 | — | R 4–5 分 且 F 1 分 |');
    expect(text).toContain('| 休眠客户 | — | — | — | 其余客户（不属于以上任一客户群） |');
    expect(text).toContain('| R | 距最近消费天数 | 最近一次消费距今多久：天数越少，得分越高 |');
    expect(md('rfm-5', 'en-US')).toContain('| Loyal | 3–5 | 4–5 | — | R 3–5 and F 4–5 |');
  });

  it('b2b-weighted: score lines, bands read as ranges, the zero band below the lowest', () => {
    const text = md('b2b-weighted', 'zh-CN');
    expect(text).toContain('| VIP客户(战略客户) | 综合得分 ≥ 80 分 |');
    expect(text).toContain('| 潜在客户 | 综合得分 < 35 分 |');
    expect(text).toContain('| 年度消费金额 | 50% | ≥ ¥1,000,000 | 100 分 |');
    expect(text).toContain('|  |  | ≥ ¥500,000 且 < ¥1,000,000 | 80 分 |');
    expect(text).toContain('|  |  | < ¥50,000 | 0 分 |');
    expect(text).toContain('|  |  | ≥ 1 年 且 < 3 年 | 30 分 |');
    // Growth potential cannot go below 0 (its valid range starts there): no zero band for it.
    expect(text).toContain('|  |  | ≥ 0 分 且 < 4 分 | 10 分 |');
    expect(text).not.toContain('< 0 分');
    expect(text).toContain('空白按 0 计：增长潜力。');
    expect(text).toContain('| 增长潜力 | 分值 | 越高越好 | 按 0 计 | 0 分–10 分 |');
    const en = md('b2b-weighted', 'en-US');
    expect(en).toContain('| Years of cooperation | 25% | ≥ 8 years | 100 |');
    expect(en).toContain('| Potential | Score < 35 | Nurturing campaigns (Managed centrally, contact as needed) |');
  });
});


/** A rules scheme with alternatives, a range and a pipe in a label and a benefit. */
function oddScheme(): Scheme {
  const input: SchemeInput = {
    id: 'odd',
    name: L('特殊方案', 'Odd scheme'),
    tiers: [
      { id: 'a', label: L('A|级', 'A|tier'), color: '#111111', benefits: { lines: [L('折扣 | 9 折', 'Discount | 10%'), L('专线\\热线', 'Line\\hotline')] } },
      { id: 'b', label: L('B级', 'B tier'), color: '#222222' },
      { id: 'c', label: L('C级', 'C tier'), color: '#333333' },
    ],
    criteria: [
      { metric: 'annualSpend', label: L('年度消费金额', 'Annual spend'), unit: 'currency' },
      { metric: 'cooperationYears', label: L('合作年限', 'Years of cooperation'), unit: 'years' },
    ],
    mode: {
      kind: 'rules',
      rules: [
        {
          tier: 'a',
          when: {
            any: [
              { all: [{ metric: 'annualSpend', op: '>=', value: 1_000_000 }, { metric: 'cooperationYears', op: '>=', value: 5 }] },
              { metric: 'annualSpend', op: '>=', value: 3_000_000 },
            ],
          },
        },
        { tier: 'b', when: { metric: 'cooperationYears', op: 'between', value: 3, max: 5 } },
      ],
    },
  };
  return parseScheme(input);
}

describe('conditions in words', () => {
  const s = oddScheme();

  it('alternatives are bracketed and joined with 或 / or; ranges read as between', () => {
    const rules = s.mode.kind === 'rules' ? s.mode.rules : [];
    expect(conditionText(s, rules[0]!.when, 'zh-CN')).toBe('（年度消费金额 ≥ ¥1,000,000 且 合作年限 ≥ 5 年） 或 年度消费金额 ≥ ¥3,000,000');
    expect(conditionText(s, rules[0]!.when, 'en-US')).toBe('(Annual spend ≥ ¥1,000,000 and Years of cooperation ≥ 5 years) or Annual spend ≥ ¥3,000,000');
    expect(conditionText(s, rules[1]!.when, 'zh-CN')).toBe('合作年限 介于 3 年 与 5 年 之间');
    // The last rule is not implied by the first (6 years is ≥ 5 but not within 3–5): the fallback stays in words.
    expect(tierCriteriaText(s, 2, 'en-US')).toBe('All other customers (meeting none of the conditions above)');
  });

  it('the criteria table numbers alternative groups', () => {
    const t = handbook(s, 'zh-CN').sections[0]!.tables[0]!;
    expect(t.rows[0]).toEqual(['A|级', '(1) ≥ ¥1,000,000；(2) ≥ ¥3,000,000', '(1) ≥ 5 年', '（年度消费金额 ≥ ¥1,000,000 且 合作年限 ≥ 5 年） 或 年度消费金额 ≥ ¥3,000,000']);
    expect(t.rows[1]).toEqual(['B级', '—', '介于 3 年 与 5 年 之间', '合作年限 介于 3 年 与 5 年 之间']);
    expect(t.notes).toContain('(1)、(2) … 为可选的条件组，满足其中任一组即可。');
  });
});

describe('wrapText (sheets cannot wrap a cell, so long texts continue on the next rows)', () => {
  it('breaks Chinese after punctuation, or between characters, never before closing punctuation', () => {
    const text = '评定等级低于当前等级时先保留当前等级（保级）；连续 2 期（每期为一年）未达标的，于第 2 期降至评定等级。';
    for (const width of [20, 30, 40, 48]) {
      const lines = wrapText(text, width);
      expect(lines.join('')).toBe(text);
      for (const l of lines) expect(displayWidth(l.trimEnd())).toBeLessThanOrEqual(width);
      for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。；、）]/);
      for (const l of lines) expect(l).not.toMatch(/（$/);
    }
    // After the semicolon rather than mid-phrase when the line is full enough.
    expect(wrapText(text, 48)[0]).toBe('评定等级低于当前等级时先保留当前等级（保级）；');
  });

  it('breaks English after spaces, keeping the space at the line end; numbers stay whole', () => {
    const lines = wrapText('Annual spend ≥ ¥1,000,000 and Years of cooperation ≥ 5 years', 20);
    expect(lines).toEqual(['Annual spend ≥ ', '¥1,000,000 and Years ', 'of cooperation ≥ 5 ', 'years']);
    expect(wrapText('short', 20)).toEqual(['short']);
    // An unbroken run longer than the line is cut where it must be.
    expect(wrapText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('Markdown escaping', () => {
  it('escapes pipes and backslashes in cells and turns line breaks into <br>', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('a\\b')).toBe('a\\\\b');
    expect(markdownCell('one\ntwo')).toBe('one<br>two');
  });

  it('a pipe in a tier label or a benefit does not split the cell', () => {
    const md = handbookMarkdown(oddScheme(), 'zh-CN');
    const row = tableLines(md).find((l) => l.startsWith('| A\\|级 | 折扣'))!;
    expect(row).toBe('| A\\|级 | 折扣 \\| 9 折、专线\\\\热线 |');
    expect(cells(row)).toEqual(['A|级', '折扣 | 9 折、专线\\热线']);
  });
});
