// The CLI as other tools call it: a separate process, --json on stdout, exit codes, one-line errors. One spawned
// smoke test per command here; the other CLI tests run it in process (test/support/cli.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { messyWorkbook } from '../fixtures/messy-workbook.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('tierbook CLI', () => {
  it('grades a workbook into a new file beside it and prints the JSON contract', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-cli-'));
    const input = path.join(dir, '客户.xlsx');
    const original = await messyWorkbook();
    writeFileSync(input, original);
    const r = run(['grade', input, '--json', '--period', '2025H2', '--lang', 'en-US']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.output).toBe(path.join(dir, '客户.graded.xlsx'));
    expect(existsSync(doc.output)).toBe(true);
    expect(Buffer.compare(readFileSync(input), Buffer.from(original))).toBe(0); // the input is never overwritten
    expect(doc.customers).toHaveLength(13);
    const first = doc.customers[0];
    expect(first).toMatchObject({ row: 5, id: 'KH-001', tier: 'vip', score: null, issues: [] });
    const bad = doc.customers.find((c: { row: number }) => c.row === 13);
    expect(bad.tier).toBeNull();
    expect(bad.issues[0].cell).toBe('C13');
    expect(bad.issues[0].message).toContain('待定');
    expect(Object.keys(doc.tierMix)).toEqual(['vip', 'key', 'regular', 'potential']);
    expect(doc.tierMix.vip).toMatchObject({ count: 2, revenue: 3_550_000 });
  }, 60_000);

  it('exits 2 with a one-line message on usage and configuration errors', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-cli-'));
    const input = path.join(dir, 'book.xlsx');
    writeFileSync(input, await messyWorkbook());
    for (const args of [['grade'], ['grade', path.join(dir, 'missing.xlsx')], ['grade', input, '--scheme', 'nope'], ['grade', input, '--scheme', 'rfm-5'], ['frobnicate']]) {
      const r = await runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^tierbook: /);
    }
  }, 120_000);

  it('lists the presets', () => {
    const out = execFileSync(process.execPath, [BIN, 'presets', '--lang', 'zh-CN'], { encoding: 'utf8' });
    for (const id of ['salon-spend', 'b2b-value', 'crm-activity', 'abc-revenue', 'rfm-5', 'b2b-weighted']) expect(out).toContain(id);
  });
});
