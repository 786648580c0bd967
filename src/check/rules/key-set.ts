// A set of key values that stays small on files of millions of rows: each key is kept as a 96-bit hash
// (a 64-bit slot key and a 32-bit check) with the row and line where it was first seen — 20 bytes a key,
// in flat typed arrays. Two different keys whose 64 bits collide are told apart by the check hash and
// counted; only a match of all 96 bits is taken as a duplicate (a false one is below 1 in 10^15 even at
// ten million rows).

const EMPTY = 0;

export interface FirstSeen {
  row: number;
  line: number;
}

export class KeySet {
  private capacity: number;
  private size = 0;
  private high: Int32Array;
  private low: Int32Array;
  private check: Int32Array;
  private rows: Uint32Array;
  private lines: Uint32Array;
  /** Different keys whose 64-bit hashes were equal, told apart by the check hash. */
  collisions = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.high = new Int32Array(this.capacity);
    this.low = new Int32Array(this.capacity);
    this.check = new Int32Array(this.capacity);
    this.rows = new Uint32Array(this.capacity);
    this.lines = new Uint32Array(this.capacity);
  }

  /** Record `key`; returns where it was first seen if it was seen before, else undefined. */
  add(key: string, row: number, line: number): FirstSeen | undefined {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    let h3 = key.length | 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      h3 = Math.imul(h3 + c, 0x27d4eb2d) ^ (h3 >>> 13);
    }
    h1 = finalise(h1);
    h2 = finalise(h2 ^ key.length);
    h3 = finalise(h3);
    // Row numbers start at 1, so a stored row of 0 marks an empty slot.
    const mask = this.capacity - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      if (this.rows[slot] === EMPTY) break;
      if (this.high[slot] === h1 && this.low[slot] === h2) {
        if (this.check[slot] === h3) return { row: this.rows[slot]!, line: this.lines[slot]! };
        this.collisions++;
      }
      slot = (slot + 1) & mask;
    }
    this.high[slot] = h1;
    this.low[slot] = h2;
    this.check[slot] = h3;
    this.rows[slot] = row;
    this.lines[slot] = line;
    if (++this.size * 4 > this.capacity * 3) this.grow();
    return undefined;
  }

  /** Bytes held, for the benchmark's memory figures. */
  get bytes(): number {
    return this.capacity * 20;
  }

  private grow(): void {
    const old = { high: this.high, low: this.low, check: this.check, rows: this.rows, lines: this.lines };
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.high = new Int32Array(this.capacity);
    this.low = new Int32Array(this.capacity);
    this.check = new Int32Array(this.capacity);
    this.rows = new Uint32Array(this.capacity);
    this.lines = new Uint32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < oldCapacity; i++) {
      if (old.rows[i] === EMPTY) continue;
      let slot = (old.high[i]! ^ Math.imul(old.low[i]!, 0x9e3779b1)) & mask;
      while (this.rows[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.high[slot] = old.high[i]!;
      this.low[slot] = old.low[i]!;
      this.check[slot] = old.check[i]!;
      this.rows[slot] = old.rows[i]!;
      this.lines[slot] = old.lines[i]!;
    }
  }
}

/** Murmur3's final mix: every input bit affects every output bit. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
