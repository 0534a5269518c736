// Units typed into cells, read against the unit of the criterion the column holds: "6年", "3年半",
// "18个月" in a years column; "12次", "11单" in a count column; "30天", "2周" in a days column; "85分",
// "4.5/5", "4.5星" in a score column; "百分之十二" in a percent column.
//
// Only exact conversions: months → years (÷12), weeks → days (×7). A month in a days column counts
// 365/12 days, as the header unit 天数（月） does. Anything else that carries a unit the criterion
// does not use ("30天" in a years column, "12次" in an amount column) is a data issue naming the text
// and the unit expected — never a guess. Scores out of another scale ("4.5/5", "4.5星") are converted
// to the criterion's valid range (its max), and only when it has one.
//
// Called only for text the plain number parser refused, so the hot path is untouched.
import { loc, type Localized } from '../i18n.ts';
import type { Unit } from '../scheme/metrics.ts';
import { cleanCellText } from './fullwidth.ts';
import { parseNumber } from './number.ts';
import type { Parsed } from './result.ts';

export interface UnitTarget {
  unit: Unit;
  /** The criterion's valid range: a score's scale is its max. */
  max?: number | undefined;
}

/** A value read from a cell with its own unit; `note` says how it was converted when that is not obvious. */
export type UnitParsed = Extract<Parsed<number>, { ok: false }> | { ok: true; value: number; note?: Localized };

type TimeUnit = 'year' | 'month' | 'week' | 'day';
const TIME_ORDER: readonly TimeUnit[] = ['year', 'month', 'week', 'day'];

const TIME_WORDS: Record<string, TimeUnit> = {
  年: 'year', year: 'year', years: 'year', yr: 'year', yrs: 'year',
  月: 'month', month: 'month', months: 'month', mo: 'month', mos: 'month',
  周: 'week', 星期: 'week', 礼拜: 'week', week: 'week', weeks: 'week', wk: 'week', wks: 'week',
  天: 'day', 日: 'day', day: 'day', days: 'day',
};

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (十二, 二十, 两) as a number, or undefined. */
export function chineseNumeral(s: string): number | undefined {
  if (s === '') return undefined;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? CN_DIGITS[s] : undefined;
  if (s.indexOf('十', ten + 1) !== -1) return undefined;
  const tens = ten === 0 ? 1 : s.length > 0 && ten === 1 ? CN_DIGITS[s[0]!] : undefined;
  const ones = ten === s.length - 1 ? 0 : ten === s.length - 2 ? CN_DIGITS[s[ten + 1]!] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return undefined;
  return tens * 10 + ones;
}

/** A plain decimal or a small Chinese numeral. */
function amount(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return chineseNumeral(s);
}

// One part of a duration: "3年", "3年半", "半年", "18个月", "1个半月", "2 weeks".
const PART = /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)?(半)?(个半|个)?(年|月|星期|礼拜|周|天|日|years?|yrs?|months?|mos?|weeks?|wks?|days?)(半)?/iy;

/** "2年3个月" → { year: 2, month: 3 }; undefined when the text is not a duration. */
function duration(s: string): Partial<Record<TimeUnit, number>> | undefined {
  const parts: Partial<Record<TimeUnit, number>> = {};
  let at = 0;
  let lastRank = -1;
  while (at < s.length) {
    PART.lastIndex = at;
    const g = PART.exec(s);
    if (!g || g.index !== at) return undefined;
    const [, num, leadHalf, ge, word, trailHalf] = g;
    const unit = TIME_WORDS[word!.toLowerCase()];
    if (unit === undefined) return undefined;
    // "月" alone after a number is a month only with 个 or in "18月"; "个" is fine before any unit.
    let n: number | undefined;
    if (num !== undefined) {
      n = amount(num);
      if (n === undefined || leadHalf !== undefined) return undefined; // "3半年"
    } else if (leadHalf !== undefined) n = 0.5; // 半年
    else return undefined; // "年"
    if (ge === '个半') n += 0.5; // 1个半月
    if (trailHalf !== undefined) {
      if (ge === '个半' || num === undefined) return undefined;
      n += 0.5; // 3年半
    }
    const rank = TIME_ORDER.indexOf(unit);
    if (rank <= lastRank) return undefined; // "3个月2年", "1年1年"
    lastRank = rank;
    parts[unit] = n;
    at = PART.lastIndex;
  }
  return at > 0 ? parts : undefined;
}

