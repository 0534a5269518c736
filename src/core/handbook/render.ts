// The handbook rendered two ways: a generated sheet, print-ready on A4, and Markdown for the CLI.
import type { Lang } from '../i18n.ts';
import { GENERATED_SHEETS } from '../output/sheets.ts';
import type { CellValue, GeneratedSheet, SheetTable } from '../output/tables.ts';
import type { Scheme } from '../scheme/schema.ts';
import { displayWidth, isWide } from '../output/widths.ts';
import { handbook, type Handbook } from './handbook.ts';
import type { ServiceCost } from '../cost/cost.ts';

/** The handbook as its sheet (等级管理手册 / Tier Handbook): portrait A4, fitted to the page width, the title on every page. */
export function handbookSheet(scheme: Scheme, lang: Lang, cost?: ServiceCost): GeneratedSheet {
  return sheetOf(handbook(scheme, lang, cost), GENERATED_SHEETS.handbook[lang]);
}

/** Character units across a portrait A4 page at 100% (default margins, Calibri 11): the width to fill. */
export const PAGE_WIDTH = 90;
/** The widest a column grows for a cell that has another cell to its right (longer texts wrap). */
const COLUMN_CAP = 28;

const CLOSING = /[，。；、：！？）》」』”’,.;:!?)\]}%]/;
const OPENING = /[（《「『“‘([{¥$]/;

/**
 * Break a text into lines of at most `width` display units, for sheets that cannot wrap text in a cell.
 * Prefers breaking after a space or punctuation, else between CJK characters; never before closing
 * punctuation or a space, nor after an opening bracket; inside an unbroken run (a long number) only when
 * nothing else fits. Joined back, the lines are the text; a line may end in a space past the width.
 */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  let soft = -1; // after a space or punctuation
  let hard = -1; // between CJK characters
  let prev = '';
  for (const ch of text) {
    if (line && ch !== ' ' && !CLOSING.test(ch) && !OPENING.test(prev)) {
      // ASCII punctuation breaks only with a space after it: "1,000,000" stays whole.
      if (prev === ' ' || (isWide(prev) && CLOSING.test(prev))) soft = line.length;
      else if (isWide(prev) || isWide(ch)) hard = line.length;
    }
    const cw = isWide(ch) ? 2 : 1;
    // A space may hang past the end: it ends the line invisibly.
    if (w + cw > width && line && ch !== ' ') {
      // A soft break unless it would leave the line less than half full.
      const cut = soft > 0 && (displayWidth(line.slice(0, soft)) * 2 >= width || hard <= 0) ? soft : hard > 0 ? hard : soft > 0 ? soft : line.length;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      w = displayWidth(line);
      soft = -1;
      hard = -1;
    }
    line += ch;
    w += cw;
    prev = ch;
  }
  if (line) lines.push(line);
  return lines;
}

export function sheetOf(doc: Handbook, name: string): GeneratedSheet {
  const blocks = doc.sections.flatMap((s) => s.tables.map((t, i) => ({ title: i === 0 ? s.title : (t.caption ?? ''), table: t })));
  // Widths: a column fits the cells that have a neighbour on their right (capped); the last cell of each row
  // may run on across the empty cells to its right, so it is not measured, only wrapped to the room it has.
  const cols = Math.max(...blocks.map((b) => b.table.header.length));
  const widths = new Array<number>(cols).fill(10);
  for (const { table } of blocks) {
    for (const row of [table.header, ...table.rows]) {
      row.forEach((v, c) => {
        if (c < table.header.length - 1) widths[c] = Math.max(widths[c]!, Math.min(COLUMN_CAP, displayWidth(v) + 2));
      });
    }
  }
  const used = widths.reduce((s, w) => s + w, 0);
  if (used < PAGE_WIDTH) widths[cols - 1]! += PAGE_WIDTH - used;
  const page = Math.max(PAGE_WIDTH, used);
  const room = (c: number, last: boolean) => (last ? widths.slice(c).reduce((s, w) => s + w, 0) : widths[c]!) - 2;

  const tables: SheetTable[] = [{ title: doc.title, notes: doc.notes.flatMap((n) => wrapText(n, page - 2)), header: [], rows: [] }];
  for (const { title, table } of blocks) {
    const rows: CellValue[][] = [];
    const fills: (string | null)[] = [];
    table.rows.forEach((row, r) => {
      // A long cell continues on the rows below it, the other cells left empty there.
      const wrapped = row.map((v, c) => wrapText(v, room(c, c === table.header.length - 1)));
      const height = Math.max(1, ...wrapped.map((l) => l.length));
      for (let k = 0; k < height; k++) {
        rows.push(wrapped.map((l) => (k < l.length ? l[k]! : k === 0 ? '' : null)));
        fills.push(table.fills?.[r] ?? null);
      }
    });
    tables.push({
      title,
      ...(table.notes.length ? { notes: table.notes.flatMap((n) => wrapText(n, page - 2)) } : {}),
      header: table.header,
      rows,
      ...(table.fills ? { rowFills: fills } : {}),
    });
  }
  return { name, tables, widths, print: { fitToWidth: true, repeatRows: [1, 1] } };
}

/** A Markdown table cell: pipes and backslashes escaped, line breaks as <br>. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  // Rows padded to the header, so a short row still renders as a full row.
  const pad = (r: readonly string[]) => header.map((_, i) => r[i] ?? '');
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => line(pad(r)))];
}

/** The handbook as Markdown (`tierbook handbook --scheme … --lang …`): the same content as the sheet. */
export function handbookMarkdown(scheme: Scheme, lang: Lang, cost?: ServiceCost): string {
  return markdownOf(handbook(scheme, lang, cost));
}

export function markdownOf(doc: Handbook): string {
  const out: string[] = [`# ${doc.title}`, ''];
  for (const n of doc.notes) out.push(n, '');
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    for (const t of s.tables) {
      if (t.caption) out.push(`### ${t.caption}`, '');
      for (const n of t.notes) out.push(n, '');
      out.push(...markdownTable(t.header, t.rows), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
