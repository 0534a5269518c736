// The CLI run in a child process of its own, so its peak memory (maxRSS) is the run's alone and nothing
// the bench itself holds (DuckDB, parsed files) is counted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { nodeFlagsFor } from '../src/cli/node-flags.ts';

export interface CliStats {
  code: number;
  /** Wall time of main(), from the call to its end (module loading excluded). */
  ms: number;
  maxRssKb: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** `tierbook <args>` in a fresh Node process. Throws with the child's stderr when it does not exit 0. */
export function runCli(args: string[]): CliStats {
  const main = path.join(ROOT, 'src/cli/main.ts');
  const script = `const { main } = await import(${JSON.stringify(main)});
const t0 = performance.now();
const code = await main(${JSON.stringify(args)});
console.error(JSON.stringify({ code, ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS }));`;
  // The Node flags bin/tierbook.js would start the run with (a bigger young generation for a big input).
  const child = spawnSync(process.execPath, [...nodeFlagsFor(args), '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 << 20 });
  const last = child.stderr.trim().split('\n').pop() ?? '';
  let stats: CliStats;
  try {
    stats = JSON.parse(last) as CliStats;
  } catch {
    throw new Error(`tierbook ${args.join(' ')} failed: ${child.stderr}`);
  }
  if (stats.code !== 0) throw new Error(`tierbook ${args.join(' ')} exited ${stats.code}: ${child.stderr}`);
  return stats;
}

export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
