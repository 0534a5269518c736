// `tierbook sql`: the scheme as one SQL query over a customers table, for the data team's warehouse.
import { SQL_DIALECTS, schemeToSql, type Lang, type SqlDialect } from '../core/index.ts';
import { loadScheme } from './grade.ts';
import { UsageError } from './usage.ts';

export interface SqlArgs {
  scheme?: string;
  dialect?: string;
  table?: string;
  map: string[];
  lang: Lang;
}

const say = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

function parseMap(pairs: readonly string[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1)
      throw new UsageError(say(lang, `--map 应写成 指标=列名，收到"${p}"`, `--map expects metric=column, got "${p}"`));
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

/** The SQL text (what the command prints). */
export function sqlText(a: SqlArgs): string {
  if (!a.scheme) throw new UsageError(say(a.lang, 'sql 需要 --scheme <预设|方案.json>', 'sql needs --scheme <preset|scheme.json>'));
  const dialect = a.dialect ?? 'duckdb';
  if (!(SQL_DIALECTS as readonly string[]).includes(dialect))
    throw new UsageError(
      say(a.lang, `--dialect 应为 ${SQL_DIALECTS.join('、')} 之一，收到"${dialect}"`, `--dialect must be one of ${SQL_DIALECTS.join(', ')}, got "${dialect}"`),
    );
  if (a.table !== undefined && a.table.trim() === '') throw new UsageError(say(a.lang, '--table 不能为空', '--table must not be empty'));
  return schemeToSql(loadScheme(a.scheme), {
    dialect: dialect as SqlDialect,
    ...(a.table !== undefined ? { table: a.table } : {}),
    columns: parseMap(a.map, a.lang),
    lang: a.lang,
  });
}

export function sqlCommand(a: SqlArgs): void {
  process.stdout.write(sqlText(a));
}
