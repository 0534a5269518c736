// Review summaries a period run leaves in the workbook: tier mix, and — when an earlier period is in the
// history — movement between the two periods and churn by tier. Static tables here; the Office host may
// build native PivotTables on top.
import {
  churnByTier,
  churnSheet,
  generatedSheetName,
  type OwnedSheets,
  historyHeader,
  mixSheet,
  movementSheet,
  readHistory,
  tierMixOf,
  tierMovement,
  type CellValue,
  type GradeResult,
  type HistoryRecord,
  type Lang,
} from '../core/index.ts';
import type { SummariesReport, WorkbookPort } from '../port/workbook.ts';

export interface SummariesWritten {
  mix: string;
  movement: string | null;
  churn: string | null;
  /** What a host with native summaries (PivotTables) reported; absent for static tables. */
  native?: SummariesReport;
}

/** Churn by tier as a static table (also next to native PivotTables: churn is a rate table, not a pivot). */
export async function writeChurn(
  port: WorkbookPort,
  sheetNames: readonly string[] | OwnedSheets,
  result: GradeResult,
  lang: Lang,
  snapshotRows: CellValue[][],
  earlier: HistoryRecord[] | null,
  /** The snapshot as history records, when the caller has read them already. */
  later?: HistoryRecord[],
): Promise<string | null> {
  if (!earlier || earlier.length === 0) return null;
  const { scheme } = result;
  const churn = generatedSheetName('churn', sheetNames, lang).name;
  const records = later ?? snapshotRecords(result, lang, snapshotRows);
  await port.replaceSheet({ ...churnSheet(churnByTier(scheme, earlier, records), scheme, lang), name: churn, kind: 'churn' });
  return churn;
}

/** The current period as history records: exactly what was just written to the history sheet. */
function snapshotRecords(result: GradeResult, lang: Lang, snapshotRows: CellValue[][]): HistoryRecord[] {
  return readHistory([historyHeader(result.scheme, lang), ...snapshotRows], result.scheme);
}

export async function writeSummaries(
  port: WorkbookPort,
  sheetNames: readonly string[] | OwnedSheets,
  result: GradeResult,
  lang: Lang,
  snapshotRows: CellValue[][],
  earlier: HistoryRecord[] | null,
): Promise<SummariesWritten> {
  const { scheme } = result;
  const mix = generatedSheetName('mix', sheetNames, lang).name;
  await port.replaceSheet({ ...mixSheet(tierMixOf(result), scheme, lang), name: mix, kind: 'mix' });
  if (!earlier || earlier.length === 0) return { mix, movement: null, churn: null };
  const later = snapshotRecords(result, lang, snapshotRows);
  const movement = generatedSheetName('movement', sheetNames, lang).name;
  await port.replaceSheet({ ...movementSheet(tierMovement(scheme, earlier, later), scheme, lang), name: movement, kind: 'movement' });
  const churn = await writeChurn(port, sheetNames, result, lang, snapshotRows, earlier, later);
  return { mix, movement, churn };
}
