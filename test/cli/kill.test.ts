// SIGKILL at random points of `tierbook grade --in-place`: the input is always either the old bytes or a
// complete new workbook (it unzips, opens and holds the tier column). TIERBOOK_KILLS=N for more kills.
// The child writes through a slow disk (test/support/slow-disk.mjs) so that kills land inside the write.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');
const SLOW_DISK = path.resolve(import.meta.dirname, '../support/slow-disk.mjs');
const KILLS = Number(process.env.TIERBOOK_KILLS ?? 6);

/** A small seeded generator: the kill points are random but the run is repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spawn an in-place grade; kill it `delay` ms after the write begins (a temporary file appears or the input changes). */
async function killDuringWrite(input: string, delay: number): Promise<'killed' | 'finished'> {
  const dir = path.dirname(input);
  const before = statSync(input);
  const child = spawn(process.execPath, ['--import', SLOW_DISK, BIN, 'grade', input, '--in-place', '--lang', 'en-US'], { stdio: 'ignore' });
  let done = false;
  child.on('exit', () => (done = true));
  for (;;) {
    if (done) return 'finished';
    const st = statSync(input, { throwIfNoEntry: false });
    const writing = readdirSync(dir).some((f) => f.endsWith('.tmp')) || !st || st.mtimeMs !== before.mtimeMs || st.size !== before.size || st.ino !== before.ino;
    if (writing) break;
    await sleep(1);
  }
  if (delay > 0) await sleep(delay);
  const killed = child.kill('SIGKILL');
  await new Promise((r) => (done ? r(null) : child.on('exit', r)));
  return killed ? 'killed' : 'finished';
}

async function isCompleteGradedWorkbook(bytes: Uint8Array): Promise<boolean> {
  try {
    const book = FileWorkbook.open(bytes, 'x.xlsx');
    const sheets = await book.listSheets();
    const values = (await book.readSheet(sheets[0]!.name)).values;
    return values.some((row) => row.includes('客户等级') || row.includes('Tier'));
  } catch {
    return false;
  }
}

describe('SIGKILL during --in-place', () => {
  it(`leaves the old file or a complete new one (${KILLS} kills at random points of the write)`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-kill-'));
    const original = sampleWorkbook({ customers: 2500, seed: 5, lang: 'zh-CN' });
    const next = rng(20261203);
    const outcomes = { old: 0, complete: 0, broken: 0 };
    let leftovers = 0; // a killed process cannot remove its temporary file: it stays beside the input, hidden
    for (let k = 0; k < KILLS; k++) {
      const input = path.join(mkdtempSync(path.join(dir, 'k')), 'book.xlsx');
      writeFileSync(input, original);
      // A third of the kills right as the write starts (the first bytes), the rest spread over the write (~100 ms).
      const delay = k % 3 === 0 ? 0 : Math.floor(next() * 120);
      await killDuringWrite(input, delay);
      leftovers += readdirSync(path.dirname(input)).filter((f) => f.endsWith('.tmp')).length;
      const now = new Uint8Array(readFileSync(input));
      if (Buffer.from(now).equals(Buffer.from(original))) outcomes.old++;
      else if (await isCompleteGradedWorkbook(now)) outcomes.complete++;
      else outcomes.broken++;
    }
    console.log(`kills: ${KILLS}; old file kept ${outcomes.old}, complete new file ${outcomes.complete}, broken ${outcomes.broken}; temporary files left ${leftovers}`);
    expect(outcomes.broken).toBe(0);
    expect(outcomes.old + outcomes.complete).toBe(KILLS);
  }, 600_000);
});
