// Why a customer got its tier, what it lacks for the next one up, and what the tier brings. An explainer
// speaks one language and builds plain strings (a sheet is written in one language: for 100,000 customers,
// building the other one and the per-text objects was most of the cost); both languages are two of them.
import { LANGS, loc, type Lang, type Localized } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import type { GradeResult } from '../grading/grade.ts';
import { Explainer, type Base, type GapItem } from './explainer.ts';
import { explainAbc, explainPoints, explainRfm, explainRules } from './modes.ts';

export { benefitsText } from './benefits.ts';
export type { GapItem } from './explainer.ts';

export interface Explanation {
  reason: Localized;
  /** Null for the top tier and for unrated customers. */
  gap: { tier: string; items: GapItem[]; text: Localized } | null;
  benefits: Localized;
  issues: DataIssue[];
}

/** An explanation in one language: the texts written next to a customer's tier. */
export interface ExplanationText {
  reason: string;
  /** Null for the top tier and for unrated customers. */
  gap: string | null;
  benefits: string;
  issues: DataIssue[];
}

type ExplanationIn = Base & { benefits: string; issues: DataIssue[] };

/**
 * Customer i explained by the scheme's mode; a tier set by hand says so, beside what the rules say. With
 * `gapTextOnly` (a one-language sheet) a rules gap is built as its text alone, straight from each
 * comparison's cached words: no items, no outcome objects, for each of a million customers.
 */
function explain(ex: Explainer, i: number, gapTextOnly = false): ExplanationIn {
  const r = ex.result;
  const { zh } = ex;
  const issues = ex.issuesByIndex.get(i) ?? [];
  const t = r.tier[i]!;
  const benefits = t >= 0 ? ex.benefits[t]! : '';
  const m = r.modeTier[i]!;
  let base: Base;
  if (m < 0) {
    const why = ex.join(issues.filter((x) => x.code !== 'unknown-override').map((x) => x.message[ex.lang]));
    base = { reason: zh ? `未评级：${why}` : `Not graded: ${why}`, gap: null };
  } else {
    const mode = r.scheme.mode;
    switch (mode.kind) {
      case 'rules':
        base = explainRules(ex, i, m, ex.rules!, gapTextOnly);
        break;
      case 'points':
        base = explainPoints(ex, i, m);
        break;
      case 'rfm':
        base = explainRfm(ex, i, m);
        break;
      case 'abc':
        base = explainAbc(ex, i, m);
        break;
    }
  }
  if (r.overridden[i]) {
    const note = r.table.overrideReasons?.[i];
    const head = zh ? `手动指定为${ex.tierLabel(t)}` : `Set by hand to ${ex.tierLabel(t)}`;
    const why = note ? (zh ? `（原因：${note}）` : ` (reason: ${note})`) : '';
    const rules = m >= 0 ? (zh ? `；按规则应为${ex.tierLabel(m)}：${base.reason}` : `; the rules say ${ex.tierLabel(m)}: ${base.reason}`) : '';
    // The gap is measured from the tier the customer actually holds.
    return { reason: `${head}${why}${rules}`, gap: m >= 0 && m === t ? base.gap : null, benefits, issues };
  }
  return { reason: base.reason, gap: base.gap, benefits, issues };
}

/** The two languages' explanations of one customer as one bilingual explanation (same structure in both). */
function bilingual(zh: ExplanationIn, en: ExplanationIn): Explanation {
  const gap =
    zh.gap && en.gap
      ? {
          tier: zh.gap.tier,
          items: zh.gap.items.map((x, k): GapItem => ({ ...x, text: loc(x.text, en.gap!.items[k]!.text) })),
          text: loc(zh.gap.text, en.gap.text),
        }
      : null;
  return { reason: loc(zh.reason, en.reason), gap, benefits: loc(zh.benefits, en.benefits), issues: zh.issues };
}

/** Build the explainer once per grading run, then ask it about any customer (in both languages). */
export function explainer(result: GradeResult): (index: number) => Explanation {
  const [zh, en] = LANGS.map((lang) => new Explainer(result, lang));
  return (i) => bilingual(explain(zh!, i), explain(en!, i));
}

/** Like explainer(), in one language only: the same words as `explainer(result)(i)`'s `lang` texts. */
export function explainerIn(result: GradeResult, lang: Lang): (index: number) => ExplanationText {
  const ex = new Explainer(result, lang);
  return (i) => {
    const e = explain(ex, i, true);
    return { reason: e.reason, gap: e.gap ? e.gap.text : null, benefits: e.benefits, issues: e.issues };
  };
}
