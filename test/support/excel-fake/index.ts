// The Excel fake: a small in-memory model of the part of the Excel JavaScript API the Office host uses,
// strict where Excel is strict (see README.md for each rule and the Microsoft page it follows).
export { FakeExcel, FakeContext, PAYLOAD_LIMIT, READ_CELL_LIMIT, parseInput, type Fault, type FakeOptions, type SyncRecord } from './fake.ts';
export { FakeOfficeError, SheetModel, addressOf, parseAddress, colLetters, type Rect, type Scalar, type PivotModel, type ChartModel, type TableModel } from './model.ts';
export { FakeSettings } from './settings.ts';
