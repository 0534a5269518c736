// The output columns of a run: tier, score, benefits, reason, gap, previous tier, change, data issues —
// placed where the previous run put them (found by their marks), else to the right of the user's data.
import {
  OUTPUT_COLUMNS,
  changeMark,
  explainerIn,
  headerKey,
  loc,
  type CellValue,
  type GradeResult,
  type HeldTier,
  type HistoryRecord,
  type Lang,
  type OutputColumnKey,
} from '../core/index.ts';
import type { ColumnWrite } from '../port/workbook.ts';
import { drain, type Steps } from './pause.ts';

export interface OutputPlacement {
  /** Existing output columns (found by their marks), by key. */
  existing: Partial<Record<OutputColumnKey, number>>;
  /** The last column holding user data (0-based). */
  lastCol: number;
  /** The columns this run writes (default: all). */
  keys?: readonly OutputColumnKey[];
}

/** Where each output column goes: its old place, else the next free column to the right. */
export function placeOutputColumns(placement: OutputPlacement): Record<OutputColumnKey, number> {
  // New columns go right of everything: the user's data and any output column already there.
  let next = Math.max(placement.lastCol, ...Object.values(placement.existing).map((c) => c ?? -1)) + 1;
  const keys = new Set(placement.keys ?? OUTPUT_COLUMNS.map((c) => c.key));
  const out = {} as Record<OutputColumnKey, number>;
  for (const c of OUTPUT_COLUMNS) if (keys.has(c.key)) out[c.key] = placement.existing[c.key] ?? next++;
  return out;
}

/**
 * Our own output columns an earlier run wrote that this run does not (a score column from a points run,
 * re-run in rules mode): emptied, header included, so no stale or blank column of ours is left behind.
 */
export function staleOutputColumns(existing: Partial<Record<OutputColumnKey, number>>, cols: Partial<Record<OutputColumnKey, number>>, height: number): ColumnWrite[] {
  return (Object.keys(existing) as OutputColumnKey[])
    .filter((k) => cols[k] === undefined && existing[k] !== undefined)
    .map((k) => ({ col: existing[k]!, header: '', values: new Array<CellValue>(height).fill(null) }));
}

/**
 * `s` as one flat string. V8 keeps a string built from pieces (a template) as a rope of those pieces; held
 * by the 100,000 until the sheet is written, every piece survives each young-generation collection and is
 * copied by it (a quarter of a second at that size). Reading a character makes V8 join the rope into one
 * string, and the pieces die young.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

const WIDTHS: Record<OutputColumnKey, number> = { tier: 14, score: 10, benefits: 36, reason: 48, gap: 40, previous: 14, change: 8, issues: 40 };

const SCORE_FORMAT: Record<string, string> = { points: '0.0', rfm: '0', abc: '0.0"%"', rules: '0' };

/** What the output columns are written from, and where. */
export interface WriteContext {
  result: GradeResult;
  /** The sheet's language: only it is built. */
  lang: Lang;
  /** `sheetRows[i]` is the sheet row of customer i. */
  sheetRows: readonly number[];
  /** Rows from `firstRow` to `lastRow` that hold no customer (blank rows, stale output from a longer run) are cleared. */
  firstRow: number;
  lastRow: number;
  /** The column each output goes to. */
  cols: Partial<Record<OutputColumnKey, number>>;
  /** The previous period's records by customer id (上期等级, 等级变动), or null. */
  previous: Map<string, HistoryRecord> | null;
  /** Customers kept in a tier by the downgrade policy: their reason, gap and change say so. */
  held?: ReadonlyMap<number, HeldTier> | null;
}

/** Build the column writes for the data rows. */
export function outputColumns(ctx: WriteContext): ColumnWrite[] {
  const build = columnsBuilder(ctx, drain(blankColumns(ctx)));
  build.rows(0, ctx.result.size);
  return build.done();
}

/** The same, in blocks of customers with `pause()` between them, so that a pane on the UI thread stays responsive. */
export async function outputColumnsInBlocks(ctx: WriteContext, pause: () => Promise<void>, block = 5_000): Promise<ColumnWrite[]> {
  const blank = blankColumns(ctx);
  let made = blank.next();
  for (; !made.done; made = blank.next()) await pause();
  const build = columnsBuilder(ctx, made.value);
  const n = ctx.result.size;
  for (let i = 0; i < n; i += block) {
    build.rows(i, Math.min(n, i + block));
    await pause();
  }
  return build.done();
}

interface BlankColumns {
  columns: Map<OutputColumnKey, CellValue[]>;
  fills: (string | null)[];
}

