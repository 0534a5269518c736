// `tierbook grade`: grade a workbook or CSV through the file host and report — the machine-readable
// contract other tools rely on (keep the --json shape stable).
import { existsSync, statSync } from 'node:fs';
import {
  PRESET_IDS,
  displayWidth,
  getPreset,
  loc,
  periodWindow,
  parseDate,
  serialToIsoDate,
  padDisplay,
  schemeFromJson,
  type GradeResult,
  type Lang,
  type Scheme,
} from '../core/index.ts';
import { checkInputFile, checkOutputFile, defaultOutputPath, openWorkbookFile, saveWorkbookFile } from '../hosts/file/node-files.ts';
import { asOfMessage, gradeWorkbook, type RunResult } from '../run/grade-workbook.ts';
import { readFileSync } from 'node:fs';
import { UsageError } from './usage.ts';
import { nextStepsJson, nextStepsLines, parseActionOptions } from './next-steps.ts';

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
  /** --actions upgrade=15%,downgrade=10%,churn=50%,drop=30%: the action lists' distances. */
  actions?: string;
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

/** --map metric=Header pairs (shared by grade and advise). */
export function parseMap(pairs: string[]): Record<string, string> {
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
    // customerShare is of the graded customers (as in the pane and the 等级分布 sheet); unrated ones are counted apart.
    graded: run.mix.graded,
    unrated: run.mix.unrated,
    kept: run.held.size,
    ...nextStepsJson(run, lang),
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
  // Parsed before the file is opened: a bad --map costs no reading.
  const mapping = a.map.length ? parseMap(a.map) : undefined;
  const actions = a.actions !== undefined ? parseActionOptions(a.actions) : undefined;
  const book = openWorkbookFile(a.file, a.encoding !== undefined ? { encoding: a.encoding } : {});
  const big = (await book.listSheets()).some((s) => s.lastRow > 20_000);
  const run = await gradeWorkbook(book, {
    lang: a.lang,
    ...(scheme ? { scheme } : {}),
    ...(a.sheet ? { sheet: a.sheet } : {}),
    ...(a.period ? { period: a.period } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(mapping ? { mapping } : {}),
    ...(actions ? { actions } : {}),
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
  const { graded, unrated } = run.mix;
  const where = zh ? `（工作表"${run.customers.sheet}"，方案 ${run.scheme.name[a.lang]}）` : ` (sheet "${run.customers.sheet}", scheme ${run.scheme.name[a.lang]})`;
  console.log(zh ? `${graded + unrated} 位客户：已评级 ${graded}，未评级 ${unrated}${where}` : `${graded + unrated} customers: ${graded} graded, ${unrated} unrated${where}`);
  for (const line of mixLines(run, a.lang)) console.log(line);
  if (run.held.size) console.log(zh ? `  ${run.held.size} 位客户保级（见"评级依据"列）` : `  Kept in their tier: ${run.held.size} (see the "Reason" column)`);
  for (const line of nextStepsLines(run, a.lang)) console.log(line);
  if (run.scheme.criteria.some((c) => c.metric === 'recencyDays')) console.log(`  ${asOfMessage(run.asOf)[a.lang]}`);
  for (const w of [...book.warnings, ...run.warnings]) console.log(`  ! ${w[a.lang]}`);
  console.log(zh ? `已写入：${output}` : `Written: ${output}`);
}

/** The tier mix as a table aligned by display width (CJK and full-width labels take two columns each). */
export function mixLines(run: Pick<RunResult, 'mix' | 'scheme'>, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  const rows = run.mix.rows.map((row) => [run.scheme.tiers.find((t) => t.id === row.tier)!.label[lang], String(row.customers), `${(row.customerShare * 100).toFixed(1)}%`]);
  const head = zh ? ['客户等级', '客户数', '占已评级'] : ['Tier', 'Customers', 'Of graded'];
  // The unrated on a line of their own, under the tiers and outside the shares.
  const unrated = [zh ? '未评级' : 'Unrated', String(run.mix.unrated), '—'];
  const table = [head, ...rows, ...(run.mix.unrated ? [unrated] : [])];
  const widths = [0, 1, 2].map((c) => Math.max(...table.map((r) => displayWidth(r[c]!))));
  const line = (r: string[]) => `  ${padDisplay(r[0]!, widths[0]!)}  ${padDisplay(r[1]!, widths[1]!, 'right')}  ${padDisplay(r[2]!, widths[2]!, 'right')}`.trimEnd();
  const out = table.map(line);
  out.push(
    zh
      ? `  占比以 ${run.mix.graded} 位已评级客户为分母${run.mix.unrated ? '；未评级的原因见"数据问题"列' : ''}`
      : `  Shares are of the ${run.mix.graded} graded customers${run.mix.unrated ? '; why the others are unrated is in the "Data issues" column' : ''}`,
  );
  return out;
}
