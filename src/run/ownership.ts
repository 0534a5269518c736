// What in the workbook is TierBook's: the output columns and generated sheets it marked (see
// port/marks.ts). Nothing else is ever replaced: a user's 客户等级 column or 等级历史 sheet is the user's.
//
// Workbooks graded by a version that did not mark yet are recognised by what that version always wrote: its
// output headers side by side, in its order, in one language. Such a block is taken as ours (and so are the
// sheets of that version's names); the next run marks them, and from then on marks alone decide. The same
// block is how a CSV (which keeps no marks) is re-graded without a second set of columns.
import { generatedSheetOf, isHistoryHeader, schemeFromSheet, type CellValue, type GeneratedSheetKey, type OutputColumnKey, type OwnedSheets } from '../core/index.ts';
import type { SheetInfo, WorkbookPort } from '../port/workbook.ts';

export interface Ownership {
  /** Sheet → the generated sheet it is. */
  sheets: Map<string, GeneratedSheetKey>;
  /** Sheet → its output columns that are ours, by key. */
  columns: Map<string, Partial<Record<OutputColumnKey, number>>>;
  /** Found through a previous version's header block (no marks in the workbook). */
  legacy: boolean;
}

/** The output headers of the versions before marks, in their order (fixed: they describe files already out there). */
const PREVIOUS_VERSION_HEADERS: readonly (readonly string[])[] = [
  ['客户等级', '等级得分', '客户权益', '评级依据', '距下一级', '上期等级', '等级变动', '数据问题'],
  ['Tier', 'Score', 'Benefits', 'Reason', 'Gap to next tier', 'Previous tier', 'Change', 'Data issues'],
];
const PREVIOUS_VERSION_KEYS: readonly OutputColumnKey[] = ['tier', 'score', 'benefits', 'reason', 'gap', 'previous', 'change', 'issues'];
/** Sheets only versions that mark have written (issue 17): a sheet of that name in an unmarked workbook is the user's. */
const MARKED_ONLY: ReadonlySet<GeneratedSheetKey> = new Set(['actions', 'cost']);
/** Where a previous version's header row can be: the header row is found within the first rows. */
const HEADER_SEARCH_ROWS = 30;

/**
 * A block of our output headers in one row — in our order, one language, each as we write it plain or made
 * distinct ("客户等级（TierBook）"), the score column possibly left out (rules mode) — as key → column.
 * This is how unmarked output is recognised: a previous version's, or any written where marks cannot be
 * kept (a CSV, Excel without ExcelApi 1.4).
 */
export function outputHeaderBlock(row: readonly CellValue[]): Partial<Record<OutputColumnKey, number>> | null {
  const same = (cell: CellValue | undefined, h: string) =>
    typeof cell === 'string' && [h, `${h}（TierBook）`, `${h} (TierBook)`].includes(cell.trim());
  for (const headers of PREVIOUS_VERSION_HEADERS) {
    for (const keys of [PREVIOUS_VERSION_KEYS, PREVIOUS_VERSION_KEYS.filter((k) => k !== 'score')]) {
      const hs = keys.map((k) => headers[PREVIOUS_VERSION_KEYS.indexOf(k)]!);
      for (let c = 0; c + hs.length <= row.length; c++) {
        if (hs.every((h, k) => same(row[c + k], h))) return Object.fromEntries(keys.map((k, i) => [k, c + i]));
      }
    }
  }
  return null;
}

export async function readOwnership(port: WorkbookPort, sheets: readonly SheetInfo[]): Promise<Ownership> {
  const marks = await port.readMarks();
  const names = new Set(sheets.map((s) => s.name));
  const own: Ownership = { sheets: new Map(), columns: new Map(), legacy: false };
  for (const m of marks.sheets) {
    const kind = m.kind as GeneratedSheetKey;
    if (names.has(m.sheet)) own.sheets.set(m.sheet, kind);
  }
  for (const m of marks.columns) {
    if (!names.has(m.sheet)) continue;
    const cols = own.columns.get(m.sheet) ?? {};
    cols[m.key as OutputColumnKey] = m.col;
    own.columns.set(m.sheet, cols);
  }
  if (!marks.columns.length && !marks.sheets.length) await findPreviousVersion(port, sheets, own);
  await adoptOurFormat(port, sheets, own);
  return own;
}

/** No marks: a workbook never graded, or graded by a previous version (recognised by its header block). */
async function findPreviousVersion(port: WorkbookPort, sheets: readonly SheetInfo[], own: Ownership): Promise<void> {
  for (const info of sheets) {
    if (info.lastRow === 0) continue;
    const { values } = await port.readSheet(info.name, { firstRow: 1, lastRow: Math.min(info.lastRow, HEADER_SEARCH_ROWS) });
    for (const row of values) {
      const block = outputHeaderBlock(row);
      if (!block) continue;
      own.columns.set(info.name, block);
      own.legacy = true;
      break;
    }
  }
  if (own.legacy) {
    for (const info of sheets) {
      const kind = generatedSheetOf(info.name);
      if (kind && !MARKED_ONLY.has(kind)) own.sheets.set(info.name, kind);
    }
  }
}

/**
 * A rules or history sheet with no mark, of our name and in our exact format (copied from a graded workbook
 * cell by cell, or left by a previous version) carries on as ours when no marked sheet of its kind exists:
 * a rules sheet that reads as a scheme, a history whose header is ours. A user's sheet of that name in any
 * other shape is never read as rules nor appended to.
 */
async function adoptOurFormat(port: WorkbookPort, sheets: readonly SheetInfo[], own: Ownership): Promise<void> {
  const has = (kind: GeneratedSheetKey) => [...own.sheets.values()].includes(kind);
  for (const info of sheets) {
    const kind = generatedSheetOf(info.name);
    if ((kind !== 'rules' && kind !== 'history') || own.sheets.has(info.name) || has(kind) || info.lastRow === 0) continue;
    if (kind === 'history') {
      const { values } = await port.readSheet(info.name, { firstRow: 1, lastRow: 1 });
      if (isHistoryHeader(values[0] ?? [])) own.sheets.set(info.name, kind);
    } else {
      const values = await port.readSheet(info.name);
      if (schemeFromSheet(values.values, values.firstRow, info.name).ok) own.sheets.set(info.name, kind);
    }
  }
}

export function ownedSheets(sheets: readonly SheetInfo[], own: Ownership): OwnedSheets {
  return { names: sheets.map((s) => s.name), owned: own.sheets };
}
