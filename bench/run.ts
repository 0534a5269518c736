// `npm run bench`: every performance goal of the project, measured in one run, printed as one table
// and written to bench/results.json with the machine it ran on.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchCore } from './core.ts';
import { benchFileHost } from './file-host.ts';
import { benchOfficeHost } from './office-host.ts';
import { printTable, type BenchLine } from './harness.ts';

const lines: BenchLine[] = [];
const only = process.argv[2];
if (!only || only === 'core') lines.push(...benchCore());
if (!only || only === 'file') lines.push(...(await benchFileHost()));
if (!only || only === 'office') lines.push(...(await benchOfficeHost()));

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, date: new Date().toISOString() };
console.log(`TierBook bench — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`);
console.log(printTable(lines));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ machine, lines }, null, 2));
console.log('\nwritten: bench/results.json');
