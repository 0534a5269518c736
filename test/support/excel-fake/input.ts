// Cell input as Excel parses typed text (Range.values set), and the one conditional-format rule shape the
// fake evaluates.
import { FakeOfficeError, parseAddress, type Rect, type Scalar, type SheetModel } from './model.ts';

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const CURRENCY = /^[+-]?[$¥￥€£](\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/** A string entered into a cell the way Excel reads it (Range.values set): formulas, numbers, dates, booleans, text. */
export function parseInput(s: string, numberFormat: string): { value: Scalar | undefined; formula?: string; prefixed?: boolean } {
  if (s === '') return { value: undefined };
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), prefixed: true };
  const t = s.trim();
  if (t.startsWith('=')) {
    if (t.length === 1) throw new FakeOfficeError('InvalidArgument', 'There is a problem with this formula: "="');
    return { value: 0, formula: t };
  }
  if (t !== '' && NUMBER.test(t) && /\d/.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    if (Number.isFinite(n)) return { value: pct ? n / 100 : n };
  }
  if (CURRENCY.test(t)) return { value: Number(t.replace(/[$¥￥€£,]/g, '')) };
  const d = ISO_DATE.exec(t);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    if (Number.isFinite(ms)) return { value: Math.round(ms / 86_400_000) + 25_569 };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (ERRORS.has(t.toUpperCase())) return { value: t.toUpperCase() };
  // "+x", "-x", "@x" are taken as formulas, as when typed.
  if (/^[+\-@]/.test(t) && t.length > 1) return { value: 0, formula: `=${t.startsWith('@') ? t.slice(1) : t}` };
  return { value: s };
}

export /** Evaluates a custom conditional-format rule of the one shape the fake supports: =$X<row>="text" (or a number). */
function evalCustomRule(sheet: SheetModel, formula: string, rect: Rect, r: number, c: number): boolean {
  const m = /^=\$?([A-Z]{1,3})\$?(\d+)=(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?)|(TRUE|FALSE))$/.exec(formula);
  if (!m) throw new FakeOfficeError('NotImplemented', `fake: conditional-format formula not supported: ${formula}`);
  const col = parseAddress(`${m[1]}1`).rect.c0;
  const row = Number(m[2]) - 1 + (r - rect.r0);
  void c;
  const v = sheet.get(row, col);
  if (m[3] !== undefined) return typeof v === 'string' && v.toLowerCase() === m[3].replace(/""/g, '"').toLowerCase();
  if (m[4] !== undefined) return v === Number(m[4]);
  return v === (m[5] === 'TRUE');
}
