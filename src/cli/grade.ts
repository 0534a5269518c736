// `tierbook grade`: grade a workbook or CSV through the file host and report — the machine-readable
// contract other tools rely on (keep the --json shape stable).
import { existsSync } from 'node:fs';
import {
  PRESET_IDS,
  getPreset,
  parseDate,
  serialToIsoDate,
  schemeFromJson,
  type GradeResult,
  type Lang,
  type Scheme,
} from '../core/index.ts';
import { defaultOutputPath, openWorkbookFile, saveWorkbookFile } from '../hosts/file/node-files.ts';
import { asOfMessage, gradeWorkbook, type RunResult } from '../run/grade-workbook.ts';
import { readFileSync } from 'node:fs';
import { UsageError } from './usage.ts';

export interface GradeArgs {
  file: string;
  scheme?: string;
  sheet?: string;
  period?: string;
  /** --as-of 2025-12-31: the day recency is counted to without a period. */
  asOf?: string;
  map: string[];
  lang: Lang;
  out?: string;
  inPlace: boolean;
  json: boolean;
}

export function loadScheme(ref: string): Scheme {
  const preset = getPreset(ref);
  if (preset) return preset;
  if (/\.json$/i.test(ref)) {
    if (!existsSync(ref)) throw new UsageError(`scheme file not found: ${ref}`);
    return schemeFromJson(readFileSync(ref, 'utf8'));
  }
  throw new UsageError(`unknown scheme "${ref}": use a preset (${PRESET_IDS.join(', ')}) or a .json file`);
}

function parseMap(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1) throw new UsageError(`--map expects metric=Header, got "${p}"`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

/** --as-of as an Excel serial: a date, year first. */
function parseAsOf(text: string): number {
  const p = parseDate(text);
  if (!p.ok || p.value === null) throw new UsageError(`--as-of expects a date such as 2025-12-31, got "${text}"`);
  return Math.floor(p.value);
}

/** The --json document: one entry per data row, and the tier mix. */
export function gradeJson(run: RunResult, lang: Lang, input: string, output: string) {
  const r: GradeResult = run.result;
  const { scheme, table } = r;
  const issuesByIndex = new Map<number, { cell: string | null; message: string }[]>();
  for (const x of r.issues) {
    if (x.index === undefined) continue;
    const list = issuesByIndex.get(x.index) ?? [];
    list.push({ cell: x.cell ?? null, message: x.message[lang] });
    issuesByIndex.set(x.index, list);
  }
  // The value of each metric the scheme used, after parsing, units and aggregation: a script can check what was read.
  const metricIds = [...new Set(scheme.criteria.map((c) => c.metric))].filter((m) => table.metrics[m] !== undefined);
  const tierMix: Record<string, { count: number; revenue: number; customerShare: number; revenueShare: number | null }> = {};
  for (const row of run.mix.rows)
    tierMix[row.tier] = {
      count: row.customers,
      revenue: row.revenue,
      customerShare: row.customerShare,
      revenueShare: Number.isFinite(row.revenueShare) ? row.revenueShare : null,
    };
  return {
    input,
    output,
    sheet: run.customers.sheet,
    headerRow: run.customers.headerRow,
    scheme: scheme.id,
    schemeSource: run.schemeSource,
    previousPeriod: run.previousPeriod,
    mapping: run.customers.mapping.columns.map((c) => ({ field: c.field, header: c.header, column: c.col, scale: c.scale })),
    asOf: serialToIsoDate(run.asOf.serial),
    asOfSource: run.asOf.source,
    customers: Array.from({ length: r.size }, (_, i) => {
      const t = r.tier[i]!;
      const score = r.score?.[i];
      return {
        row: table.rows?.[i] ?? null,
        id: table.ids[i]!,
        name: table.names[i] ?? null,
        tier: t >= 0 ? scheme.tiers[t]!.id : null,
        score: score !== undefined && Number.isFinite(score) ? score : null,
        overridden: r.overridden[i] === 1,
        previousTier: run.previous?.get(table.ids[i]!)?.tier ?? null,
        issues: issuesByIndex.get(i) ?? [],
        metrics: Object.fromEntries(
          metricIds.map((m) => {
            const v = table.metrics[m]?.values[i];
            return [m, v !== undefined && Number.isFinite(v) ? v : null];
          }),
        ),
      };
    }),
    tierMix,
    unrated: run.mix.unrated,
    warnings: run.warnings.map((w) => w[lang]),
  };
}

export async function gradeCommand(a: GradeArgs): Promise<void> {
  if (!existsSync(a.file)) throw new UsageError(`file not found: ${a.file}`);
  if (a.inPlace && a.out) throw new UsageError('use either --in-place or --out, not both');
  if (a.period && a.asOf) throw new UsageError('use either --period or --as-of, not both (a period counts recency to its end)');
  const asOf = a.asOf !== undefined ? parseAsOf(a.asOf) : undefined;
  const book = openWorkbookFile(a.file);
  const scheme = a.scheme ? loadScheme(a.scheme) : undefined;
  const big = (await book.listSheets()).some((s) => s.lastRow > 20_000);
  const run = await gradeWorkbook(book, {
    lang: a.lang,
    ...(scheme ? { scheme } : {}),
    ...(a.sheet ? { sheet: a.sheet } : {}),
    ...(a.period ? { period: a.period } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(a.map.length ? { mapping: parseMap(a.map) } : {}),
    onProgress: big ? (p) => process.stderr.write(`tierbook: ${p.stage} ${p.done}/${p.total}\n`) : undefined,
  });
  // In place keeps the file's format: a CSV gets its graded sheet back as CSV.
  const output = a.inPlace ? a.file : (a.out ?? defaultOutputPath(a.file));
  await saveWorkbookFile(book, output, run.customers.sheet);
  if (a.json) {
    process.stdout.write(`${JSON.stringify(gradeJson(run, a.lang, a.file, output))}\n`);
    return;
  }
  const zh = a.lang === 'zh-CN';
  console.log(zh ? `已评级 ${run.result.size} 位客户（工作表"${run.customers.sheet}"，方案 ${run.scheme.name[a.lang]}）` : `Graded ${run.result.size} customers (sheet "${run.customers.sheet}", scheme ${run.scheme.name[a.lang]})`);
  for (const row of run.mix.rows) {
    const tier = run.scheme.tiers.find((t) => t.id === row.tier)!;
    console.log(`  ${padDisplay(tier.label[a.lang], 18)} ${String(row.customers).padStart(7)}  ${(row.customerShare * 100).toFixed(1).padStart(5)}%`);
  }
  if (run.result.table.metrics.recencyDays) console.log(`  ${asOfMessage(run.asOf)[a.lang]}`);
  if (run.mix.unrated) console.log(zh ? `  未评级 ${run.mix.unrated} 位（见"数据问题"列）` : `  ${run.mix.unrated} unrated (see the "Data issues" column)`);
  for (const w of run.warnings) console.log(`  ! ${w[a.lang]}`);
  console.log(zh ? `已写入：${output}` : `Written: ${output}`);
}

/** Pad to a terminal width, counting CJK characters as two columns. */
function padDisplay(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, width - w));
}
