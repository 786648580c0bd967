// Listing the files under a folder, for folder and pattern arguments. Written out rather than left to a
// glob library because a glob matcher's "any character" stops at a line break: a file named "\nspend.csv"
// would silently drop out of a run. Here every name is seen, and patterns are matched with picomatch's
// dotAll flag (`s`), so no name can hide a file.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

/** Folders that hold tools' files, never data: not entered. */
const TOOL_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Every file under `root`, as paths relative to it with `/` between parts, entering at most `maxDepth`
 * folders down. Symbolic links are followed (each real folder entered once, so a link loop ends). Pipes,
 * sockets and devices are added to `specials` instead: reading one would wait for a writer, or never end.
 * Folders inside that cannot be listed (permission denied) are added to `unreadable`.
 */
export function filesUnder(root: string, maxDepth = Infinity, specials = new Set<string>(), unreadable = new Set<string>()): string[] {
  const found: string[] = [];
  const entered = new Set<string>();
  const visit = (folder: string, relative: string, depth: number) => {
    let entries: Dirent[];
    try {
      const real = realpathSync(folder);
      if (entered.has(real)) return;
      entered.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // A folder inside that cannot be listed may hold data: it goes into `unreadable`, not out of sight.
      if (relative) unreadable.add(relative);
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const path = join(folder, name);
      const shown = relative ? `${relative}/${name}` : name;
      // Only a link needs a stat to know what it points to; a folder of many files stays quick.
      let isFolder = entry.isDirectory();
      let special = !isFolder && !entry.isFile() && !entry.isSymbolicLink();
      if (entry.isSymbolicLink()) {
        try {
          const stat = statSync(path);
          isFolder = stat.isDirectory();
          special = !isFolder && !stat.isFile();
        } catch {
          // A broken link: listed, so the run reports it as unreadable rather than passing over it.
        }
      }
      if (isFolder) {
        if (!TOOL_FOLDERS.has(name) && depth < maxDepth) visit(path, shown, depth + 1);
      } else if (special) specials.add(shown);
      else found.push(shown);
    }
  };
  visit(root, '', 0);
  return found;
}

export interface PatternMatch {
  /** The folder the pattern's fixed part names, relative to where the pattern is given. */
  base: string;
  /** Tells whether a path relative to `base` matches. */
  matches: (relative: string) => boolean;
  /** How many folders down a match can be (Infinity with `**`). */
  depth: number;
}

/** A glob pattern split into the folder to list and the test for each path under it. */
export function compilePattern(pattern: string, options: { caseSensitive?: boolean; dot?: boolean } = {}): PatternMatch {
  const scanned = picomatch.scan(pattern);
  const glob = scanned.glob || pattern;
  // dotAll (`s`): `*` and `?` match a line break too. `flags` replaces picomatch's own `i` for nocase.
  const flags = options.caseSensitive === false ? 'si' : 's';
  const test = picomatch(glob, { dot: options.dot ?? false, flags });
  return { base: scanned.base, matches: (relative) => test(relative), depth: /\*\*|\{/.test(glob) ? Infinity : glob.split('/').length - 1 };
}
