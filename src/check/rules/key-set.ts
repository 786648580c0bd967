// A set of key values whose memory does not grow with the file. Each key is kept as a 96-bit hash (a
// 64-bit slot key and a 32-bit check) with the row and line where it was first seen — 20 bytes a key,
// in flat typed arrays. When the table holds its budget of keys, it is sorted and written to a
// store of runs (temporary files, given by the caller: see io/key-runs.ts) as a "run" and emptied; at the end the runs are merged, and keys seen in more than one
// run are duplicates found late. Two different keys whose 64 bits collide are told apart by the check
// hash and counted; only a match of all 96 bits is taken as a duplicate (a false one is below 1 in 10^15
// even at ten million rows).

/** Where a key set keeps the sorted runs it writes once its keys outgrow memory. */
export interface KeyRuns {
  /** Keep one run: its bytes as they are. */
  write(entries: Int32Array): void;
  /** A reader of each run kept, in the order kept: `read` fills `into` and returns the bytes it put there, 0 at the end. */
  readers(): RunSource[];
  /** Forget every run kept. */
  remove(): void;
}

export interface RunSource {
  read(into: Uint8Array): number;
  close(): void;
}

/** Runs kept in memory: for tests, and for a host that gives no place on disk (memory then grows with the keys). */
export function keyRunsInMemory(): KeyRuns {
  let runs: Uint8Array[] = [];
  return {
    write: (entries) => void runs.push(new Uint8Array(entries.buffer.slice(entries.byteOffset, entries.byteOffset + entries.byteLength))),
    readers: () =>
      runs.map((run) => {
        let at = 0;
        return {
          read(into: Uint8Array) {
            const n = Math.min(into.length, run.length - at);
            into.set(run.subarray(at, at + n));
            at += n;
            return n;
          },
          close() {},
        };
      }),
    remove: () => void (runs = []),
  };
}

const EMPTY = 0;
const ENTRY_BYTES = 20;

export interface FirstSeen {
  row: number;
  line: number;
}

export interface LateDuplicate {
  row: number;
  line: number;
  first: FirstSeen;
}

/** Words in the filter of keys on disk (2 MB): a few percent of false hits at a million keys on disk. */
const ON_DISK_WORDS = 1 << 19;

/** Slots a table starts with: a council's file of a few thousand rows never needs more. */
const FIRST_CAPACITY = 1 << 13;

/**
 * Slots past the end of the table that probing may run on into. The table never wraps around, so its
 * entries stay in the order of their keys' high bits, give or take how far probing moved them.
 */
const OVERFLOW = 1024;

export class KeySet {
  /** Slots the table may grow to: room for the budget at most three-quarters full. */
  private readonly fullCapacity: number;
  private capacity: number;
  /** A key's home slot is the top bits of its high 32 bits: 32 less this shift. */
  private shift: number;
  private size = 0;
  /**
   * Five words a slot, side by side so that a probe touches one cache line: the high and low 32 bits of
   * the slot key, the check hash, the row (0 for an empty slot) and the line. The table starts small and
   * doubles as it fills, so a small file does not pay for the memory a big one needs.
   */
  private slots: Int32Array;
  /** Runs written to the store. */
  private runCount = 0;
  /**
   * A filter of the keys written to disk (a blocked Bloom filter: two bits in one word per key), of fixed
   * size: a key it does not hold is surely not on disk, and one it holds may be.
   */
  private onDisk?: Uint32Array;
  /**
   * Occurrences of keys in the table whose first occurrence may be on disk, five words each as in the
   * table, in row order: written as a run of their own, so that merging the runs names their first row.
   */
  private later = new Int32Array(5 * 64);
  private laterCount = 0;
  /** Different keys whose 64-bit hashes were equal, told apart by the check hash. */
  collisions = 0;

  /** `budget`: keys held in memory before the table is written to `runs`. */
  constructor(
    private readonly budget = 1 << 17,
    private readonly runs: KeyRuns = keyRunsInMemory(),
  ) {
    this.fullCapacity = 1 << Math.ceil(Math.log2((budget * 4) / 3 + 1));
    this.capacity = Math.min(FIRST_CAPACITY, this.fullCapacity);
    this.shift = 32 - Math.log2(this.capacity);
    this.slots = new Int32Array((this.capacity + OVERFLOW) * 5);
  }

  /** Record `key`; returns where it was first seen if that is known now, else undefined. */
  add(key: string, row: number, line: number): FirstSeen | undefined {
    hashKey(key, HASHED, 0);
    return this.addHashed(HASHED[0]!, HASHED[1]!, HASHED[2]!, row, line);
  }

