// Each request between the standalone page and its worker, timed, on the generated sample (N rows, default
// 100,000), the worker module run in this process: `N=100000 node --import tsx bench/page-requests.mts`.
// The page asks for the sheets, the data view and the grid after each step, as the pane does.
import { performance } from 'node:perf_hooks';
import { getPreset } from '../src/core/scheme/presets/index.ts';
import { StandaloneWorkbook } from '../src/hosts/browser/standalone-api.ts';
import { sampleWorkbook } from '../scripts/sample-workbook.ts';
import { InProcessWorker } from '../test/support/in-process-worker.ts';
const N = Number(process.env.N ?? 100000);
const bytes = sampleWorkbook({ customers: N, seed: 1, lang: 'en-US' });
const scheme = getPreset('b2b-value')!;
const api = new StandaloneWorkbook(InProcessWorker.make, 'en-US', () => {}, 46000);
async function t(label: string, f: () => Promise<unknown>) { const t0 = performance.now(); const v = await f(); console.log(label.padEnd(22), Math.round(performance.now() - t0), 'ms'); return v; }
const sel = { period: '2025H2' };
const page = async (sheet: string) => { await t('  sheets', () => api.sheets()); await t('  inspect', () => api.inspect(scheme, sel)); await t('  wroteAt', () => api.wroteAt()); await t('  gridLayout', () => api.gridLayout(sheet)); await t('  gridBlock', () => api.gridBlock(sheet, 1, 200)); };
const T0 = performance.now();
const sheets = (await t('open', () => api.open(bytes, 'sample.xlsx'))) as { name: string }[];
await t('rules', () => api.rules());
await page(sheets[0]!.name);
await t('apply', () => api.apply(scheme, sel, () => {}).promise);
await page(sheets[0]!.name);
await t('summaries', () => api.summaries(scheme, sel, '2025H2', () => {}).promise);
await page(sheets[0]!.name);
await t('save', () => api.save());
console.log('total', Math.round(performance.now() - T0));
api.dispose();
