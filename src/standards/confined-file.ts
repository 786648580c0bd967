// Files a standard makes conform read — code lists (`x-codelist`) and referenced tables (`x-foreignKeys`) —
// are read only from inside the folders allowed for them, judged on real paths (so a symbolic link that
// points out is refused too), only when they are regular files (a pipe or a device would hang or never
// end), and only up to a size limit. A standard from anyone can then not make conform read, and print in
// its hints, a file such as /etc/passwd or /proc/self/environ.
import { realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

/** A code list is a list of codes; the largest real ones (ONS geographies) are a few MB. */
export const CODELIST_MAX_BYTES = 50 * 1024 * 1024;
/** A referenced table is data, kept in memory as a set of keys while the file that refers to it is checked. */
export const REFERENCE_MAX_BYTES = 512 * 1024 * 1024;

export type Confined = { path: string } | { missing: true } | { refused: string };

/**
 * `path` as a real path when it is a regular file of at most `maxBytes` inside one of `folders`; else
 * whether it is missing, or why it is refused (a reason that never quotes the file).
 */
export function confinedFile(path: string, folders: string[], maxBytes: number): Confined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { missing: true };
  }
  const roots = folders.flatMap((folder) => {
    try {
      return [realpathSync(folder)];
    } catch {
      return [];
    }
  });
  if (!roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep))) {
    return { refused: 'it is outside the folders it may be read from' };
  }
  const stat = statSync(real);
  if (!stat.isFile()) return { refused: `it is not a regular file (it is ${stat.isDirectory() ? 'a folder' : 'a device, pipe or socket'})` };
  if (stat.size > maxBytes) return { refused: `it is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB` };
  return { path: real };
}
