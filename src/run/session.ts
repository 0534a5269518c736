// A task-pane session: the steps of the pane (data → rules → preview → apply → summaries → handbook) as
// plain async calls over the workbook port. Written once; the Office host runs it on Excel, the standalone
// page runs it in a Web Worker over the file host. Every result is plain, serialisable data (it crosses
// the worker boundary), and nothing here knows about React or Office.js.
import { nextStepsView } from './action-sheets.ts';
import type { ServiceCost } from '../core/cost/cost.ts';
import {
  generatedSheetName,
  handbookSheet,
  loc,
  periodWindow,
  schemeFromSheet,
  schemeToSheet,
  readHistory,
  type HistoryRecord,
  type Lang,
  type Scheme,
} from '../core/index.ts';
import { detectHeaderRow, mapColumns } from '../core/mapping/index.ts';
import { findRelatedSheets, type RelatedMemo } from './related-sheets.ts';
import type { GeneratedSheet, Progress, SheetInfo, WorkbookPort } from '../port/workbook.ts';
import { RunError } from './errors.ts';
import { gradeCustomers, gradeWorkbook, keepTiers, loadCustomers, readOnce, todaySerial, type LoadedCustomers, type RunResult } from './grade-workbook.ts';
import { ownedSheets, readOwnership } from './ownership.ts';
import { lastAppliedTiers, movesBetween, movesOf } from './session-moves.ts';
import { adviseLoaded, type Advice } from './advise.ts';
import { forPane, inPaneWords } from './pane-words.ts';
import { countLabels, dataView, issueViews, mixView } from './session-views.ts';

import type { ApplyView, DataView, PreviewView, RulesView, Selection, SummariesView } from './views.ts';

// The views are re-exported: callers that import them from the session keep working.
export * from './views.ts';
export { mixView } from './session-views.ts';

/** What the preview re-grades from: the customers read and mapped, and the tiers their sheet holds now. */
type Loaded = LoadedCustomers & { last: Map<string, string> | null; history: HistoryRecord[] };

export interface SessionOptions {
  lang: Lang;
  /** Yield to the UI between blocks of CPU work (a session on the pane's own thread). */
  pause?: () => Promise<void>;
  /** Today as an Excel serial (tests); default: the clock. */
  today?: number;
}

/** Make the port for one operation; `signal` cancels it between blocks (the Office host honours it). */
export type PortFactory = (signal?: AbortSignal) => WorkbookPort;

export class GradingSession {
  private port: WorkbookPort;
  private loaded: { key: string; value: Promise<Loaded>; scheme: string; revision: number | null } | null = null;
  /** The related sheets found so far, by sheet revision: kept for the whole walk on a host that counts its writes. */
  private readonly related: RelatedMemo = new Map();
  /** What the tier columns were last written for (scheme, selection and period): Summaries of it only summarises. */
  private applied: string | null = null;

  constructor(
    private readonly makePort: PortFactory,
    private options: SessionOptions,
  ) {
    this.port = readOnce(makePort());
  }

  setLang(lang: Lang): void {
    this.options = { ...this.options, lang };
  }

  /** Forget what was read (the workbook changed under us, or after a write). */
  refresh(): void {
    this.port = readOnce(this.makePort());
    this.loaded = null;
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.port.listSheets();
  }

  /** The data step: which sheet is graded, its header row and how each column maps. */
  async inspect(scheme: Scheme, selection: Selection): Promise<DataView> {
    const sheets = await this.port.listSheets();
    let loaded: LoadedCustomers;
    try {
      loaded = await this.load(scheme, selection);
    } catch (e) {
      // A sheet whose columns fall short is still shown, so the user can fix the mapping by hand.
      if (e instanceof RunError && (e.code === 'missing-columns' || e.code === 'no-header')) return this.unreadable(scheme, selection, sheets, e);
      throw e;
    }
    const { customers, related, own, asOf } = loaded;
    return dataView(scheme, sheets, customers.mapping, related, own.sheets, {
      customerSheet: customers.sheet,
      generated: customers.generated,
      headerRow: customers.headerRow,
      customers: customers.table.size,
      blocking: null,
      asOf: !selection.period && asOf.source === 'data' ? asOf.serial : null,
    });
  }

  /** The scheme kept in the workbook's rules sheet, or why it cannot be read. */
  async rules(): Promise<RulesView> {
    const sheets = await this.port.listSheets();
    const own = await readOwnership(this.port, sheets);
    const info = sheets.find((s) => own.sheets.get(s.name) === 'rules');
    if (!info) return { sheet: null, scheme: null, problems: [] };
    const v = await this.port.readSheet(info.name);
    const read = schemeFromSheet(v.values, v.firstRow, info.name);
    if (read.ok) return { sheet: info.name, scheme: read.scheme, problems: [] };
    return { sheet: info.name, scheme: null, problems: read.problems.map((p) => ({ path: p.path, message: p.message })) };
  }

  /** Write the scheme to the rules sheet (replacing it). */
  async saveRules(scheme: Scheme): Promise<string> {
    return this.writeGenerated('rules', schemeToSheet(scheme, this.options.lang));
  }

