// `tierbook sql` as a data team calls it: a separate process, the query on stdout, one-line errors, exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { getPreset, gradeRecords, schemeToJson } from '../../src/core/index.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tierbook.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('tierbook sql', () => {
  it('prints the query of a preset, quoted for each dialect', () => {
    const quoted: Record<string, string> = { duckdb: '"annualSpend"', postgres: '"annualSpend"', spark: '`annualSpend`', bigquery: '`annualSpend`' };
    for (const [dialect, ident] of Object.entries(quoted)) {
      const r = run(['sql', '--scheme', 'b2b-value', '--dialect', dialect]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^-- TierBook scheme b2b-value \(rules\)/);
      expect(r.stdout).toContain(ident);
      expect(r.stdout.trimEnd().endsWith(';')).toBe(true);
    }
    // DuckDB is the default dialect.
    expect(run(['sql', '--scheme', 'rfm-5']).stdout).toContain(`-- TierBook scheme rfm-5 (rfm) as duckdb SQL`);
  });

  it('reads a scheme file, a table and a column map, and the query runs and grades as the core does', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-sql-'));
    const file = path.join(dir, 'scheme.json');
    const scheme = { ...getPreset('salon-spend')!, id: 'my-salon' };
    scheme.tiers = scheme.tiers.map((t) => (t.id === 'gold' ? { ...t, label: { 'zh-CN': "金卡'会员", 'en-US': "Gold 'member'" } } : t));
    writeFileSync(file, schemeToJson(scheme));
    const r = (await runCli(['sql', '--scheme', file, '--table', 'crm.clients', '--map', 'annualSpend=spend 2025', '--map', 'id=client_id', '--lang', 'en-US']));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('FROM "crm"."clients"');
    expect(r.stdout).toContain(`'Gold ''member'''`);

    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`CREATE SCHEMA crm; CREATE TABLE crm.clients (client_id VARCHAR, "spend 2025" DOUBLE)`);
    await c.run(`INSERT INTO crm.clients VALUES ('K1', 20000), ('K2', 19999.99), ('K3', 10000), ('K4', NULL), ('K5', 'NaN'), ('K6', 4999)`);
    const rows = (await c.runAndReadAll(r.stdout)).getRowObjectsJS();
    const got = Object.fromEntries(rows.map((x) => [x.id as string, [x.tier, x.tier_label]]));
    const core = gradeRecords(scheme, [
      { id: 'K1', values: { annualSpend: 20000 } },
      { id: 'K2', values: { annualSpend: 19999.99 } },
      { id: 'K3', values: { annualSpend: 10000 } },
      { id: 'K4', values: { annualSpend: null } },
      { id: 'K5', values: { annualSpend: '待定' } },
      { id: 'K6', values: { annualSpend: 4999 } },
    ]);
    for (const g of core) expect(got[g.id], g.id).toEqual([g.tier, g.tierLabel?.['en-US'] ?? null]);
    expect(got.K2).toEqual(['gold', "Gold 'member'"]);
    c.closeSync();
  });

  it('exits 2 with one line on usage and configuration errors, in the chosen language', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-sql-'));
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"id": "x"');
    const cases: [string[], RegExp][] = [
      [['sql'], /--scheme/],
      [['sql', '--scheme', 'nope'], /unknown scheme "nope"/],
      [['sql', '--scheme', path.join(dir, 'missing.json')], /not found/],
      [['sql', '--scheme', broken], /JSON/],
      [['sql', '--scheme', 'rfm-5', '--dialect', 'mysql'], /--dialect must be one of duckdb, postgres, spark, bigquery, got "mysql"/],
      [['sql', '--scheme', 'rfm-5', '--map', 'annualSpend'], /--map expects metric=column/],
      [['sql', '--scheme', 'rfm-5', '--map', 'cooperationYears=years'], /does not read "cooperationYears"/],
      [['sql', '--scheme', 'rfm-5', '--table', ''], /--table/],
      [['sql', '--scheme', 'rfm-5', '--table', 'crm..customers'], /invalid table name/],
      [['sql', '--scheme', 'rfm-5', '--frobnicate'], /frobnicate/],
    ];
    for (const [args, message] of cases) {
      const r = (await runCli([...args, '--lang', 'en-US']));
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/^tierbook: /);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    const zh = (await runCli(['sql', '--scheme', 'rfm-5', '--dialect', 'mysql', '--lang', 'zh-CN']));
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('--dialect 应为 duckdb、postgres、spark、bigquery 之一');
    expect((await runCli(['sql', '--scheme', 'rfm-5', '--map', 'x=y', '--lang', 'zh-CN'])).stderr).toContain('方案"rfm-5"不使用指标"x"');
  });

  it('is listed in the help', async () => {
    expect((await runCli(['help', '--lang', 'en-US'])).stdout).toContain('tierbook sql --scheme <preset|scheme.json> [--dialect duckdb|postgres|spark|bigquery]');
    expect((await runCli(['help'])).stdout).toContain('tierbook sql --scheme <预设方案|方案.json> [--dialect duckdb|postgres|spark|bigquery]');
  });
});
