// `tierbook advise`: proposed thresholds that put the tier mix inside the expected bands. Prints; writes nothing
// (`--out scheme.json` saves the advised scheme, which `tierbook grade --scheme` then uses).
import { writeFileSync } from 'node:fs';
import { proposalText, type Advice, type ShareBand } from '../core/advise/index.ts';
import { displayWidth, loc, padDisplay, type Lang, type Scheme, type TierMix } from '../core/index.ts';
import { openWorkbookFile } from '../hosts/file/node-files.ts';
import { adviseWorkbook } from '../run/advise.ts';
import { loadScheme, parseMap } from './grade.ts';
import { UsageError } from './usage.ts';

export interface AdviseArgs {
  file: string;
  scheme?: string;
  sheet?: string;
  shares?: string;
  map: string[];
  lang: Lang;
  out?: string;
  encoding?: string;
  json: boolean;
}

function share(text: string, whole: string): number {
  const t = text.trim();
  const v = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === '' || !Number.isFinite(v) || v < 0 || v > 1)
    throw new UsageError(loc(`--shares 的"${whole}"应写成 最低-最高，例如 0.05-0.10 或 5%-10%`, `--shares: "${whole}" should be min-max, e.g. 0.05-0.10 or 5%-10%`));
  return v;
}

/** "0.05-0.10,0.15-0.20,,0.20-0.30": one band per tier, best first; an empty item leaves that tier free. */
export function parseShares(text: string, tiers: number): (ShareBand | null)[] {
  const items = text.split(',');
  if (items.length !== tiers)
    throw new UsageError(loc(`--shares 给了 ${items.length} 个区间，方案有 ${tiers} 个等级（从高到低，每级一个）`, `--shares gives ${items.length} ranges; the scheme has ${tiers} tiers (one each, best first)`));
  return items.map((item) => {
    if (item.trim() === '') return null;
    const m = /^\s*([^-]+?)\s*-\s*([^-]+?)\s*$/.exec(item);
    if (!m) throw new UsageError(loc(`--shares 的"${item}"应写成 最低-最高，例如 0.05-0.10`, `--shares: "${item}" should be min-max, e.g. 0.05-0.10`));
    const min = share(m[1]!, item);
    const max = share(m[2]!, item);
    if (min > max) throw new UsageError(loc(`--shares 的"${item}"：最低不能大于最高`, `--shares: "${item}": min is above max`));
    return { min, max };
  });
}

/** The --json document: `{ proposals, mixBefore, mixAfter, moves }` and why a band stays out of reach. */
export function adviceJson(a: Advice, lang: Lang) {
  const mix = (m: TierMix) =>
    Object.fromEntries(
      m.rows.map((r) => [
        r.tier,
        { count: r.customers, customerShare: r.customerShare, revenue: r.revenue, revenueShare: Number.isFinite(r.revenueShare) ? r.revenueShare : null, expected: r.expected, inBand: r.expected ? !r.outsideExpected : null },
      ]),
    );
  return {
    scheme: a.scheme.id,
    proposals: a.proposals.map((p) => ({ tier: p.tier, metric: p.metric, op: p.op, current: p.current, proposed: p.proposed })),
    mixBefore: mix(a.before),
    mixAfter: mix(a.after),
    moves: a.moves,
    fits: a.fits,
    fitsNow: a.fitsNow,
    reasons: a.reasons.map((r) => ({ tier: r.tier, code: r.code, message: r.message[lang] })),
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

/** Before and after, one line per tier, aligned by display width. */
export function adviceLines(a: Advice, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  const out: string[] = [];
  const tiers = a.scheme.tiers;
  if (a.fitsNow) out.push(zh ? '当前门槛已使各等级占比落在期望范围内，无需调整。' : 'The current thresholds already put every tier inside its expected share: nothing to change.');
  const changed = a.proposals.filter((p) => p.proposed !== p.current);
  if (changed.length) {
    out.push(zh ? '建议门槛：' : 'Proposed thresholds:');
    for (const p of changed) out.push(`  ${tiers.find((t) => t.id === p.tier)!.label[lang]}  ${proposalText(p, a.scheme.currency, lang)}`);
  }
  const head = zh ? ['客户等级', '期望', '调整前', '调整后', '收入占比'] : ['Tier', 'Expected', 'Before', 'After', 'Revenue'];
  const rows = tiers.map((t, i) => {
    const b = a.before.rows[i]!;
    const x = a.after.rows[i]!;
    const mark = (r: typeof b) => `${r.customers} ${pct(r.customerShare)}${r.outsideExpected ? ' ✗' : ''}`;
    return [t.label[lang], x.expected ? `${pct(x.expected.min)}–${pct(x.expected.max)}` : '—', mark(b), mark(x), `${pct(b.revenueShare)} → ${pct(x.revenueShare)}`];
  });
  const table = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...table.map((r) => displayWidth(r[c]!))));
  for (const r of table) out.push(`  ${r.map((cell, c) => padDisplay(cell, widths[c]!, c === 0 ? 'left' : 'right')).join('  ')}`.trimEnd());
  out.push(
    zh
      ? `  调整后：${a.moves.up} 位客户升级，${a.moves.down} 位降级，${a.moves.same} 位不变`
      : `  After: ${a.moves.up} customers move up, ${a.moves.down} down, ${a.moves.same} stay`,
  );
  for (const r of a.reasons) out.push(`  ! ${r.message[lang]}`);
  return out;
}

export async function adviseCommand(a: AdviseArgs): Promise<void> {
  const scheme = a.scheme ? loadScheme(a.scheme) : undefined;
  const mapping = a.map.length ? parseMap(a.map) : undefined;
  const shares = a.shares;
  // A given scheme's tier count is known now: a bad --shares costs no reading.
  if (scheme && shares !== undefined) parseShares(shares, scheme.tiers.length);
  const book = openWorkbookFile(a.file, a.encoding !== undefined ? { encoding: a.encoding } : {});
  const run = await adviseWorkbook(book, {
    lang: a.lang,
    ...(a.sheet ? { sheet: a.sheet } : {}),
    ...(mapping ? { mapping } : {}),
    ...(scheme ? { scheme } : {}),
    ...(shares !== undefined ? { bands: (s: Scheme) => parseShares(shares, s.tiers.length) } : {}),
  });
  if (a.out) writeFileSync(a.out, `${JSON.stringify(run.advice.scheme, null, 2)}\n`);
  if (a.json) {
    process.stdout.write(`${JSON.stringify(adviceJson(run.advice, a.lang))}\n`);
    return;
  }
  const zh = a.lang === 'zh-CN';
  console.log(zh ? `方案 ${run.advice.scheme.name[a.lang]}，工作表"${run.sheet}"，已评级 ${run.advice.before.graded} 位客户` : `Scheme ${run.advice.scheme.name[a.lang]}, sheet "${run.sheet}", ${run.advice.before.graded} customers graded`);
  for (const line of adviceLines(run.advice, a.lang)) console.log(line);
  if (a.out) console.log(zh ? `建议方案已写入：${a.out}（tierbook grade --scheme ${a.out}）` : `Advised scheme written: ${a.out} (tierbook grade --scheme ${a.out})`);
}

