// Currency (issue 13): amounts are shown in the data's currency when the scheme sets none, and the run
// says so; a column mixing currencies is a warning naming the cells, never a silent sum.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';

async function book(spend: (string | number)[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customers');
  ws.addRow(['Customer ID', 'Annual spend', 'Years']);
  spend.forEach((s, i) => ws.addRow([`C${i + 1}`, s, 6]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const reasonOf = async (b: FileWorkbook, row: number) => {
  const { values } = await b.readSheet('Customers');
  const col = values[0]!.indexOf('评级依据');
  return String(values[row - 1]![col]);
};

describe('the currency amounts are shown in', () => {
  it('is the one the cells show when the scheme sets none, and the run says so', async () => {
    const b = FileWorkbook.open(await book(['£1,250,000', '£80,000', 520000]), 'uk.xlsx');
    const run = await gradeWorkbook(b, { lang: 'zh-CN' });
    expect(run.scheme.currency).toBe('£');
    expect(run.warnings.map((w) => w['zh-CN'])).toContain('金额单元格带有 £（如 Customers!B2, Customers!B3），方案未设定币种，本次按 £ 显示金额');
    expect(run.warnings.map((w) => w['en-US'])).toContain(
      'Amount cells show £ (e.g. Customers!B2, Customers!B3) and the scheme sets no currency, so amounts are shown in £',
    );
    expect(await reasonOf(b, 2)).toContain('£1,250,000');
    expect(await reasonOf(b, 2)).not.toContain('¥');
  });

  it('a column mixing currencies is a warning naming the cells; the currency stays', async () => {
    const b = FileWorkbook.open(await book(['£1,250,000', '$80,000', '£600,000', 1000]), 'mixed.xlsx');
    const run = await gradeWorkbook(b, { lang: 'en-US' });
    expect(run.scheme.currency).toBe('¥');
    expect(run.warnings.map((w) => w['en-US'])).toContain(
      'Column "Annual spend" of sheet "Customers" mixes currencies (£: B2, B4; $: B3); amounts are not converted, so they do not add up or compare',
    );
    expect(run.warnings.map((w) => w['zh-CN'])).toContain(
      '工作表"Customers"的"Annual spend"列混有多种币种（£：B2, B4；$：B3），金额未做汇率换算，不能直接相加或比较',
    );
  });

  it('a currency the rules sheet sets is kept, and a different one in the cells is a warning', async () => {
    const b = FileWorkbook.open(await book(['£1,250,000', 520000]), 'uk.xlsx');
    await gradeWorkbook(b, { lang: 'en-US', scheme: { ...(await import('../../src/core/index.ts')).getPreset('b2b-value')!, currency: '€' } });
    const again = await gradeWorkbook(b, { lang: 'en-US' });
    expect(again.schemeSource).toBe('rules-sheet');
    expect(again.scheme.currency).toBe('€');
    expect(again.warnings.map((w) => w['en-US'])).toContain(
      "The scheme's currency is € but amount cells show £ (e.g. Customers!B2); amounts are compared as numbers, not converted",
    );
  });
});
