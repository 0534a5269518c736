// Limits of real Excel the fake enforces beyond request sizes: cell edit mode and Excel.run's delayForCellEdit,
// the 32,767 characters a cell holds, the cells one operation may touch on the web, and a sync being a round
// trip (a task boundary on the pane's thread). See README.md for the Microsoft page behind each.
import { FakeOfficeError, type Rect } from './model.ts';

/** "Total number of characters that a cell can contain: 32,767" (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;
/** Excel.ErrorCodes OperationCellsExceedLimit: "The attempted operation affects more than the limit of 33554000 cells." */
export const OPERATION_CELL_LIMIT = 33_554_000;

/** The part of FakeExcel these rules read. */
export interface LimitState {
  /** The user is typing in a cell. */
  cellEditMode: boolean;
  /** What a sync fails with in edit mode when the run did not ask to wait (Excel.ErrorCodes: both exist). */
  cellEditCode: 'InvalidOperation' | 'InvalidOperationInCellEditMode';
  /** An Office build that predates delayForCellEdit: the option is ignored and the sync fails. */
  delayForCellEditIgnored: boolean;
  /** Each sync resolves in a later task (setTimeout), as a real round trip to Excel does, instead of a microtask. */
  taskPerSync: boolean;
}

/** Excel.run(batch) or Excel.run(options, batch). */
export function runArguments<B>(a: Excel.RunOptions | B, b: B | undefined): [Excel.RunOptions, B] {
  return b === undefined ? [{}, a as B] : [a as Excel.RunOptions, b];
}

/** The round trip of a sync: the pane's thread is free while Excel works (when `taskPerSync`). */
export function roundTrip(excel: LimitState): Promise<void> {
  return excel.taskPerSync ? new Promise((r) => setTimeout(r, 0)) : Promise.resolve();
}

/**
 * Cell edit mode, before a sync's commands run: with `delayForCellEdit` the request waits until the user leaves
 * the cell; without it the request fails. Returns the error to fail with, or null to go on.
 */
export async function cellEditGate(excel: LimitState, options: Excel.RunOptions): Promise<FakeOfficeError | null> {
  if (!excel.cellEditMode) return null;
  if (options.delayForCellEdit && !excel.delayForCellEditIgnored) {
    while (excel.cellEditMode) await new Promise((r) => setTimeout(r, 2));
    return null;
  }
  return new FakeOfficeError(
    excel.cellEditCode,
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  );
}

/** Range.values set: a string longer than a cell holds is refused. */
export function checkCellText(v: unknown, address: () => string): void {
  if (typeof v === 'string' && v.length > CELL_TEXT_LIMIT)
    throw new FakeOfficeError('InvalidArgument', `fake: ${v.length} characters for ${address()}, more than the ${CELL_TEXT_LIMIT} a cell can contain.`);
}

/** Whole-row (or other huge) operations: more than the cell limit of one operation is refused. */
export function checkOperationCells(rect: Rect, what: string): void {
  const cells = rect.rows * rect.cols;
  if (cells > OPERATION_CELL_LIMIT)
    throw new FakeOfficeError('OperationCellsExceedLimit', `The attempted operation (${what}) affects ${cells} cells, more than the limit of ${OPERATION_CELL_LIMIT} cells.`);
}
