// The scheme's downgrade policy across review periods, through the run: b2b-value keeps a customer in its
// tier until it has been below for 2 consecutive periods (after-periods, K = 2), and says so in the reason.
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';

const HEADER = ['客户编号', '客户名称', '年度消费金额', '合作年限'];

describe('downgrade policy across periods', () => {
  it('holds a key customer for one period below, then lets it drop', async () => {
    let book = FileWorkbook.open(createWorkbook([{ name: '客户', values: [HEADER, ['K1', '甲公司', 600_000, 4], ['K2', '乙公司', 600_000, 4]] }]), 'b.xlsx');
    const period = async (label: string, k1Spend: number) => {
      await book.writeColumns({ sheet: '客户', headerRow: 1, firstRow: 2, columns: [{ col: 2, header: '年度消费金额', values: [k1Spend, 600_000] }] });
      const run = await gradeWorkbook(book, { lang: 'zh-CN', period: label, gradedAt: new Date(2026, 0, 5) });
      book = FileWorkbook.open(book.toXlsx(), 'b.xlsx');
      const values = (await book.readSheet('客户')).values;
      return { run, tier: values[1]![4], reason: String(values[1]![6]), gap: String(values[1]![7]), change: values[1]![9] };
    };
    const p1 = await period('2025H1', 600_000);
    expect(p1.tier).toBe('重要客户');
    // Below "key" for the first time: kept, and the reason says why.
    const p2 = await period('2025H2', 200_000);
    expect(p2.tier).toBe('重要客户');
    expect(p2.run.held.size).toBe(1);
    // Every column says it was kept, and none lists the lower tier's criteria as if they were met.
    expect(p2.reason).toBe('保级：连续 1 期未达标，第 2 期降级（保持重要客户；本期按规则为普通客户）');
    expect(p2.gap).toBe('保级：需重新达到重要客户标准，否则下期降级');
    expect(p2.change).toBe('保级');
    // Below for the second consecutive period: it drops.
    const p3 = await period('2026H1', 200_000);
    expect(p3.tier).toBe('普通客户');
    expect(p3.run.held.size).toBe(0);
    expect(p3.change).toBe('↓');
    // The history keeps both: the tier held and the tier computed.
    const history = (await book.readSheet('等级历史')).values;
    const header = history[0]!;
    const row = history.find((r) => r[0] === '2025H2' && r[1] === 'K1')!;
    expect(row[header.indexOf('等级标识')]).toBe('key');
    expect(row[header.indexOf('计算等级')]).toBe('regular');
  });
});
