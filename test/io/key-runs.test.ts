import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeySet, keyRunsInMemory, type LateDuplicate } from '../../src/check/rules/key-set.js';
import { keyRunsOnDisk, keyRunsPrefix } from '../../src/io/key-runs.js';

/** Folders of key runs this process has on disk now. */
function runFolders(): string[] {
  const prefix = keyRunsPrefix();
  return readdirSync(dirname(prefix)).filter((name) => name.startsWith(basename(prefix)));
}

/** Rows 1–6000 of keys k0…k1999 in a scrambled order, through a key set of budget 250: many runs. */
function duplicates(set: KeySet): Map<number, number> {
  const found = new Map<number, number>();
  for (let row = 1; row <= 6000; row++) {
    const first = set.add(`k${(row * 7919) % 2000}`, row, row + 1);
    if (first) found.set(row, first.row);
  }
  const late: LateDuplicate[] = [];
  set.finish((d) => late.push(d));
  for (const d of late) found.set(d.row, d.first.row);
  return new Map([...found].sort((a, b) => a[0] - b[0]));
}

describe('key runs on disk', () => {
  it('find the same duplicates, with the same first rows, as runs kept in memory', () => {
    const before = runFolders().length;
    const onDisk = duplicates(new KeySet(250, keyRunsOnDisk()));
    expect(onDisk.size).toBe(4000);
    expect(onDisk).toEqual(duplicates(new KeySet(250, keyRunsInMemory())));
    // Every row after the first 2000 repeats the key of the row 2000 before it.
    expect([...onDisk].every(([row, first]) => (row - first) % 2000 === 0 && first <= 2000)).toBe(true);
    // The temporary folder is gone once the runs are merged.
    expect(runFolders().length).toBe(before);
  });

  it('make no folder while every key fits in memory', () => {
    const before = runFolders().length;
    const set = new KeySet(10_000, keyRunsOnDisk());
    for (let row = 1; row <= 3000; row++) set.add(`k${row % 1000}`, row, row + 1);
    expect(runFolders().length).toBe(before);
    set.finish(() => undefined);
  });
});