const COUNT_RE = /^(.+?)(次|单|笔|件|个|回|份|orders?|times|pcs|txns?)$/i;
const SCORE_RE = /^(.+?)(分|points?|pts?)$/i;
const STARS_RE = /^(.+?)(颗星|星|stars?|★)$/i;
const FRACTION_RE = /^(\d+(?:\.\d+)?)分?\/(\d+(?:\.\d+)?)分?$/;
const PERCENT_WORDS_RE = /^百分之(.+)$/;

interface Expected {
  zh: string;
  en: string;
}
const EXPECTED: Record<Unit, Expected> = {
  years: { zh: '年数（如 6年、3年半、18个月）', en: 'years (e.g. 6年, 3年半, 18个月)' },
  days: { zh: '天数（如 30天、2周）', en: 'days (e.g. 30天, 2周)' },
  count: { zh: '次数（如 12次、11单）', en: 'a count (e.g. 12次, 11单)' },
  score: { zh: '分数（如 85分、4.5/5）', en: 'a score (e.g. 85分, 4.5/5)' },
  percent: { zh: '百分比（如 12%）', en: 'a percentage (e.g. 12%)' },
  currency: { zh: '金额（如 ¥1,250,000、98万）', en: 'an amount (e.g. ¥1,250,000, 98万)' },
  number: { zh: '数字', en: 'a number' },
};

const KIND_NAMES: Record<'time' | 'count' | 'score' | 'percent', Expected> = {
  time: { zh: '时长', en: 'a duration' },
  count: { zh: '次数', en: 'a count' },
  score: { zh: '评分', en: 'a score' },
  percent: { zh: '百分比', en: 'a percentage' },
};

const TIME_NAMES: Record<TimeUnit, Expected> = {
  year: { zh: '年', en: 'years' },
  month: { zh: '月', en: 'months' },
  week: { zh: '周', en: 'weeks' },
  day: { zh: '天', en: 'days' },
};

function quoted(raw: string): string {
  const t = raw.trim().replace(/\s+/g, ' ');
  return t.length <= 40 ? t : `${t.slice(0, 39)}…`;
}

function failure(raw: string, message: Localized): UnitParsed {
  return { ok: false, code: 'wrong-unit', raw, message };
}

/** "“12次”是次数，应为年数（…）". */
function wrongKind(raw: string, kind: keyof typeof KIND_NAMES, target: Unit): UnitParsed {
  const q = quoted(raw);
  const k = KIND_NAMES[kind];
  const want = EXPECTED[target];
  return failure(raw, loc(`“${q}”是${k.zh}，这一列应为${want.zh}`, `"${q}" is ${k.en}; this column expects ${want.en}`));
}

/** "30天" in a years column: the unit is right in kind but does not convert exactly. */
function inexact(raw: string, from: TimeUnit, target: Unit): UnitParsed {
  const q = quoted(raw);
  const want = EXPECTED[target];
  const f = TIME_NAMES[from];
  const to = target === 'years' ? TIME_NAMES.year : TIME_NAMES.day;
  return failure(
    raw,
    loc(
      `无法把“${q}”换算为${to.zh}：${f.zh}不能准确换算成${to.zh}；应为${want.zh}`,
      `Cannot convert "${q}" to ${to.en}: ${f.en} do not convert exactly to ${to.en}; expected ${want.en}`,
    ),
  );
}