  /** Record a key already hashed with hashKey (on another thread, say). */
  addHashed(h1: number, h2: number, h3: number, row: number, line: number): FirstSeen | undefined {
    // Row numbers start at 1, so a stored row of 0 marks an empty slot.
    const t = this.slots;
    const end = this.capacity + OVERFLOW;
    let slot = h1 >>> this.shift;
    for (; slot < end; slot++) {
      const at = slot * 5;
      if (t[at + 3] === EMPTY) break;
      if (t[at] === h1 && t[at + 1] === h2) {
        if (t[at + 2] === h3) {
          // Seen before since the last run was written: that was the first time, unless a run on disk
          // may hold the key too. Then this occurrence is kept aside, and merging the runs names the first.
          if (!this.onDisk || !this.mayBeOnDisk(h2, h3)) return { row: t[at + 3]! >>> 0, line: t[at + 4]! >>> 0 };
          this.keepLater(h1, h2, h3, row, line);
          return undefined;
        }
        this.collisions++;
      }
    }
    if (slot === end) {
      // Probing ran off the end (very rarely): make room, and place the key again.
      if (!this.grow()) this.spill();
      return this.addHashed(h1, h2, h3, row, line);
    }
    const at = slot * 5;
    t[at] = h1;
    t[at + 1] = h2;
    t[at + 2] = h3;
    t[at + 3] = row;
    t[at + 4] = line;
    if (++this.size + this.laterCount >= this.budget) this.spill();
    else if (this.size * 2 > this.capacity && this.capacity < this.fullCapacity && !this.grow()) this.spill();
    return undefined;
  }

  private mayBeOnDisk(h2: number, h3: number): boolean {
    const bits = onDiskBits(h3);
    return (this.onDisk![h2 & (ON_DISK_WORDS - 1)]! & bits) === bits;
  }

  /** Keep an occurrence of a key in the table whose first occurrence may be on disk (see addHashed). */
  private keepLater(h1: number, h2: number, h3: number, row: number, line: number): void {
    const at = this.laterCount * 5;
    if (at === this.later.length) this.later = doubled(this.later);
    this.later.set([h1, h2, h3, row, line], at);
    if (this.size + ++this.laterCount >= this.budget) this.spill();
  }

  /** Double the table, placing every entry again; false when it is as big as it may be (or could not be placed). */
  private grow(): boolean {
    if (this.capacity >= this.fullCapacity) return false;
    const capacity = this.capacity * 2;
    const shift = this.shift - 1;
    const old = this.slots;
    const t = new Int32Array((capacity + OVERFLOW) * 5);
    const end = capacity + OVERFLOW;
    for (let from = 0; from < old.length; from += 5) {
      if (old[from + 3] === EMPTY) continue;
      let slot = old[from]! >>> shift;
      while (slot < end && t[slot * 5 + 3] !== EMPTY) slot++;
      if (slot === end) return false;
      for (let w = 0; w < 5; w++) t[slot * 5 + w] = old[from + w]!;
    }
    this.capacity = capacity;
    this.shift = shift;
    this.slots = t;
    return true;
  }

  /**
   * Hands `each` the duplicates that only merging the runs on disk can find, each with its first
   * occurrence, in no particular order (a file repeated end to end has as many as it has rows, so they
   * are passed on, never gathered); then the temporary files are gone. None when everything fitted in
   * memory.
   */
  finish(each: (duplicate: LateDuplicate) => void): void {
    if (!this.runCount) return;
    this.spill();
    this.onDisk = undefined;
    try {
      mergeRuns(this.runs.readers(), each);
    } finally {
      this.runs.remove();
      this.runCount = 0;
    }
  }

  /** Keys in memory now. */
  get held(): number {
    return this.size;
  }

  private spill(): void {
    if (this.size) {
      // The entries, sorted by their high 32 bits, at the front of the table, which is written out as
      // the run (five words an entry, as in the table). In slot order they are nearly sorted already:
      // each sits at its home slot (the top bits of its high bits) or a little after. So they are moved
      // to the front in that order, and an insertion sort puts right the few that probing moved past
      // others. Entries with the same high bits are compared in full when runs merge.
      const t = this.slots;
      let filled = 0;
      for (let from = 0; from < t.length; from += 5) {
        if (t[from + 3] === EMPTY) continue;
        if (from !== filled) for (let w = 0; w < 5; w++) t[filled + w] = t[from + w]!;
        filled += 5;
      }
      for (let i = 5; i < filled; i += 5) {
        const high = t[i]! >>> 0;
        if (t[i - 5]! >>> 0 <= high) continue;
        const low = t[i + 1]!,
          check = t[i + 2]!,
          row = t[i + 3]!,
          line = t[i + 4]!;
        let j = i - 5;
        for (; j >= 0 && t[j]! >>> 0 > high; j -= 5) for (let w = 0; w < 5; w++) t[j + 5 + w] = t[j + w]!;
        t[j + 5] = high | 0;
        t[j + 6] = low;
        t[j + 7] = check;
        t[j + 8] = row;
        t[j + 9] = line;
      }
      this.writeRun(t.subarray(0, filled));
      t.fill(EMPTY);
      this.size = 0;
    }
    if (this.laterCount) {
      // Few, in the usual file: sorted through their indexes.
      const later = this.later;
      const order = Array.from({ length: this.laterCount }, (_, k) => k).sort((a, b) => (later[a * 5]! >>> 0) - (later[b * 5]! >>> 0));
      const sorted = new Int32Array(order.length * 5);
      order.forEach((from, to) => sorted.set(later.subarray(from * 5, from * 5 + 5), to * 5));
      this.writeRun(sorted);
      this.laterCount = 0;
    }
  }

