// The task pane's session over the file host: the same calls the standalone worker and the Office pane make.
import { describe, it, expect } from 'vitest';
import { getPreset, parseScheme, schemeToJson, type Scheme } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { RunError } from '../../src/run/errors.ts';
import { GradingSession } from '../../src/run/session.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';
import { TEMPLATE_SHEETS } from '../../scripts/template.ts';

const TODAY = 46_000; // 2025-12-09

function session(bytes = sampleWorkbook({ customers: 400, seed: 7, messy: true })) {
  const book = FileWorkbook.open(bytes, 'sample.xlsx');
  return { book, s: new GradingSession(() => book, { lang: 'zh-CN', today: TODAY }) };
}

/** b2b-value with its top threshold on annual spend lowered: more customers qualify for the top tier. */
function easier(scheme: Scheme): Scheme {
  const json = JSON.parse(schemeToJson(scheme));
  const visit = (c: { metric?: string; value?: number; all?: unknown[]; any?: unknown[] }): void => {
    if (c.metric === 'annualSpend' && typeof c.value === 'number') c.value = c.value / 4;
    for (const x of [...(c.all ?? []), ...(c.any ?? [])]) visit(x as typeof c);
  };
  for (const r of json.mode.rules) visit(r.when);
  return parseScheme(json);
}

describe('grading session', () => {
  const b2b = getPreset('b2b-value')!;
  const names = TEMPLATE_SHEETS['zh-CN'];

  it('inspects the data: customer sheet, related sheets, header row and the mapped columns', async () => {
    const { s } = session();
    const view = await s.inspect(b2b, {});
    expect(view.customerSheet).toBe(names.customers);
    expect(view.generated).toBe(false);
    expect(view.customers).toBe(401);
    expect(view.related).toEqual({ orders: names.orders, interactions: names.interactions, satisfaction: names.satisfaction });
    expect(view.sheets.find((x) => x.name === names.orders)?.role).toBe('orders');
    const id = view.fields.find((f) => f.field === 'id')!;
    expect(id.col).not.toBeNull();
    expect(view.columns.find((c) => c.col === id.col)?.field).toBe('id');
    for (const f of view.fields.filter((x) => x.required)) expect(f.col !== null || f.fromRelated !== null, f.field).toBe(true);
  });

  it('says the latest date in the data, so that the pane’s default period holds it (not today’s)', async () => {
    const { s, book } = session();
    const view = await s.inspect(b2b, {});
    // Independent: the latest 订单日期 on the orders sheet, read as the workbook holds it.
    const rows = (await book.readSheet(names.orders)).values;
    const header = rows.findIndex((r) => r.includes('订单日期'));
    const col = rows[header]!.indexOf('订单日期');
    const dates = rows.slice(header + 1).map((r) => r[col]).filter((v): v is number => typeof v === 'number');
    expect(dates.length).toBeGreaterThan(100);
    expect(view.asOf).toBe(Math.floor(Math.max(...dates)));
    expect(view.asOf).toBeLessThan(TODAY + 400);
    // A period chosen: the view says no data date (the period's end is what counts then).
    expect((await s.inspect(b2b, { period: '2025' })).asOf).toBeNull();
  });

  it('previews without writing, then applies; the next preview compares with what was applied', async () => {
    const { s, book } = session();
    const before = await s.preview(b2b, {});
    expect(before.lastApplied).toBeNull();
    expect(before.moves.compared).toBe(false);
    expect(before.mix.bars.map((b) => b.tier)).toEqual(b2b.tiers.map((t) => t.id));
    expect(before.mix.bars.reduce((n, b) => n + b.customers, 0) + before.mix.unrated).toBe(401);
    expect((await book.listSheets()).length).toBe(4); // nothing written

    const progress: string[] = [];
    const applied = await s.apply(b2b, {}, (p) => progress.push(p.stage));
    expect(progress).toContain('write');
    expect(applied.mix).toEqual(before.mix);
    expect(applied.issueCount).toBeGreaterThan(0); // the messy sample has unreadable cells
    const withCell = applied.issues.find((x) => x.cell);
    expect(withCell?.sheet).toBe(names.customers);
    expect(withCell?.cell).toMatch(/^[A-Z]+\d+$/);

    const again = await s.preview(b2b, {});
    expect(again.moves).toMatchObject({ compared: true, up: 0, down: 0, fresh: 0 });
    expect(again.moves.same).toBe(applied.mix.graded);

    const what = await s.preview(easier(b2b), {});
    expect(what.moves.up).toBeGreaterThan(0);
    expect(what.moves.down).toBe(0);
    expect(what.mix.bars[0]!.customers).toBeGreaterThan(again.mix.bars[0]!.customers);
  });

  it('saves and reads the rules sheet, writes summaries for a period and the handbook', async () => {
    const { s, book } = session();
    expect((await s.rules()).scheme).toBeNull();
    const crm = getPreset('crm-activity')!;
    const sheet = await s.saveRules(crm);
    const rules = await s.rules();
    expect(rules.sheet).toBe(sheet);
    expect(rules.scheme?.id).toBe('crm-activity');

    await s.summaries(b2b, {}, '2025H1');
    const second = await s.summaries(b2b, {}, '2025H2');
    expect(second.previousPeriod).toBe('2025H1');
    expect(second.sheets.length).toBe(3);
    expect(second.moves.compared).toBe(true);
    await expect(s.summaries(b2b, {}, 'next spring')).rejects.toThrow(RunError);

    const handbook = await s.handbook(b2b);
    expect((await book.listSheets()).map((x) => x.name)).toContain(handbook);
  });

  it('names the sheet and the headers found when the mapping falls short', async () => {
    const { s } = session();
    const view = await s.inspect(b2b, { sheet: names.customers, mapping: { annualSpend: '没有这列' } });
    expect(view.blocking?.['zh-CN']).toContain(names.customers);
    expect(view.customerSheet).toBe(names.customers);
    expect(view.columns.length).toBeGreaterThan(5); // shown, so the mapping can be fixed
    expect(view.problems.find((p) => p.severity === 'error')?.field).toBe('annualSpend');
    // The pane's words, not the command line's: the column is chosen in the dropdown.
    expect(JSON.stringify([view.problems, view.blocking])).not.toContain('--map');
    expect(view.related.orders).toBe(names.orders);
    await expect(s.preview(b2b, { sheet: names.customers, mapping: { annualSpend: '没有这列' } })).rejects.toThrow(RunError);
  });

  it('cancels between blocks', async () => {
    const { s } = session();
    const ctl = new AbortController();
    const run = s.apply(b2b, {}, (p) => {
      if (p.stage === 'grade') ctl.abort();
    }, ctl.signal);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});