function fromDuration(raw: string, parts: Partial<Record<TimeUnit, number>>, target: Unit): UnitParsed {
  const { year = 0, month = 0, week = 0, day = 0 } = parts;
  if (target === 'years') {
    if (parts.week !== undefined) return inexact(raw, 'week', target);
    if (parts.day !== undefined) return inexact(raw, 'day', target);
    return { ok: true, value: year + month / 12 };
  }
  if (target === 'days') {
    if (parts.year !== undefined) return inexact(raw, 'year', target);
    const value = day + week * 7 + (month * 365) / 12;
    return parts.month !== undefined
      ? { ok: true, value, note: loc('按每月 365÷12 天换算', 'a month counted as 365÷12 days') }
      : { ok: true, value };
  }
  return wrongKind(raw, 'time', target);
}

/** A score out of `outOf`, on the criterion's scale. */
function rescaled(raw: string, score: number, outOf: number, target: UnitTarget): UnitParsed {
  if (target.unit !== 'score') return wrongKind(raw, 'score', target.unit);
  const q = quoted(raw);
  if (!(outOf > 0) || score > outOf)
    return failure(raw, loc(`无法把“${q}”识别为评分：分数超过满分`, `Cannot read "${q}" as a score: it exceeds the full mark`));
  if (target.max === undefined || !(target.max > 0))
    return failure(
      raw,
      loc(
        `“${q}”是 ${outOf} 分制的评分，但该指标没有设定分值范围，无法换算；请直接填写分数`,
        `"${q}" is a score out of ${outOf}, but the criterion has no valid range to convert it to; enter the score itself`,
      ),
    );
  if (outOf === target.max) return { ok: true, value: score };
  const value = (score / outOf) * target.max;
  return {
    ok: true,
    value,
    note: loc(`按 ${outOf} 分制换算为 ${target.max} 分制`, `converted from a scale of ${outOf} to ${target.max}`),
  };
}

/**
 * Read a text cell that carries a unit, against the criterion's unit. Undefined when the text holds no
 * unit we know (the caller keeps its own "not a number" message).
 */
export function parseUnitCell(raw: string, target: UnitTarget): UnitParsed | undefined {
  const s = cleanCellText(raw).replace(/\s+/g, '');
  if (s === '') return undefined;

  const parts = duration(s);
  if (parts) return fromDuration(raw, parts, target.unit);

  let g = FRACTION_RE.exec(s);
  if (g) return rescaled(raw, Number(g[1]), Number(g[2]), target);
  g = STARS_RE.exec(s);
  if (g) {
    const n = amount(g[1]!);
    return n === undefined ? undefined : rescaled(raw, n, 5, target);
  }
  g = SCORE_RE.exec(s);
  if (g) {
    const n = parseNumber(g[1]!);
    if (!n.ok || n.value === null) return undefined;
    return target.unit === 'score' ? { ok: true, value: n.value } : wrongKind(raw, 'score', target.unit);
  }
  g = COUNT_RE.exec(s);
  if (g) {
    const n = parseNumber(g[1]!);
    const v = n.ok && n.value !== null ? n.value : amount(g[1]!);
    if (v === undefined) return undefined;
    return target.unit === 'count' ? { ok: true, value: v } : wrongKind(raw, 'count', target.unit);
  }
  g = PERCENT_WORDS_RE.exec(s);
  if (g) {
    const n = amount(g[1]!);
    if (n === undefined) return undefined;
    return target.unit === 'percent' ? { ok: true, value: Number(`${n}e-2`) } : wrongKind(raw, 'percent', target.unit);
  }
  return undefined;
}

// Characters and words that mark a text cell as stating its own unit (see applyScale).
const OWN_UNIT_RE = /[年月周天日次单笔件个回份分星★/]|百分之|礼拜|years?|yrs?|months?|weeks?|wks?|days?|orders?|times|pcs|txns?|points?|pts?|stars?/i;

/** Whether a text cell names a unit of its own ("6年", "12次", "4.5/5"): a header's unit must not apply to it again. */
export function statesUnitWord(text: string): boolean {
  return OWN_UNIT_RE.test(text);
}
