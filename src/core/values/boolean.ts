// Yes/no cells: a fixed vocabulary (是/否, Y/N, TRUE/FALSE, 1/0, √/× …); nothing else is guessed.
import { loc } from '../i18n.ts';
import { cleanCellText } from './fullwidth.ts';
import {
  BLANK, WANT_BOOLEAN, dateRaw, excelError, excelErrorName, fail, shown, type CellInput, type Failure, type Parsed,
} from './result.ts';

const TRUE = Object.freeze({ ok: true, value: true }) as { ok: true; value: boolean };
const FALSE = Object.freeze({ ok: true, value: false }) as { ok: true; value: boolean };

function notABoolean(raw: string): Failure {
  const q = shown(raw);
  return fail(
    'not-a-boolean',
    raw,
    loc(`无法把“${q}”识别为是/否（可填 是/否、Y/N、TRUE/FALSE）`, `Cannot read "${q}" as yes/no (expected e.g. 是/否, Y/N, TRUE/FALSE)`),
  );
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', '✔']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', '否', '错', '无', '×', '✗', '✘']);

/** Read yes/no: TRUE/FALSE, 是/否, Y/N, yes/no, 1/0, √/×, 对/错, 有/无 (case and full-width ignored). */
export function parseBoolean(input: CellInput): Parsed<boolean> {
  if (typeof input === 'boolean') return input ? TRUE : FALSE;
  if (typeof input === 'string') {
    const s = cleanCellText(input);
    if (s === '') return BLANK;
    const word = s.toLowerCase();
    if (TRUE_WORDS.has(word)) return TRUE;
    if (FALSE_WORDS.has(word)) return FALSE;
    const name = s.charCodeAt(0) === 35 ? excelErrorName(s) : undefined;
    return name !== undefined ? excelError(input, name, WANT_BOOLEAN) : notABoolean(input);
  }
  if (typeof input === 'number') return input === 1 ? TRUE : input === 0 ? FALSE : notABoolean(String(input));
  if (input === null || input === undefined) return BLANK;
  return notABoolean(dateRaw(input));
}