/** Every output column (and the tier colours) blank down to the last row, one column per step (a million cells each). */
function* blankColumns({ firstRow, lastRow }: WriteContext): Steps<BlankColumns> {
  const height = Math.max(0, lastRow - firstRow + 1);
  const columns = new Map<OutputColumnKey, CellValue[]>();
  for (const c of OUTPUT_COLUMNS) {
    columns.set(c.key, new Array<CellValue>(height).fill(null));
    if (height > 100_000) yield;
  }
  return { columns, fills: new Array<string | null>(height).fill(null) };
}

function columnsBuilder({ result, lang, sheetRows, firstRow, lastRow, cols, previous, held = null }: WriteContext, { columns, fills }: BlankColumns): { rows(from: number, to: number): void; done(): ColumnWrite[] } {
  const { scheme, table } = result;
  const height = Math.max(0, lastRow - firstRow + 1);
  const column = (key: OutputColumnKey) => columns.get(key)!;
  const [tiers, scores, benefits, reasons, gaps, previousTiers, changes, issues] = (
    ['tier', 'score', 'benefits', 'reason', 'gap', 'previous', 'change', 'issues'] as const
  ).map(column);
  // Only the sheet's language is built: the other one would be thrown away.
  const explain = explainerIn(result, lang);
  const unrated = loc('未评级', 'Unrated')[lang];
  const top = loc('已是最高等级', 'Top tier')[lang];
  const issueSep = lang === 'zh-CN' ? '；' : '; ';
  // The first tier of each id, as scheme.tiers.find() would give it.
  const tierById = new Map<string, (typeof scheme.tiers)[number]>();
  for (const x of scheme.tiers) if (!tierById.has(x.id)) tierById.set(x.id, x);
  const rows = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = sheetRows[i]! - firstRow;
      if (r < 0 || r >= height) continue;
      const t = result.tier[i]!;
      const e = explain(i);
      const tier = t >= 0 ? scheme.tiers[t]! : null;
      tiers![r] = tier ? tier.label[lang] : unrated;
      fills[r] = tier ? tier.color : null;
      const score = result.score?.[i];
      scores![r] = score !== undefined && Number.isFinite(score) ? score : null;
      benefits![r] = e.benefits || null;
      const kept = held?.get(i);
      reasons![r] = flat(kept ? kept.reason[lang] : e.reason);
      gaps![r] = kept ? kept.gap[lang] : e.gap !== null ? flat(e.gap) : t === 0 ? top : null;
      if (previous) {
        const prev = previous.get(table.ids[i]!);
        const prevTier = prev?.tier ? tierById.get(prev.tier) : undefined;
        previousTiers![r] = prevTier ? prevTier.label[lang] : (prev?.tier ?? null);
        // A kept customer says so; a previous grade that names no tier of the scheme (the user's own) has no direction to show.
        changes![r] = kept && prev?.tier ? kept.mark[lang] : prev?.tier && !prevTier ? null : changeMark(scheme, prev?.tier, tier?.id ?? null, lang);
      }
      if (e.issues.length) issues![r] = e.issues.map((x) => (x.cell ? `${x.cell} ${x.message[lang]}` : x.message[lang])).join(issueSep);
    }
  };
  const done = () =>
    OUTPUT_COLUMNS.filter((c) => cols[c.key] !== undefined).map((c): ColumnWrite => ({
      key: c.key,
      col: cols[c.key]!,
      header: c.header[lang],
      values: columns.get(c.key)!,
      width: WIDTHS[c.key],
      ...(c.key === 'tier' ? { fills } : {}),
      ...(c.key === 'score' ? { numberFormat: SCORE_FORMAT[scheme.mode.kind]! } : {}),
      ...(c.key === 'benefits' || c.key === 'reason' || c.key === 'gap' || c.key === 'issues' ? { wrap: false } : {}),
    }));
  return { rows, done };
}

/**
 * Our headers that a user's own column already has ("客户等级", a hand-kept grade) get a distinct one, so
 * that nobody — user or formula — mistakes one column for the other. `headerCells` is the header row;
 * `columns` the output columns as placed.
 */
export function distinctHeaders(columns: ColumnWrite[], headerCells: readonly CellValue[], lang: Lang): ColumnWrite[] {
  const ours = new Set(columns.map((c) => c.col));
  const users = new Set<string>();
  headerCells.forEach((h, c) => {
    if (h !== null && h !== '' && !ours.has(c)) users.add(headerKey(h));
  });
  return columns.map((c) => (users.has(headerKey(c.header)) ? { ...c, header: lang === 'zh-CN' ? `${c.header}（TierBook）` : `${c.header} (TierBook)` } : c));
}
