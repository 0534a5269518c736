#!/usr/bin/env node
// The `tierbook` command. Runs the TypeScript sources through tsx, so it works straight after `npm install`.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
const { missingFlags, nodeFlagsFor, relaunch } = await import('../src/cli/node-flags.ts');
// A big input wants V8 settings Node takes only at start: this file runs again in a Node started with them.
const flags = missingFlags(nodeFlagsFor(args));
if (flags.length) process.exitCode = await relaunch(flags, fileURLToPath(import.meta.url), args);
else {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
