// The Excel pane's API over the Excel fake: the whole flow the pane drives, and "show me" selecting the cell.
import { describe, it, expect } from 'vitest';
import { getPreset } from '../../../src/core/index.ts';
import { officeTaskpaneApi } from '../../../src/hosts/office/taskpane-api.ts';
import { XlsxWorkbook } from '../../../src/hosts/file/xlsx/index.ts';
import { FakeExcel } from '../../support/excel-fake/index.ts';
import { sampleWorkbook } from '../../../scripts/sample-workbook.ts';

function fakeFromSample(): FakeExcel {
  const book = XlsxWorkbook.open(sampleWorkbook({ customers: 300, seed: 11, messy: true }));
  return new FakeExcel(book.listSheets().map((s) => ({ name: s.name, values: book.readSheet(s.name).values as never })));
}

describe('the task pane API inside Excel (over the fake)', () => {
  const b2b = getPreset('b2b-value')!;

  it('inspects, previews, applies with progress, and shows an issue cell by selecting it', async () => {
    const fake = fakeFromSample();
    const api = officeTaskpaneApi('zh-CN', { run: fake.run, requirements: fake.requirements });
    const view = await api.inspect(b2b, {});
    expect(view.customers).toBe(301);
    const preview = await api.preview(b2b, {});
    expect(preview.moves.compared).toBe(false);
    const stages: string[] = [];
    const applied = await api.apply(b2b, {}, (p) => stages.push(p.stage)).promise;
    expect(stages).toContain('write');
    expect(applied.mix).toEqual(preview.mix);
    const issue = applied.issues.find((x) => x.sheet && x.cell)!;
    await api.showCell(issue.sheet!, issue.cell!);
    expect(fake.activeSheet).toBe(issue.sheet);
    expect(fake.selection).toMatch(new RegExp(`!${issue.cell}$`));
    // The tier column is in Excel now; the next preview compares with it.
    const again = await api.preview(b2b, {});
    expect(again.moves).toMatchObject({ compared: true, up: 0, down: 0 });
  });

  it('cancels between blocks: the promise rejects with a cancelled error', async () => {
    const fake = fakeFromSample();
    const api = officeTaskpaneApi('en-US', { run: fake.run, requirements: fake.requirements });
    const op = api.apply(b2b, {}, (p) => {
      if (p.stage === 'grade') op.cancel();
    });
    await expect(op.promise).rejects.toMatchObject({ code: 'cancelled' });
  });
});
