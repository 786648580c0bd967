// Temporary files a run has open (reports and row files being written, key runs spilled to disk), so
// that Ctrl-C or SIGTERM mid-run leaves none of them behind.
import { rmSync } from 'node:fs';

const live = new Set<string>();
/** Told of each temporary held and released: a worker thread passes them on to the main thread. */
let observer: ((path: string, held: boolean) => void) | undefined;

export function observeTemporaries(listener: (path: string, held: boolean) => void): void {
  observer = listener;
}

export function holdTemporary(path: string): void {
  live.add(path);
  observer?.(path, true);
}

export function releaseTemporary(path: string): void {
  live.delete(path);
  observer?.(path, false);
}

/** Remove every temporary file or folder still held (on an interrupt). */
export function removeTemporaries(): void {
  for (const path of live) rmSync(path, { recursive: true, force: true });
  live.clear();
}
