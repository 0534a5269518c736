// Dates as other systems export them (issue 13): month names, weekdays after the date, milliseconds.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/values/date.ts';
import { isoDateToSerial } from '../../../src/core/values/serial-date.ts';

const MAR1 = isoDateToSerial(2025, 3, 1);

describe('dates exported by other systems', () => {
  it.each([
    ['Mar 1, 2025', MAR1],
    ['Mar 1 2025', MAR1],
    ['March 1, 2025', MAR1],
    ['1 Mar 2025', MAR1],
    ['1-Mar-2025', MAR1],
    ['01-Mar-25', MAR1],
    ['01-MAR-2025', MAR1],
    ['2025-Mar-01', MAR1],
    ['Sat, Mar 1, 2025', MAR1],
    ['Saturday, March 1, 2025', MAR1],
    ['2025/3/1 星期六', MAR1],
    ['2025/3/1（周六）', MAR1],
    ['2025-03-01 周六', MAR1],
    ['2025年3月1日 周六', MAR1],
    ['2025年3月1日星期六', MAR1],
    ['2025年3月1日 礼拜六', MAR1],
    ['2025-03-01 10:22:00.000', MAR1 + (10 * 3600 + 22 * 60) / 86400],
    ['Mar 1, 2025 10:22', MAR1 + (10 * 3600 + 22 * 60) / 86400],
    ['1-Mar-99', isoDateToSerial(1999, 3, 1)],
    ['1-Mar-29', isoDateToSerial(2029, 3, 1)],
    ['1-Mar-30', isoDateToSerial(1930, 3, 1)],
  ])('%s', (text, serial) => {
    const r = parseDate(text);
    expect(r, JSON.stringify(r)).toEqual({ ok: true, value: serial });
  });

  it('keeps refusing 3/1/2025, saying both readings in both languages', () => {
    const r = parseDate('3/1/2025');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message['zh-CN']).toContain('可能是 2025-03-01，也可能是 2025-01-03');
    expect(r.message['en-US']).toContain('it could be 2025-03-01 or 2025-01-03');
  });

  it.each([
    ['2025/3/1 星期五', '2025-03-01 是星期六，不是星期五', '2025-03-01 is a Saturday, not a Friday'],
    ['Fri, Mar 1, 2025', '2025-03-01 是星期六，不是星期五', '2025-03-01 is a Saturday, not a Friday'],
    ['Feb 30, 2025', '没有这一天', 'there is no such day'],
    ['Mrz 1, 2025', '无法把“Mrz 1, 2025”识别为日期', 'Cannot read "Mrz 1, 2025" as a date'],
    ['1-Mar', '无法把“1-Mar”识别为日期', 'Cannot read "1-Mar" as a date'],
  ])('refuses %s', (text, zh, en) => {
    const r = parseDate(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('not-a-date');
    expect(r.message['zh-CN']).toContain(zh);
    expect(r.message['en-US']).toContain(en);
  });
});
