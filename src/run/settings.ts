// How a run checks its files, the same for every file of the run: made once, with every default filled
// in and every value checked, by `runSettings`, and handed down whole — to the pool, its worker threads,
// each file's check and the parts of a big file. Per-file settings (standard, encoding, columns…) are
// each task's own (config/config.ts CheckSettings).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ConformError } from '../errors.js';
import type { FailOn } from '../types.js';

/** How CSV is read: the fast tokenizer, or csv-parse (the reference, for tests and the bench; same reports). */
export type CsvReader = 'fast' | 'reference';

export interface RunSettings {
  /** The severity that makes a file fail. */
  failOn: FailOn;
  /** Extra folders of standards, and folders of code lists after each standard's own: absolute. */
  standardsDirs: string[];
  codelistDirs: string[];
  /** Fetch schemas and code lists named by web address. */
  allowRemote: boolean;
  /** Files checked at once (1: one after another, in this thread); at most one per core. */
  jobs: number;
  /** Threads that check the parts of a big file checked in this thread (1: this thread alone); at most one per core. */
  threads: number;
  tokenizer: CsvReader;
  /** Characters in a part, and the smallest file (bytes) checked in parts: for tuning and tests. */
  partSize?: number;
  partsFrom?: number;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const READERS: readonly CsvReader[] = ['fast', 'reference'];

/** The run's settings from what was given: defaults filled in, folders made absolute, values checked. */
export function runSettings(given: Partial<RunSettings> = {}, cwd = process.cwd()): RunSettings {
  const failOn = given.failOn ?? 'error';
  if (!FAIL_ON.includes(failOn)) throw new ConformError(`failOn must be one of ${FAIL_ON.join(', ')}, not "${String(failOn)}"`);
  const tokenizer = given.tokenizer ?? 'fast';
  if (!READERS.includes(tokenizer)) throw new ConformError(`tokenizer must be one of ${READERS.join(', ')}, not "${String(tokenizer)}"`);
  return {
    failOn,
    standardsDirs: (given.standardsDirs ?? []).map((dir) => resolve(cwd, dir)),
    codelistDirs: (given.codelistDirs ?? []).map((dir) => resolve(cwd, dir)),
    allowRemote: given.allowRemote ?? false,
    jobs: atMostCores(given.jobs ?? 1),
    threads: atMostCores(given.threads ?? 1),
    tokenizer,
    partSize: given.partSize,
    partsFrom: given.partsFrom,
  };
}

/** Threads beyond one per core only cost memory and time (a host asking for 64 gets its cores). */
function atMostCores(asked: number): number {
  return Math.max(1, Math.min(Math.floor(asked) || 1, availableParallelism()));
}
