// The fuzz suite at a bounded, seeded size (npm run fuzz -- --cases N --seed S runs it at any size):
// random messy workbooks from exceljs, openpyxl and LibreOffice and hostile files, graded through the
// CLI. Each test names the cases that broke one promise, with what happened, so a red run says why.
import { beforeAll, describe, expect, it } from 'vitest';
import { runFuzz, summarize, type FuzzReport } from './harness.ts';

const CASES = 180;
const SEED = 20251203;

/** Defect families per promise; anything else a run finds fails the last test. */
const PROMISES: Record<string, (defect: string) => boolean> = {
  'every original cell of every sheet is unchanged after grading once and twice (exceljs; openpyxl for a sample)': (d) =>
    [
      'cell-changed', 'formula-right-overwritten', 'text-right-overwritten', 'user-column-overwritten', 'user-sheet-taken-over', 'sheet-lost', 'r-attribute-added',
      'exceljs-cannot-read-output', 'openpyxl-cannot-read-output', 'input-changed', 'regrade-refused', 'refused-valid-workbook', 'json-unreadable',
    ].includes(d),
  'LibreOffice opens every output': (d) => d.startsWith('libreoffice-refuses-output'),
  'every part TierBook writes or patches validates against ECMA-376 (jing)': (d) => d.startsWith('schema-invalid'),
  'no formula is made from text, in xlsx or CSV': (d) => d === 'formula-from-text' || d === 'csv-injection',
  'dates and encodings are read as written, and CSVs are written back in their own encoding': (d) =>
    ['date1904', 'csv-encoding-garbled', 'csv-encoding-written-back', 'csv-in-place-encoding-changed', 'last-row-dropped'].includes(d),
  'every failure is one line in the user’s language with exit 2, never a stack trace or a silent acceptance': (d) =>
    ['stack-trace', 'exit-code', 'multi-line-message', 'message-not-in-user-language', 'crc-unchecked', 'period-accepted', 'out-is-input', 'presets-json-ignored'].includes(d) ||
    d.startsWith('accepted-'),
};

describe(`fuzz: ${CASES} messy and hostile workbooks, seed ${SEED}`, () => {
  let report: FuzzReport;
  beforeAll(async () => {
    report = await runFuzz({ cases: CASES, seed: SEED, openpyxlEvery: 6 });
    console.log(summarize(report));
    for (const s of report.skipped) console.warn(`fuzz: ${s}`);
  }, 900_000);

  const failing = (match: (defect: string) => boolean) =>
    report.results.flatMap((r) => r.failures.filter((f) => match(f.defect)).map((f) => `${r.id} (${r.family}, ${r.producer}) ${f.defect}: ${f.detail}`));

  it('covers every producer and hostile family', () => {
    const producers = new Set(report.results.map((r) => r.producer.split('/')[0]));
    expect([...producers].sort()).toEqual(['cli', 'exceljs', 'hostile', 'libreoffice', 'openpyxl']);
    expect(new Set(report.results.filter((r) => r.producer.startsWith('hostile')).map((r) => r.family)).size).toBeGreaterThanOrEqual(19);
  });

  for (const [promise, match] of Object.entries(PROMISES)) it(promise, () => expect(failing(match)).toEqual([]));

  it('finds nothing else', () => expect(failing((d) => !Object.values(PROMISES).some((m) => m(d)))).toEqual([]));
});