  /** Write entries sorted by their high bits as a run, and note their keys in the filter of keys on disk. */
  private writeRun(entries: Int32Array): void {
    const onDisk = (this.onDisk ??= new Uint32Array(ON_DISK_WORDS));
    for (let at = 0; at < entries.length; at += 5) onDisk[entries[at + 1]! & (ON_DISK_WORDS - 1)]! |= onDiskBits(entries[at + 2]!);
    this.runs.write(entries);
    this.runCount++;
  }
}

/** The two bits a key sets in its word of the filter of keys on disk. */
function onDiskBits(h3: number): number {
  return (1 << (h3 & 31)) | (1 << ((h3 >>> 5) & 31));
}

/** Reads one sorted run in blocks. */
class RunReader {
  private readonly words = new Int32Array(5 * 4096);
  private length = 0;
  private at = 0;
  done = false;
  high = 0;
  low = 0;
  check = 0;
  row = 0;
  line = 0;

  constructor(private readonly source: RunSource) {
    this.next();
  }

  next(): void {
    if (this.at >= this.length) {
      const bytes = this.source.read(new Uint8Array(this.words.buffer));
      this.length = Math.floor(bytes / ENTRY_BYTES) * 5;
      this.at = 0;
      if (this.length === 0) {
        this.done = true;
        this.source.close();
        return;
      }
    }
    const w = this.words;
    this.high = w[this.at]! >>> 0; // runs are sorted by the high bits read as unsigned
    this.low = w[this.at + 1]!;
    this.check = w[this.at + 2]!;
    this.row = w[this.at + 3]! >>> 0;
    this.line = w[this.at + 4]! >>> 0;
    this.at += 5;
  }
}

/**
 * Merge runs sorted by their high hash bits. All entries sharing the lowest high bits are gathered from
 * every run, and those equal in all 96 bits but in different runs are duplicates of the earliest row
 * (a key appears in a run once, and again in a run of its own when a run on disk may hold it; see addHashed).
 */
function mergeRuns(runs: RunSource[], each: (duplicate: LateDuplicate) => void): void {
  // The readers in a binary heap by their next entry's high bits, so that a big file's many runs cost
  // a logarithm per entry rather than a look at every run.
  const heap = runs.map((run) => new RunReader(run)).filter((r) => !r.done);
  const siftDown = (at: number) => {
    const r = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1]!.high < heap[child]!.high) child++;
      if (heap[child]!.high >= r.high) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = r;
  };
  for (let at = (heap.length >> 1) - 1; at >= 0; at--) siftDown(at);
  // The entries of one group, in parallel arrays reused from group to group (most groups hold one entry).
  let low = new Int32Array(64);
  let check = new Int32Array(64);
  let row = new Uint32Array(64);
  let line = new Uint32Array(64);
  const order: number[] = [];
  while (heap.length) {
    const high = heap[0]!.high;
    let n = 0;
    while (heap.length && heap[0]!.high === high) {
      const r = heap[0]!;
      while (!r.done && r.high === high) {
        if (n === low.length) [low, check, row, line] = [doubled(low), doubled(check), doubled(row), doubled(line)];
        low[n] = r.low;
        check[n] = r.check;
        row[n] = r.row;
        line[n] = r.line;
        n++;
        r.next();
      }
      if (r.done) {
        const last = heap.pop()!;
        if (heap.length) heap[0] = last;
      }
      if (heap.length) siftDown(0);
    }
    if (n < 2) continue;
    order.length = 0;
    for (let k = 0; k < n; k++) order.push(k);
    order.sort((a, b) => low[a]! - low[b]! || check[a]! - check[b]! || row[a]! - row[b]!);
    // The earliest of each run of equal keys is the one every later entry is a duplicate of.
    let first = order[0]!;
    for (let k = 1; k < n; k++) {
      const e = order[k]!;
      if (low[e] !== low[first] || check[e] !== check[first]) first = e;
      else each({ row: row[e]!, line: line[e]!, first: { row: row[first]!, line: line[first]! } });
    }
  }
}

/** A typed array twice as long, holding the same values at the start. */
export function doubled<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

const HASHED = new Int32Array(3);

/** The three hashes of a key (96 bits), written into `out` at `at`. */
export function hashKey(key: string, out: Int32Array, at: number): void {
  // Three hashes computed in one pass, each with its own multiplier, mixed to full strength at the end.
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  let h3 = key.length | 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995);
    h3 = (Math.imul(h3, 31) + c) | 0;
  }
  out[at] = finalise(h1);
  out[at + 1] = finalise(h2 ^ key.length);
  out[at + 2] = finalise(h3);
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
