// Where each id first occurs, for a million ids: a JavaScript Map of a million strings took about 2 s
// (every lookup a cache miss in a table that grows and rehashes); an open-addressing table of
// indexes in typed arrays, sized once, does the same in about a quarter of that.

import { drain, type Steps } from './pause.ts';

/** `first[i]` is the index of the first id equal to `ids[i]` (i itself when it is the first). */
export function firstSeen(ids: readonly string[]): Int32Array {
  return drain(firstSeenSteps(ids));
}

/** firstSeen, yielding every few tens of thousands of ids (see pause.ts). */
export function* firstSeenSteps(ids: readonly string[]): Steps<Int32Array> {
  const n = ids.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(size);
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0 && i > 0) yield;
    const s = ids[i]!;
    // FNV-1a over the UTF-16 code units; equality is decided by the strings themselves.
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    let slot = h & mask;
    for (;;) {
      const j = slots[slot]!;
      if (j === -1) {
        slots[slot] = i;
        hashes[slot] = h;
        first[i] = i;
        break;
      }
      if (hashes[slot] === h && ids[j] === s) {
        first[i] = j;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return first;
}
