// A live PostgreSQL through psql, for the opt-in tests (TIERBOOK_PG holds a libpq connection string, e.g.
// "host=/tmp/pg user=postgres"). Loads a dataset with \copy and reads the query's rows back as CSV.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemeToSql, type Scheme, type SqlOptions } from '../../../src/core/index.ts';
import type { Dataset, Graded } from './duckdb.ts';

/** What psql prints for NULL (its CSV output writes an empty string and NULL alike otherwise). */
const NULL = '<NULL>';

/** RFC 4180 as psql --csv writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else inQuotes = false;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',' || ch === '\n') {
      row.push(field);
      field = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else field += ch;
  }
  return rows;
}

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

export class Postgres {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'tb-pg-'));
  constructor(private readonly conninfo: string) {}

  psql(script: string): string {
    return execFileSync('psql', [this.conninfo, '-X', '-q', '--csv', '-v', 'ON_ERROR_STOP=1', '-f', '-'], { input: script, encoding: 'utf8', maxBuffer: 1 << 30 });
  }

  /** The statements that (re)create `customers` with the dataset: blank = NULL, unreadable = NaN. */
  private loadScript(data: Dataset): string {
    const metrics = Object.keys(data.metrics);
    const file = path.join(this.dir, 'customers.csv');
    const lines = data.ids.map((id, i) => {
      const cells = metrics.map((m) => {
        const v = data.metrics[m]![i];
        return v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : 'NaN';
      });
      const o = data.overrides?.[i];
      return [csvField(id), ...cells, ...(data.overrides ? [o === null || o === undefined ? '' : csvField(o)] : [])].join(',');
    });
    writeFileSync(file, `${lines.join('\n')}\n`);
    const cols = ['id TEXT', ...metrics.map((m) => `"${m}" DOUBLE PRECISION`), ...(data.overrides ? ['override TEXT'] : [])];
    return `DROP TABLE IF EXISTS customers; CREATE TABLE customers (${cols.join(', ')});\n\\copy customers FROM '${file}' WITH (FORMAT csv)\n`;
  }

  /** Load the dataset and grade it with the postgres SQL, lined up with the dataset's ids. */
  grade(scheme: Scheme, data: Dataset, options: Omit<SqlOptions, 'dialect'> = {}): Graded {
    const sql = schemeToSql(scheme, { ...options, dialect: 'postgres' });
    const [head, ...rows] = parseCsv(this.psql(`SET client_min_messages = warning;\n\\pset null '${NULL}'\n${this.loadScript(data)}${sql}`));
    const at = (name: string) => head!.indexOf(name);
    const byId = new Map(rows.map((r) => [r[at('id')]!, r]));
    const value = (r: string[], name: string) => (at(name) < 0 || r[at(name)] === NULL ? null : r[at(name)]!);
    const lined = data.ids.map((id) => byId.get(id) ?? []);
    const num = (s: string | null) => (s === null ? null : Number(s));
    return {
      tier: lined.map((r) => value(r, 'tier')),
      score: lined.map((r) => num(value(r, 'score'))),
      ...(at('r_score') >= 0
        ? { rfm: lined.map((r): [number, number, number] | null => (value(r, 'r_score') === null ? null : [Number(value(r, 'r_score')), Number(value(r, 'f_score')), Number(value(r, 'm_score'))])) }
        : {}),
    };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
