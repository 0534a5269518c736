// Reading and writing workbook files on disk (Node only: the CLI and tests). Never overwrites the input
// unless asked; the default output sits beside it. Every write is atomic: a temporary file in the same
// folder, flushed to disk, then renamed over the target — a kill or a full disk leaves the old file whole.
import { accessSync, chmodSync, closeSync, constants, fsyncSync, linkSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { loc, type Localized } from '../../core/index.ts';
import { FileWorkbook } from './file-workbook.ts';
import { NODE_ZIP } from './node-zip.ts';

export type FileErrorCode = 'input' | 'output' | 'write';

/** A file the user named cannot be read or written: one line in each language, naming the file. */
export class FileError extends Error {
  readonly code: FileErrorCode;
  readonly text: Localized;
  constructor(code: FileErrorCode, text: Localized, options?: { cause?: unknown }) {
    super(text['en-US'], options);
    this.name = 'FileError';
    this.code = code;
    this.text = text;
  }
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException | null)?.code ?? '';

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Why a file system call failed, in words (the errno code stays for whoever searches the web). */
function reason(code: string): Localized {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return loc('磁盘空间不足', 'the disk is full');
    case 'EACCES':
    case 'EPERM':
      return loc('没有权限', 'permission denied');
    case 'EROFS':
      return loc('磁盘是只读的', 'the disk is read-only');
    case 'ENOENT':
    case 'ENOTDIR':
      return loc('文件夹不存在', 'the folder does not exist');
    case 'EISDIR':
      return loc('这是一个文件夹', 'it is a folder');
    case 'EBUSY':
    case 'ETXTBSY':
      return loc('文件正被其他程序占用', 'the file is in use by another program');
    default:
      return loc(`系统错误 ${code || '未知'}`, `system error ${code || 'unknown'}`);
  }
}

/** The input must be a readable file (not a folder): checked before anything is graded. */
export function checkInputFile(file: string): void {
  const st = statOrNull(file);
  if (!st) throw new FileError('input', loc(`找不到文件：${file}`, `File not found: ${file}`));
  if (st.isDirectory()) throw new FileError('input', loc(`${file} 是文件夹，请给出 .xlsx 或 .csv 文件`, `${file} is a folder: give an .xlsx or .csv file`));
  if (!st.isFile()) throw new FileError('input', loc(`${file} 不是普通文件`, `${file} is not a regular file`));
}

/** The same file, whatever the path spelling (./a.xlsx, a symlink, a hard link). */
function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Where an output may go, checked before grading: not the input itself (that takes --in-place), not a
 * folder, into a folder that exists.
 */
export function checkOutputFile(output: string, input?: string): void {
  if (input !== undefined && sameFile(output, input))
    throw new FileError(
      'output',
      loc(`--out 指向输入文件 ${input}：不会覆盖原文件。要写回原文件请用 --in-place`, `--out names the input file ${input}: it is never overwritten. Use --in-place to write the result back into it`),
    );
  const st = statOrNull(output);
  if (st?.isDirectory()) throw new FileError('output', loc(`输出位置 ${output} 是文件夹，请给出文件名`, `The output ${output} is a folder: give a file name`));
  if (st && !st.isFile()) throw new FileError('output', loc(`输出位置 ${output} 不是普通文件`, `The output ${output} is not a regular file`));
  const dir = path.dirname(path.resolve(output));
  const d = statOrNull(dir);
  if (!d) throw new FileError('output', loc(`输出文件夹不存在：${dir}`, `The output folder does not exist: ${dir}`));
  if (!d.isDirectory()) throw new FileError('output', loc(`输出位置 ${dir} 不是文件夹`, `${dir} is not a folder`));
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const why = reason(errno(e));
    throw new FileError('output', loc(`无法写入文件夹 ${dir}：${why['zh-CN']}`, `Cannot write into the folder ${dir}: ${why['en-US']}`), { cause: e });
  }
}

