// Output sinks for rewriting a part: pieces are either new text or ranges of the original text. The
// byte sink turns a 100,000-row sheet into UTF-8 chunks without ever building the whole new string: ranges
// of an ASCII original are copied straight from its bytes (no re-encoding, no copy at all).

export interface Sink {
  /** Appends new text. */
  str(s: string): void;
  /** Appends the original text [start, end). */
  orig(start: number, end: number): void;
  /** Reserves a place for text known only later (e.g. <dimension>, written before the rows it describes). */
  slot(): number;
  fill(slot: number, s: string): void;
}

/** Collects a string. */
export class StringSink implements Sink {
  private readonly parts: string[] = [];

  constructor(private readonly src: string) {}

  str(s: string): void {
    this.parts.push(s);
  }

  orig(start: number, end: number): void {
    if (end > start) this.parts.push(this.src.slice(start, end));
  }

  slot(): number {
    this.parts.push('');
    return this.parts.length - 1;
  }

  fill(slot: number, s: string): void {
    this.parts[slot] = s;
  }

  finish(): string {
    return this.parts.join('');
  }
}

const ENCODER = new TextEncoder();
const EMPTY = new Uint8Array(0);
const CHUNK = 1 << 20;

/**
 * Collects UTF-8 chunks. Text is encoded straight into 1 MB buffers (no joining of small strings);
 * long ranges of an ASCII original are referenced as sub-arrays of its bytes.
 */
export class ByteSink implements Sink {
  private readonly chunks: Uint8Array[] = [];
  private buf = new Uint8Array(CHUNK);
  private pos = 0;
  private readonly slots = new Map<number, string>();

  /**
   * @param src the original text
   * @param srcBytes its UTF-8 bytes when every character is ASCII (string index = byte offset), else null
   */
  constructor(
    private readonly src: string,
    private readonly srcBytes: Uint8Array | null,
  ) {}

  str(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.pos + s.length * 3 > this.buf.length) {
      this.seal();
      if (s.length * 3 > CHUNK) {
        this.chunks.push(ENCODER.encode(s));
        return;
      }
    }
    this.pos += ENCODER.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  orig(start: number, end: number): void {
    if (end <= start) return;
    if (this.srcBytes) {
      const n = end - start;
      if (n >= 4096) {
        this.seal();
        this.chunks.push(this.srcBytes.subarray(start, end));
        return;
      }
      if (this.pos + n > this.buf.length) this.seal();
      this.buf.set(this.srcBytes.subarray(start, end), this.pos);
      this.pos += n;
    } else this.str(this.src.slice(start, end));
  }

  slot(): number {
    this.seal();
    this.chunks.push(EMPTY);
    return this.chunks.length - 1;
  }

  fill(slot: number, s: string): void {
    this.slots.set(slot, s);
  }

  /** Closes the current buffer (keeping only the bytes written) and starts a new one. */
  private seal(): void {
    if (this.pos > 0) {
      this.chunks.push(this.buf.subarray(0, this.pos));
      this.buf = new Uint8Array(CHUNK);
      this.pos = 0;
    }
  }

  finish(): Uint8Array[] {
    this.seal();
    for (const [i, s] of this.slots) this.chunks[i] = ENCODER.encode(s);
    return this.chunks;
  }
}
