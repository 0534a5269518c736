// Run the `tierbook` command the way the tests need it: in this process through main(argv) (fast: no Node and
// tsx start-up per call), or as a real process (the one smoke test per command, and what needs stdin, signals or
// the exit of the process itself). Both answer { status, stdout, stderr } like spawnSync.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A spawned `tierbook` (node bin/tierbook.js …). */
export function spawnCli(args: string[], options: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28, ...options });
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * `tierbook …` in this process: console and process.stdout/stderr captured, LANG as given (the command reads
 * the language from it). Calls are queued, never interleaved, since they share the console.
 */
export function runCli(args: string[], options: { env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const run = async (): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const line = (sink: string[]) => (...xs: unknown[]) => void sink.push(`${xs.map((x) => (typeof x === 'string' ? x : String(x))).join(' ')}\n`);
    const chunk = (sink: string[]) => ((c: string | Uint8Array) => (sink.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')), true)) as typeof process.stdout.write;
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(line(out)),
      vi.spyOn(console, 'error').mockImplementation(line(err)),
      vi.spyOn(console, 'warn').mockImplementation(line(err)),
      vi.spyOn(process.stdout, 'write').mockImplementation(chunk(out)),
      vi.spyOn(process.stderr, 'write').mockImplementation(chunk(err)),
    ];
    const saved = new Map<string, string | undefined>();
    for (const [k, v] of Object.entries(options.env ?? {})) {
      saved.set(k, process.env[k]);
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const exitCode = process.exitCode;
    try {
      const status = await main(args);
      return { status, stdout: out.join(''), stderr: err.join('') };
    } finally {
      for (const s of spies) s.mockRestore();
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      process.exitCode = exitCode;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
