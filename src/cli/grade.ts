// `tierbook grade`: grade a workbook or CSV through the file host and report — the machine-readable
// contract other tools rely on (keep the --json shape stable).
import { existsSync, statSync } from 'node:fs';
import {
  PRESET_IDS,
  getPreset,
  loc,
  periodWindow,
  parseDate,
  serialToIsoDate,
  schemeFromJson,
  type GradeResult,
  type Lang,
  type Scheme,
} from '../core/index.ts';
import { checkInputFile, checkOutputFile, defaultOutputPath, openWorkbookFile, saveWorkbookFile } from '../hosts/file/node-files.ts';
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
  /** The CSV's encoding when detection is unsure (utf-8, gb18030, big5, shift_jis …). */
  encoding?: string;
  json: boolean;
}

export function loadScheme(ref: string): Scheme {
  const preset = getPreset(ref);
  if (preset) return preset;
  if (/\.json$/i.test(ref)) {
    if (!existsSync(ref)) throw new UsageError(loc(`找不到方案文件：${ref}`, `scheme file not found: ${ref}`));
    if (statSync(ref).isDirectory()) throw new UsageError(loc(`${ref} 是文件夹，不是方案文件`, `${ref} is a folder, not a scheme file`));
    return schemeFromJson(readFileSync(ref, 'utf8'));
  }
  throw new UsageError(
    loc(`没有"${ref}"这个方案：请用预设方案（${PRESET_IDS.join('、')}）或 .json 文件`, `unknown scheme "${ref}": use a preset (${PRESET_IDS.join(', ')}) or a .json file`),
  );
}

function parseMap(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1) throw new UsageError(loc(`--map 应写成 指标=列名，收到"${p}"`, `--map expects metric=Header, got "${p}"`));
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

/** --as-of as an Excel serial: a date, year first. */
function parseAsOf(text: string): number {
  const p = parseDate(text);
  if (!p.ok || p.value === null) throw new UsageError(loc(`--as-of 需要一个日期，例如 2025-12-31，收到的是"${text}"`, `--as-of expects a date such as 2025-12-31, got "${text}"`));
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

/** The period forms --period accepts, for the message that refuses one. */
const PERIOD_FORMS = loc('2025、2025H1、2025H2、2025Q1…2025Q4、2025-01…2025-12、2025年上半年、2025年第三季度、2025年3月', '2025, 2025H1, 2025H2, 2025Q1…2025Q4, 2025-01…2025-12');

/** Every argument and path checked before anything is read or graded: a mistake costs no waiting. */
function checkGradeArgs(a: GradeArgs): string {
  if (a.inPlace && a.out) throw new UsageError(loc('--in-place 和 --out 只能选一个', 'use either --in-place or --out, not both'));
  if (a.period !== undefined && !periodWindow(a.period))
    throw new UsageError(loc(`无法识别期间"${a.period}"，可用的写法：${PERIOD_FORMS['zh-CN']}`, `cannot read the period "${a.period}"; accepted forms: ${PERIOD_FORMS['en-US']}`));
  checkInputFile(a.file);
  const output = a.inPlace ? a.file : (a.out ?? defaultOutputPath(a.file));
  checkOutputFile(output, a.inPlace ? undefined : a.file);
  return output;
}

export async function gradeCommand(a: GradeArgs): Promise<void> {
  // In place keeps the file's format: a CSV gets its graded sheet back as CSV.
  const output = checkGradeArgs(a);
  if (a.period && a.asOf)
    throw new UsageError(loc('--period 和 --as-of 只能选一个（期间的最近消费天数算到期末）', 'use either --period or --as-of, not both (a period counts recency to its end)'));
  const asOf = a.asOf !== undefined ? parseAsOf(a.asOf) : undefined;
  const scheme = a.scheme ? loadScheme(a.scheme) : undefined;
  if (a.map.length) parseMap(a.map);
  const book = openWorkbookFile(a.file, a.encoding !== undefined ? { encoding: a.encoding } : {});
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
  // An orders-only CSV graded in place would have its orders replaced by the new customer table.
  if (a.inPlace && book.kind === 'csv' && run.customers.generated)
    throw new UsageError(
      loc(
        `${a.file} 只有订单记录：评级结果是一张新的客户表，不能写回这个文件（会替换订单）。原文件未改动。请去掉 --in-place（默认输出 .graded.xlsx），或用 --out 客户等级.csv`,
        `${a.file} holds only orders: the grades are a new customer table and cannot be written back into it (they would replace the orders). The file is unchanged. Drop --in-place (the default output is .graded.xlsx) or use --out customers.csv`,
      ),
    );
  await saveWorkbookFile(book, output, run.customers.sheet);
  if (a.json) {
    const doc = gradeJson(run, a.lang, a.file, output);
    doc.warnings.unshift(...book.warnings.map((w) => w[a.lang]));
    process.stdout.write(`${JSON.stringify(doc)}\n`);
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
  for (const w of [...book.warnings, ...run.warnings]) console.log(`  ! ${w[a.lang]}`);
  console.log(zh ? `已写入：${output}` : `Written: ${output}`);
}

/** Pad to a terminal width, counting CJK characters as two columns. */
function padDisplay(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, width - w));
}
