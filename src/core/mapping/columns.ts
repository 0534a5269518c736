// Which column holds what: headers to fields (customer id, name, every metric), with the header's unit
// turned into a scale factor. Order of precedence:
//   1. opts.explicit (CLI --map metric=Header, the pane's dropdown), then a criterion's `column`: taken as given, no fallback
//      when the header is not there (the user named it; guessing another column would hide the mistake);
//   2. the whole header, without its unit, is a synonym ("销售额（万元）" → annualSpend, ×10,000);
//   3. the header contains a synonym ("2025年度消费金额"), unless it qualifies it ("销售额增长率").
// Within 2 and 3 a stronger synonym wins (canonical name > common name > generic word), then a more
// specific one ("年度销售额" over "销售额"). Two columns equally good for a field make it ambiguous: it is
// left unmapped and reported, never decided by column order. One header never serves two fields, and
// our own output columns ("客户等级", "Score" …, from an earlier run) are never read as inputs.
//
// No id column: the name column serves as the id (problem 'id-from-name', a warning: customers with the
// same name then show up as duplicate ids, which the grading run reports). Neither: 'missing-id'.
import { loc, type Localized } from '../i18n.ts';
import type { AdvisedMessage } from './advice.ts';
import { columnIndex, columnLetter } from '../issues.ts';
import { outputColumnOf, type OutputColumnKey } from '../output/columns.ts';
import type { Scheme } from '../scheme/schema.ts';
import { modeMetrics } from '../scheme/validate.ts';
import { cleanCellText } from '../values/fullwidth.ts';
import { displayHeader, type FoldedHeader } from './fold.ts';
import { bestMatch, CORE_FIELDS, fieldDefs, fold, type FieldDef } from './synonyms.ts';
import { unitOf, type HeaderUnit } from './units.ts';

export type MatchedBy = 'explicit' | 'criterion-column' | 'synonym' | 'contains' | 'name-fallback';

export interface MappedColumn {
  /** A metric id, or 'id' | 'name' | 'lastPurchase' | 'override' | 'overrideReason'. */
  field: string;
  /** 0-based column index. */
  col: number;
  /** The header as it appears in the sheet (trimmed). */
  header: string;
  matchedBy: MatchedBy;
  /** The synonym that matched (matchedBy 'synonym' / 'contains'). */
  synonym?: string;
  /** Multiply every parsed value of the column by this (units in the header); 1 for text and dates. */
  scale: number;
  /** How the header's unit converts the values, when scale ≠ 1: e.g. 按万元换算（×10,000）. */
  unitNote?: Localized;
}

export type MappingProblemCode =
  | 'missing-required' // the mode needs a metric no column holds
  | 'missing-id' // neither an id nor a name column
  | 'id-from-name' // no id column: the name column serves as id (warning)
  | 'explicit-not-found' // --map or a criterion's column names a header that is not there
  | 'explicit-output-column' // --map or a criterion's column names one of our own output columns
  | 'unknown-field' // --map names a field that is neither a core field nor a metric
  | 'ambiguous'; // two or more columns are equally good for a field

/**
 * `message` says what was found; the column name the user gave (`given`) and what to do (`advice`) are codes
 * each host words itself (`sayAdvised`): the command line with --map, the pane with its Data step.
 */
export interface MappingProblem extends AdvisedMessage {
  code: MappingProblemCode;
  /** 'error': the run cannot grade as mapped; 'warning': it can, the user should know. */
  severity: 'error' | 'warning';
  field?: string;
  /** Candidate columns, for 'ambiguous'. */
  cols?: number[];
}

export interface ColumnMapping {
  /** Mapped input columns, left to right. */
  columns: MappedColumn[];
  byField: Record<string, MappedColumn>;
  /** Our own output columns already present (an earlier run): replaced on write, never read. */
  outputColumns: { key: OutputColumnKey; col: number }[];
  /** Non-empty headers that are neither mapped nor ours. */
  unmapped: { col: number; header: string }[];
  problems: MappingProblem[];
}

export interface MapOptions {
  /** Field → header text, e.g. from CLI `--map cooperationYears=合作时间`. A column letter ("C") also works. */
  explicit?: Record<string, string>;
}

interface HeaderCell {
  col: number;
  header: string;
  folded: FoldedHeader;
}

interface Candidate {
  def: FieldDef;
  cell: HeaderCell;
  tier: 1 | 2;
  weight: number;
  synonym: string;
  synKey: string;
  impliedUnit?: string;
}

