// Temporary files a run has open (reports and row files being written, key runs spilled to disk), so
// that Ctrl-C or SIGTERM mid-run leaves none of them behind.
import { rmSync } from 'node:fs';

const live = new Set<string>();

export function holdTemporary(path: string): void {
  live.add(path);
}

export function releaseTemporary(path: string): void {
  live.delete(path);
}

/** Remove every temporary file or folder still held (on an interrupt). */
export function removeTemporaries(): void {
  for (const path of live) rmSync(path, { recursive: true, force: true });
  live.clear();
}
