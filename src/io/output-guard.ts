// Where conform may write. Every file a command writes (reports, row files, repaired copies, logs,
// configs, templates) is claimed here before anything is written, so that no output can destroy data:
// - a target that is a file the run reads (a data file, the config, a standard) is refused, however it is
//   reached: through a symbolic link, a linked folder, a hard link, `..`;
// - two outputs of one run that are the same file are refused (the second would replace the first);
// - only a regular file (or nothing) is ever replaced. A symbolic link, a named pipe, a socket or a device
//   is refused, except what is a stream to write into: the terminal, /dev/null, and the process's own
//   standard output or error (/dev/stdout, /dev/fd/1…). Those are written to, never renamed over.
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isatty } from 'node:tty';
import { ConformError } from '../errors.js';

/** How a target is written: replaced whole (through a temporary file), or written into as a stream. */
export type TargetKind = 'file' | 'stream';

/** Paths that name one of this process's own open descriptors (standard output, a `>(…)` pipe). */
const OWN_DESCRIPTOR = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/self\/fd\/\d+)$/;

/** The descriptor a path such as /dev/stdout or /dev/fd/3 names, if it names one. */
export function descriptorOf(path: string): number | undefined {
  if (!OWN_DESCRIPTOR.test(path)) return undefined;
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  return Number(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * How `path` may be written, judged from what is there now; refused with a one-line error when it is
 * anything but a regular file, nothing, or a stream conform may write into.
 */
export function targetKind(path: string): TargetKind {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch {
    return 'file'; // nothing there yet (or an unreachable folder, which the write itself reports)
  }
  if (link.isFile()) return 'file';
  if (link.isDirectory()) throw new ConformError(`Cannot write ${path}: it is a folder; give a file name`);
  if (OWN_DESCRIPTOR.test(path) || isStandardStream(path)) return 'stream';
  let target: Stats | undefined;
  try {
    target = statSync(path);
  } catch {
    // a link to nothing
  }
  if (target?.isCharacterDevice() && isWritableStream(path, target)) return 'stream';
  if (link.isSymbolicLink()) {
    throw new ConformError(
      `Cannot write ${path}: it is a symbolic link (to ${readlinkSync(path)}); conform neither replaces a link nor writes through one. Name the file itself, or another path`,
    );
  }
  throw new ConformError(`Cannot write ${path}: it is ${kindWords(link)}, not a regular file; conform replaces only regular files`);
}

/** The process's standard output or error, whatever name reaches it. */
function isStandardStream(path: string): boolean {
  let target: Stats;
  try {
    target = statSync(path);
  } catch {
    return false;
  }
  for (const fd of [1, 2]) {
    try {
      const own = fstatSync(fd);
      if (own.dev === target.dev && own.ino === target.ino && !own.isFile()) return true;
    } catch {
      // that descriptor is closed
    }
  }
  return false;
}

/** /dev/null and terminals are streams to write into; other devices (a disk, memory, a port) are not for reports. */
function isWritableStream(path: string, device: Stats): boolean {
  try {
    if (device.rdev === statSync('/dev/null').rdev) return true;
  } catch {
    // no /dev/null here
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
    return isatty(fd);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function kindWords(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice()) return 'a disk device';
  if (stats.isCharacterDevice()) return 'a device';
  return 'not a file';
}

/** The place a path names: its folder with every link resolved, and its own name (which may be a link). */
function placeOf(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/** The file at a path (links followed), as device and inode, so hard links and other names match too. */
function identityOf(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

interface Known {
  /** For messages: the path as the user wrote it, or the flag and path of an output. */
  label: string;
  place: string;
  identity?: string;
}

/** A file the run reads: its absolute path, and how the user wrote it. */
export type Input = string | { path: string; shown: string };

/** The outputs of one run, checked against its inputs and each other before anything is written. */
export class OutputGuard {
  private readonly inputs: Array<Known & { path: string }>;
  private readonly outputs: Known[] = [];

  /** `inputs`: every file the run reads (data, config, standards), by absolute path. */
  constructor(inputs: Iterable<Input>) {
    this.inputs = [...inputs].map((input) => {
      const { path, shown } = typeof input === 'string' ? { path: input, shown: input } : input;
      let place = path;
      try {
        place = realpathSync(path);
      } catch {
        // missing: it is reported as unreadable, and matched by its path
      }
      return { path, label: shown, place, identity: identityOf(path) };
    });
  }

  /**
   * Check the absolute path `path` before anything is written, and return it to write. `label` names the
   * output for messages (`--report json=in.csv`); `replacing` is the one input it is meant to replace
   * (`conform fix --in-place`).
   */
  claim(path: string, label: string, replacing?: string): string {
    if (targetKind(path) === 'stream') return path;
    const place = placeOf(path);
    const identity = isRegularFile(path) ? identityOf(path) : undefined;
    const same = (known: Known) => known.place === place || (identity !== undefined && known.identity === identity);
    const input = this.inputs.find((known) => same(known) && known.path !== replacing);
    if (input) throw new ConformError(`${label} would overwrite the input ${input.label}; choose another path`);
    const other = this.outputs.find(same);
    if (other) throw new ConformError(`${other.label} and ${label} name the same file; give each output its own path`);
    this.outputs.push({ label, place, identity });
    return path;
  }
}
