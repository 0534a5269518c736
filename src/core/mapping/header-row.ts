// Where the table starts. Users put a title above it ("2025年客户名单", usually one merged cell), a
// notes line ("制表人：张三  日期：2025-06-30"), blank rows. The header is the row, among the first 30,
// that looks most like one: several text cells, names we know (weighing most), no numbers, our own
// output headers from an earlier run, and rows of data (numbers, dates) under it. A row with a single
// filled cell (a merged title) is never the header.
//
// Two-row headers: when the row above the header is itself a row of labels (group headings, or cells
// merged down over both rows, whose value sits in the upper cell), its labels fill the header's blanks.
import type { CellValue } from '../cells.ts';
import type { Scheme } from '../scheme/schema.ts';
import { outputColumnOf } from '../output/columns.ts';
import { cleanCellText } from '../values/fullwidth.ts';
import { parseBoolean } from '../values/boolean.ts';
import { parseDate } from '../values/date.ts';
import { parseNumber } from '../values/number.ts';
import { bestMatch, fieldDefs, fold, type FieldDef } from './synonyms.ts';

export interface HeaderRowOptions {
  /** More header texts to count as known, e.g. the values of --map. */
  synonyms?: readonly string[];
  /** Count the scheme's criterion labels and columns as known headers as well. */
  scheme?: Scheme;
  /** How many rows from the top may hold the header (default 30). */
  maxRows?: number;
}

export interface HeaderRow {
  /** 1-based sheet row of the header. */
  row: number;
  /** Index of the header row in `values`. */
  index: number;
  /** Header text per column (trimmed; null for a blank cell), blanks filled from a label row above. */
  headers: (string | null)[];
  /** 0–1: how sure we are. Below ~0.5 no known column name was found; a host may ask the user. */
  confidence: number;
}

type CellKind = 'blank' | 'text' | 'note' | 'value';

/** Text the user sees in a cell, or null when it is blank. */
function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  const t = v.trim();
  return cleanCellText(t) === '' ? null : t;
}

function classify(v: CellValue | undefined): CellKind {
  if (v === null || v === undefined) return 'blank';
  if (typeof v !== 'string') return 'value';
  const s = cleanCellText(v);
  if (s === '') return 'blank';
  const n = parseNumber(s);
  if (n.ok && n.value !== null) return 'value';
  const d = parseDate(s);
  if (d.ok && d.value !== null) return 'value';
  const b = parseBoolean(s);
  if (b.ok && b.value !== null) return 'value';
  // "制表人：张三", "日期: 2025-06-30": a label and its value in one cell is a note, not a header.
  const outside = s.replace(/\([^)]*\)/g, '');
  if (/^[^:]{1,12}:\s*\S/.test(outside) || s.length > 40) return 'note';
  return 'text';
}

/** Whitespace (incl. U+3000, NBSP) and the zero-width characters pasted along from web pages and chat apps. */
function isBlankChar(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x2060 ||
    (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680
  );
}

/** True when every cell of the row is null, empty or whitespace. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return false;
    for (let i = 0; i < v.length; i++) if (!isBlankChar(v.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Indexes (into `values`) of the data rows: every non-blank row after the header, to the last one.
 * Blank rows inside the data are skipped, not taken as its end.
 */
export function dataRows(values: readonly (readonly CellValue[])[], headerIndex: number): number[] {
  const out: number[] = [];
  for (let i = headerIndex + 1; i < values.length; i++) if (!isBlankRow(values[i])) out.push(i);
  return out;
}

interface RowStats {
  filled: number;
  text: number;
  value: number;
  note: number;
}

function stats(row: readonly CellValue[] | undefined): RowStats {
  const s = { filled: 0, text: 0, value: 0, note: 0 };
  for (const v of row ?? []) {
    const k = classify(v);
    if (k === 'blank') continue;
    s.filled++;
    s[k]++;
  }
  return s;
}

