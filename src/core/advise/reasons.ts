// Why a band stays out of reach after the advice, per tier outside it: other conditions of the rule cap
// or floor the tier whatever its threshold; many customers share the value where the band would be;
// no handbook number lies where it would be; or the neighbouring tiers' bands cannot be met together.
import { OPERATOR_SYMBOL, formatValue } from '../explain/format.ts';
import { loc, type Localized } from '../i18n.ts';
import type { GradeResult } from '../grading/grade.ts';
import { metricSpec } from '../grading/table.ts';
import type { Comparison, Condition, Scheme } from '../scheme/schema.ts';
import type { TierMix } from '../summaries/mix.ts';
import { gridsFor } from './nice.ts';
import { countBounds } from './search.ts';
import { SCORE_METRIC, countAt, notMeeting, responseOf, type Threshold } from './thresholds.ts';

/** Why a tier's share stays outside its band (or why nothing could be advised). */
export interface AdviceReason {
  /** Tier id, or null for the scheme as a whole. */
  tier: string | null;
  code: 'no-bands' | 'mode' | 'bands' | 'fixed' | 'conditions' | 'ties' | 'rounding' | 'neighbours';
  message: Localized;
}

export interface AnalyseInput {
  scheme: Scheme;
  after: GradeResult;
  afterMix: TierMix;
  conditions: Condition[];
  thresholds: Threshold[][];
  cols: Readonly<Record<string, Float64Array>>;
  eligible: number[];
  overridden: number[];
  driverMetric: string | null;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export function analyse(a: AnalyseInput): AdviceReason[] {
  const { scheme, afterMix, conditions, thresholds, cols } = a;
  const tiers = scheme.tiers.length;
  const graded = afterMix.graded;
  const bounds = countBounds(scheme.tiers.map((t) => t.expectedShare ?? null), graded);
  const reasons: AdviceReason[] = [];
  const labelOf = (k: number) => scheme.tiers[k]!.label;
  const metricLabel = (m: string): Localized => (m === SCORE_METRIC ? loc('等级得分', 'score') : metricSpec(scheme, m).label);
  const value = (t: Pick<Threshold, 'unit'>, v: number, lang: 'zh-CN' | 'en-US') => formatValue(v, t.unit, lang, scheme.currency);
  const comparisonText = (c: Comparison, lang: 'zh-CN' | 'en-US') => {
    const unit = c.metric === SCORE_METRIC ? 'score' : metricSpec(scheme, c.metric).unit;
    const label = metricLabel(c.metric)[lang];
    if (c.op === 'between') return `${label} ${formatValue(c.value, unit, lang, scheme.currency).replace(/ .*$/, '')}–${formatValue(c.max ?? c.value, unit, lang, scheme.currency)}`;
    return `${label} ${OPERATOR_SYMBOL[c.op]} ${formatValue(c.value, unit, lang, scheme.currency)}`;
  };
  // Rows still open above each tier, and the head count of the tiers above it.
  let open = a.eligible;
  let above = 0;
  for (let k = 0; k < tiers - 1; k++) {
    const base = above + (a.overridden[k] ?? 0);
    const rows = afterMix.rows;
    const lastOut = k === tiers - 2 && rows[tiers - 1]!.outsideExpected;
    if (rows[k]!.outsideExpected || lastOut) {
      // The head count of tiers 0..k this tier needs: its own band, or what the last tier's band leaves.
      const own = rows[k]!.outsideExpected;
      const t = own ? k : tiers - 1;
      const need = own ? { lo: above + bounds[k]!.lo, hi: above + bounds[k]!.hi } : { lo: graded - bounds[t]!.hi, hi: graded - bounds[t]!.lo };
      const band = scheme.tiers[t]!.expectedShare!;
      const label = labelOf(t);
      const ts = thresholds[k]!;
      const push = (code: AdviceReason['code'], zh: string, en: string) => reasons.push({ tier: scheme.tiers[t]!.id, code, message: loc(`${label['zh-CN']}：${zh}`, `${label['en-US']}: ${en}`) });
      const bandText = `${pct(band.min)}–${pct(band.max)}`;
      if (!ts.length) {
        push('fixed', `规则中没有可调的门槛，占比 ${pct(rows[t]!.customerShare)}，期望 ${bandText}`, `its rule has no threshold to move; share ${pct(rows[t]!.customerShare)}, expected ${bandText}`);
      } else {
        const di = Math.max(0, ts.findIndex((x) => x.metric === a.driverMetric));
        const d = ts[di]!;
        const r = responseOf(conditions[k]!, d, cols, open);
        const least = base + r.always;
        const most = base + r.always + r.values.length;
        const share = (c: number) => (own ? (c - above) / graded : (graded - c) / graded);
        // The rule's other comparisons, movable or not, as the reason names them.
        const rest: Comparison[] = [];
        collect(conditions[k]!, [], d.path, rest);
        const others = rest.map((x) => comparisonText(x, 'zh-CN'));
        const othersEn = rest.map((x) => comparisonText(x, 'en-US'));
        const dl = metricLabel(d.metric);
        if (most < need.lo || least > need.hi) {
          const short = most < need.lo;
          const reach = pct(share(short ? most : least));
          const why = others.length
            ? short
              ? [`即使把${dl['zh-CN']}门槛放到最低，同时满足其余条件（${others.join('，')}）的客户也只能占 ${reach}`, `even with the ${dl['en-US']} threshold at its lowest, the customers who also meet its other conditions (${othersEn.join(', ')}) come to ${reach}`]
              : [`即使把${dl['zh-CN']}门槛放到最高，占比仍为 ${reach}（其余条件：${others.join('，')}）`, `even with the ${dl['en-US']} threshold at its highest the share stays at ${reach} (other conditions: ${othersEn.join(', ')})`]
            : short
              ? [`上面各等级之外，能进入的客户最多只占 ${reach}`, `beyond the tiers above it, at most ${reach} of customers can enter it`]
              : [`无论门槛多高，占比都不低于 ${reach}`, `whatever the threshold, its share stays at ${reach} or more`];
          push('conditions', `${why[0]}，期望 ${bandText}`, `${why[1]}; expected ${bandText}`);
        } else {
          // Where the head count jumps over the band: the value many customers share.
          const distinct: number[] = [];
          for (let i = 0; i < r.values.length; i++) if (i === 0 || r.values[i] !== r.values[i - 1]) distinct.push(r.values[i]!);
          const probes = distinct.length ? [distinct[0]! - Math.max(1e-6, Math.abs(distinct[0]!) * 1e-6), ...distinct, distinct.at(-1)! + Math.max(1e-6, Math.abs(distinct.at(-1)!) * 1e-6)] : [d.current];
          const exact = probes.some((u) => {
            const c = base + countAt(r, u);
            return c >= need.lo && c <= need.hi;
          });
          let tie = NaN;
          let tied = 0;
          let from = NaN;
          let to = NaN;
          if (!exact) {
            for (const u of distinct) {
              const n = r.values.filter((x) => x === u).length;
              // The head count with the tied customers in, and without them.
              const incl = base + countAt(r, u) + (d.op === '>' || d.op === '<' ? n : 0);
              const excl = incl - n;
              if (excl < need.lo && incl > need.hi && n > tied) {
                tie = u;
                tied = n;
                from = share(excl);
                to = share(incl);
              }
            }
          }
          if (tied > 0) {
            const a2 = [from, to].sort((x, y) => x - y).map(pct);
            push(
              'ties',
              `${dl['zh-CN']}为 ${value(d, tie, 'zh-CN')}的客户有 ${tied} 位（同值），门槛只能把他们整体放进或排除，占比只能是 ${a2[0]} 或 ${a2[1]}，期望 ${bandText}`,
              `${tied} customers share the ${dl['en-US']} value ${value(d, tie, 'en-US')}: a threshold takes all of them or none, so the share is ${a2[0]} or ${a2[1]}, expected ${bandText}`,
            );
          } else {
            const fine = gridsFor(d.unit).at(-1)!;
            const ok = probes.filter((u) => {
              const c = base + countAt(r, u);
              return c >= need.lo && c <= need.hi;
            });
            const onGrid = ok.some((u) => [fine.floor(u), fine.ceil(u)].some((v) => {
              const c = base + countAt(r, v);
              return c >= need.lo && c <= need.hi;
            }));
            if (ok.length && !onGrid) {
              const lo = value(d, ok[0]!, 'zh-CN');
              const hi = value(d, ok.at(-1)!, 'zh-CN');
              push(
                'rounding',
                `能落入期望的${dl['zh-CN']}门槛在 ${lo} 与 ${hi} 之间，其中没有手册常用的取值（整数、整万）`,
                `the ${dl['en-US']} thresholds that would fit lie between ${value(d, ok[0]!, 'en-US')} and ${value(d, ok.at(-1)!, 'en-US')}, and no handbook number (whole units, whole 万) lies there`,
              );
            } else {
              push(
                'neighbours',
                `与相邻等级的期望占比无法同时满足（门槛附近有同值的客户），这是最接近的分布`,
                `its band cannot be met together with its neighbours' (customers share values near the thresholds); this is the closest mix`,
              );
            }
          }
        }
      }
    }
    const rest = notMeeting(conditions[k]!, cols, open);
    above += (a.overridden[k] ?? 0) + open.length - rest.length;
    open = rest;
  }
  return reasons;
}

/** Every comparison of a condition but the one at `skip`. */
function collect(c: Condition, path: number[], skip: readonly number[], out: Comparison[]): void {
  if ('all' in c || 'any' in c) ('all' in c ? c.all : c.any).forEach((x, i) => collect(x, [...path, i], skip, out));
  else if (path.length !== skip.length || path.some((p, j) => p !== skip[j])) out.push(c);
}
