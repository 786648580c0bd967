// What the files of a run are: each argument (or pattern of the config) is a file, a folder (every data
// file inside, recursively), a glob pattern, or `-` for standard input. Folders and patterns are listed in
// sorted order, so every run — and every machine of a sharded run — sees the same files in the same order.
// Patterns are matched with tinyglobby (Node 20 has no fs.glob).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CONFIG_NAMES } from '../config/discover.js';

/** Files a folder contributes. */
export const DATA_EXTENSIONS = ['csv', 'json', 'ndjson', 'jsonl'];

const IGNORED = ['**/node_modules/**', '**/.git/**'];
/**
 * Files in a folder that describe data rather than hold it: Frictionless descriptors and CSV on the Web
 * metadata beside the files. They are checked only when named or matched by a pattern. (conform's own
 * JSON reports are left out of folders and patterns alike; see isConformReport.)
 */
const METADATA = ['**/datapackage.json', '**/csv-metadata.json', '**/*.csv-metadata.json'];

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
}

/** The files `arg` stands for; paths in it are relative to `base`, shown relative to `cwd`. */
export async function expandInput(arg: string, base: string, cwd: string, asWritten = false): Promise<Expansion> {
  if (arg === '-') return { inputs: [{ path: '-', shown: '<stdin>' }], empty: false };
  const path = resolve(base, arg);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (stat?.isFile()) return { inputs: [{ path, shown: asWritten ? arg : show(path, cwd) }], empty: false };
  let found: string[];
  if (stat?.isDirectory()) {
    found = await glob(`**/*.{${DATA_EXTENSIONS.join(',')}}`, { cwd: path, absolute: true, ignore: [...IGNORED, ...METADATA], caseSensitiveMatch: false, expandDirectories: false });
  } else if (isDynamicPattern(toPattern(arg))) {
    found = await glob(toPattern(arg), { cwd: base, absolute: true, onlyFiles: true, ignore: IGNORED, expandDirectories: false });
  } else {
    // A file that is not there is a finding about the data (file-unreadable), not a failure of the run.
    return { inputs: [{ path, shown: asWritten ? arg : show(path, cwd) }], empty: false };
  }
  const files = found
    .map((f) => resolve(f))
    .filter((f) => !CONFIG_NAMES.includes(f.slice(f.lastIndexOf(sep) + 1)) && !isConformReport(f))
    .sort(comparePaths);
  return { inputs: files.map((f) => ({ path: f, shown: show(f, cwd) })), empty: files.length === 0 };
}

/**
 * conform's own JSON reports, often written beside the data (`-o data/report.json`), are not data: a
 * folder or pattern leaves them out. Told by their first bytes, `{"reportVersion":`.
 */
function isConformReport(path: string): boolean {
  if (!path.toLowerCase().endsWith('.json')) return false;
  const head = Buffer.alloc(64);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const length = readSync(fd, head, 0, head.length, 0);
    return /^\s*\{\s*"reportVersion"\s*:/.test(head.subarray(0, length).toString('utf8'));
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
