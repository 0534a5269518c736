// An Excel cell holds at most 32,767 characters: Excel refuses a longer value (the Office host's request fails)
// and "repairs" an .xlsx holding one. Text a run writes (a customer's name copied into the history, a movers
// list …) is cut to fit with a visible marker, and the run says which cell.
// https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
import { columnLetter } from '../core/issues.ts';
import { loc, type Lang, type Localized } from '../core/i18n.ts';
import { sheetValues } from '../core/output/tables.ts';
import type { CellValue, ColumnWrite, ColumnsPatch, WorkbookPort } from '../port/workbook.ts';
import { drainPausing, type Pause, type Steps } from './pause.ts';

export const CELL_TEXT_LIMIT = 32_767;
/** One character is left for the apostrophe the Office host puts before text Excel would otherwise parse. */
const ROOM = CELL_TEXT_LIMIT - 1;
const MARKER = loc('…[已截断]', '…[truncated]');
/** Cells named one by one in the warning; the rest are counted. */
const NAMED = 5;

/** The text cut to fit a cell, ending in the marker (never inside a surrogate pair). */
export function clampText(s: string, lang: Lang): string {
  if (s.length <= ROOM) return s;
  const marker = MARKER[lang];
  let end = ROOM - marker.length;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + marker;
}

function clampValue<V>(v: V, lang: Lang): V {
  return (typeof v === 'string' && v.length > ROOM ? clampText(v, lang) : v) as V;
}

/** Every string anywhere in plain data (a generated sheet, a summary spec) clamped; the rest shared. */
function clampDeep<T>(x: T, lang: Lang): T {
  if (typeof x === 'string') return clampValue(x, lang);
  if (Array.isArray(x)) return x.map((v: unknown) => clampDeep(v, lang)) as T;
  if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype)
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, clampDeep(v, lang)])) as T;
  return x;
}

/** Cells of the output columns scanned between two yields. */
const CELLS_PER_STEP = 65_536;

/**
 * The patch's columns with every text cut to fit (a column with none shared as it is), each long text
 * reported to `cut` with its cell; yields every few tens of thousands of cells (see pause.ts).
 */
export function* clampedColumnsSteps(
  patch: ColumnsPatch,
  lang: Lang,
  cut: (v: CellValue, where: () => Localized) => void,
): Steps<ColumnWrite[]> {
  const at = (cell: string) => loc(`${patch.sheet}!${cell}`, `${patch.sheet}!${cell}`);
  const columns: ColumnWrite[] = [];
  // Plain loops, a cell's address made only for a text too long: output columns run to a million cells each.
  for (const col of patch.columns) {
    if (col.header.length > ROOM) cut(col.header, () => at(`${columnLetter(col.col)}${patch.headerRow}`));
    let long = false;
    const values = col.values;
    for (let from = 0; from < values.length; from += CELLS_PER_STEP) {
      if (from > 0) yield;
      const to = Math.min(values.length, from + CELLS_PER_STEP);
      for (let r = from; r < to; r++) {
        const v = values[r];
        if (typeof v !== 'string' || v.length <= ROOM) continue;
        cut(v, () => at(`${columnLetter(col.col)}${patch.firstRow + r}`));
        long = true;
      }
    }
    if (long) yield;
    const kept = long ? { ...col, values: values.map((v) => clampValue(v, lang)) } : col;
    columns.push({ ...kept, header: clampValue(kept.header, lang) });
    yield;
  }
  return columns;
}

interface Cut {
  where: Localized;
  length: number;
}

/**
 * The port with every text it is asked to write cut to what a cell holds. `warnings()` names the cells cut
 * (sheet!cell where the run knows the address, else the sheet, column and record). With `pause`, the scan of
 * output columns (a million cells each) gives the thread back between parts.
 */
export function limitCellText(port: WorkbookPort, lang: Lang, pause?: Pause): { port: WorkbookPort; warnings(): Localized[] } {
  const cuts: Cut[] = [];
  const at = (sheet: string, cell: string) => loc(`${sheet}!${cell}`, `${sheet}!${cell}`);
  const note = (v: CellValue, where: () => Localized) => {
    if (typeof v === 'string' && v.length > ROOM) cuts.push({ where: where(), length: v.length });
  };
  // Plain loops, and a cell's address made only for a text too long: sheets of a million cells pass here.
  const gridCuts = (sheet: string, grid: readonly (readonly CellValue[])[], firstRow: number) => {
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r]!;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string' && v.length > ROOM) note(v, () => at(sheet, `${columnLetter(c)}${firstRow + r}`));
      }
    }
  };

  const limited: WorkbookPort = {
    listSheets: () => port.listSheets(),
    readSheet: (name, options) => port.readSheet(name, options),
    ...(port.readColumns ? { readColumns: port.readColumns.bind(port) } : {}),
    readMarks: () => port.readMarks(),
    writeColumns: async (patch, onProgress) => {
      const columns = await drainPausing(clampedColumnsSteps(patch, lang, note), pause);
      // The host's own work on the columns (planning the blocks) starts a task of its own.
      if (pause) await pause();
      return port.writeColumns({ ...patch, columns }, onProgress);
    },
    replaceSheet: (sheet) => {
      gridCuts(sheet.name, sheetValues(sheet), 1);
      return port.replaceSheet(clampDeep(sheet, lang));
    },
    appendRows: (sheet, header, rows, replace, kind, formats) => {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (typeof v !== 'string' || v.length <= ROOM) continue;
          note(v, () => {
            const col = header[c] ? `${columnLetter(c)}（${header[c]}）` : columnLetter(c);
            const colEn = header[c] ? `${columnLetter(c)} (${header[c]})` : columnLetter(c);
            return loc(`${sheet} 的 ${col}列，本次新增的第 ${i + 1} 行`, `${sheet}, column ${colEn}, new row ${i + 1} of this run`);
          });
        }
      }
      return port.appendRows(sheet, header, rows.map((r) => r.map((v) => clampValue(v, lang))), replace, kind, formats);
    },
  };
  if (port.revision) limited.revision = port.revision.bind(port);
  if (port.summaries) {
    const summaries = port.summaries.bind(port);
    limited.summaries = (specs, onProgress) => {
      for (const spec of specs) gridCuts(spec.source.sheet, spec.source.rows, 2);
      return summaries(clampDeep(specs, lang), onProgress);
    };
  }
  return {
    port: limited,
    warnings() {
      if (!cuts.length) return [];
      const named = cuts.slice(0, NAMED);
      const more = cuts.length - named.length;
      const n = (c: Cut) => c.length.toLocaleString('en-US');
      const zh = named.map((c) => `${c.where['zh-CN']}（${n(c)} 字）`).join('、');
      const en = named.map((c) => `${c.where['en-US']} (${n(c)} characters)`).join(', ');
      return [
        loc(
          `${cuts.length} 个单元格的文字超过 Excel 单元格 32,767 个字符的上限，已截断并以"${MARKER['zh-CN']}"结尾：${zh}${more ? ` 等（另有 ${more} 个）` : ''}。原数据未被改动。`,
          `${cuts.length} cell${cuts.length === 1 ? '' : 's'} would hold more than the 32,767 characters an Excel cell holds and ${cuts.length === 1 ? 'was' : 'were'} truncated, ending in "${MARKER['en-US']}": ${en}${more ? ` and ${more} more` : ''}. Your own data is unchanged.`,
        ),
      ];
    },
  };
}
