// How often a session reads the workbook over a walk (open → preview → apply → summaries): on the file host,
// which counts its own writes (WorkbookPort.revision), the related sheets are read and aggregated once and the
// customers loaded for the preview are graded by Apply; anything written in between, or another mapping, is
// read again. A port without revisions (Excel, where the user edits at any time) is read at every step.
import { describe, it, expect } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import type { WorkbookPort } from '../../src/port/workbook.ts';
import { GradingSession, type Selection } from '../../src/run/session.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';
import { TEMPLATE_SHEETS } from '../../scripts/template.ts';

const TODAY = 46_000;
const names = TEMPLATE_SHEETS['zh-CN'];
const b2b = getPreset('b2b-value')!;
const sel: Selection = { period: '2025H2' };

/** The book behind a port that counts full-sheet reads by sheet; `revisions: false` hides the book's revision. */
function counted(book: FileWorkbook, revisions = true) {
  const reads = new Map<string, number>();
  const port: WorkbookPort = {
    listSheets: () => book.listSheets(),
    readMarks: () => book.readMarks(),
    readSheet: (name, options) => {
      if (!options) reads.set(name, (reads.get(name) ?? 0) + 1);
      return book.readSheet(name, options);
    },
    writeColumns: (patch, onProgress) => book.writeColumns(patch, onProgress),
    replaceSheet: (sheet) => book.replaceSheet(sheet),
    appendRows: (...a) => book.appendRows(...a),
    summaries: (specs, onProgress) => book.summaries(specs, onProgress),
    ...(revisions ? { revision: (name?: string) => book.revision(name) } : {}),
  };
  const s = new GradingSession(() => port, { lang: 'zh-CN', today: TODAY });
  return { s, reads: (name: string) => reads.get(name) ?? 0 };
}

const open = () => FileWorkbook.open(sampleWorkbook({ customers: 300, seed: 3 }), 'sample.xlsx');

/** Every customer's annual spend set to 1 (a user's edit of an input column, written by something else than the run). */
async function lowerSpend(book: FileWorkbook) {
  const v = await book.readSheet(names.customers);
  const col = v.values[0]!.indexOf('年度消费金额');
  await book.writeColumns({ sheet: names.customers, headerRow: 1, firstRow: 2, columns: [{ col, header: '年度消费金额', values: new Array(v.values.length - 1).fill(1) }] });
}

async function walk(s: GradingSession) {
  await s.inspect(b2b, sel);
  await s.preview(b2b, sel);
  await s.apply(b2b, sel);
  await s.inspect(b2b, sel);
  await s.summaries(b2b, sel, '2025H2');
  await s.inspect(b2b, sel);
}

describe('session reads', () => {
  it('reads the orders, interactions and satisfaction sheets once per walk on the file host', async () => {
    const { s, reads } = counted(open());
    await walk(s);
    expect(reads(names.orders)).toBe(1);
    expect(reads(names.interactions)).toBe(1);
    expect(reads(names.satisfaction)).toBe(1);
  });

  it('Apply grades the customers the preview loaded: no sheet is read again before it writes', async () => {
    const { s, reads } = counted(open());
    await s.inspect(b2b, sel);
    await s.preview(b2b, sel);
    const before = reads(names.customers);
    await s.apply(b2b, sel);
    // Once for the tiers the sheet held (the moves), read by the preview's load already on the old code too.
    expect(reads(names.customers) - before).toBeLessThanOrEqual(1);
    expect(reads(names.orders)).toBe(1);
  });

  it('an edit of an input sheet between steps is read again, and Apply grades what the sheet holds now', async () => {
    const book = open();
    const { s, reads } = counted(book);
    const preview = await s.preview(b2b, sel);
    const once = reads(names.customers);
    await lowerSpend(book);
    const applied = await s.apply(b2b, sel);
    expect(reads(names.customers)).toBeGreaterThan(once);
    // The same as a session that never saw the sheet before the edit.
    const fresh = open();
    await lowerSpend(fresh);
    const expected = await counted(fresh).s.apply(b2b, sel);
    expect(applied.mix).toEqual(expected.mix);
    expect(applied.mix).not.toEqual(preview.mix);
  });

  it('another mapping is loaded again: Apply grades the column now mapped', async () => {
    const { s, reads } = counted(open());
    const other: Selection = { ...sel, mapping: { annualSpend: '' } };
    const preview = await s.preview(b2b, sel);
    const remapped = await s.preview(b2b, other);
    const applied = await s.apply(b2b, other);
    const expected = await counted(open()).s.apply(b2b, other);
    expect(remapped.mix).toEqual(expected.mix);
    expect(applied.mix).toEqual(expected.mix);
    expect(applied.mix).not.toEqual(preview.mix);
    expect(reads(names.orders)).toBe(1);
  });

  it('without revisions (Excel) every step reads the sheets again', async () => {
    const { s, reads } = counted(open(), false);
    await walk(s);
    expect(reads(names.orders)).toBeGreaterThanOrEqual(5);
  });
});
