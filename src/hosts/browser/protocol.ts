// Messages between the standalone page and the worker that holds the workbook (the file host in the browser).
import type { Lang } from '../../core/index.ts';
import type { Progress, SheetInfo, SheetValues } from '../../port/workbook.ts';

/** The grading session's calls, by name, with their arguments (they are replayed after a cancel). */
export type SessionCall =
  | { method: 'inspect' | 'preview' | 'advise'; args: [scheme: unknown, selection: unknown] }
  | { method: 'rules'; args: [] }
  | { method: 'saveRules' | 'handbook'; args: [scheme: unknown] }
  | { method: 'apply'; args: [scheme: unknown, selection: unknown] }
  | { method: 'summaries'; args: [scheme: unknown, selection: unknown, period: string] };

export type Request =
  | { kind: 'open'; bytes: Uint8Array; fileName: string; lang: Lang; today?: number }
  | { kind: 'lang'; lang: Lang }
  | { kind: 'session'; call: SessionCall }
  | { kind: 'sheets' }
  | { kind: 'block'; sheet: string; firstRow: number; lastRow: number }
  | { kind: 'save'; format: 'xlsx' | 'csv'; sheet?: string }
  // The grid: a sheet's layout and formats, a window of cells (formats as a transferred array), where the last step wrote.
  | { kind: 'gridLayout'; sheet: string }
  | { kind: 'gridBlock'; sheet: string; firstRow: number; lastRow: number }
  | { kind: 'written' };

export type Reply =
  | { id: number; kind: 'progress'; progress: Progress }
  | { id: number; kind: 'ok'; value: unknown }
  | { id: number; kind: 'error'; error: { code: string; text: { 'zh-CN': string; 'en-US': string } } };

export type { SheetInfo, SheetValues };
