// Build dist/ with webpack when it is stale, once: for `npm start`, the e2e tests and the bench.
// webpack runs in a child process (the same `webpack` CLI and webpack.config.js as `npm run build`), so
// the caller's module loader (tsx, vitest) never meets the config. A lock directory keeps parallel test
// files from building the same output at once; the first builds, the others wait and reuse it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DIST = path.join(ROOT, 'dist');
export const DEFAULT_ENTRY = './src/taskpane/index.tsx';
const DEV_ORIGIN = 'https://localhost:3000';

export type BuildMode = 'production' | 'development';

export interface BuildOptions {
  mode: BuildMode;
  /** Default dist/. */
  outDir?: string;
  /** Default: local in development, else TIERBOOK_OFFICE_JS or cdn (as webpack.config.js decides). */
  officeJs?: 'local' | 'cdn';
  /** The production origin (TIERBOOK_URL); default the environment's, else https://localhost:3000. */
  url?: string;
  /** The entry module; default TIERBOOK_TASKPANE_ENTRY or src/taskpane/index.tsx. */
  entry?: string;
  /** Print webpack's output (default: only when it fails). */
  verbose?: boolean;
}

/** What webpack.config.js writes to build-info.json. */
export interface BuildInfo {
  mode: BuildMode;
  officeJs: 'local' | 'cdn';
  origin: string;
  entry: string;
  builtAt: string;
}

function resolved(opts: BuildOptions) {
  const env = process.env;
  return {
    mode: opts.mode,
    outDir: path.resolve(opts.outDir ?? DIST),
    officeJs: opts.officeJs ?? (opts.mode === 'development' ? 'local' : ((env.TIERBOOK_OFFICE_JS as 'local' | 'cdn' | undefined) ?? 'cdn')),
    origin: (opts.url ?? env.TIERBOOK_URL ?? DEV_ORIGIN).replace(/\/+$/, ''),
    entry: opts.entry ?? env.TIERBOOK_TASKPANE_ENTRY ?? DEFAULT_ENTRY,
    verbose: opts.verbose ?? false,
  };
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file shows only as its directory's mtime
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

/** The newest change among the build's inputs (the sources, assets, generators, config and lockfile). */
export function newestInput(entry = DEFAULT_ENTRY): number {
  const inputs = ['src', 'assets', 'scripts', 'manifest.xml', 'webpack.config.js', 'package.json', 'package-lock.json'];
  const entryDir = path.dirname(path.resolve(ROOT, entry));
  return Math.max(...inputs.map((p) => newestMtime(path.join(ROOT, p))), entryDir.startsWith(path.join(ROOT, 'src')) ? 0 : newestMtime(entryDir));
}

export function readBuildInfo(outDir = DIST): BuildInfo | null {
  try {
    return JSON.parse(readFileSync(path.join(outDir, 'build-info.json'), 'utf8')) as BuildInfo;
  } catch {
    return null;
  }
}

/** Why `outDir` must be rebuilt for `opts`, or null when it is fresh. */
export function staleReason(opts: BuildOptions): string | null {
  const o = resolved(opts);
  const info = readBuildInfo(o.outDir);
  if (!info) return `${path.relative(ROOT, o.outDir) || o.outDir} has no build`;
  for (const key of ['mode', 'officeJs', 'origin', 'entry'] as const) {
    if (info[key] !== o[key]) return `it was built with ${key} ${info[key]}, ${o[key]} is wanted`;
  }
  const builtAt = statSync(path.join(o.outDir, 'build-info.json')).mtimeMs;
  if (newestInput(o.entry) > builtAt) return 'sources changed since the last build';
  return null;
}

/** Run webpack (the CLI, in a child process). Rejects with webpack's output when the build fails. */
export function runWebpack(opts: BuildOptions): Promise<void> {
  const o = resolved(opts);
  const env: NodeJS.ProcessEnv = { ...process.env, TIERBOOK_OFFICE_JS: o.officeJs, TIERBOOK_TASKPANE_ENTRY: o.entry };
  if (o.origin === DEV_ORIGIN) delete env.TIERBOOK_URL;
  else env.TIERBOOK_URL = o.origin;
  const cli = path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
  const args = [cli, '--mode', o.mode, '--output-path', o.outDir, ...(o.verbose ? [] : ['--stats', 'errors-warnings'])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', o.verbose ? 'inherit' : 'pipe', o.verbose ? 'inherit' : 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`webpack (${o.mode}) failed with exit code ${code}\n${output.trim()}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the build lock for `outDir`: a directory (mkdir is atomic) holding the owner's pid. */
async function lock(outDir: string, timeoutMs: number): Promise<() => void> {
  const dir = path.join(ROOT, 'node_modules/.cache/tierbook');
  mkdirSync(dir, { recursive: true });
  const lockDir = path.join(dir, `build-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // A lock whose owner died (a killed test run) is taken over.
    let pid = NaN;
    try {
      pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      /* being written or removed: look again */
    }
    if (Number.isInteger(pid) && !alive(pid)) rmSync(lockDir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`timed out waiting for another build of ${outDir} (lock ${lockDir})`);
    await sleep(250);
  }
}

/**
 * Build into `outDir` unless it already holds a fresh build for these options; returns `outDir`.
 * Safe to call from parallel processes: one builds, the others wait for it.
 */
export async function ensureBuilt(opts: BuildOptions | BuildMode): Promise<string> {
  const o = typeof opts === 'string' ? { mode: opts } : opts;
  const outDir = resolved(o).outDir;
  if (staleReason(o) === null) return outDir;
  const release = await lock(outDir, 10 * 60_000);
  try {
    if (staleReason(o) !== null) await runWebpack(o);
  } finally {
    release();
  }
  return outDir;
}
