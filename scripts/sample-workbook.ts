// A sample workbook of any size from the generator (scripts/sample): the four sheets of the template —
// customers, orders, interactions, satisfaction — written by our own file host (fast, plain tables with
// number formats and frozen headers). It grades out of the box: `tierbook grade` finds the customer sheet
// and the related sheets by their headers and uses the default scheme (b2b-value).
// For sizes beyond what one workbook should hold, `sampleCsv` streams each table to CSV in constant memory.
import type { CellValue } from '../src/core/index.ts';
import { sampleStreams, type SampleOptions, type SampleTableKey } from './sample/index.ts';
import { XlsxWorkbook, createWorkbook } from '../src/hosts/file/xlsx/index.ts';
import { DATE_FORMAT, MONEY_FORMAT, TEMPLATE_SHEETS, TEMPLATE_TABLES } from './template.ts';

const KEYS: SampleTableKey[] = ['customers', 'orders', 'interactions', 'satisfaction'];

const FORMATS: Record<SampleTableKey, (string | null)[]> = {
  customers: [null, null, null, null, null, null, null, null, null, DATE_FORMAT, null, MONEY_FORMAT, null],
  orders: [null, DATE_FORMAT, MONEY_FORMAT, null],
  interactions: [null, DATE_FORMAT, null, null],
  satisfaction: [null, DATE_FORMAT, null],
};
const WIDTHS: Record<SampleTableKey, number[]> = {
  customers: [12, 34, 12, 16, 14, 38, 14, 12, 20, 14, 12, 16, 12],
  orders: [12, 14, 16, 28],
  interactions: [12, 14, 10, 40],
  satisfaction: [12, 14, 10],
};

/** The sample as .xlsx bytes (the whole workbook is built in memory: keep it to a few hundred thousand rows). */
export function sampleWorkbook(opts: SampleOptions): Uint8Array {
  const s = sampleStreams(opts);
  const names = TEMPLATE_SHEETS[opts.lang ?? 'zh-CN'];
  const book = XlsxWorkbook.open(createWorkbook([{ name: names.customers, values: [] }]));
  for (const key of KEYS) {
    book.replaceSheet({
      name: names[key],
      tables: [{ header: s.headers[key], rows: [...s[key]()], numberFormats: FORMATS[key], tableName: TEMPLATE_TABLES[key] }],
      widths: WIDTHS[key],
      freezeRows: 2,
    });
  }
  return book.save();
}

function csvField(v: CellValue, dates: boolean): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!dates) return String(v);
    const d = new Date(Math.round((v - 25_569) * 86_400_000));
    return d.toISOString().slice(0, 10);
  }
  const t = String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Each table as CSV lines (dates written yyyy-mm-dd), lazily: hand the chunks to a file stream. */
export function* sampleCsv(opts: SampleOptions, key: SampleTableKey): Generator<string> {
  const s = sampleStreams(opts);
  const dateCols = new Set(FORMATS[key].flatMap((f, c) => (f === DATE_FORMAT ? [c] : [])));
  const line = (row: CellValue[]) => row.map((v, c) => csvField(v, dateCols.has(c))).join(',') + '\r\n';
  yield '\uFEFF' + line(s.headers[key]); // a BOM: Excel then opens the UTF-8 file correctly
  let chunk = '';
  for (const row of s[key]()) {
    chunk += line(row);
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
