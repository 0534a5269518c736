// Units written in headers are honoured, never dropped: "销售额（万元）" holds 12 for ¥120,000, and
// "合作年限（月）" holds 18 for 1.5 years. A header unit becomes a scale factor the caller multiplies
// every parsed value of the column by (see applyScale).
//
// - Money and other quantities: a magnitude, optionally with a currency or counting word around it:
//   元 ¥ RMB = 1; 千/千元/k/¥k/thousands/'000 = 1,000; 万/万元/w/10k = 10,000; 百万/M/mn/millions = 10⁶;
//   千万 = 10⁷; 亿 = 10⁸; bn/billions = 10⁹. Currency marks are dropped, never converted ("(USD)" = 1).
// - Years: 年/years = 1; 月/months = 1/12; 周/weeks = 7/365; 天/days = 1/365.
// - Days: 天/days = 1; 周/weeks = 7; 月/months = 365/12; 年/years = 365.
// - Percent metrics: "(%)" means the cells hold 12 for 12%, so the factor is 0.01 (‰: 0.001); the
//   scheme's thresholds are fractions (0.12). A text cell that carries its own "%" is already a fraction
//   after parsing and is not scaled again (applyScale with the cells). Excel cells formatted as percent
//   arrive as fractions (0.12) and cannot be told apart from a typed 0.12, so a "(%)" header over
//   percent-formatted cells would be scaled twice: the header must say what the cells hold.
//   "%" in the header of a metric that is not a percentage is ignored.
// - Anything else in brackets ("(全称)", "(1-10分)", "(2024)") is not a unit: factor 1, no note.
import { loc, type Localized } from '../i18n.ts';
import type { Unit } from '../scheme/metrics.ts';
import { statesUnitWord } from '../values/cell-units.ts';

/** What a column holds: a metric unit, free text (id, name, override) or a date. */
export type FieldKind = Unit | 'text' | 'date';

export interface HeaderUnit {
  scale: number;
  /** Set when the scale is not 1: how the values were converted, for explanations. */
  note?: Localized;
}

const CURRENCY = ['人民币', '美元', '港元', '港币', '欧元', 'rmb', 'cny', 'usd', 'us$', 'hk$', 'hkd', 'eur', 'yuan', '元', '块', '¥', '$', '€'];
const COUNTING = ['transactions', 'orders', 'order', 'times', 'txns', 'pcs', '次', '笔', '单', '个', '件', '回'];
const SCORING = ['points', 'pts', 'score', '分'];

const MAGNITUDES: Record<string, number> = {
  '': 1,
  百: 100,
  hundreds: 100,
  千: 1e3,
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  '000': 1e3,
  '000s': 1e3,
  "'000": 1e3,
  "'000s": 1e3,
  ',000': 1e3,
  万: 1e4,
  w: 1e4,
  '10k': 1e4,
  十万: 1e5,
  '100k': 1e5,
  百万: 1e6,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  千万: 1e7,
  亿: 1e8,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
};

const MAGNITUDE_NAMES: Record<number, [string, string]> = {
  100: ['百', 'hundreds'],
  1e3: ['千', 'thousands'],
  1e4: ['万', 'ten-thousands (万)'],
  1e5: ['十万', 'hundred-thousands'],
  1e6: ['百万', 'millions'],
  1e7: ['千万', 'ten-millions'],
  1e8: ['亿', 'hundred-millions (亿)'],
  1e9: ['十亿', 'billions'],
};

type TimeUnit = 'year' | 'month' | 'week' | 'day';
const TIME_WORDS: Record<string, TimeUnit> = {
  年: 'year',
  年数: 'year',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
  月: 'month',
  个月: 'month',
  月数: 'month',
  mo: 'month',
  mos: 'month',
  mth: 'month',
  mths: 'month',
  month: 'month',
  months: 'month',
  周: 'week',
  星期: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  天: 'day',
  日: 'day',
  天数: 'day',
  d: 'day',
  day: 'day',
  days: 'day',
};

const IN_YEARS: Record<TimeUnit, HeaderUnit> = {
  year: { scale: 1 },
  month: { scale: 1 / 12, note: loc('按月换算为年（÷12）', 'converted from months to years (÷12)') },
  week: { scale: 7 / 365, note: loc('按周换算为年（×7÷365）', 'converted from weeks to years (×7÷365)') },
  day: { scale: 1 / 365, note: loc('按天换算为年（÷365）', 'converted from days to years (÷365)') },
};
const IN_DAYS: Record<TimeUnit, HeaderUnit> = {
  day: { scale: 1 },
  week: { scale: 7, note: loc('按周换算为天（×7）', 'converted from weeks to days (×7)') },
  month: { scale: 365 / 12, note: loc('按月换算为天（×365÷12）', 'converted from months to days (×365÷12)') },
  year: { scale: 365, note: loc('按年换算为天（×365）', 'converted from years to days (×365)') },
};

