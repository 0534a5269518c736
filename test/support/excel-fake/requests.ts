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
