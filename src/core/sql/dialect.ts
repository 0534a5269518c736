// What differs between the SQL dialects we write: quoting, literals, type names and a few functions.
// Everything else in the generated query is plain SQL that all four accept.

export const SQL_DIALECTS = ['duckdb', 'postgres', 'spark', 'bigquery'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** How PERCENTILE.INC cut points are computed: the engine's exact aggregate, or ranks and a window (portable). */
export type PercentileMethod = 'aggregate' | 'window';

export interface Dialect {
  name: SqlDialect;
  /** A quoted identifier (column, table part). */
  ident(name: string): string;
  /** A string literal holding exactly `text`. */
  str(text: string): string;
  double: string;
  text: string;
  /** Math.round for a non-negative double (half up), exactly. */
  roundHalfUp(x: string): string;
  /** `x` with JavaScript's white-space runs made one space (the core's normalizeKey). */
  collapseSpaces(x: string): string;
  trimSpaces(x: string): string;
  /** A cast that yields NULL instead of failing, where the engine may evaluate it eagerly. */
  castDouble(x: string): string;
  /** `x` is all ASCII digits with at most one inner decimal point: ids.ts's /^\d+(\.\d+)?$/. */
  isNumericText(x: string): string;
  /** Appended to an ORDER BY on text so strings compare by code point (not by locale). */
  binaryCollate: string;
  percentiles: readonly PercentileMethod[];
  /** The aggregate returning the cut points as an array indexed from 1 (only where 'aggregate' is offered). */
  percentileArray?(x: string, fractions: readonly number[]): string;
}

/** Doubled-quote escaping: the SQL standard, as DuckDB and PostgreSQL (standard_conforming_strings) read it. */
function standardString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Backslash escaping, as Spark SQL and BigQuery read string literals (and BigQuery quoted identifiers). */
function backslashed(text: string, quote: "'" | '`'): string {
  let escaped = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === quote) escaped += `\\${ch}`;
    else if (ch === '\n') escaped += '\\n';
    else if (ch === '\r') escaped += '\\r';
    else if (ch === '\t') escaped += '\\t';
    // Other control characters as \uXXXX, so no raw control byte sits inside the literal.
    else if (code < 0x20 || code === 0x7f) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += ch;
  }
  return `${quote}${escaped}${quote}`;
}

/** JavaScript's \s (what normalizeKey folds), as code points for a regex character class. */
const JS_SPACES: readonly (number | [number, number])[] = [
  [0x09, 0x0d],
  0x20,
  0xa0,
  0x1680,
  [0x2000, 0x200a],
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
  0xfeff,
];

function spaceClass(escape: (cp: number) => string): string {
  return `[${JS_SPACES.map((x) => (typeof x === 'number' ? escape(x) : `${escape(x[0])}-${escape(x[1])}`)).join('')}]+`;
}
const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
/** RE2 (DuckDB, BigQuery) and Java (Spark) read \x{HHHH}; PostgreSQL's regex reads \uHHHH. */
const RE2_SPACES = spaceClass((cp) => `\\x{${hex(cp)}}`);
const PG_SPACES = spaceClass((cp) => `\\u${hex(cp)}`);

const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
  str: standardString,
  double: 'DOUBLE',
  text: 'VARCHAR',
  roundHalfUp: (x) => `ROUND(${x})`, // half away from zero, exact; our values are never negative
  collapseSpaces: (x) => `REGEXP_REPLACE(${x}, ${standardString(RE2_SPACES)}, ' ', 'g')`,
  trimSpaces: (x) => `TRIM(${x}, ' ')`,
  castDouble: (x) => `TRY_CAST(${x} AS DOUBLE)`,
  isNumericText: (x) => `REGEXP_FULL_MATCH(${x}, '[0-9]+([.][0-9]+)?')`,
  binaryCollate: '',
  // QUANTILE_CONT interpolates as lo·(1 − d) + hi·d, which can miss a tied value by its last bit.
  percentiles: ['window'],
};

const postgres: Dialect = {
  name: 'postgres',
  ident: duckdb.ident,
  str: standardString,
  double: 'DOUBLE PRECISION',
  text: 'TEXT',
  // round(double precision) rounds half to even on most platforms: spell half up out.
  roundHalfUp: (x) => `(FLOOR(${x}) + CASE WHEN ${x} - FLOOR(${x}) >= 0.5 THEN 1 ELSE 0 END)`,
  collapseSpaces: (x) => `REGEXP_REPLACE(${x}, ${standardString(PG_SPACES)}, ' ', 'g')`,
  trimSpaces: (x) => `BTRIM(${x}, ' ')`,
  castDouble: (x) => `CAST(${x} AS DOUBLE PRECISION)`,
  isNumericText: (x) => `${x} ~ '^[0-9]+([.][0-9]+)?$'`,
  binaryCollate: ' COLLATE "C"',
  percentiles: ['aggregate', 'window'],
  percentileArray: (x, fr) =>
    `PERCENTILE_CONT(ARRAY[${fr.join(', ')}]::DOUBLE PRECISION[]) WITHIN GROUP (ORDER BY ${x})`,
};

const spark: Dialect = {
  name: 'spark',
  ident: (name) => `\`${name.replace(/`/g, '``')}\``,
  str: (text) => backslashed(text, "'"),
  double: 'DOUBLE',
  text: 'STRING',
  roundHalfUp: (x) => `ROUND(${x})`, // HALF_UP
  collapseSpaces: (x) => `REGEXP_REPLACE(${x}, ${backslashed(RE2_SPACES, "'")}, ' ')`,
  trimSpaces: (x) => `TRIM(BOTH ' ' FROM ${x})`,
  castDouble: (x) => `CAST(${x} AS DOUBLE)`,
  // Java's $ would also match before a final line break; \z is the very end.
  isNumericText: (x) => `${x} RLIKE ${backslashed('^[0-9]+([.][0-9]+)?\\z', "'")}`,
  binaryCollate: '',
  // percentile() interpolates with another formula (a last-bit difference can move a tie at a cut point).
  percentiles: ['window'],
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => backslashed(name, '`'),
  str: (text) => backslashed(text, "'"),
  double: 'FLOAT64',
  text: 'STRING',
  roundHalfUp: (x) => `ROUND(${x})`, // half away from zero
  collapseSpaces: (x) => `REGEXP_REPLACE(${x}, ${backslashed(RE2_SPACES, "'")}, ' ')`,
  trimSpaces: (x) => `TRIM(${x}, ' ')`,
  castDouble: (x) => `SAFE_CAST(${x} AS FLOAT64)`,
  isNumericText: (x) => `REGEXP_CONTAINS(${x}, '^[0-9]+([.][0-9]+)?$')`,
  binaryCollate: '',
  // No exact percentile aggregate (APPROX_QUANTILES is approximate).
  percentiles: ['window'],
};

export const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = { duckdb, postgres, spark, bigquery };

/**
 * A numeric literal every dialect reads back as the same double. Integers are exact; other values are
 * JavaScript's shortest round-trip spelling, with an exponent added when a plain decimal of more than
 * 15 digits would be read as DECIMAL and rounded twice on its way to DOUBLE.
 */
export function sqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} as a SQL number`);
  if (Object.is(n, -0)) return '0';
  let s = String(n);
  if (!Number.isInteger(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    const digits = s.replace(/^-|e.*$|\./g, '').replace(/^0+/, '').length;
    if (!s.includes('e') && digits > 15) s = `${s}e0`;
  }
  return n < 0 ? `(${s})` : s;
}
