// Where standards are found: the ones bundled with conform, folders named with --standards-dir or in the
// config, and any JSON Schema file given by path. An id may carry a version (`spend-over-500@1.0`);
// without one the newest is taken.
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConformError } from '../errors.js';
import { loadStandardFile, readSchemaFile } from './load.js';
import type { Standard, StandardMeta } from './standard.js';
import { compareText } from '../plain-text.js';

export const BUNDLED_DIR = fileURLToPath(new URL('../../schemas', import.meta.url));

export interface RegistryEntry extends StandardMeta {
  path: string;
  bundled: boolean;
}

export class Registry {
  private entries?: RegistryEntry[];
  private readonly loaded = new Map<string, Promise<Standard>>();

  /** `dirs`: extra folders of standards, searched before the bundled ones. */
  constructor(
    private readonly dirs: string[] = [],
    private readonly includeBundled = true,
    /** Folders where code lists are looked for after each standard's own folder. */
    private readonly codelistDirs: string[] = [],
    /** Fetch schemas and code lists named by web address. */
    private readonly allowRemote = false,
  ) {}

  /** Every standard, newest version first within each id. */
  list(): RegistryEntry[] {
    if (!this.entries) {
      const found: RegistryEntry[] = [];
      for (const dir of this.dirs) found.push(...scan(resolve(dir), false));
      if (this.includeBundled) found.push(...scan(BUNDLED_DIR, true));
      this.entries = found.sort((a, b) => compareText(a.id, b.id) || compareVersions(b.version, a.version));
    }
    return this.entries;
  }

  /**
   * One line for each standard in an extra folder that has the id of a bundled standard: the id then
   * means the folder's standard (unless the bundled one's version is newer), which should never be a
   * surprise. Empty when no extra folder is given.
   */
  shadowingNotes(): string[] {
    if (!this.dirs.length || !this.includeBundled) return [];
    const entries = this.list();
    const notes: string[] = [];
    for (const extra of entries.filter((e) => !e.bundled)) {
      const bundled = entries.find((e) => e.bundled && e.id === extra.id);
      if (!bundled) continue;
      const chosen = entries.find((e) => e.id === extra.id)!;
      notes.push(
        chosen === extra
          ? `the standard "${extra.id}" in ${extra.path} takes the place of the bundled one (${bundled.path}); give it another id in "x-standard" if that is not meant`
          : `the standard "${extra.id}" in ${extra.path} has the id of a bundled one (${bundled.path}), whose newer version ${bundled.version} is used for "${extra.id}"; give it another id in "x-standard"`,
      );
    }
    return notes;
  }

  /** The entry for `spec` (an id, `id@version`, or undefined when it is a path). */
  find(spec: string): RegistryEntry | undefined {
    const [id, version] = spec.split('@');
    const wanted = (e: RegistryEntry) => e.id === id && (version === undefined || e.version === version);
    // A bundled standard lives in the folder named by its id: read that folder alone rather than every
    // standard, which matters at start-up. Extra folders may name theirs freely, so they are searched whole.
    if (!this.entries && !this.dirs.length && this.includeBundled && /^[a-z0-9][a-z0-9-]*$/.test(id ?? '')) {
      const own = scan(join(BUNDLED_DIR, id!), true).sort((a, b) => compareVersions(b.version, a.version));
      const found = own.find(wanted);
      if (found) return found;
    }
    return this.list().find(wanted);
  }

  /** Load a standard by id, `id@version`, or path to a schema file. */
  async resolve(spec: string): Promise<Standard> {
    let cached = this.loaded.get(spec);
    if (!cached) {
      cached = this.load(spec);
      this.loaded.set(spec, cached);
    }
    return cached;
  }

  private async load(spec: string): Promise<Standard> {
    const entry = this.find(spec);
    const options = { codelistDirs: this.codelistDirs, allowRemote: this.allowRemote };
    if (entry) return loadStandardFile(entry.path, { ...options, trusted: entry.bundled });
    if (looksLikePath(spec)) return loadStandardFile(spec, options);
    const [id, version] = spec.split('@');
    const versions = this.list().filter((e) => e.id === id);
    if (version && versions.length) {
      throw new ConformError(`Standard "${id}" has no version ${version}; it has ${versions.map((v) => v.version).join(', ')}`);
    }
    const near = this.list()
      .map((e) => e.id)
      .filter((other, i, all) => all.indexOf(other) === i && (other.includes(id!) || id!.includes(other.split('-')[0]!)));
    throw new ConformError(
      `Unknown standard "${spec}".${
        near.length
          ? ` Did you mean ${near
              .slice(0, 3)
              .map((n) => `"${n}"`)
              .join(' or ')}?`
          : ''
      } Run "conform standards list" to see them all, or give the path of a JSON Schema file`,
    );
  }
}

function looksLikePath(spec: string): boolean {
  return spec.endsWith('.json') || spec.includes('/') || spec.includes('\\') || existsSync(spec);
}

/** Standards in a folder: each `*.json` with an `x-standard` block, in the folder or one level down. */
function scan(dir: string, bundled: boolean): RegistryEntry[] {
  if (!existsSync(dir)) return [];
  const found: RegistryEntry[] = [];
  const visit = (folder: string, depth: number) => {
    // A folder that cannot be listed and an entry that vanishes or cannot be read (a broken link, a
    // process's file in /proc) hold no standard: they are passed over, as an empty folder is.
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const path = join(folder, name);
      // Only links need a stat to know what they point to (a folder of thousands, /proc, stays quick).
      let kind: 'folder' | 'file' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const stat = statSync(path);
          kind = stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
        } catch {
          continue;
        }
      }
      if (kind === 'folder' && depth < 2 && name !== 'codelists' && name !== 'examples') visit(path, depth + 1);
      else if (kind === 'file' && name.endsWith('.json')) {
        const entry = describe(path, bundled);
        if (entry) found.push(entry);
      }
    }
  };
  visit(dir, 0);
  return found;
}

function describe(path: string, bundled: boolean): RegistryEntry | undefined {
  let schema;
  try {
    schema = readSchemaFile(path);
  } catch {
    return undefined;
  }
  const x = schema['x-standard'] as Partial<StandardMeta> | undefined;
  if (!x || typeof x.id !== 'string') return undefined;
  return {
    id: x.id,
    version: x.version ?? '0',
    title: x.title ?? (schema.title as string) ?? x.id,
    publisher: x.publisher,
    source: x.source,
    licence: x.licence,
    description: x.description ?? (schema.description as string | undefined),
    mode: x.mode ?? 'records',
    recordsPath: x.recordsPath,
    recordId: x.recordId,
    notes: x.notes,
    path,
    bundled,
  };
}

/** Compare dotted versions numerically where they are numbers (1.10 after 1.9). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? compareText(x, y) : nx - ny;
    if (c !== 0) return c;
  }
  return 0;
}

/** Print each of the registry's shadowing notes as one line on stderr. */
export function warnShadowing(registry: Registry, io: { stderr: { write(text: string): unknown } }): void {
  for (const note of registry.shadowingNotes()) io.stderr.write(`conform: warning: ${note}\n`);
}
