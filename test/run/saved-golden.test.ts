// What is saved stays what it was while the page and the command line get faster (issue 16): on ~3,000
// generated customers, in both languages, the page's worker path (Apply, Summaries, then a second period) and
// the command line's `tierbook grade` (two periods in turn) are pinned by a hash of each zip entry's
// uncompressed content and of the views the pane shows. UPDATE_GOLDEN=1 rewrites test/fixtures/saved-golden.json.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../src/core/scheme/presets/index.ts';
import { StandaloneWorkbook } from '../../src/hosts/browser/standalone-api.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';
import { runCli } from '../support/cli.ts';
import { InProcessWorker } from '../support/in-process-worker.ts';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/saved-golden.json');
const CUSTOMERS = 3000;
const TODAY = 46_000;
const LANGS = ['zh-CN', 'en-US'] as const;
const scheme = getPreset('b2b-value')!;

type Hashes = Record<string, string>;
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** Each zip entry's uncompressed content, hashed (compression may change; what is inside may not). */
function entries(bytes: Uint8Array, prefix: string, into: Hashes) {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files).sort()) into[`${prefix} ${name}`] = sha(files[name]!);
}

async function pagePath(lang: (typeof LANGS)[number], into: Hashes) {
  const api = new StandaloneWorkbook(InProcessWorker.make, lang, () => {}, TODAY);
  try {
    const sheets = await api.open(sampleWorkbook({ customers: CUSTOMERS, seed: 5, lang }), 'sample.xlsx');
    const first = sheets[0]!.name;
    const view = async (label: string, v: unknown) => (into[`page ${lang} ${label}`] = sha(JSON.stringify(v)));
    await view('inspect', await api.inspect(scheme, { period: '2025H2' }));
    for (const period of ['2025H2', '2025H1']) {
      await view(`${period} apply`, await api.apply(scheme, { period }, () => {}).promise);
      await view(`${period} inspect after apply`, await api.inspect(scheme, { period }));
      await view(`${period} sheets after apply`, await api.sheets());
      await view(`${period} wroteAt`, await api.wroteAt());
      await view(`${period} grid layout`, await api.gridLayout(first));
      await view(`${period} grid block`, await api.gridBlock(first, 1, 60));
      await view(`${period} summaries`, await api.summaries(scheme, { period }, period, () => {}).promise);
      await view(`${period} sheets after summaries`, await api.sheets());
      await view(`${period} inspect after summaries`, await api.inspect(scheme, { period }));
    }
    entries(await api.save(), `page ${lang} saved`, into);
  } finally {
    api.dispose();
  }
}

async function cliPath(lang: (typeof LANGS)[number], into: Hashes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-golden-'));
  let file = path.join(dir, 'sample.xlsx');
  writeFileSync(file, sampleWorkbook({ customers: CUSTOMERS, seed: 5, lang }));
  for (const period of ['2025H2', '2025H1']) {
    const out = path.join(dir, `graded-${period}.xlsx`);
    const r = await runCli(['grade', file, '--period', period, '--lang', lang, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    into[`cli ${lang} ${period} stdout`] = sha(r.stdout.replaceAll(dir, '<dir>'));
    entries(new Uint8Array(readFileSync(out)), `cli ${lang} ${period} saved`, into);
    file = out;
  }
}

describe('what is saved, pinned', () => {
  const got: Hashes = {};
  beforeAll(() => {
    // The graded-at time and the file's dates follow the clock: one fixed moment.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T08:00:00Z') });
  });
  afterAll(() => {
    vi.useRealTimers();
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(got, null, 1)}\n`);
  });

  it.each(LANGS)('the page worker path, %s', async (lang) => {
    await pagePath(lang, got);
    const want = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Hashes) : {};
    const mine = Object.fromEntries(Object.entries(got).filter(([k]) => k.startsWith(`page ${lang} `)));
    expect(Object.keys(mine).length).toBeGreaterThan(20);
    expect(mine).toEqual(Object.fromEntries(Object.entries(want).filter(([k]) => k.startsWith(`page ${lang} `))));
  }, 180_000);

  it.each(LANGS)('the command line path, %s', async (lang) => {
    await cliPath(lang, got);
    const want = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Hashes) : {};
    const mine = Object.fromEntries(Object.entries(got).filter(([k]) => k.startsWith(`cli ${lang} `)));
    expect(Object.keys(mine).length).toBeGreaterThan(10);
    expect(mine).toEqual(Object.fromEntries(Object.entries(want).filter(([k]) => k.startsWith(`cli ${lang} `))));
  }, 180_000);
});
