// Finding the config file: the names conform looks for, tried in order in the working folder and then in
// each folder above it, so a command run anywhere inside a data repository finds the repository's config.
// The search stops at the repository's root (a folder holding `.git`) or the user's home folder, and a
// config file owned by another user (not root either) is passed over with a note: a config decides what
// "valid" means, so one dropped into a shared folder above (/tmp, a shared drive) must not take effect.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['conform.config.yaml', 'conform.config.yml', 'conform.config.json'];

export interface DiscoverOptions {
  /** The user's home folder, where the search ends (default: the operating system's). */
  home?: string;
  /** The user whose config files are obeyed besides root's (default: this process's; none on Windows). */
  uid?: number;
  /** Told of each config file passed over, in one line. */
  note?: (line: string) => void;
}

/** The config file that applies to `cwd`, or undefined when there is none. */
export function discoverConfig(cwd: string, options: DiscoverOptions = {}): string | undefined {
  const home = resolve(options.home ?? homedir());
  const uid = options.uid ?? process.getuid?.();
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const path of configsIn(dir)) {
      const owner = statSync(path).uid;
      if (uid === undefined || owner === uid || owner === 0) return path;
      options.note?.(`ignoring the config file ${path}: it belongs to another user (uid ${owner}); pass --config ${path} to use it`);
    }
    if (dir === home || existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** A config file directly in `dir`. */
export function configIn(dir: string): string | undefined {
  return configsIn(dir)[0];
}

function configsIn(dir: string): string[] {
  return CONFIG_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path) && statSync(path).isFile());
}
