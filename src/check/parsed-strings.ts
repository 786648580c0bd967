// JSON.parse keeps every short string value it makes (ten characters or fewer: codes, dates, ids) in
// V8's table of unique strings, in the old generation. They die with their record, but only a full
// collection frees them, and V8 lets the old generation grow by tens of megabytes of them before it runs
// one, so a big JSON file's peak memory grew with the file until then. A full collection after every
// 64 MB of parsed text keeps the peak the same for any size of file, for about 2% of the time; a host
// process whose full collections are slow (a big heap of its own) gets them less often.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Parsed text between two full collections. */
export const TEXT_BETWEEN = 64 << 20;

/** A collection may take at most this share of the time between collections. */
const SHARE = 0.05;

let collect: (() => void) | null | undefined;
let parsed = 0;
let notBefore = 0;

/** Note `length` characters of JSON text parsed; now and then, collect the strings they left behind. */
export function noteParsed(length: number): void {
  parsed += length;
  if (parsed < TEXT_BETWEEN) return;
  parsed = 0;
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