/** 10000 → "10,000" (no locale APIs: the core must print the same everywhere). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function stripWords(text: string, words: readonly string[]): { rest: string; stripped: boolean } {
  let rest = text;
  let stripped = false;
  for (const w of words) {
    if (rest.includes(w)) {
      rest = rest.split(w).join('');
      stripped = true;
    }
  }
  return { rest, stripped };
}

function magnitude(text: string, words: readonly string[], money: boolean): HeaderUnit | null {
  const { rest, stripped } = stripWords(text, words);
  const scale = MAGNITUDES[rest];
  if (scale === undefined || (rest === '' && !stripped)) return null;
  if (scale === 1) return { scale };
  const [zh, en] = MAGNITUDE_NAMES[scale]!;
  return {
    scale,
    note: loc(`按${zh}${money ? '元' : ''}换算（×${grouped(scale)}）`, `scaled from ${en} (×${grouped(scale)})`),
  };
}

/** Normalise a unit text: lower case, no spaces, no "单位：" / "in" / "unit:" lead-in. */
function normalizeUnit(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^(单位|unit|units)[:：]?/, '')
    .replace(/^in(?=[a-z'$¥€,0-9])/, '');
}

/**
 * The scale a unit text means for a column of the given kind, or null when the text is not a unit of
 * that kind (then the column is read as typed).
 */
export function parseUnit(text: string, kind: FieldKind): HeaderUnit | null {
  const t = normalizeUnit(text);
  if (!t) return null;
  switch (kind) {
    case 'text':
    case 'date':
      return null;
    case 'percent':
      if (t === '%' || t === '百分比' || t === '百分数' || t === 'pct' || t === 'percent')
        return { scale: 0.01, note: loc('按百分数换算（÷100：表头标明 %，12 即 12%）', 'read as percent (÷100: the header says %, so 12 means 12%)') };
      if (t === '‰') return { scale: 0.001, note: loc('按千分数换算（÷1000）', 'read as per mille (÷1000)') };
      return null;
    case 'years':
    case 'days': {
      const unit = TIME_WORDS[t];
      if (unit === undefined) return null;
      return (kind === 'years' ? IN_YEARS : IN_DAYS)[unit];
    }
    case 'currency':
      return magnitude(t, CURRENCY, true);
    case 'count':
      return magnitude(t, COUNTING, false);
    case 'score':
      return magnitude(t, SCORING, false);
    case 'number':
      return magnitude(t, CURRENCY, false);
  }
}

/** Whether a text is a unit of any kind (used to split "销售额/万元" but not "客户/供应商"). */
export function isUnitText(text: string): boolean {
  const t = normalizeUnit(text);
  if (t === '%' || t === '‰' || TIME_WORDS[t] !== undefined) return true;
  return (['currency', 'count', 'score'] as const).some((k) => parseUnit(t, k) !== null);
}

/** The first unit among a header's unit texts that fits the kind; factor 1 when none does. */
export function unitOf(units: readonly string[], kind: FieldKind): HeaderUnit {
  for (const u of units) {
    const parsed = parseUnit(u, kind);
    if (parsed) return parsed;
  }
  return { scale: 1 };
}

/** A text cell that states its own unit or magnitude ("12%", "3.5万", "1200元", "2k", "6年", "12次"). */
function statesOwnUnit(cell: unknown): boolean {
  return typeof cell === 'string' && (/[%‰％百千万亿元块kKmMwWｋＫｍＭｗＷ]/.test(cell) || statesUnitWord(cell));
}

/**
 * Multiply parsed values by a column's header scale, in place (NaN stays NaN); returns the array.
 * With `cells` (the raw cells the values were parsed from, same order), a text cell that carries its
 * own unit — "12%", "3.5万", "1200元" — keeps its parsed value: the parser already applied that unit.
 */
export function applyScale(values: Float64Array, scale: number, cells?: ArrayLike<unknown>): Float64Array {
  if (scale === 1) return values;
  for (let i = 0; i < values.length; i++) {
    if (cells !== undefined && statesOwnUnit(cells[i])) continue;
    values[i] = values[i]! * scale;
  }
  return values;
}
