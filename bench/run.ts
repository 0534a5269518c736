// `npm run bench`: every performance goal of the project, measured in one run, printed as one table
// and written to bench/results.json with the machine it ran on.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchCore } from './core.ts';
import { benchFileHost } from './file-host.ts';
import { benchStandalonePage } from './standalone-page.ts';
import { benchOfficeHost } from './office-host.ts';
import { benchOnlineRetail } from './online-retail.ts';
import { benchTaskpane } from './taskpane.ts';
import { printTable, type BenchLine } from './harness.ts';

/** Excel's last row, less the header: the largest sheet a user can have. */
const FULL_SHEET_ROWS = 1_048_575;

const lines: BenchLine[] = [];
// `npm run bench -- core retail` runs those parts only; `--full` adds the lines that take minutes (a full
// 1,048,575-row sheet), alone with `npm run bench -- full`.
const args = process.argv.slice(2);
const full = args.includes('--full') || args.includes('full');
const only = args.filter((a) => !a.startsWith('--'));
const want = (part: string) => only.length === 0 || (only.length === 1 && only[0] === 'full' ? false : only.includes(part));
if (want('core')) lines.push(...(await benchCore()));
if (want('retail')) lines.push(...(await benchOnlineRetail()));
if (want('file')) lines.push(...(await benchFileHost()));
if (want('office')) lines.push(...(await benchOfficeHost()));
if (want('taskpane')) lines.push(...(await benchTaskpane()));
if (want('page')) lines.push(...(await benchStandalonePage()));
if (full) lines.push(...(await benchFileHost(FULL_SHEET_ROWS)));

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, date: new Date().toISOString() };
console.log(`TierBook bench — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`);
console.log(printTable(lines));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ machine, lines }, null, 2));
console.log('\nwritten: bench/results.json');
