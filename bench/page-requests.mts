// Each request between the standalone page and its worker, timed, on the generated sample (N rows, default
// 100,000), the worker module run in this process: `N=100000 node --import tsx bench/page-requests.mts`.
// The page asks for the sheets, the data view and the grid after each step, as the pane does. Beside the
// wall time, the process's CPU time (steadier when other work shares the cores). PROF=<dir> writes one CPU
// profile per request (open it in Chrome DevTools, or sum it by function).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { getPreset } from '../src/core/scheme/presets/index.ts';
import { StandaloneWorkbook } from '../src/hosts/browser/standalone-api.ts';
import { sampleWorkbook } from '../scripts/sample-workbook.ts';
import { InProcessWorker } from '../test/support/in-process-worker.ts';
const N = Number(process.env.N ?? 100000);
const PROF = process.env.PROF;
const bytes = sampleWorkbook({ customers: N, seed: 1, lang: 'en-US' });
const scheme = getPreset('b2b-value')!;
const api = new StandaloneWorkbook(InProcessWorker.make, 'en-US', () => {}, 46000);
const inspector = PROF ? new Session() : null;
if (inspector) {
  mkdirSync(PROF!, { recursive: true });
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 1000 });
}
let step = 0;
let stage = '';
async function t(label: string, f: () => Promise<unknown>) {
  if (!label.startsWith(' ')) stage = label;
  await inspector?.post('Profiler.start');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = await f();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log(label.padEnd(22), String(Math.round(wall)).padStart(6), 'ms', String(Math.round((cpu.user + cpu.system) / 1000)).padStart(6), 'ms cpu');
  if (inspector) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(`${PROF}/${String(++step).padStart(2, '0')}-${stage}${label.startsWith(' ') ? `-${label.trim()}` : ''}.cpuprofile`, JSON.stringify(profile));
  }
  return v;
}
const sel = { period: '2025H2' };
const page = async (sheet: string) => { await t('  sheets', () => api.sheets()); await t('  inspect', () => api.inspect(scheme, sel)); await t('  wroteAt', () => api.wroteAt()); await t('  gridLayout', () => api.gridLayout(sheet)); await t('  gridBlock', () => api.gridBlock(sheet, 1, 200)); };
const T0 = performance.now();
const C0 = process.cpuUsage();
const sheets = (await t('open', () => api.open(bytes, 'sample.xlsx'))) as { name: string }[];
await t('rules', () => api.rules());
await page(sheets[0]!.name);
await t('apply', () => api.apply(scheme, sel, () => {}).promise);
await page(sheets[0]!.name);
await t('summaries', () => api.summaries(scheme, sel, '2025H2', () => {}).promise);
await page(sheets[0]!.name);
await t('save', () => api.save());
const C = process.cpuUsage(C0);
console.log('total', Math.round(performance.now() - T0), 'ms', Math.round((C.user + C.system) / 1000), 'ms cpu');
api.dispose();
