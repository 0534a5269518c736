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
const BATCH = 1 << 16;

/** Collects UTF-8 chunks. */
export class ByteSink implements Sink {
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
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
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength >= BATCH) this.flush();
  }

  orig(start: number, end: number): void {
    if (end <= start) return;
    if (this.srcBytes && end - start >= 512) {
      this.flush();
      this.chunks.push(this.srcBytes.subarray(start, end));
    } else this.str(this.src.slice(start, end));
  }

  slot(): number {
    this.flush();
    this.chunks.push(EMPTY);
    return this.chunks.length - 1;
  }

  fill(slot: number, s: string): void {
    this.slots.set(slot, s);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(ENCODER.encode(this.pending.length === 1 ? this.pending[0]! : this.pending.join('')));
    this.pending = [];
    this.pendingLength = 0;
  }

  finish(): Uint8Array[] {
    this.flush();
    for (const [i, s] of this.slots) this.chunks[i] = ENCODER.encode(s);
    return this.chunks;
  }
}
