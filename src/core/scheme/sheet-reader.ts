// The cells of the rules sheet as sections, and the reader every section reader uses: it finds a value
// by column key, parses it, and records a problem naming the cell when it cannot.
import { loc, type Localized } from '../i18n.ts';
import { a1 } from '../issues.ts';
import type { CellValue } from '../output/tables.ts';
import { parseNumber } from '../values/number.ts';
import {
  BAND_COLUMNS,
  CRITERION_COLUMNS,
  RULE_COLUMNS,
  SECTIONS,
  SEGMENT_COLUMNS,
  SETTINGS,
  SETTINGS_HEADER,
  TIER_COLUMNS,
  TIER_SCORE_COLUMNS,
  fromWord,
  type SectionKey,
  type SettingKey,
} from './sheet-vocab.ts';
import type { SchemeProblem } from './validate.ts';

export interface RulesSheetProblem extends SchemeProblem {
  /** A1 reference of the offending cell, when one is to blame. */
  cell?: string;
}

export interface Section {
  key: SectionKey;
  titleRow: number; // index into values
  headerRow: number;
  columns: Map<string, number>; // column key → column index
  rows: number[]; // indexes into values
}

export const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const isBlankRow = (row: CellValue[] | undefined) => !row || row.every((v) => text(v) === '');

function sectionOf(v: CellValue | undefined): SectionKey | undefined {
  return fromWord(SECTIONS, v);
}

const SECTION_COLUMNS: Partial<Record<SectionKey, Record<string, Localized>>> = {
  settings: SETTINGS_HEADER,
  tiers: TIER_COLUMNS,
  criteria: CRITERION_COLUMNS,
  rules: RULE_COLUMNS,
  bands: BAND_COLUMNS,
  tierScores: TIER_SCORE_COLUMNS,
  segments: SEGMENT_COLUMNS,
};

function findSections(values: CellValue[][]): Section[] {
  const sections: Section[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    const key = sectionOf(row[0]);
    // A section title stands alone in its row (the sheet title row also holds a section word, with text after it).
    if (!key || row.slice(1).some((v) => text(v) !== '')) continue;
    const vocab = SECTION_COLUMNS[key]!;
    let h = r + 1;
    while (h < values.length && isBlankRow(values[h])) h++;
    const header = values[h] ?? [];
    const columns = new Map<string, number>();
    header.forEach((v, c) => {
      const k = fromWord(vocab, v);
      if (k && !columns.has(k)) columns.set(k, c);
    });
    const rows: number[] = [];
    for (let d = h + 1; d < values.length; d++) {
      if (isBlankRow(values[d]) || (sectionOf(values[d]![0]) && values[d]!.slice(1).every((v) => text(v) === ''))) break;
      rows.push(d);
    }
    sections.push({ key, titleRow: r, headerRow: h, columns, rows });
  }
  return sections;
}

export const localized = (zh: string | undefined, en: string | undefined): Localized | undefined =>
  zh || en ? { 'zh-CN': zh ?? en!, 'en-US': en ?? zh! } : undefined;

/** The sheet's cells, its sections, and what reading them has found wrong so far. */
export class SheetReader {
  readonly problems: RulesSheetProblem[] = [];
  /** Scheme path → A1 cell, to point validation problems at cells. */
  readonly cellOf = new Map<string, string>();
  readonly sections: Section[];

  constructor(
    readonly values: CellValue[][],
    readonly firstRow: number,
    readonly sheetName: string,
  ) {
    this.sections = findSections(values);
  }

  at(r: number, c: number): string {
    return a1(this.firstRow + r, c);
  }

  fail(r: number, c: number, zh: string, en: string, value?: CellValue): void {
    const cell = this.at(r, c);
    this.problems.push({ path: `${this.sheetName}!${cell}`, cell, ...(value !== undefined ? { value } : {}), message: loc(zh, en) });
  }

  /** The section, or a problem saying it is missing. */
  need(key: SectionKey): Section | undefined {
    const s = this.sections.find((x) => x.key === key);
    if (!s) this.problems.push({ path: this.sheetName, message: loc(`缺少"${SECTIONS[key]['zh-CN']}"分区`, `the "${SECTIONS[key]['en-US']}" section is missing`) });
    return s;
  }

