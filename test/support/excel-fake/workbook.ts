// workbook and workbook.application: the entry points of a request context.
import type { FakeContext } from './context.ts';
import { FakeOfficeError } from './model.ts';
import { FakeNamedItemCollection } from './names.ts';
import { FakePivotTableCollection } from './pivots.ts';
import { cost } from './requests.ts';
import { FakeTableCollection } from './tables.ts';
import { FakeWorksheetCollection } from './worksheets.ts';

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ bytes: cost('Application', 'suspendApiCalculationUntilNextSync'), calc: true, run: () => {} });
  }
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    if (!this.ctx.excel.isSetSupported('ExcelApi', '1.9'))
      throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.');
    this.ctx.excel.screenSuspendCalls++;
    this.ctx.enqueue({ bytes: cost('Application', 'suspendScreenUpdatingUntilNextSync'), screen: true, run: () => {} });
  }
}

export class FakeWorkbook {
  readonly application: FakeApplication;
  readonly names: FakeNamedItemCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly pivotTables: FakePivotTableCollection;
  constructor(ctx: FakeContext) {
    this.application = new FakeApplication(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.pivotTables = new FakePivotTableCollection(ctx, null);
  }
}
