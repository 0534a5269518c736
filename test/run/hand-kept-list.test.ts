// A customer list kept by hand the Chinese way (issue 13), graded end to end through the file host: every
// customer graded to the tier its true values give, no note graded, recency counted to the latest date.
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/core/grading/grade.ts';
import { tableFromRecords } from '../../src/core/grading/table.ts';
import { isoDateToSerial } from '../../src/core/values/serial-date.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { HAND_KEPT, LATEST, NOTES, SECTION_NOTE, SHEET, handKeptScheme, handKeptWorkbook } from '../fixtures/hand-kept-list.ts';

const TODAY = isoDateToSerial(2026, 12, 3); // the clock must not matter: the data says when it ends

/** Graded with the fixture's scheme, or (null) with the default b2b-value as a new user would. */
async function run(scheme: ReturnType<typeof handKeptScheme> | null = handKeptScheme()) {
  const book = FileWorkbook.open(await handKeptWorkbook(), 'list.xlsx');
  const result = await gradeWorkbook(book, { lang: 'zh-CN', ...(scheme ? { scheme } : {}), today: TODAY });
  return { result, book };
}

/** The tiers the true values give, graded by the core from clean numbers. */
function trueTiers(): Map<string, string> {
  const scheme = handKeptScheme();
  const table = tableFromRecords(
    scheme,
    HAND_KEPT.map((c) => ({
      id: c.id,
      values: {
        annualSpend: c.truth.spend,
        cooperationYears: c.truth.years,
        orderCount: c.truth.orders,
        recencyDays: LATEST - isoDateToSerial(...c.truth.last),
      },
    })),
  );
  const r = grade(scheme, table);
  return new Map(table.ids.map((id, i) => [id, scheme.tiers[r.tier[i]!]!.id]));
}

describe('a hand-kept Chinese customer list', () => {
  it('grades every customer to the tier its true values give, and no note', async () => {
    const { result: r } = await run();
    const want = trueTiers();
    expect(new Set(want.values()).size).toBeGreaterThanOrEqual(4); // the fixture reaches every tier
    const got = new Map(r.result.table.ids.map((id, i) => [id, r.result.tier[i]! >= 0 ? r.scheme.tiers[r.result.tier[i]!]!.id : null]));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    expect(r.result.issues).toEqual([]);
  });

  it('takes the section line, and everything under the 合计 row, as notes and says so', async () => {
    const { result: r } = await run();
    expect(r.customers.noteRows).toEqual([14, 27, 28, 29]);
    expect(r.result.table.names.some((n) => n !== null && [...NOTES, SECTION_NOTE].includes(n))).toBe(false);
    expect(r.warnings.map((w) => w['zh-CN'])).toContainEqual(expect.stringContaining('4 行只有第一列有文字、没有任何指标（或在合计行之下），按备注处理'));
    expect(r.warnings.map((w) => w['en-US'])).toContainEqual(expect.stringContaining('4 rows with text in the first column only and no metric (or under the total row) taken as notes, not graded (rows 14, 27, 28, 29)'));
  });

  it('writes nothing beside the notes', async () => {
    const { book } = await run();
    const values = (await book.readSheet(SHEET)).values;
    const tierCol = values[2]!.indexOf('客户等级');
    expect(tierCol).toBeGreaterThan(0);
    for (const row of [14, 25, 27, 28, 29]) expect(values[row - 1]![tierCol] ?? null).toBeNull();
    expect(values[3]![tierCol]).not.toBeNull();
  });

  it('counts recency to the latest date in the list, not to today, and says which day it used', async () => {
    const { result: r } = await run();
    expect(r.asOf).toEqual({ serial: LATEST, source: 'data' });
    const recency = r.result.table.metrics.recencyDays!.values;
    expect(recency[r.result.table.ids.indexOf('KH-013')]).toBe(0);
  });

  it('with the default scheme, grades all 20 customers', async () => {
    const { result: r } = await run(null);
    expect(r.scheme.id).toBe('b2b-value');
    expect(r.result.size).toBe(20);
    expect(Array.from(r.result.tier).filter((t) => t >= 0)).toHaveLength(20);
  });
});
