// The advisor over workbooks: the pane's session (nothing written until the rules are saved) and
// `tierbook advise` as a separate process (text, --json shape, --shares, --out, one-line errors).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset, parseScheme, type Scheme } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { GradingSession } from '../../src/run/session.ts';
import { sampleWorkbook } from '../../scripts/sample-workbook.ts';

const TODAY = 46_000;
const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

const SHARES = '0.05-0.10,0.15-0.20,0.40-0.50,0.20-0.30';

function salonWithBands(): Scheme {
  const s = getPreset('salon-spend')!;
  const bands = [
    { min: 0.05, max: 0.1 },
    { min: 0.15, max: 0.2 },
    { min: 0.4, max: 0.5 },
    { min: 0.2, max: 0.3 },
  ];
  return parseScheme({ ...s, tiers: s.tiers.map((t, i) => ({ ...t, expectedShare: bands[i] })) });
}

describe('advice in the pane session', () => {
  it('advises on the customers the preview grades, writes nothing, and the preview of the advice agrees', async () => {
    const book = FileWorkbook.open(sampleWorkbook({ customers: 300, seed: 3 }), 'sample.xlsx');
    const s = new GradingSession(() => book, { lang: 'zh-CN', today: TODAY });
    const before = (await book.listSheets()).map((x) => x.name);
    const advice = await s.advise(salonWithBands(), {});
    expect(advice.fitsNow).toBe(false);
    expect(advice.fits).toBe(true);
    expect((await book.listSheets()).map((x) => x.name)).toEqual(before);
    // What the pane shows after accepting is what the preview grades.
    const preview = await s.preview(advice.scheme, {});
    expect(preview.mix.bars.map((b) => b.customers)).toEqual(advice.after.rows.map((r) => r.customers));
    expect(preview.mix.bars.every((b) => !b.outside)).toBe(true);
    // Accepting writes the rules sheet, and it reads back with the advised thresholds.
    const sheet = await s.saveRules(advice.scheme);
    const rules = await s.rules();
    expect(rules.sheet).toBe(sheet);
    expect(rules.scheme!.mode).toEqual(advice.scheme.mode);
  });
});

describe('tierbook advise', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-advise-'));
  const file = path.join(dir, 'sample.xlsx');
  writeFileSync(file, sampleWorkbook({ customers: 300, seed: 3 }));

  it('--json: { proposals: [{ tier, metric, current, proposed }], mixBefore, mixAfter, moves }, and the file is untouched', () => {
    const bytes = readFileSync(file);
    const r = run(['advise', file, '--scheme', 'salon-spend', '--shares', SHARES, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['proposals', 'mixBefore', 'mixAfter', 'moves']));
    expect(doc.proposals.map((p: { tier: string; metric: string; current: number }) => [p.tier, p.metric, p.current])).toEqual([
      ['diamond', 'annualSpend', 20_000],
      ['gold', 'annualSpend', 10_000],
      ['silver', 'annualSpend', 5_000],
    ]);
    for (const p of doc.proposals) expect(p.proposed % 10_000).toBe(0);
    expect(Object.values(doc.mixAfter).map((m) => (m as { inBand: boolean }).inBand)).toEqual([true, true, true, true]);
    expect(Object.values(doc.mixBefore).map((m) => (m as { inBand: boolean }).inBand)).toContain(false);
    expect(doc.moves.up + doc.moves.down + doc.moves.same).toBe(300);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('prints before and after in the user’s language, and --out saves the advised scheme that grade then uses', () => {
    const out = path.join(dir, 'advised.json');
    const r = run(['advise', file, '--scheme', 'salon-spend', '--shares', SHARES, '--lang', 'en-US', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Proposed thresholds:');
    expect(r.stdout).toMatch(/Diamond Member\s+Annual spend ≥ ¥20,000 → ≥ ¥[\d,]+/);
    expect(r.stdout).toContain('customers move up');
    const saved = parseScheme(JSON.parse(readFileSync(out, 'utf8')));
    const g = run(['grade', file, '--scheme', out, '--json', '--out', path.join(dir, 'graded.xlsx')]);
    expect(g.status, g.stderr).toBe(0);
    const mix = JSON.parse(g.stdout).tierMix as Record<string, { customerShare: number }>;
    saved.tiers.forEach((t) => {
      expect(mix[t.id]!.customerShare).toBeGreaterThanOrEqual(t.expectedShare!.min);
      expect(mix[t.id]!.customerShare).toBeLessThanOrEqual(t.expectedShare!.max);
    });
  });

  it('says when the current thresholds already fit, and why a band is out of reach', () => {
    const fits = run(['advise', file]);
    expect(fits.status, fits.stderr).toBe(0);
    const json = JSON.parse(run(['advise', file, '--json']).stdout);
    expect(fits.stdout.includes('当前门槛已使各等级占比落在期望范围内，无需调整')).toBe(json.fitsNow);
    // RFM has no thresholds to move.
    const rfm = run(['advise', file, '--scheme', 'rfm-5', '--shares', '0-1,0-1,0-1,0-1,0-1,0-1,0-1', '--lang', 'en-US']);
    expect(rfm.status, rfm.stderr).toBe(0);
    expect(rfm.stdout).toContain('no thresholds to move');
  });

  it('a bad --shares is one line in the user’s language, exit 2, before the file is read', () => {
    const r = run(['advise', path.join(dir, 'missing.xlsx'), '--scheme', 'b2b-value', '--shares', '0.05-0.10,0.2']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--shares 给了 2 个区间，方案有 4 个等级');
    const en = run(['advise', file, '--scheme', 'b2b-value', '--shares', '0.10-0.05,,,', '--lang', 'en-US']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('min is above max');
  });
});
