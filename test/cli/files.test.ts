// The files the CLI reads and writes: every path checked before anything is graded, the input never
// overwritten without --in-place, every write atomic (a kill or a full disk leaves the old file or a
// complete new one), and every failure one line in the user's language with exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileError, writeFileAtomic, writeHooks } from '../../src/hosts/file/node-files.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';
import { messyWorkbook } from '../fixtures/messy-workbook.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');
const run = (args: string[], opts: { input?: string } = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, ...opts });
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tb-cli-files-'));
const CJK = /[\u4e00-\u9fff]/;

/** main() in this process (for an injected fault), with what it printed, shaped like a spawn result. */
async function inProcess(args: string[], arrange: () => void): Promise<{ status: number; stderr: string; stdout: string }> {
  const { main } = await import('../../src/cli/main.ts');
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  arrange();
  try {
    const status = await main(args);
    return { status, stderr: err.mock.calls.map((c) => `${c.join(' ')}\n`).join(''), stdout: out.mock.calls.map((c) => `${c.join(' ')}\n`).join('') };
  } finally {
    err.mockRestore();
    out.mockRestore();
    writeHooks.beforeChunk = null;
  }
}

/** A failure as the user must see it: exit 2, one line on stderr, in the language asked for. */
function expectOneLine(r: { status: number | null; stderr: string }, lang: 'zh-CN' | 'en-US', pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n').filter((l) => !/^tierbook: \w+ \d+\/\d+$/.test(l)); // progress of a big run
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^tierbook: /);
  expect(lines[0]).toMatch(pattern);
  expect(CJK.test(lines[0]!.replace(/[/\\][^\s]*/g, ''))).toBe(lang === 'zh-CN'); // paths aside
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('paths are checked before grading', () => {
  it('a folder as input is one line, not a stack trace', () => {
    const dir = tmp();
    expectOneLine(run(['grade', dir, '--lang', 'zh-CN']), 'zh-CN', /是文件夹/);
    expectOneLine(run(['grade', dir, '--lang', 'en-US']), 'en-US', /is a folder/);
    expectOneLine(run(['handbook', dir, '--lang', 'en-US']), 'en-US', /is a folder/);
  });

  it('--out into a missing folder or onto a folder stops before the input is even read', () => {
    const dir = tmp();
    // The input is not a workbook at all: the message must be about --out, proving nothing was read first.
    const input = path.join(dir, 'broken.xlsx');
    writeFileSync(input, 'not a zip');
    mkdirSync(path.join(dir, 'folder.xlsx'));
    expectOneLine(run(['grade', input, '--out', path.join(dir, 'missing', 'x.xlsx'), '--lang', 'zh-CN']), 'zh-CN', /输出文件夹不存在/);
    expectOneLine(run(['grade', input, '--out', path.join(dir, 'missing', 'x.xlsx'), '--lang', 'en-US']), 'en-US', /output folder does not exist/);
    expectOneLine(run(['grade', input, '--out', path.join(dir, 'folder.xlsx'), '--lang', 'zh-CN']), 'zh-CN', /是文件夹/);
    expectOneLine(run(['grade', input, '--out', dir, '--lang', 'en-US']), 'en-US', /is a folder/);
    expectOneLine(run(['handbook', '--out', path.join(dir, 'missing', 'h.md'), '--lang', 'zh-CN']), 'zh-CN', /输出文件夹不存在/);
    expectOneLine(run(['init', path.join(dir, 'missing', 't.xlsx'), '--lang', 'en-US']), 'en-US', /output folder does not exist/);
  });

  it('--out naming the input is refused (exit 2), however it is spelled; the input is untouched', async () => {
    const dir = tmp();
    const input = path.join(dir, 'book.xlsx');
    const original = await messyWorkbook();
    writeFileSync(input, original);
    symlinkSync(input, path.join(dir, 'link.xlsx'));
    for (const out of [input, path.join(dir, '.', 'book.xlsx'), path.join(dir, 'link.xlsx')]) {
      expectOneLine(run(['grade', input, '--out', out, '--lang', 'zh-CN']), 'zh-CN', /--in-place/);
      expectOneLine(run(['grade', input, '--out', out, '--lang', 'en-US']), 'en-US', /--in-place/);
    }
    expectOneLine(run(['handbook', input, '--out', input, '--lang', 'en-US']), 'en-US', /never overwritten/);
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(original))).toBe(true);
  });

  it('a period that is no period is refused with the accepted forms', async () => {
    const dir = tmp();
    const input = path.join(dir, 'book.xlsx');
    writeFileSync(input, await messyWorkbook());
    for (const period of ['2025H3', 'abc', '2025-13', '2025Q5']) {
      expectOneLine(run(['grade', input, '--period', period, '--lang', 'zh-CN']), 'zh-CN', /无法识别期间.*2025H2.*2025Q1/);
      expectOneLine(run(['grade', input, '--period', period, '--lang', 'en-US']), 'en-US', /accepted forms: 2025, 2025H1/);
    }
    expect(existsSync(path.join(dir, 'book.graded.xlsx'))).toBe(false);
  });
});

