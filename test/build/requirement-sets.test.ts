// docs/excel-requirement-sets.md is generated from the code and @types/office-js (scripts/requirement-sets.ts):
// regenerated here, it must equal what is checked in, so the table cannot drift from the host.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, requirementSetTable } from '../../scripts/requirement-sets.ts';

describe('the requirement-set table in docs/', () => {
  it('is what scripts/requirement-sets.ts writes today (run `node --import tsx scripts/requirement-sets.ts` after changing the Office host)', () => {
    const table = requirementSetTable();
    // Read from the typings, not typed in: a few members and the sets Microsoft notes for them.
    expect(table).toContain('| `Excel.Table.resize` | ExcelApi 1.13 |');
    expect(table).toContain('| `Excel.Application.suspendScreenUpdatingUntilNextSync` | ExcelApi 1.9 |');
    expect(table).toContain('| `Excel.PivotTableCollection.add` | ExcelApi 1.8 | Always there: the manifest requires ExcelApi 1.8. |');
    expect(table).toContain('| `Excel.RunOptions.delayForCellEdit` |');
    expect(readFileSync(DOC, 'utf8')).toBe(table);
  }, 240_000);
});