  get(s: Section, r: number, key: string): CellValue {
    const c = s.columns.get(key);
    return c === undefined ? null : (this.values[r]![c] ?? null);
  }

  col(s: Section, key: string): number {
    return s.columns.get(key) ?? 0;
  }

  str(s: Section, r: number, key: string): string | undefined {
    return text(this.get(s, r, key)) || undefined;
  }

  num(s: Section, r: number, key: string, required: boolean): number | undefined {
    const v = this.get(s, r, key);
    const p = parseNumber(v);
    if (!p.ok) {
      this.fail(r, this.col(s, key), `应为数字：${p.message['zh-CN']}`, `expected a number: ${p.message['en-US']}`, v);
      return undefined;
    }
    if (p.value === null) {
      if (required) this.fail(r, this.col(s, key), '此处需要填写数字', 'a number is required here');
      return undefined;
    }
    return p.value;
  }

  choice<K extends string>(s: Section, r: number, key: string, vocab: Record<K, Localized>, required: boolean): K | undefined {
    const v = this.get(s, r, key);
    if (text(v) === '') {
      if (required) this.fail(r, this.col(s, key), '此处不能为空', 'this cell must not be blank');
      return undefined;
    }
    const k = fromWord(vocab, v);
    if (!k) {
      const options = (Object.keys(vocab) as K[]).map((x) => vocab[x]['zh-CN']).join('、');
      const optionsEn = (Object.keys(vocab) as K[]).map((x) => vocab[x]['en-US']).join(', ');
      this.fail(r, this.col(s, key), `无法识别，可选：${options}`, `not recognised; one of: ${optionsEn}`, v);
    }
    return k;
  }
}

// ---------- settings: item → value ----------

export class Settings {
  readonly cells = new Map<SettingKey, { r: number; v: CellValue }>();

  constructor(
    private readonly reader: SheetReader,
    readonly section: Section | undefined,
  ) {
    if (section) {
      for (const r of section.rows) {
        const k = fromWord(SETTINGS, reader.get(section, r, 'item'));
        if (k) this.cells.set(k, { r, v: reader.get(section, r, 'value') });
      }
    }
  }

  text(k: SettingKey): string | undefined {
    return text(this.cells.get(k)?.v) || undefined;
  }

  choice<K extends string>(k: SettingKey, vocab: Record<K, Localized>): K | undefined {
    const s = this.cells.get(k);
    if (!s || text(s.v) === '') return undefined;
    const found = fromWord(vocab, s.v);
    if (!found) this.reader.fail(s.r, 1, `"${SETTINGS[k]['zh-CN']}"无法识别`, `"${SETTINGS[k]['en-US']}" not recognised`, s.v);
    return found;
  }

  number(k: SettingKey): number | undefined {
    const s = this.cells.get(k);
    if (!s || text(s.v) === '') return undefined;
    const p = parseNumber(s.v);
    if (!p.ok || p.value === null) {
      this.reader.fail(s.r, 1, `"${SETTINGS[k]['zh-CN']}"应为数字`, `"${SETTINGS[k]['en-US']}" must be a number`, s.v);
      return undefined;
    }
    return p.value;
  }

  /** Problems with the scheme's setting at `path` point at the setting's value cell. */
  register(path: string, key: SettingKey): void {
    const s = this.cells.get(key);
    if (s && this.section) this.reader.cellOf.set(path, this.reader.at(s.r, 1));
  }
}

export function readSettings(reader: SheetReader): Settings {
  const settings = new Settings(reader, reader.need('settings'));
  settings.register('id', 'id');
  settings.register('mode', 'mode');
  settings.register('currency', 'currency');
  settings.register('valueMetric', 'valueMetric');
  settings.register('review.churnDays', 'churnDays');
  settings.register('review.downgrade', 'downgrade');
  settings.register('mode.cuts', 'abcCuts');
  return settings;
}

