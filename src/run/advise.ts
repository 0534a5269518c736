// The threshold advisor over a workbook: read the customers as a run reads them, then advise. Nothing is
// written — the pane writes the rules sheet only when the user accepts, the command line only prints.
import { adviseThresholds, type Advice, type ShareBand } from '../core/advise/index.ts';
import { getPreset, loc, schemeFromSheet, type Lang, type Scheme } from '../core/index.ts';
import type { WorkbookPort } from '../port/workbook.ts';
import { RunError } from './errors.ts';
import { DEFAULT_SCHEME, gradeCustomers, loadCustomers, readOnce, todaySerial, type LoadedCustomers } from './grade-workbook.ts';
import { readOwnership } from './ownership.ts';

export type { Advice, ShareBand };

/** Advice on customers already read (the pane's session holds them). */
export function adviseLoaded(scheme: Scheme, loaded: Pick<LoadedCustomers, 'customers' | 'related'>, bands?: readonly (ShareBand | null)[]): Advice {
  // Graded once the run's way first: a missing column stops here with the run's own message.
  gradeCustomers(scheme, loaded.customers, loaded.related);
  return adviseThresholds(scheme, loaded.customers.table, bands ? { bands } : {});
}

export interface AdviseWorkbookOptions {
  lang: Lang;
  scheme?: Scheme;
  sheet?: string;
  mapping?: Record<string, string>;
  /** The bands to advise against (default: the scheme's expected shares); a function when the scheme is read from the workbook. */
  bands?: readonly (ShareBand | null)[] | ((scheme: Scheme) => readonly (ShareBand | null)[]);
  today?: number;
}

/** The scheme as a run would choose it (given, the rules sheet, else the default), and the advice on the workbook. */
export async function adviseWorkbook(workbook: WorkbookPort, o: AdviseWorkbookOptions): Promise<{ advice: Advice; schemeSource: 'option' | 'rules-sheet' | 'default'; sheet: string }> {
  const port = readOnce(workbook);
  const sheets = await port.listSheets();
  const own = await readOwnership(port, sheets);
  let scheme = o.scheme;
  let schemeSource: 'option' | 'rules-sheet' | 'default' = 'option';
  if (!scheme) {
    const rules = sheets.find((s) => own.sheets.get(s.name) === 'rules');
    if (rules) {
      const v = await port.readSheet(rules.name);
      const read = schemeFromSheet(v.values, v.firstRow, rules.name);
      if (!read.ok) {
        const lines = (lang: Lang) => read.problems.map((p) => `${p.path}: ${p.message[lang]}`).join('\n');
        throw new RunError('rules-sheet', loc(`等级规则表有误：\n${lines('zh-CN')}`, `The tier rules sheet has problems:\n${lines('en-US')}`));
      }
      scheme = read.scheme;
      schemeSource = 'rules-sheet';
    } else {
      scheme = getPreset(DEFAULT_SCHEME)!;
      schemeSource = 'default';
    }
  }
  const loaded = await loadCustomers(port, sheets, scheme, { lang: o.lang, ...(o.sheet ? { sheet: o.sheet } : {}), ...(o.mapping ? { mapping: o.mapping } : {}) }, null, null, o.today ?? todaySerial(), own);
  const bands = typeof o.bands === 'function' ? o.bands(scheme) : o.bands;
  return { advice: adviseLoaded(scheme, loaded, bands), schemeSource, sheet: loaded.customers.sheet };
}
