// Full collections at a steady pace while a big file is checked, so that its peak memory is the same for
// any size of file. V8 lets the old generation fill with dead objects until it is about twice what lives
// there before it runs a full collection, so a long run peaked higher than a short one, by chance:
// - JSON.parse keeps every short string value it makes (ten characters or fewer: codes, dates, ids) in
//   V8's table of unique strings, in the old generation, where only a full collection frees them;
// - checking CSV rows promotes a few kilobytes at every young-generation collection, so the same file's
//   peak varied from run to run.
// A collection that would take more than SHARE of the time since the last is put off, so a host process
// with a big heap of its own is not slowed.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A collection may take at most this share of the time between collections. */
const SHARE = 0.05;

/**
 * A counter of work done (characters of JSON parsed, CSV rows checked) that runs a full collection
 * every `between` units. Each thread has its own.
 */
export function collectEvery(between: number): (done: number) => void {
  let since = 0;
  return (done) => {
    since += done;
    if (since < between) return;
    since = 0;
    collectNow();
  };
}

let collect: (() => void) | null | undefined;
let notBefore = 0;

/**
 * Only the command line collects: a program that uses conform as a library keeps its own garbage
 * collector's pace. Said through the environment, which the worker threads the command starts inherit.
 */
const ALLOWED = 'CONFORM_FULL_COLLECTIONS';

export function allowFullCollections(): void {
  process.env[ALLOWED] = '1';
}

function collectNow(): void {
  if (process.env[ALLOWED] !== '1') return;
  const now = performance.now();
  if (now < notBefore) return;
  collect ??= collector();
  if (!collect) return;
  collect();
  notBefore = now + (performance.now() - now) / SHARE;
}

/** V8's own full collection, made callable without the --expose-gc flag; null where that fails. */
function collector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
