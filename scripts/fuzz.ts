// `npm run fuzz -- --cases N [--seed S] [--keep DIR] [--json FILE]`: the fuzz suite of test/fuzz at any size.
// Prints the cases run per family and producer and the failures per defect family; exits 1 on any failure.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { runFuzz, summarize } from '../test/fuzz/harness.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '300' },
    seed: { type: 'string' },
    keep: { type: 'string' },
    json: { type: 'string' },
    'openpyxl-every': { type: 'string', default: '5' },
  },
});
const cases = Number(values.cases);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --cases N [--seed S] [--keep DIR] [--json FILE] [--openpyxl-every K]');
  process.exit(2);
}
console.log(`fuzz: ${cases} cases, seed ${seed} (reproduce with: npm run fuzz -- --cases ${cases} --seed ${seed})`);
const report = await runFuzz({
  cases,
  seed,
  openpyxlEvery: Number(values['openpyxl-every']),
  ...(values.keep ? { dir: values.keep } : {}),
  log: (line) => console.log(`  ${line}`),
});
console.log(summarize(report));
if (values.json) fs.writeFileSync(values.json, JSON.stringify(report, null, 1));
process.exit(report.results.some((r) => r.failures.length) ? 1 : 0);
