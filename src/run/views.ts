// What the pane's steps show: plain, serialisable data (it crosses the worker boundary). The session
// (session.ts) builds these; the pane contract (pane-api.ts) hands them to the UI.
import type { Localized, Scheme } from '../core/index.ts';
import type { RunResult } from './run-result.ts';
import type { Moves } from './session-moves.ts';
import type { NextStepsView } from './action-sheets.ts';

export type { Moves };
/** What the customer sheet and its neighbours are, as the data step shows them. */
export type SheetRole = 'customers' | 'orders' | 'interactions' | 'satisfaction' | 'tierbook' | 'other';

export interface SheetChoice {
  name: string;
  rows: number;
  visible: boolean;
  role: SheetRole;
}

export interface ColumnView {
  col: number;
  letter: string;
  header: string;
  /** The field it maps to (a metric id or id/name/…), or null. */
  field: string | null;
  matchedBy: string | null;
  synonym: string | null;
  unitNote: Localized | null;
}

export interface FieldView {
  field: string;
  label: Localized;
  /** The scheme grades on it (a missing one blocks grading unless a related sheet supplies it). */
  required: boolean;
  /** Column it is read from, or null. */
  col: number | null;
  /** Filled from a related sheet (orders, satisfaction, interactions) instead of a column. */
  fromRelated: string | null;
}

export interface DataView {
  sheets: SheetChoice[];
  /** The sheet graded; an orders-only workbook grades onto a sheet of its own (generated = true). */
  customerSheet: string;
  generated: boolean;
  headerRow: number;
  customers: number;
  columns: ColumnView[];
  fields: FieldView[];
  /** Mapping problems; `field` names the field a problem is about, so the pane shows it beside that field. */
  problems: { severity: 'error' | 'warning'; field: string | null; message: Localized }[];
  /** Why the sheet cannot be graded as mapped (the mapping is shown so that it can be fixed); null when it can. */
  blocking: Localized | null;
  related: { orders: string | null; interactions: string | null; satisfaction: string | null };
  /** The latest date in the data (the last order, or the latest last-purchase date) as an Excel serial; null without one. The default period holds it. */
  asOf: number | null;
}

export interface Selection {
  /** Customer sheet (default: found as the run finds it). */
  sheet?: string;
  /** metric → header text, as chosen in the data step. */
  mapping?: Record<string, string>;
  /**
   * The review period graded for (e.g. 2025): recency counts to its end and the scheme's review policy keeps
   * tiers against the history, in preview, apply and summaries alike. Blank: no period (today, no policy).
   */
  period?: string;
}

export interface MixBar {
  tier: string;
  label: Localized;
  color: string;
  customers: number;
  share: number;
  revenue: number;
  expected: { min: number; max: number } | null;
  outside: boolean;
}

export interface MixView {
  bars: MixBar[];
  unrated: number;
  graded: number;
  totalRevenue: number;
  revenueLabel: Localized | null;
  currency: string;
}

export interface IssueView {
  sheet: string | null;
  cell: string | null;
  customer: string | null;
  field: string | null;
  message: Localized;
}

export interface PreviewView {
  /** The period graded for (null: none). */
  period: string | null;
  mix: MixView;
  /** Customers the review policy kept in a tier the rules alone would have lowered ("N 位客户保级"). */
  kept: number;
  /** The tiers the sheet holds from the last applied grading, counted by label; null when never graded. */
  lastApplied: { label: string; customers: number }[] | null;
  moves: Moves;
  issueCount: number;
  /** The first issues (the list is capped so that 100,000 rows of problems do not flood the pane). */
  issues: IssueView[];
  warnings: Localized[];
}

export interface ApplyView extends PreviewView {
  sheet: string;
  schemeSource: RunResult['schemeSource'];
}

export interface SummariesView {
  period: string;
  previousPeriod: string | null;
  /** Customers kept in their tier by the review policy (the same as Apply's for this period). */
  kept: number;
  /** Whether this run wrote the tier columns too (the sheet had not been graded for this period here yet). */
  wroteColumns: boolean;
  sheets: string[];
  native: boolean;
  notice: Localized | null;
  mix: MixView;
  moves: Moves;
  /** Action lists and service cost. */
  next: NextStepsView;
}

export interface RulesView {
  sheet: string | null;
  scheme: Scheme | null;
  problems: { path: string; message: Localized }[];
}

export const ISSUE_LIST_LIMIT = 500;