const MAX_LISTED = 30;

function headerList(cells: readonly HeaderCell[]): Localized {
  if (cells.length === 0) return loc('（无）', '(none)');
  const shown = cells.slice(0, MAX_LISTED).map((c) => displayHeader(c.header));
  const more = cells.length - shown.length;
  return loc(
    shown.join('、') + (more > 0 ? ` 等共 ${cells.length} 列` : ''),
    shown.join(', ') + (more > 0 ? `, … (${cells.length} in all)` : ''),
  );
}

function quoteList(cells: readonly HeaderCell[]): Localized {
  return loc(
    cells.map((c) => `"${displayHeader(c.header)}"（${columnLetter(c.col)} 列）`).join('、'),
    cells.map((c) => `"${displayHeader(c.header)}" (column ${columnLetter(c.col)})`).join(', '),
  );
}

function scaleOf(def: FieldDef, folded: FoldedHeader, impliedUnit?: string): HeaderUnit {
  const fromHeader = unitOf(folded.units, def.kind);
  if (fromHeader.scale !== 1 || folded.units.length > 0 || impliedUnit === undefined) return fromHeader;
  return unitOf([impliedUnit], def.kind);
}

function mapped(def: FieldDef, cell: HeaderCell, matchedBy: MatchedBy, synonym?: string, impliedUnit?: string): MappedColumn {
  const unit = scaleOf(def, cell.folded, impliedUnit);
  return {
    field: def.field,
    col: cell.col,
    header: cell.header,
    matchedBy,
    ...(synonym !== undefined ? { synonym } : {}),
    scale: unit.scale,
    ...(unit.note ? { unitNote: unit.note } : {}),
  };
}

