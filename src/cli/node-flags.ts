// V8 settings a run needs, which V8 takes only when Node starts: bin/tierbook.js starts Node again with them
// when its own process lacks them.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import os from 'node:os';

/** An input this big (about 800,000 rows × 12 columns of .xlsx) makes millions of values that live for seconds. */
export const BIG_INPUT_BYTES = 64 << 20;
/**
 * With V8's default young generation (16 MB semi-spaces) most of those values are promoted and then
 * collected by full collections: a full sheet spent about a quarter of its CPU that way. 64 MB semi-spaces
 * cost about 100 MB more at peak, which smaller inputs (a 48 MB order CSV graded in 450 MB) do not pay.
 */
export const BIG_SEMI_SPACE_MB = 64;

const isBigFile = (arg: string): boolean => {
  try {
    const st = statSync(arg);
    return st.isFile() && st.size >= BIG_INPUT_BYTES;
  } catch {
    return false;
  }
};

/** The Node flags for `tierbook <args>`: a bigger young generation when an argument names a big file. */
export function nodeFlagsFor(args: readonly string[]): string[] {
  return args.some(isBigFile) ? [`--max-semi-space-size=${BIG_SEMI_SPACE_MB}`] : [];
}

/** The flags this process was not started with (each compared by its name, before any `=`). */
export function missingFlags(flags: readonly string[], execArgv: readonly string[] = process.execArgv): string[] {
  return flags.filter((f) => !execArgv.some((a) => a.split('=')[0] === f.split('=')[0]));
}

/**
 * Runs `script args` in a new Node with `flags` (and this one's own, such as tsx's loader), the terminal
 * shared; signals sent to this process are passed on. Resolves to the exit code to leave with.
 */
export function relaunch(flags: readonly string[], script: string, args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...flags, ...process.execArgv, script, ...args], { stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const pass = (s: NodeJS.Signals) => child.kill(s);
  for (const s of signals) process.on(s, pass);
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      // Killed by a signal: the shell's convention, 128 + its number.
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}
