// What TierBook marks as its own in a workbook: its output columns and its generated sheets, each under a
// hidden workbook-level defined name. Excel, WPS and LibreOffice keep defined names (and move their
// references when columns are inserted or sheets renamed); Office.js reads them from ExcelApi 1.4. Only what
// is marked is ever replaced: a user's column or sheet that merely has one of our names is left alone.

export interface ColumnMark {
  sheet: string;
  /** The output column's key ('tier', 'score' …). */
  key: string;
  /** 0-based column. */
  col: number;
}

export interface SheetMark {
  sheet: string;
  /** The generated sheet's kind ('rules', 'history' …). */
  kind: string;
}

export interface TierBookMarks {
  columns: ColumnMark[];
  sheets: SheetMark[];
}

const PREFIX = '_TierBook.';
const NAME = /^_TierBook\.(col|sheet)\.([A-Za-z]+)\.(\d+)$/i;
/** `'Sheet'!$H:$H`, `Sheet!H:H`, `'Sheet'!$1:$1048576` …: the sheet, and the column of a column reference. */
const REF = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/;
const COLUMN = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;

/** True for the names TierBook owns (every mark, of any kind). */
export function isMarkName(name: string): boolean {
  return name.toLowerCase().startsWith(PREFIX.toLowerCase());
}

export function columnMarkName(key: string, n: number): string {
  return `${PREFIX}col.${key}.${n}`;
}

export function sheetMarkName(kind: string, n: number): string {
  return `${PREFIX}sheet.${kind}.${n}`;
}

/** A sheet name as a formula reference ('It''s' quoted, always: Excel accepts it for every name). */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** What a column mark refers to: the whole column, so that it follows the column when others are inserted. */
export function columnMarkRef(sheet: string, col: number): string {
  const c = letters(col);
  return `${quoted(sheet)}!$${c}:$${c}`;
}

/** What a sheet mark refers to: every row of the sheet (deleting rows cannot break it; renaming moves it). */
export function sheetMarkRef(sheet: string): string {
  return `${quoted(sheet)}!$1:$1048576`;
}

/** The mark a defined name states, or null (not ours, or its reference was deleted: "#REF!"). */
export function parseMark(name: string, formula: string): ColumnMark | SheetMark | null {
  const m = NAME.exec(name);
  const r = REF.exec(formula.trim());
  if (!m || !r) return null;
  const sheet = r[1] !== undefined ? r[1].replace(/''/g, "'") : r[2]!;
  if (r[3]!.includes('#REF!') || sheet.includes('#REF!')) return null;
  if (m[1]!.toLowerCase() === 'sheet') return { sheet, kind: m[2]! };
  const c = COLUMN.exec(r[3]!);
  if (!c || c[1]!.toUpperCase() !== c[2]!.toUpperCase()) return null;
  return { sheet, key: m[2]!, col: columnIndex(c[1]!) };
}

/** Marks from (name, formula) pairs: column marks and sheet marks, unreadable ones left out. */
export function marksFrom(names: readonly { name: string; formula: string }[]): TierBookMarks {
  const out: TierBookMarks = { columns: [], sheets: [] };
  for (const n of names) {
    const mark = parseMark(n.name, n.formula);
    if (!mark) continue;
    if ('col' in mark) out.columns.push(mark);
    else out.sheets.push(mark);
  }
  return out;
}

/**
 * The names after marking: `taken` are the names in use; each new mark gets the first free number for
 * its kind and key. Returns the new (name, reference) pairs.
 */
export function newMarkNames(taken: Iterable<string>, marks: readonly (ColumnMark | SheetMark)[]): { name: string; ref: string }[] {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return marks.map((m) => {
    const make = (n: number) => ('col' in m ? columnMarkName(m.key, n) : sheetMarkName(m.kind, n));
    let n = 1;
    while (used.has(make(n).toLowerCase())) n++;
    const name = make(n);
    used.add(name.toLowerCase());
    return { name, ref: 'col' in m ? columnMarkRef(m.sheet, m.col) : sheetMarkRef(m.sheet) };
  });
}

/**
 * How to mark `marks` given the workbook's names (`existing`, each with its formula): the names to drop
 * (the marks they replace: the same sheet's mark of the same key or kind) and the names to add.
 */
export function planMarks(existing: readonly { name: string; formula: string }[], marks: readonly (ColumnMark | SheetMark)[]): { drop: string[]; add: { name: string; ref: string }[] } {
  const drop: string[] = [];
  for (const d of existing) {
    const m = parseMark(d.name, d.formula);
    if (!m) continue;
    const same = marks.some(
      (x) => x.sheet.toLowerCase() === m.sheet.toLowerCase() && ('col' in x ? 'col' in m && m.key === x.key : 'kind' in m && m.kind === x.kind),
    );
    if (same) drop.push(d.name);
  }
  const dropped = new Set(drop.map((n) => n.toLowerCase()));
  const taken = existing.map((d) => d.name).filter((n) => !dropped.has(n.toLowerCase()));
  return { drop, add: newMarkNames(taken, marks) };
}
