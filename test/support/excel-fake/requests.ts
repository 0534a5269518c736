// Request accounting of the Excel fake: what a queued command costs on the wire, the 5 MB payload limit and
// the records of every sync (see README.md: payload limits).
/** Excel on the web: requests and responses are limited to 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** A range is limited to five million cells for read operations. */
export const READ_CELL_LIMIT = 5_000_000;

export interface Fault {
  /** 1-based number of the sync (counted over the fake's life) that fails. */
  atSync: number;
  code: string;
  message?: string;
  /** Commands of that sync applied before it fails (Excel does not roll a failed batch back). Default 0. */
  afterCommands?: number;
}

export interface SyncRecord {
  n: number;
  requestBytes: number;
  responseBytes: number;
  commands: number;
  calcSuspended: boolean;
  screenSuspended: boolean;
  /** Proxies tracked (created and not untracked) in the Excel.run when the sync ran. */
  tracked: number;
  failed: string | null;
}

export interface Command {
  bytes: number;
  calc?: boolean;
  screen?: boolean;
  run(stage: Stage): void;
}

export interface Stage {
  commit(fn: () => void, responseBytes: number): void;
}

export const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
/** What a command costs on the wire: its name, the object path and its arguments as JSON. */
export const cost = (...parts: unknown[]) => 48 + utf8(JSON.stringify(parts));

/**
 * office.js itself splits a `values` / `numberFormat` write of more than 1,500 cells into chunks of
 * round(1,500 / columns) rows (setRangePropertiesInBulk in excel-web-16.00.debug.js, ExcelApi 1.3 and later).
 * Each chunk adds to the same request two getRow object paths, a getBoundingRect path, their instantiate
 * actions and its own set action: about this many bytes of JSON per chunk.
 */
export const BULK_CELLS = 1500;
export const BULK_CHUNK_BYTES = 560;

/** The bytes office.js adds to a request for a bulk write of rows × cols cells. */
export function bulkOverhead(rows: number, cols: number, bulk: boolean): number {
  if (!bulk || rows * cols <= BULK_CELLS) return 0;
  const perChunk = Math.max(1, Math.round(BULK_CELLS / cols));
  return Math.ceil(rows / perChunk) * BULK_CHUNK_BYTES;
}
