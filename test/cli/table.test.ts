// The command line's tier table lines up for wide and CJK labels: columns are measured in display width
// (East Asian Wide and Fullwidth characters take two terminal columns), checked here with Python's
// unicodedata as an independent measure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset, schemeToJson } from '../../src/core/index.ts';
import { keptWorkbook } from '../fixtures/kept-customer.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');

const WIDTH_PY = `
import sys, json, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
print(json.dumps([width(line) for line in json.load(sys.stdin)]))
`;

/** Display widths of the lines, by Python's East Asian Width data. */
function widths(lines: string[]): number[] {
  const r = spawnSync('/usr/bin/python3', ['-c', WIDTH_PY], { input: JSON.stringify(lines), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as number[];
}

describe('the CLI tier table', () => {
  it('aligns counts and shares under wide, full-width and CJK labels', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-table-'));
    const scheme = JSON.parse(schemeToJson(getPreset('b2b-value')!));
    const labels = ['VIP客户(战略客户)·华东大区重点客户', 'Ｋｅｙ 重要', 'Regular customers (long English label)', '潜在'];
    scheme.tiers.forEach((t: { label: Record<string, string> }, i: number) => (t.label['zh-CN'] = labels[i]!));
    writeFileSync(path.join(dir, 'scheme.json'), JSON.stringify(scheme));
    writeFileSync(path.join(dir, 'k.xlsx'), keptWorkbook());
    const r = spawnSync(process.execPath, [BIN, 'grade', path.join(dir, 'k.xlsx'), '--scheme', path.join(dir, 'scheme.json'), '--lang', 'zh-CN'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const rows = labels.map((l) => lines.find((x) => x.startsWith(`  ${l} `))!);
    expect(rows.every(Boolean), r.stdout).toBe(true);
    // Shares are right-aligned at the same column, and so are the counts.
    expect(new Set(widths(rows)).size, r.stdout).toBe(1);
    const throughCount = rows.map((x) => x.replace(/\s+[\d.]+%$/, ''));
    expect(new Set(widths(throughCount)).size, r.stdout).toBe(1);
  });
});