/** Candidates ordered best first: whole header, weight, longer synonym, field priority, leftmost column. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.tier - a.tier ||
    b.weight - a.weight ||
    b.synKey.length - a.synKey.length ||
    b.def.priority - a.def.priority ||
    a.cell.col - b.cell.col
  );
}

/** Map a header row to fields of the scheme. See the file comment for the rules. */
export function mapColumns(headers: readonly (string | null)[], scheme: Scheme, opts: MapOptions = {}): ColumnMapping {
  const defs = fieldDefs(scheme);
  const defOf = new Map(defs.map((d) => [d.field, d]));
  const needed = new Set(modeMetrics(scheme));
  const used = new Set<string>([...needed, ...scheme.criteria.map((c) => c.metric), ...(scheme.valueMetric ? [scheme.valueMetric] : [])]);

  const problems: MappingProblem[] = [];
  const outputColumns: { key: OutputColumnKey; col: number }[] = [];
  const cells: HeaderCell[] = [];
  headers.forEach((h, col) => {
    if (h === null || h === undefined) return;
    const header = String(h).trim();
    if (cleanCellText(header) === '') return;
    const key = outputColumnOf(header);
    if (key !== undefined) outputColumns.push({ key, col });
    else cells.push({ col, header, folded: fold(header) });
  });

  const byField: Record<string, MappedColumn> = {};
  const taken = new Set<number>();
  /** Fields decided one way or another: mapped, ambiguous, or named explicitly and not found. */
  const settled = new Set<string>();
  /** Fields the user said are not on this sheet (an empty explicit name). */
  const declined = new Set<string>();
  const assign = (m: MappedColumn) => {
    byField[m.field] = m;
    taken.add(m.col);
    settled.add(m.field);
  };

  const severityOf = (field: string): 'error' | 'warning' =>
    needed.has(field) ||
    field === 'id' ||
    (field === 'name' && byField.id === undefined) || // the name would have to serve as the id
    (field === 'lastPurchase' && needed.has('recencyDays') && byField.recencyDays === undefined)
      ? 'error'
      : 'warning';

  // ---- 1. explicit: --map, then each criterion's column ----
  const findNamed = (text: string): HeaderCell[] | 'output' => {
    const f = fold(text);
    const same = cells.filter((c) => c.folded.full === f.full);
    if (same.length) return same;
    if (outputColumnOf(text) !== undefined) return 'output';
    const base = cells.filter((c) => f.key !== '' && c.folded.key === f.key && f.units.length === 0);
    if (base.length) return base;
    const letters = cleanCellText(text);
    if (/^[A-Za-z]{1,3}$/.test(letters)) {
      const col = columnIndex(letters);
      if (outputColumns.some((o) => o.col === col)) return 'output';
      const cell = cells.find((c) => c.col === col);
      if (cell) return [cell];
    }
    return [];
  };
  const takeNamed = (def: FieldDef, text: string, how: 'explicit' | 'criterion-column') => {
    settled.add(def.field);
    // Named by the user (--map, the pane's dropdown): the host says how; named by the scheme: said here.
    const given = how === 'explicit' ? { given: { field: def.field, text } } : {};
    const where = how === 'explicit' ? loc('', '') : loc(`方案中"${def.label['zh-CN']}"的 column 设置：`, `the column set for "${def.label['en-US']}" in the scheme: `);
    const found = findNamed(text);
    if (found === 'output') {
      problems.push({
        code: 'explicit-output-column',
        severity: 'error',
        field: def.field,
        ...given,
        message: loc(`${where['zh-CN']}列"${text}"是 TierBook 写入的结果列，不能作为输入。`, `${where['en-US']}"${text}" is a result column TierBook writes, not an input.`),
      });
    } else if (found.length === 0) {
      const list = headerList(cells);
      problems.push({
        code: 'explicit-not-found',
        severity: 'error',
        field: def.field,
        ...given,
        message: loc(
          `${where['zh-CN']}表头中找不到列"${text}"。表头中有：${list['zh-CN']}。`,
          `${where['en-US']}no column "${text}" in the header row. Headers found: ${list['en-US']}.`,
        ),
      });
    } else if (found.length > 1) {
      const list = quoteList(found);
      problems.push({
        code: 'ambiguous',
        severity: 'error',
        field: def.field,
        cols: found.map((c) => c.col),
        ...given,
        message: loc(`${where['zh-CN']}有多列都叫"${text}"：${list['zh-CN']}。`, `${where['en-US']}several columns are called "${text}": ${list['en-US']}.`),
        advice: { kind: 'use-letter', field: def.field, letter: columnLetter(found[0]!.col) },
      });
    } else {
      assign(mapped(def, found[0]!, how));
    }
  };

  for (const [key, text] of Object.entries(opts.explicit ?? {})) {
    const def = resolveField(key, defs);
    if (!def) {
      const known = defs.filter((d) => d.priority >= 2).map((d) => d.field);
      problems.push({
        code: 'unknown-field',
        severity: 'error',
        field: key,
        given: { field: key, text },
        message: loc(`没有名为"${key}"的字段。可用：${known.join('、')}。`, `there is no field "${key}". Known fields: ${known.join(', ')}.`),
      });
      continue;
    }
    // An empty name means "not from this sheet": the field stays unmapped (a related sheet may supply it).
    if (text.trim() === '') {
      settled.add(def.field);
      declined.add(def.field);
    } else takeNamed(def, text, 'explicit');
  }
  for (const c of scheme.criteria) {
    if (c.column === undefined || settled.has(c.metric)) continue;
    takeNamed(defOf.get(c.metric)!, c.column, 'criterion-column');
  }

  // ---- 2 + 3. synonyms, best first ----
  const candidates: Candidate[] = [];
  for (const cell of cells) {
    if (taken.has(cell.col)) continue;
    for (const def of defs) {
      if (settled.has(def.field)) continue;
      const m = bestMatch(cell.folded, def);
      if (!m) continue;
      candidates.push({
        def,
        cell,
        tier: m.tier,
        weight: m.synonym.weight,
        synonym: m.synonym.text,
        synKey: m.synonym.key,
        ...(m.synonym.impliedUnit ? { impliedUnit: m.synonym.impliedUnit } : {}),
      });
    }
  }
  candidates.sort(compareCandidates);
  const ambiguous = new Map<string, HeaderCell[]>();
  for (;;) {
    const live = candidates.filter((c) => !taken.has(c.cell.col) && !settled.has(c.def.field));
    const best = live[0];
    if (!best) break;
    const field = best.def.field;
    const peers = live.filter((c) => c.def.field === field && c.tier === best.tier && c.weight === best.weight);
    // A more specific synonym beats one it contains: "年度销售额" over "销售额".
    const top = peers.filter((p) => !peers.some((q) => q.synKey !== p.synKey && q.synKey.includes(p.synKey)));
    const cols = [...new Set(top.map((c) => c.cell.col))];
    if (cols.length === 1) {
      const winner = top[0]!;
      assign(mapped(winner.def, winner.cell, winner.tier === 2 ? 'synonym' : 'contains', winner.synonym, winner.impliedUnit));
    } else {
      settled.add(field);
      ambiguous.set(field, cols.sort((a, b) => a - b).map((col) => cells.find((c) => c.col === col)!));
    }
  }
  for (const [field, among] of ambiguous) {
    if (!used.has(field) && !isCoreField(field)) continue; // a metric the scheme does not use: no one asked
    const def = defOf.get(field)!;
    const list = quoteList(among);
    problems.push({
      code: 'ambiguous',
      severity: severityOf(field),
      field,
      cols: among.map((c) => c.col),
      message: loc(`"${def.label['zh-CN']}"有多列可选：${list['zh-CN']}，无法确定用哪一列。`, `Several columns could be "${def.label['en-US']}": ${list['en-US']}.`),
      advice: { kind: 'choose-column', field },
    });
  }

  // ---- the id: a column of its own, else the name column ----
  if (!settled.has('id')) {
    const name = byField.name;
    if (name) {
      byField.id = { ...name, field: 'id', matchedBy: 'name-fallback' };
      problems.push({
        code: 'id-from-name',
        severity: 'warning',
        field: 'id',
        message: loc(
          `没有找到客户编号列，改用"${displayHeader(name.header)}"列作为客户编号；同名的客户会被标为重复。`,
          `No customer ID column; "${displayHeader(name.header)}" serves as the ID, so customers with the same name are flagged as duplicates.`,
        ),
      });
    } else if (!settled.has('name')) {
      const list = headerList(cells);
      problems.push({
        code: 'missing-id',
        severity: 'error',
        field: 'id',
        message: loc(`找不到客户编号或客户名称列。表头中有：${list['zh-CN']}。`, `No customer ID or name column. Headers found: ${list['en-US']}.`),
        advice: { kind: 'choose-column', field: 'id' },
      });
    }
  }

  // ---- what the mode needs and no column holds ----
  for (const metric of needed) {
    if (byField[metric] || (settled.has(metric) && !declined.has(metric))) continue;
    if (metric === 'avgOrderValue' && byField.annualSpend && byField.orderCount) continue; // spend ÷ orders
    if (metric === 'recencyDays' && byField.lastPurchase) continue; // days to the period end
    if (metric === 'recencyDays' && settled.has('lastPurchase') && !byField.lastPurchase) continue; // reported above
    const def = defOf.get(metric);
    const label = def?.label ?? loc(metric, metric);
    const hint =
      metric === 'avgOrderValue'
        ? loc('（也可由"年度消费金额"和"消费次数"两列算出）', ' (it can also be computed from annual spend and order count columns)')
        : metric === 'recencyDays'
          ? loc('（也可提供"最近消费日期"列，按期末日期计算天数）', ' (a last-purchase date column also works: days are counted to the period end)')
          : loc('', '');
    const list = headerList(cells);
    problems.push({
      code: 'missing-required',
      severity: 'error',
      field: metric,
      message: loc(`找不到"${label['zh-CN']}"对应的列${hint['zh-CN']}。表头中有：${list['zh-CN']}。`, `No column for "${label['en-US']}"${hint['en-US']}. Headers found: ${list['en-US']}.`),
      advice: { kind: 'choose-column', field: metric },
    });
  }

  const columns = Object.values(byField).sort((a, b) => a.col - b.col || a.field.localeCompare(b.field));
  const mappedCols = new Set(columns.map((c) => c.col));
  return {
    columns,
    byField,
    outputColumns,
    unmapped: cells.filter((c) => !mappedCols.has(c.col)).map((c) => ({ col: c.col, header: c.header })),
    problems,
  };
}

function isCoreField(field: string): boolean {
  return (CORE_FIELDS as readonly string[]).includes(field);
}

/** A --map key to a field: the id as written, any case, or a label in either language ("合作年限"). */
function resolveField(key: string, defs: readonly FieldDef[]): FieldDef | undefined {
  const exact = defs.find((d) => d.field === key);
  if (exact) return exact;
  const lower = key.trim().toLowerCase();
  const byCase = defs.find((d) => d.field.toLowerCase() === lower);
  if (byCase) return byCase;
  const k = fold(key).key;
  return defs.find((d) => fold(d.label['zh-CN']).key === k || fold(d.label['en-US']).key === k);
}
