// `tierbook grade`: grade a workbook or CSV through the file host and report — the machine-readable
// contract other tools rely on (keep the --json shape stable).
import { existsSync } from 'node:fs';
import {
  PRESET_IDS,
  displayWidth,
  getPreset,
  padDisplay,
  schemeFromJson,
  type GradeResult,
  type Lang,
  type Scheme,
} from '../core/index.ts';
import { defaultOutputPath, openWorkbookFile, saveWorkbookFile } from '../hosts/file/node-files.ts';
import { gradeWorkbook, type RunResult } from '../run/grade-workbook.ts';
import { readFileSync } from 'node:fs';
import { UsageError } from './usage.ts';

export interface GradeArgs {
  file: string;
  scheme?: string;
  sheet?: string;
  period?: string;
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
      };
    }),
    tierMix,
    // customerShare is of the graded customers (as in the pane and the 等级分布 sheet); unrated ones are counted apart.
    graded: run.mix.graded,
    unrated: run.mix.unrated,
    kept: run.held.size,
    warnings: run.warnings.map((w) => w[lang]),
  };
}

export async function gradeCommand(a: GradeArgs): Promise<void> {
  if (!existsSync(a.file)) throw new UsageError(`file not found: ${a.file}`);
  if (a.inPlace && a.out) throw new UsageError('use either --in-place or --out, not both');
  const book = openWorkbookFile(a.file);
  const scheme = a.scheme ? loadScheme(a.scheme) : undefined;
  const big = (await book.listSheets()).some((s) => s.lastRow > 20_000);
  const run = await gradeWorkbook(book, {
    lang: a.lang,
    ...(scheme ? { scheme } : {}),
    ...(a.sheet ? { sheet: a.sheet } : {}),
    ...(a.period ? { period: a.period } : {}),
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
  const { graded, unrated } = run.mix;
  const where = zh ? `（工作表"${run.customers.sheet}"，方案 ${run.scheme.name[a.lang]}）` : ` (sheet "${run.customers.sheet}", scheme ${run.scheme.name[a.lang]})`;
  console.log(zh ? `${graded + unrated} 位客户：已评级 ${graded}，未评级 ${unrated}${where}` : `${graded + unrated} customers: ${graded} graded, ${unrated} unrated${where}`);
  for (const line of mixLines(run, a.lang)) console.log(line);
  if (run.held.size) console.log(zh ? `  ${run.held.size} 位客户保级（见"评级依据"列）` : `  ${run.held.size} customers kept in their tier (see the "Reason" column)`);
  for (const w of run.warnings) console.log(`  ! ${w[a.lang]}`);
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
