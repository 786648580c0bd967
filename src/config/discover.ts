// Finding the config file: the names conform looks for, tried in order in the working folder and then in
// each folder above it, so a command run anywhere inside a data repository finds the repository's config.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['conform.config.yaml', 'conform.config.yml', 'conform.config.json'];

/** The config file that applies to `cwd`, or undefined when there is none. */
export function discoverConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configIn(dir);
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A config file directly in `dir`. */
export function configIn(dir: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const path = join(dir, name);
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}
