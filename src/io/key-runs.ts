// Key runs on disk: the sorted runs a key set writes once a file's keys outgrow memory (see
// check/rules/key-set.ts) go to a temporary folder, made through the cleanup gate, so that an interrupt
// removes them, and removed as soon as they are merged.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyRuns } from '../check/rules/key-set.js';
import { createTemporary, holdTemporary, releaseTemporary } from './cleanup.js';

/** Where this process's key runs go: the pid in the name lets an interrupt find a worker thread's too. */
export function keyRunsPrefix(): string {
  return join(tmpdir(), `conform-keys-${process.pid}-`);
}

/** A store of key runs in a temporary folder, made when the first run is written. */
export function keyRunsOnDisk(): KeyRuns {
  let dir: string | undefined;
  const paths: string[] = [];
  return {
    write(entries) {
      dir ??= createTemporary(() => {
        const made = mkdtempSync(keyRunsPrefix());
        holdTemporary(made);
        return made;
      });
      const path = join(dir, `run-${paths.length}`);
      const fd = openSync(path, 'w');
      try {
        writeSync(fd, new Uint8Array(entries.buffer, entries.byteOffset, entries.byteLength));
      } finally {
        closeSync(fd);
      }
      paths.push(path);
    },
    readers: () =>
      paths.map((path) => {
        const fd = openSync(path, 'r');
        return { read: (into: Uint8Array) => readSync(fd, into, 0, into.length, null), close: () => closeSync(fd) };
      }),
    remove() {
      if (!dir) return;
      rmSync(dir, { recursive: true, force: true });
      releaseTemporary(dir);
      dir = undefined;
      paths.length = 0;
    },
  };
}
