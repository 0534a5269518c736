// What a grading run is asked (RunOptions) and what it returns (RunResult), apart from the run itself so that
// the summaries (summary-specs.ts) and the session can name them without importing the run.
import { loc, serialToIsoDate, type DataIssue, type GradeResult, type HeldTier, type HistoryRecord, type Lang, type Localized, type Scheme, type TierMix, type TierMovement, type ActionOptions } from '../core/index.ts';
import type { Progress } from '../port/workbook.ts';
import type { CustomerSheet } from './read-customers.ts';
import type { Related, RelatedMemo } from './related-sheets.ts';
import type { Ownership } from './ownership.ts';
import type { SummariesWritten } from './summaries.ts';
import type { NextStepSheets, NextSteps } from './action-sheets.ts';

export interface RunOptions {
  lang: Lang;
  /** A scheme given from outside (CLI --scheme, the task pane): it is used and written to the rules sheet. */
  scheme?: Scheme;
  /** The customer sheet; default: the first visible sheet that maps as one. */
  sheet?: string;
  /** Period label (e.g. 2025H2): recency is counted to its end, and its snapshot goes to the history. */
  period?: string;
  /** metric → header text. */
  mapping?: Record<string, string>;
  /**
   * The day recency is counted to without a period (CLI --as-of 2025-12-31), as an Excel serial. Default:
   * the latest date in the data (the last order, or the latest last-purchase date).
   */
  asOf?: number;
  /** Today as an Excel serial, for data without any date; default: the clock. */
  today?: number;
  /** When the run graded, recorded in the history as a local date-time (default: now). */
  gradedAt?: Date;
  /**
   * Write the output columns (default true). 'if-changed': only when the sheet's tier column does not hold
   * exactly the tiers graded now (a review of a period already applied only summarises).
   */
  writeColumns?: boolean | 'if-changed';
  /** With a period: write its snapshot to the history and the summary sheets (default true). Apply grades for the period without them. */
  writeSummaries?: boolean;
  /** The action lists' distances (default: core DEFAULT_ACTION_OPTIONS). */
  actions?: Partial<ActionOptions>;
  /** A session's memo of the related sheets it found (kept per sheet revision, see RelatedMemo). */
  related?: RelatedMemo;
  /**
   * The customers a session loaded for these same options, at the workbook revision the run sees (the
   * session checks it): the run grades them instead of reading and aggregating again.
   */
  loaded?: LoadedCustomers;
  onProgress?: (p: Progress) => void;
  /** Called between blocks of CPU work (the explanations of 5,000 customers): a pane on the UI thread yields here. */
  pause?: () => Promise<void>;
}

export interface RunResult {
  scheme: Scheme;
  schemeSource: 'option' | 'rules-sheet' | 'default';
  customers: CustomerSheet;
  result: GradeResult;
  mix: TierMix;
  previousPeriod: string | null;
  previous: Map<string, HistoryRecord> | null;
  warnings: Localized[];
  /** Customers the downgrade policy kept in their tier this period (index → what the policy did). */
  held: Map<number, HeldTier>;
  /** Movement from the previous period to this one (null without a period or an earlier period): the 等级变动 sheet's numbers. */
  movement: TierMovement | null;
  /** The summary sheets a period run wrote (null without a period). */
  summaries: SummariesWritten | null;
  /** The related sheets used. */
  related: { orders: string | null; interactions: string | null; satisfaction: string | null };
  /** Join notes (ids found only in a related sheet). */
  notes: DataIssue[];
  /** Customer id → the tier text the sheet's tier column held before this run wrote it (null: never graded). */
  before: Map<string, string> | null;
  /** The day recency was counted to, and why that day. */
  asOf: AsOf;
  /** Whether the run wrote the output columns. */
  wroteColumns: boolean;
  /** Action lists and the cost model, and the sheets a period run wrote them to (null otherwise). */
  next: NextSteps;
  nextSheets: NextStepSheets | null;
}

/** The day recency is counted to: the period end, the user's --as-of, the latest date in the data, or today. */
export interface AsOf {
  serial: number;
  source: 'period' | 'option' | 'data' | 'today';
}

/** "距最近消费天数计算至 2011-12-09（数据中最晚的日期）". */
export function asOfMessage(asOf: AsOf): Localized {
  const day = serialToIsoDate(asOf.serial);
  const why = {
    period: loc('评级周期的期末', 'the end of the review period'),
    option: loc('--as-of 指定', 'given with --as-of'),
    data: loc('数据中最晚的日期', 'the latest date in the data'),
    today: loc('今天：数据中没有日期', 'today: the data holds no date'),
  }[asOf.source];
  return loc(`距最近消费天数计算至 ${day}（${why['zh-CN']}）`, `Days since the last purchase are counted to ${day} (${why['en-US']})`);
}

/** The customers to grade with their metrics filled from the related sheets: what a load gives a run. */
export interface LoadedCustomers {
  customers: CustomerSheet;
  related: Related;
  /** Join notes (ids found only in a related sheet). */
  notes: DataIssue[];
  /** What in the workbook is TierBook's. */
  own: Ownership;
  asOf: AsOf;
}
