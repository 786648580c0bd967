// What the files of a run are: each argument (or pattern of the config) is a file, a folder (every data
// file inside, recursively), a glob pattern, or `-` for standard input. Folders and patterns are listed in
// sorted order, so every run — and every machine of a sharded run — sees the same files in the same order.
// Folders are listed and patterns matched by walk.ts, where no file name (not even one with a line break)
// can drop a file out of the run.
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { CONFIG_NAMES } from '../config/discover.js';
import { reportProblem } from '../report/report-schema.js';
import type { SkippedFile } from '../issues/args.js';
import { skippedBecause } from './skipped.js';
import { compilePattern, filesUnder } from './walk.js';

/** Files a folder contributes. */
export const DATA_EXTENSIONS = ['csv', 'json', 'ndjson', 'jsonl', 'geojson', 'xlsx', 'ods'];

/**
 * Files in a folder that describe data rather than hold it: Frictionless descriptors and CSV on the Web
 * metadata beside the files. They are checked only when named or matched by a pattern. (conform's own
 * JSON reports are left out of folders and patterns alike; see isConformReport.)
 */
const METADATA = /(^|\/)(datapackage\.json|csv-metadata\.json|[^/]*\.csv-metadata\.json)$/is;
const DATA_FILE = new RegExp(`\\.(${DATA_EXTENSIONS.join('|')})$`, 'i');
/** Hidden files and folders (a name starting with a dot) are left out of folders, as glob patterns leave them. */
const HIDDEN = /(^|\/)\./;

export interface Input {
  /** Absolute path, or `-` for standard input. */
  path: string;
  /** As reports show it: as written for a named file, else relative to the working folder. */
  shown: string;
}

export interface Expansion {
  inputs: Input[];
  /** The argument was a folder or a pattern, and held no data file. */
  empty: boolean;
  /** Files the folder or pattern held that are left out, and why, so the run can say so. */
  leftOut?: Array<{ shown: string; why: string }>;
  /** Files of a folder that are not data conform reads: in the report, each with what it is. */
  skipped?: Array<Input & { why: SkippedFile }>;
}

const A_REPORT = 'it is a conform JSON report, not data (name it to check it)';
const NOT_A_FILE = 'it is not a regular file (a pipe, socket or device), so it holds no data to check';

/** The files `arg` stands for; paths in it are relative to `base`, shown relative to `cwd`. */
export async function expandInput(arg: string, base: string, cwd: string, asWritten = false): Promise<Expansion> {
  if (arg === '-') return { inputs: [{ path: '-', shown: '<stdin>' }], empty: false };
  const path = resolve(base, arg);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (stat?.isFile()) return { inputs: [{ path, shown: asWritten ? arg : show(path, cwd) }], empty: false };
  let found: string[];
  let specials: string[];
  // Folders that cannot be listed are checked as inputs, so their files are reported unreadable rather
  // than silently missing from the run.
  const unreadable = new Set<string>();
  const skipped: string[] = [];
  if (stat?.isDirectory()) {
    const wanted = (f: string) => DATA_FILE.test(f) && !METADATA.test(f) && !HIDDEN.test(f);
    const odd = new Set<string>();
    const all = filesUnder(path, Infinity, odd, unreadable);
    found = all.filter(wanted).map((f) => resolve(path, f));
    skipped.push(...all.filter((f) => !wanted(f) && !HIDDEN.test(f)).map((f) => resolve(path, f)));
    specials = [...odd].filter(wanted).map((f) => resolve(path, f));
    found.push(...[...unreadable].filter((f) => !HIDDEN.test(f)).map((f) => resolve(path, f)));
  } else if (isDynamicPattern(toPattern(arg))) {
    const pattern = compilePattern(toPattern(arg));
    const root = resolve(base, pattern.base);
    const odd = new Set<string>();
    found = filesUnder(root, pattern.depth, odd, unreadable)
      .filter(pattern.matches)
      .map((f) => resolve(root, f));
    specials = [...odd].filter(pattern.matches).map((f) => resolve(root, f));
    found.push(...[...unreadable].filter((f) => !HIDDEN.test(f)).map((f) => resolve(root, f)));
  } else {
    // A file that is not there is a finding about the data (file-unreadable), not a failure of the run.
    return { inputs: [{ path, shown: asWritten ? arg : show(path, cwd) }], empty: false };
  }
  const files: string[] = [];
  const leftOut = specials.sort(comparePaths).map((f) => ({ shown: show(f, cwd), why: NOT_A_FILE }));
  for (const file of found.sort(comparePaths)) {
    if (CONFIG_NAMES.includes(file.slice(file.lastIndexOf(sep) + 1))) continue;
    if (isConformReport(file)) leftOut.push({ shown: show(file, cwd), why: A_REPORT });
    else files.push(file);
  }
  const notData = skipped
    .filter((f) => !CONFIG_NAMES.includes(f.slice(f.lastIndexOf(sep) + 1)))
    .sort(comparePaths)
    .map((f) => ({ path: f, shown: show(f, cwd), why: skippedBecause(f, METADATA.test(f)) }));
  return {
    inputs: files.map((f) => ({ path: f, shown: show(f, cwd) })),
    empty: files.length === 0,
    ...(leftOut.length ? { leftOut } : {}),
    ...(notData.length ? { skipped: notData } : {}),
  };
}

/** Larger than any report conform writes for a folder of data; a larger file is taken as data. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

/**
 * conform's own JSON reports, often written beside the data (`-o data/report.json`), are not data: a
 * folder or pattern leaves them out. Only a file that starts as a report does (`{"reportVersion":`) is
 * read whole, and it is left out only when it holds to the report schema: a data file cannot dodge the
 * check by starting with those bytes.
 */
function isConformReport(path: string): boolean {
  if (!path.toLowerCase().endsWith('.json')) return false;
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return false; // opening a FIFO would wait for a writer
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(64);
    const length = readSync(fd, head, 0, head.length, 0);
    if (!/^\s*\{\s*"reportVersion"\s*:/.test(head.subarray(0, length).toString('utf8')) || size > MAX_REPORT_BYTES) return false;
    const whole = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, whole, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return reportProblem(JSON.parse(whole.subarray(0, read).toString('utf8'))) === undefined;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Code-unit order, the same on every machine whatever its locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path relative to the working folder, with forward slashes, as reports show paths. */
export function show(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (!rel || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

/** Glob patterns use forward slashes, also on Windows. */
function toPattern(arg: string): string {
  return sep === '\\' ? arg.replace(/\\/g, '/') : arg;
}