describe('output the reader cuts short, and --json', () => {
  it('`tierbook presets | head -c1` ends quietly (EPIPE is no stack trace)', { timeout: 120_000 }, () => {
    // Three times each: whether the reader is gone before the first write is a race.
    const once = `"${process.execPath}" "${BIN}" presets --lang en-US | head -c1; "${process.execPath}" "${BIN}" demo --json | head -c1;`;
    const r = spawnSync('/bin/sh', ['-c', `${once} ${once} ${once} echo`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('`presets --json` prints JSON', () => {
    const r = run(['presets', '--json', '--lang', 'en-US']);
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; name: string; tiers: { id: string; label: string }[] }[];
    expect(list.map((p) => p.id)).toEqual(['salon-spend', 'b2b-value', 'crm-activity', 'abc-revenue', 'rfm-5', 'b2b-weighted']);
    expect(list[0]!.tiers[0]).toEqual({ id: 'diamond', label: 'Diamond Member' });
  });
});

describe('atomic writes', () => {
  afterEach(() => {
    writeHooks.beforeChunk = null;
  });

  it('a failing write (ENOSPC injected in the middle) leaves the old file byte for byte and no temporary file', () => {
    const dir = tmp();
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, 'old bytes');
    writeHooks.beforeChunk = (written) => {
      if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    let error: unknown;
    try {
      writeFileAtomic(file, new Uint8Array(3 << 20).fill(7));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).text['zh-CN']).toMatch(/磁盘空间不足.*原文件未改动/);
    expect((error as FileError).text['en-US']).toMatch(/disk is full.*existing file is unchanged/);
    expect(readFileSync(file, 'utf8')).toBe('old bytes');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('removes the temporary file a killed earlier write left behind (its process is gone), not a live one\'s', () => {
    const dir = tmp();
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    const dead = path.join(dir, '.book.xlsx.tierbook-999999999-abc.tmp');
    const live = path.join(dir, `.book.xlsx.tierbook-${process.ppid}-abc.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'busy');
    writeFileAtomic(file, new Uint8Array([1]));
    expect(readdirSync(dir).sort()).toEqual([path.basename(live), 'book.xlsx'].sort());
  });

  it('keeps the mode of the file it replaces', () => {
    const dir = tmp();
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, 'old', { mode: 0o640 });
    writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
  });

  it('a full disk during --in-place leaves the input untouched, says so in one line, exit 2', async () => {
    // A real 2 MB tmpfs where the machine allows mounting one (root); else the same ENOSPC, injected.
    const dir = tmp();
    const mnt = path.join(dir, 'small');
    mkdirSync(mnt);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]).status === 0;
    try {
      const input = path.join(mnt, 'big.xlsx');
      const original = sampleWorkbook({ customers: 4000, seed: 3, messy: false, lang: 'zh-CN' });
      expect(original.length).toBeGreaterThan(1 << 20); // the graded copy cannot fit beside it
      writeFileSync(input, original);
      console.log(mounted ? 'full disk: real 2 MB tmpfs' : 'full disk: mount refused, ENOSPC injected in-process');
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const r = mounted
          ? spawnSync(process.execPath, [BIN, 'grade', input, '--in-place', '--lang', lang], { encoding: 'utf8', timeout: 120_000 })
          : await inProcess(['grade', input, '--in-place', '--lang', lang], () => {
              writeHooks.beforeChunk = (written) => {
                if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
              };
            });
        expectOneLine(r, lang, lang === 'zh-CN' ? /磁盘空间不足.*原文件未改动/ : /disk is full.*existing file is unchanged/);
        expect(Buffer.from(readFileSync(input)).equals(Buffer.from(original))).toBe(true);
        expect(readdirSync(mnt)).toEqual(['big.xlsx']);
      }
    } finally {
      if (mounted) spawnSync('umount', [mnt]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
