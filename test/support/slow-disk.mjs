// A slow disk for kill tests (`node --import ./slow-disk.mjs …`): every synchronous file write goes out
// in 32 KB pieces with a 2 ms pause between them, so a SIGKILL can land in the middle of a write (on a
// real disk a 1 MB write is over before a test can see it start). Only timing changes, never the bytes.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const PIECE = 32 << 10;
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
const writeSync = fs.writeSync;

fs.writeSync = function slowWriteSync(fd, buffer, offset, length, position) {
  if (typeof buffer === 'string' || !ArrayBuffer.isView(buffer)) return writeSync.apply(fs, arguments);
  const start = offset ?? 0;
  const end = start + (length ?? buffer.byteLength - start);
  let done = 0;
  for (let at = start; at < end; at += PIECE) {
    pause();
    const n = Math.min(PIECE, end - at);
    done += writeSync(fd, buffer, at, n, typeof position === 'number' ? position + (at - start) : null);
  }
  return done;
};

fs.writeFileSync = function slowWriteFileSync(file, data, options) {
  const flag = (typeof options === 'object' && options?.flag) || 'w';
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const fd = typeof file === 'number' ? file : fs.openSync(file, flag, (typeof options === 'object' && options?.mode) || 0o666);
  try {
    fs.writeSync(fd, bytes, 0, bytes.byteLength);
  } finally {
    if (typeof file !== 'number') fs.closeSync(fd);
  }
};

syncBuiltinESMExports();