/** Temporary files of earlier writes to `file` whose process is gone (killed mid-write): removed. */
function removeStaleTemps(dir: string, file: string): void {
  const prefix = `.${path.basename(file)}.tierbook-`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'));
  } catch {
    return;
  }
  for (const n of names) {
    const pid = Number(/^(\d+)-/.exec(n.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    try {
      unlinkSync(path.join(dir, n));
    } catch {
      /* someone else's to clean */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM'; // exists, owned by another user
  }
}

/** Opens a workbook file; its package is (de)compressed with Node's native zlib. */
export function openWorkbookFile(file: string, options: { encoding?: string } = {}): FileWorkbook {
  checkInputFile(file);
  let bytes: Uint8Array;
  try {
    // A view of the Buffer, not a copy: a 48 MB CSV is read once and held once.
    const buf = readFileSync(file);
    bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    const why = reason(errno(e));
    throw new FileError('input', loc(`无法读取 ${file}：${why['zh-CN']}`, `Cannot read ${file}: ${why['en-US']}`), { cause: e });
  }
  return FileWorkbook.open(bytes, file, { codec: NODE_ZIP, ...(options.encoding ? { encoding: options.encoding } : {}) });
}

/** Where a graded copy goes by default: "客户.xlsx" → "客户.graded.xlsx" (a CSV input becomes .xlsx). */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.[^.]+$/, '');
  return path.join(dir, `${base}.graded.xlsx`);
}

/** Test hook: called before each chunk is written to the temporary file (a full disk is simulated by throwing). */
export const writeHooks: { beforeChunk: ((written: number) => void) | null } = { beforeChunk: null };

const CHUNK = 1 << 20;

/**
 * Write `bytes` to `file` atomically: a temporary file beside it (same folder, so the rename stays on one
 * file system), every byte written and fsync'ed, then renamed over `file`. On any failure the temporary
 * file is removed and `file` is exactly as it was; the message says so. An existing file keeps its mode.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array, options: { create?: boolean } = {}): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.tierbook-${process.pid}-${Date.now().toString(36)}.tmp`);
  const existing = options.create ? null : statOrNull(file);
  removeStaleTemps(dir, file);
  let fd = -1;
  try {
    fd = openSync(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    for (let at = 0; at < bytes.length; ) {
      writeHooks.beforeChunk?.(at);
      at += writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    if (existing) chmodSync(temp, existing.mode & 0o7777);
    if (options.create) {
      // Create only: link() fails with EEXIST, atomically, when the name is taken; nothing is overwritten.
      linkSync(temp, file);
      unlinkSync(temp);
    } else renameSync(temp, file);
  } catch (e) {
    if (options.create && errno(e) === 'EEXIST') {
      try {
        unlinkSync(temp);
      } catch {
        /* gone already */
      }
      throw new FileError('output', loc(`文件已存在，不会覆盖：${file}（请换一个文件名，或先删除它）`, `${file} already exists and is never overwritten: choose another name or delete it first`), { cause: e });
    }
    if (fd >= 0) {
      try {
        closeSync(fd);
      } catch {
        /* already failing: the first error is the one to report */
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      /* never created, or already gone */
    }
    const why = reason(errno(e));
    const kept = existing
      ? loc(`，原文件未改动`, `; the existing file is unchanged`)
      : loc(`，没有留下任何文件`, `; no file was left behind`);
    throw new FileError(
      'write',
      loc(`未能写入 ${file}：${why['zh-CN']}${kept['zh-CN']}`, `Could not write ${file}: ${why['en-US']}${kept['en-US']}`),
      { cause: e },
    );
  }
  // The rename itself is durable once the folder is flushed; not every platform lets a folder be opened.
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* best effort (Windows) */
  }
}

export async function saveWorkbookFile(book: FileWorkbook, file: string, csvSheet?: string): Promise<void> {
  if (/\.(csv|tsv|txt)$/i.test(file)) {
    if (!csvSheet) throw new FileError('output', loc(`CSV 输出需要指定工作表：${file}`, `A CSV output needs the sheet to export: ${file}`));
    writeFileAtomic(file, await book.toCsv(csvSheet));
  } else writeFileAtomic(file, book.toXlsx());
}