/** A row of labels only: at least two, no values or notes among them. */
function isLabelRow(s: RowStats): boolean {
  return s.text >= 2 && s.value === 0 && s.note === 0;
}

/** How well a header text names a column we know: 2 exactly, 1 by containing a name, 0 not at all. */
function knownness(text: string, defs: readonly FieldDef[], extra: ReadonlySet<string>): number {
  if (outputColumnOf(text) !== undefined) return 2;
  const f = fold(text);
  if (extra.has(f.full) || extra.has(f.key)) return 2;
  let best = 0;
  for (const def of defs) {
    const m = bestMatch(f, def);
    if (m) best = Math.max(best, m.tier);
    if (best === 2) break;
  }
  return best;
}

/** Find the header row among the first rows of a sheet; null when no row looks like one. */
export function detectHeaderRow(values: readonly (readonly CellValue[])[], firstRow: number, opts: HeaderRowOptions = {}): HeaderRow | null {
  const defs = fieldDefs(opts.scheme);
  const extra = new Set<string>();
  for (const t of [...(opts.synonyms ?? []), ...(opts.scheme?.criteria.flatMap((c) => (c.column ? [c.column] : [])) ?? [])]) {
    const f = fold(t);
    extra.add(f.full);
    if (f.key) extra.add(f.key);
  }
  const limit = Math.min(values.length, opts.maxRows ?? 30);
  const rowStats = values.slice(0, Math.min(values.length, limit + 6)).map((r) => stats(r));
  const widest = Math.max(1, ...rowStats.map((s) => s.filled));

  let best: { index: number; score: number; headers: (string | null)[]; confidence: number } | null = null;
  for (let i = 0; i < limit; i++) {
    const own = rowStats[i]!;
    if (own.filled < 2) continue; // blank, or a title in one (merged) cell
    const row = values[i]!;
    const above = i > 0 && isLabelRow(rowStats[i - 1]!) ? values[i - 1]! : null;
    const width = Math.max(row.length, above?.length ?? 0);
    const cells: CellValue[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      cells.push(classify(v) === 'blank' && above ? (above[c] ?? null) : v);
    }
    const s = stats(cells);
    if (s.text < 2) continue;
    // A merged title some hosts repeat in every cell it spans is still one title.
    if (new Set(cells.map((v) => cellText(v)).filter((t) => t !== null)).size < 2) continue;

    let exact = 0;
    let partial = 0;
    const seen = new Set<string>();
    let duplicates = 0;
    for (const v of cells) {
      if (classify(v) !== 'text') continue;
      const text = cellText(v)!;
      const k = knownness(text, defs, extra);
      if (k === 2) exact++;
      else if (k === 1) partial++;
      const key = fold(text).full;
      if (seen.has(key)) duplicates++;
      seen.add(key);
    }

    // Rows of data under it: at least two cells, one of them a number, date or yes/no.
    let looked = 0;
    let data = 0;
    for (let j = i + 1; j < values.length && j <= i + 50 && looked < 5; j++) {
      const js = j < rowStats.length ? rowStats[j]! : stats(values[j]);
      if (js.filled === 0) continue;
      looked++;
      if (js.filled >= 2 && js.value >= 1) data++;
    }
    const follows = looked ? data / looked : 0;

    const score =
      s.text + 3 * exact + 1.5 * partial - 2 * s.value - 2 * s.note - 0.5 * duplicates + 3 * follows + (2 * s.filled) / widest;
    if (best && score <= best.score) continue;
    const known = exact + 0.5 * partial;
    const confidence = Math.min(1, 0.55 * Math.min(1, known / 3) + 0.25 * (s.text / s.filled) + 0.2 * follows);
    best = { index: i, score, headers: cells.map(cellText), confidence: Math.round(confidence * 100) / 100 };
  }
  if (!best || best.score <= 0) return null;
  return { row: firstRow + best.index, index: best.index, headers: best.headers, confidence: best.confidence };
}