  /** What-if: the tier mix under `scheme`, beside the last applied grading; nothing is written. */
  async preview(scheme: Scheme, selection: Selection): Promise<PreviewView> {
    const period = periodOf(selection);
    const { customers, notes, last, related, history } = await this.load(scheme, selection);
    const result = inPaneWords(() => gradeCustomers(scheme, customers, related));
    const issues = [...result.issues, ...notes];
    const kept = period ? keepTiers(result, history, period).size : 0;
    return {
      period,
      mix: mixView(result),
      kept,
      lastApplied: last ? countLabels(last) : null,
      moves: movesBetween(scheme, result, last),
      issueCount: issues.length,
      issues: issueViews(issues, customers, result.table.ids),
      warnings: result.warnings,
    };
  }

  /** 建议门槛: thresholds that put the tier mix inside the expected shares, on the customers the preview grades. Nothing is written. */
  async advise(scheme: Scheme, selection: Selection): Promise<Advice> {
    periodOf(selection);
    const loaded = await this.load(scheme, selection);
    return inPaneWords(() => adviseLoaded(scheme, loaded));
  }

  /** Grade and write back (tier, benefits, reason, gap … columns; the rules sheet). */
  async apply(scheme: Scheme, selection: Selection, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<ApplyView> {
    const period = periodOf(selection);
    const run = await this.run(scheme, selection, { period, writeSummaries: false }, onProgress, signal);
    this.applied = appliedKey(scheme, selection, period);
    const last = run.before;
    const issues = [...run.result.issues, ...run.notes];
    return {
      period,
      sheet: run.customers.sheet,
      mix: mixView(run.result, run.mix),
      kept: run.held.size,
      lastApplied: last ? countLabels(last) : null,
      moves: movesBetween(scheme, run.result, last),
      issueCount: issues.length,
      issues: issueViews(issues, run.customers, run.result.table.ids),
      warnings: run.warnings,
      schemeSource: run.schemeSource,
    };
  }

  /** A review run for a period: history snapshot, then tier mix, movement and churn summaries. */
  async summaries(scheme: Scheme, selection: Selection, period: string, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<SummariesView> {
    if (!periodWindow(period))
      throw new RunError('period', loc(`无法识别期间"${period}"（例如 2025Q3、2025H2、2025）`, `Cannot read the period "${period}" (e.g. 2025Q3, 2025H2, 2025)`));
    // Once Apply wrote this period's grading, only the summaries are written — unless the sheet no longer
    // holds those tiers (edited since): then its columns are written as Apply would, so sheet and summaries agree.
    const applied = this.applied === appliedKey(scheme, selection, period);
    const run = await this.run(scheme, selection, { period, writeColumns: applied ? 'if-changed' : true }, onProgress, signal);
    const wroteColumns = run.wroteColumns;
    this.applied = appliedKey(scheme, selection, period);
    this.lastCost = { scheme: JSON.stringify(scheme), cost: run.next.serviceCost };
    const s = run.summaries!;
    return {
      period,
      previousPeriod: run.previousPeriod,
      kept: run.held.size,
      wroteColumns,
      sheets: [s.mix, s.movement, s.churn].filter((x): x is string => !!x),
      native: !!s.native && s.native.notice === null,
      notice: s.native?.notice ?? null,
      mix: mixView(run.result, run.mix),
      moves: run.movement ? movesOf(run.movement, scheme) : movesBetween(scheme, run.result, null),
      next: nextStepsView(run.next, run.nextSheets, run.scheme, this.options.lang),
    };
  }

  private lastCost: { scheme: string; cost: ServiceCost } | null = null;

  /** Write (or rewrite) the handbook sheet for the scheme. */
  async handbook(scheme: Scheme): Promise<string> {
    // After a review, the section 资源配置与成本 shows that review's costs (same scheme only).
    const cost = this.lastCost && this.lastCost.scheme === JSON.stringify(scheme) ? this.lastCost.cost : undefined;
    return this.writeGenerated('handbook', handbookSheet(scheme, this.options.lang, cost));
  }

  /** Replace one of TierBook's own sheets (found in either language), returning its name. */
  private async writeGenerated(kind: 'rules' | 'handbook', sheet: GeneratedSheet): Promise<string> {
    const sheets = await this.port.listSheets();
    const name = generatedSheetName(kind, ownedSheets(sheets, await readOwnership(this.port, sheets)), this.options.lang).name;
    await this.port.replaceSheet({ ...sheet, name, kind });
    this.refresh();
    return name;
  }

  private async run(
    scheme: Scheme,
    selection: Selection,
    extra: { period?: string | null; writeColumns?: boolean | 'if-changed'; writeSummaries?: boolean },
    onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<RunResult> {
    const port = this.makePort(signal);
    const loaded = await this.reusable(port, scheme, selection);
    try {
      return await gradeWorkbook(port, {
        related: this.related,
        ...(loaded ? { loaded } : {}),
        lang: this.options.lang,
        scheme,
        ...(selection.sheet ? { sheet: selection.sheet } : {}),
        ...(selection.mapping && Object.keys(selection.mapping).length ? { mapping: selection.mapping } : {}),
        ...(extra.period ? { period: extra.period } : {}),
        ...(extra.writeColumns !== undefined ? { writeColumns: extra.writeColumns } : {}),
        ...(extra.writeSummaries === false ? { writeSummaries: false } : {}),
        ...(this.options.today !== undefined ? { today: this.options.today } : {}),
        ...(this.options.pause ? { pause: this.options.pause } : {}),
        onProgress: (p) => {
          if (signal?.aborted) throw new RunError('cancelled', loc('已取消', 'Cancelled'));
          onProgress?.(p);
        },
      });
    } catch (e) {
      throw forPane(e);
    } finally {
      this.refresh();
    }
  }

  /**
   * What the last preview loaded, for a run of the same scheme and selection: only on a host that counts its
   * writes, and only while nothing at all was written since (on Excel the user may have edited: read again).
   */
  private async reusable(port: WorkbookPort, scheme: Scheme, selection: Selection): Promise<LoadedCustomers | undefined> {
    const kept = this.loaded;
    if (!kept || kept.revision === null || !port.revision || kept.revision !== port.revision()) return undefined;
    if (kept.key !== this.loadKey(scheme, selection) || kept.scheme !== JSON.stringify(scheme)) return undefined;
    const value = await kept.value.catch(() => null);
    // Written while it loaded: read again.
    if (!value || kept.revision !== port.revision()) return undefined;
    return { customers: value.customers, related: value.related, notes: value.notes, own: value.own, asOf: value.asOf };
  }

  private loadKey(scheme: Scheme, selection: Selection): string {
    const metrics = [...new Set(scheme.criteria.map((c) => `${c.metric}:${c.column ?? ''}:${c.unit}`))].sort();
    return JSON.stringify([selection.sheet ?? null, selection.mapping ?? null, metrics, this.options.lang, periodOf(selection)]);
  }

  /** Read and map the customers once per (sheet, mapping, metrics): a threshold edit re-grades in memory. */
  private load(scheme: Scheme, selection: Selection): Promise<Loaded> {
    const period = periodOf(selection);
    const key = this.loadKey(scheme, selection);
    if (this.loaded?.key === key) return this.loaded.value;
    const revision = this.port.revision ? this.port.revision() : null;
    const value = (async () => {
      const sheets = await this.port.listSheets();
      // Read as the run reads for the same period: recency to its end, orders within it.
      const window = period ? periodWindow(period) : null;
      const { sheet, mapping } = selection;
      const loaded = await loadCustomers(this.port, sheets, scheme, { lang: this.options.lang, related: this.related, ...(sheet ? { sheet } : {}), ...(mapping ? { mapping } : {}) }, window, null, this.options.today ?? todaySerial());
      const historySheet = generatedSheetName('history', ownedSheets(sheets, loaded.own), this.options.lang);
      const history = period && historySheet.exists ? readHistory((await this.port.readSheet(historySheet.name)).values, scheme) : [];
      return { ...loaded, last: await lastAppliedTiers(this.port, sheets, loaded.customers), history };
    })().catch((e: unknown) => {
      throw forPane(e);
    });
    this.loaded = { key, value, scheme: JSON.stringify(scheme), revision };
    value.catch(() => {
      if (this.loaded?.value === value) this.loaded = null;
    });
    return value;
  }

  /** The data view of a sheet that does not map: its header and columns as far as they can be read. */
  private async unreadable(scheme: Scheme, selection: Selection, sheets: SheetInfo[], error: RunError): Promise<DataView> {
    const own = await readOwnership(this.port, sheets);
    const candidates = sheets.filter((s) => s.visible && s.lastRow > 0 && !own.sheets.has(s.name));
    const name = selection.sheet ?? candidates[0]?.name;
    if (!name) throw error;
    const v = await this.port.readSheet(name);
    const header = detectHeaderRow(v.values, v.firstRow);
    const mapping = mapColumns(header?.headers ?? [], scheme, selection.mapping ? { explicit: selection.mapping } : {});
    const related = await findRelatedSheets(this.port, sheets, name, own);
    return dataView(scheme, sheets, mapping, related, own.sheets, { customerSheet: name, generated: false, headerRow: header?.row ?? 0, customers: 0, blocking: forPane(error).text, asOf: null });
  }
}

/** The period of a selection, checked; null when blank. */
function periodOf(selection: Selection): string | null {
  const period = selection.period?.trim();
  if (!period) return null;
  if (!periodWindow(period))
    throw new RunError('period', loc(`无法识别期间"${period}"（例如 2025Q3、2025H2、2025）`, `Cannot read the period "${period}" (e.g. 2025Q3, 2025H2, 2025)`));
  return period;
}

function appliedKey(scheme: Scheme, selection: Selection, period: string | null): string {
  return JSON.stringify([scheme, selection.sheet ?? null, selection.mapping ?? null, period]);
}
