// A big input runs in a Node started with a bigger young generation (src/cli/node-flags.ts): the flags are
// chosen by the inputs' size, and the relaunched run answers exactly as a direct one, exit code and signals too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIG_INPUT_BYTES, missingFlags, nodeFlagsFor } from '../../src/cli/node-flags.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-flags-'));
/** A file of `size` bytes that takes no disk (sparse). */
const sized = (name: string, size: number) => {
  const f = path.join(dir, name);
  writeFileSync(f, '');
  truncateSync(f, size);
  return f;
};

describe('nodeFlagsFor', () => {
  it('asks for 64 MB semi-spaces when an argument names a file of 64 MB or more, else for nothing', () => {
    const big = sized('big.xlsx', BIG_INPUT_BYTES);
    const small = sized('small.xlsx', BIG_INPUT_BYTES - 1);
    expect(nodeFlagsFor(['grade', big, '--period', '2025H2'])).toEqual(['--max-semi-space-size=64']);
    expect(nodeFlagsFor(['grade', small, '--out', path.join(dir, 'missing.xlsx')])).toEqual([]);
    expect(nodeFlagsFor(['grade', dir])).toEqual([]); // a folder is not an input
    expect(nodeFlagsFor([])).toEqual([]);
  });

  it('leaves out the flags the process already has, by name', () => {
    expect(missingFlags(['--max-semi-space-size=64'], ['--max-semi-space-size=32', '--import', 'tsx'])).toEqual([]);
    expect(missingFlags(['--max-semi-space-size=64'], ['--import', 'tsx'])).toEqual(['--max-semi-space-size=64']);
  });
});

describe('bin/tierbook.js on a big input', () => {
  it('answers as on a small one: the same message in the user\'s language and the same exit code', () => {
    // Neither file is a workbook: the big one goes through the relaunched Node, the small one does not.
    const run = (f: string) => spawnSync(process.execPath, [BIN, 'grade', f, '--lang', 'zh-CN', '--out', path.join(dir, 'o.xlsx')], { encoding: 'utf8' });
    const big = run(sized('garbage-big.xlsx', BIG_INPUT_BYTES));
    const small = run(sized('garbage-small.xlsx', 1024));
    expect(big.status).toBe(2);
    expect(big.status).toBe(small.status);
    expect(big.stderr).toBe(small.stderr);
    expect(big.stderr).toContain('不是 .xlsx 工作簿');
  }, 60_000);

  it('passes a signal on to the relaunched run and exits as it did (128 + the signal)', () => {
    // A script that relaunches a Node that waits, then sends itself SIGTERM.
    const script = path.join(dir, 'relaunch.mts');
    writeFileSync(
      script,
      `import { relaunch } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../src/cli/node-flags.ts'))};
const waiting = ${JSON.stringify(path.join(dir, 'wait.mjs'))};
setTimeout(() => process.kill(process.pid, 'SIGTERM'), 1500);
process.exitCode = await relaunch(['--max-semi-space-size=64'], waiting, []);`,
    );
    writeFileSync(path.join(dir, 'wait.mjs'), `console.log(process.execArgv.join(' ')); setTimeout(() => {}, 60_000);`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toContain('--max-semi-space-size=64');
    expect(r.status).toBe(128 + os.constants.signals.SIGTERM);
  }, 60_000);
});
