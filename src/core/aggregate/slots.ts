// One slot per distinct id, with columns of numbers grown by doubling: the aggregations make one pass
// over up to a million rows and must not allocate per row.

/** A growable column of numbers; read `data` again after a slot was added (growth replaces it). */
export class Column {
  data: Float64Array;
  readonly fill: number;
  constructor(capacity: number, fill: number) {
    this.fill = fill;
    this.data = new Float64Array(capacity);
    if (fill !== 0) this.data.fill(fill);
  }
  grow(capacity: number): void {
    const next = new Float64Array(capacity);
    next.set(this.data);
    if (this.fill !== 0) next.fill(this.fill, this.data.length);
    this.data = next;
  }
  /** The first `size` values, as an array of exactly that length. */
  take(size: number): Float64Array {
    return this.data.slice(0, size);
  }
}

/** Distinct keys in first-seen order, each with a slot in every column made by `column()`. */
export class Slots {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly columns: Column[] = [];
  private capacity: number;

  constructor(initialCapacity = 256) {
    this.capacity = Math.max(1, initialCapacity);
  }

  get size(): number {
    return this.keys.length;
  }

  /** A column of this table's slots, `fill` where nothing was recorded (0, or NaN for dates). */
  column(fill = 0): Column {
    const c = new Column(this.capacity, fill);
    this.columns.push(c);
    return c;
  }

  /** The slot of a key, added (and the columns grown) when it is new. */
  slot(key: string): number {
    let s = this.index.get(key);
    if (s === undefined) {
      s = this.keys.length;
      if (s === this.capacity) {
        this.capacity *= 2;
        for (const c of this.columns) c.grow(this.capacity);
      }
      this.keys.push(key);
      this.index.set(key, s);
    }
    return s;
  }

  /** The slot of a key, or -1. */
  find(key: string): number {
    return this.index.get(key) ?? -1;
  }
}
