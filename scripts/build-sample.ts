// npm run build:sample -- [options] — a sample workbook (or CSV files) of generated customers for demos,
// manual testing and benchmarks. Not committed anywhere: pick the output path.
//   --customers N    how many customers (default 1000)
//   --seed S         default 1; the same seed gives the same data
//   --periods LIST   comma-separated period labels in time order (default 2025H1,2025H2)
//   --messy          sprinkle the documented messy cells (MESSY_RATES in scripts/sample/generate.ts)
//   --lang L         zh-CN (default) or en-US: headers, sheet names and texts
//   --out PATH       the .xlsx to write (default TierBook-sample.xlsx); with --csv, a folder for one CSV per table
//   --csv            stream CSV files instead (constant memory: use it for 1,000,000 customers)
// Example: npm run build:sample -- --customers 100000 --messy --out /tmp/sample.xlsx && tierbook grade /tmp/sample.xlsx
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeLang } from '../src/core/index.ts';
import type { SampleTableKey } from './sample/index.ts';
import { sampleCsv, sampleWorkbook } from './sample-workbook.ts';
import { TEMPLATE_SHEETS } from './template.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    seed: { type: 'string' },
    periods: { type: 'string' },
    messy: { type: 'boolean' },
    lang: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'boolean' },
  },
});
const lang = normalizeLang(values.lang ?? 'zh-CN');
const opts = {
  customers: Number(values.customers ?? 1000),
  seed: Number(values.seed ?? 1),
  ...(values.periods ? { periods: values.periods.split(',').map((p) => p.trim()) } : {}),
  messy: values.messy ?? false,
  lang,
};
const t0 = performance.now();
if (values.csv) {
  const dir = values.out ?? 'TierBook-sample';
  mkdirSync(dir, { recursive: true });
  for (const key of ['customers', 'orders', 'interactions', 'satisfaction'] as SampleTableKey[]) {
    const file = path.join(dir, `${TEMPLATE_SHEETS[lang][key]}.csv`);
    const fd = openSync(file, 'w');
    try {
      for (const chunk of sampleCsv(opts, key)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    console.log(file);
  }
} else {
  const file = values.out ?? 'TierBook-sample.xlsx';
  const bytes = sampleWorkbook(opts);
  writeFileSync(file, bytes);
  console.log(`${file}  ${bytes.length.toLocaleString('en-US')} bytes`);
}
console.log(`${opts.customers.toLocaleString('en-US')} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
