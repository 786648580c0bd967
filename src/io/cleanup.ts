// Temporary files a run has open (reports and row files being written, key runs spilled to disk), so
// that Ctrl-C or SIGTERM mid-run leaves none of them behind — including those a worker thread is making
// at that moment: every thread creates its temporaries through one gate, which an interrupt closes
// before it sweeps, so none can appear after the sweep.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConformError } from '../errors.js';

const OPEN = 0;
const CREATING = 1;
const CLOSED = 2;
/** The gate's state, shared by every thread of the process (see shareGate). */
let gate = new Int32Array(new SharedArrayBuffer(4));

const live = new Set<string>();
/**
 * Path prefixes of temporaries that a worker thread may be creating: its news of them travels by message
 * and may not have arrived when the signal does, so on an interrupt whatever starts with these goes too.
 */
const expected = new Set<string>();
/** Outputs put in place whole during the run, so that an interrupt can say what it leaves behind. */
const written: string[] = [];
/** Told of each temporary held and released: a worker thread passes them on to the main thread. */
let observer: ((path: string, held: boolean, committedAs?: string) => void) | undefined;

export function observeTemporaries(listener: (path: string, held: boolean, committedAs?: string) => void): void {
  observer = listener;
}

export function holdTemporary(path: string): void {
  live.add(path);
  observer?.(path, true);
}

/** The temporary is gone: removed, or renamed into place as the output `committedAs`. */
export function releaseTemporary(path: string, committedAs?: string): void {
  live.delete(path);
  if (committedAs !== undefined) written.push(committedAs);
  observer?.(path, false, committedAs);
}

/** The gate, for a worker thread to join with joinGate. */
export function sharedGate(): SharedArrayBuffer {
  return gate.buffer as SharedArrayBuffer;
}

export function joinGate(shared: SharedArrayBuffer): void {
  gate = new Int32Array(shared);
}

/**
 * Create a temporary with `create` (synchronous; it should call holdTemporary) while no interrupt can
 * sweep; once interrupted, nothing more is created.
 */
export function createTemporary<T>(create: () => T): T {
  for (;;) {
    const state = Atomics.compareExchange(gate, 0, OPEN, CREATING);
    if (state === OPEN) break;
    if (state === CLOSED) throw new ConformError('The run was interrupted');
    Atomics.wait(gate, 0, CREATING, 10);
  }
  try {
    return create();
  } finally {
    Atomics.store(gate, 0, OPEN);
    Atomics.notify(gate, 0);
  }
}

/** Temporaries whose paths will start with `prefix` (which names this process) may appear. */
export function expectTemporaries(prefix: string): void {
  expected.add(prefix);
}

/** What an interrupt removed, could not remove, and left whole. */
export interface Sweep {
  removed: string[];
  failed: Array<{ path: string; reason: string }>;
  written: string[];
}

/** Remove every temporary file or folder still held, or expected (on an interrupt), and say what is left. */
export function removeTemporaries(): Sweep {
  // Wait for a thread that is creating one (a matter of microseconds), and let none begin. A thread that
  // died mid-creation must not hang the exit, so the wait is bounded.
  const giveUpAt = Date.now() + 2000;
  while (Atomics.compareExchange(gate, 0, OPEN, CLOSED) === CREATING) {
    if (Date.now() > giveUpAt) Atomics.store(gate, 0, CLOSED);
    else Atomics.wait(gate, 0, CREATING, 10);
  }
  for (const prefix of expected) {
    let names: string[] = [];
    try {
      names = readdirSync(dirname(prefix));
    } catch {
      // The folder is gone or unreadable: nothing of ours is there.
    }
    for (const name of names) if (name.startsWith(basename(prefix))) live.add(join(dirname(prefix), name));
  }
  const sweep: Sweep = { removed: [], failed: [], written: [...written] };
  for (const path of live) {
    try {
      if (!lstatSync(path, { throwIfNoEntry: false })) continue; // never made, or already gone
      rmSync(path, { recursive: true, force: true });
      sweep.removed.push(path);
    } catch (error) {
      sweep.failed.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  live.clear();
  return sweep;
}

/** The line an interrupted run ends with: what it removed, what it could not, and what it had finished. */
export function describeSweep(signal: string, sweep: Sweep): string {
  const files = (n: number) => `${n} unfinished file${n === 1 ? '' : 's'}`;
  const parts = [`stopped (${signal})`];
  if (sweep.failed.length) {
    if (sweep.removed.length) parts.push(`removed ${files(sweep.removed.length)}`);
    parts.push(`could not remove ${sweep.failed.map((f) => `${f.path} (${f.reason})`).join(', ')}: delete ${sweep.failed.length === 1 ? 'it' : 'them'} by hand`);
  } else parts.push(sweep.removed.length ? `removed ${files(sweep.removed.length)}, so none is left half-written` : 'nothing was left half-written');
  const shown = sweep.written.slice(0, 3).join(', ') + (sweep.written.length > 3 ? ` and ${sweep.written.length - 3} more` : '');
  parts.push(sweep.written.length ? `already written whole: ${shown}` : 'no output was written');
  return `conform: ${parts.join('; ')}`;
}
