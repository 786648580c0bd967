// "Did you mean" for a value that is not in a code list: the same code in another case first, then the
// codes nearest by edit distance. Comparing the value with every code costs the list's length for each
// value, which is slow for a file of near-misses against a long list; so a long list is indexed once
// (by its codes in lower case), and a value is looked up by the strings one edit away from it.

/** Lists of up to this many codes are compared code by code, as they always were. */
export const INDEXED_FROM = 10_000;

/** Suggestions remembered per list: the same mistake is often made on many rows. */
const REMEMBERED = 4096;

/**
 * Up to three codes closest to `value`: the same code in another case first, then by edit distance
 * (within a third of the value's length, and at least 1), the earlier in the list first.
 */
export function nearestCodes(value: string, codes: string[]): string[] {
  const lower = value.trim().toLowerCase();
  const same = codes.filter((c) => c.toLowerCase() === lower);
  if (same.length) return same.slice(0, 3);
  return codes
    .map((code) => ({ code, distance: distance(lower, code.toLowerCase()) }))
    .filter((c) => c.distance <= Math.max(1, Math.floor(lower.length / 3)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((c) => c.code);
}

/**
 * Suggestions for one list. A list of INDEXED_FROM codes or more suggests the same code in another case,
 * else the codes one edit (a letter added, dropped or changed) away, the earlier in the list first: the
 * near-misses people make, found in time that does not grow with the list.
 */
export class CodeSuggester {
  private index?: Map<string, number[]>;
  private alphabet?: string[];
  private readonly remembered = new Map<string, string[]>();

  constructor(private readonly codes: string[]) {}

  nearest(value: string): string[] {
    if (this.codes.length < INDEXED_FROM) return nearestCodes(value, this.codes);
    const lower = value.trim().toLowerCase();
    let found = this.remembered.get(lower);
    if (!found) {
      found = this.lookUp(lower);
      if (this.remembered.size >= REMEMBERED) this.remembered.clear();
      this.remembered.set(lower, found);
    }
    return found;
  }

  private lookUp(lower: string): string[] {
    const index = this.indexed();
    const same = index.get(lower);
    if (same) return same.slice(0, 3).map((i) => this.codes[i]!);
    const positions = new Set<number>();
    for (const near of oneEditAway(lower, this.alphabet!)) for (const i of index.get(near) ?? []) positions.add(i);
    return [...positions]
      .sort((a, b) => a - b)
      .slice(0, 3)
      .map((i) => this.codes[i]!);
  }

  private indexed(): Map<string, number[]> {
    if (!this.index) {
      const index = new Map<string, number[]>();
      const letters = new Set<string>();
      this.codes.forEach((code, i) => {
        const lower = code.toLowerCase();
        const list = index.get(lower);
        if (list) list.push(i);
        else index.set(lower, [i]);
        for (const c of lower) letters.add(c);
      });
      this.index = index;
      this.alphabet = [...letters];
    }
    return this.index;
  }
}

/** Every string one edit from `word`: a character dropped, changed, or added (from `alphabet`). */
function* oneEditAway(word: string, alphabet: string[]): Generator<string> {
  const chars = [...word];
  for (let i = 0; i <= chars.length; i++) {
    const before = chars.slice(0, i).join('');
    const rest = chars.slice(i);
    const after = rest.slice(1).join('');
    if (i < chars.length) yield before + after;
    for (const c of alphabet) {
      yield before + c + rest.join('');
      if (i < chars.length && c !== chars[i]) yield before + c + after;
    }
  }
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
