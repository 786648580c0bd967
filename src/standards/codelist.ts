// Code lists: a value must be one of the codes in a CSV or JSON file shipped beside the standard (or in
// a folder given by the config or on the command line). Checked by the `x-codelist` keyword inside ajv,
// so it works the same for a CSV cell, a JSON record and a value deep in a JSON document.
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { AnySchemaObject, KeywordDefinition, SchemaValidateFunction } from 'ajv';
import { ConformError } from '../errors.js';
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { CodeSuggester } from './code-suggestions.js';
import { decodeWhole } from '../sources/encoding.js';
import { detectDelimiter } from '../sources/sniff.js';
import { CODELIST_MAX_BYTES, confinedFile } from './confined-file.js';
import { fetchText, isRemote, remoteRefused } from './remote.js';

export interface CodelistSetting {
  source: string;
  column?: string;
  open?: boolean;
}

export interface Codelist {
  name: string;
  path: string;
  codes: Set<string>;
  /** The codes in the order of the file, for suggestions. */
  list: string[];
  suggester: CodeSuggester;
}

const loaded = new Map<string, Codelist>();

/** Code list files prepareCodelists found allowed (real paths): the only local files loadCodelist reads. */
const allowed = new Set<string>();

/**
 * Make every `x-codelist` source ready, in place: a relative path is resolved against the schema file's
 * folder, then the extra folders in order; a web address is fetched, only when remote fetching is allowed.
 * A local code list must be a regular file of at most CODELIST_MAX_BYTES inside the schema's folder or
 * one of the extra folders, real path and all (see confined-file.ts).
 */
export async function prepareCodelists(schema: unknown, schemaFile: string, options: { dirs?: string[]; allowRemote?: boolean } = {}): Promise<void> {
  const settings: CodelistSetting[] = [];
  const stack: unknown[] = [schema];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node)) {
      const setting = (node as Record<string, unknown>)['x-codelist'] as CodelistSetting | undefined;
      if (setting && typeof setting === 'object' && typeof setting.source === 'string') settings.push(setting);
    }
    for (const child of Object.values(node)) stack.push(child);
  }
  settings.reverse(); // in the order they are written, so the first problem named is the first in the file
  const folders = [dirname(schemaFile), ...(options.dirs ?? [])];
  for (const setting of settings) {
    if (isRemote(setting.source)) {
      if (!options.allowRemote) throw remoteRefused(`The code list ${setting.source} (in ${schemaFile})`);
      const key = `${setting.source}\u0000${setting.column ?? ''}`;
      if (!loaded.has(key)) loaded.set(key, fromText(setting.source, await fetchText(setting.source), setting.column));
      continue;
    }
    const candidates = isAbsolute(setting.source) ? [setting.source] : folders.map((dir) => resolve(dir, setting.source));
    let found: string | undefined;
    for (const candidate of candidates) {
      const confined = confinedFile(candidate, folders, CODELIST_MAX_BYTES);
      if ('missing' in confined) continue;
      if ('refused' in confined) {
        throw new ConformError(
          `${schemaFile}: the code list "${setting.source}" cannot be used: ${confined.refused}. A code list is read only from inside the standard's own folder${options.dirs?.length ? ' or the code-list folders given' : ''}: copy it there`,
        );
      }
      found = confined.path;
      break;
    }
    if (!found) {
      throw new ConformError(`${schemaFile}: the code list "${setting.source}" was not found (looked in ${candidates.map((c) => dirname(c)).join(', ')})`);
    }
    allowed.add(found);
    setting.source = found;
  }
}

export function loadCodelist(path: string, column?: string): Codelist {
  const key = `${path}\u0000${column ?? ''}`;
  let list = loaded.get(key);
  if (!list) {
    // Only a file the loader allowed: a schema compiled some other way cannot make conform read any path.
    if (!allowed.has(path)) throw new ConformError(`The code list ${path} was not prepared with its standard; load standards through conform's loader`);
    list = fromText(path, decodeWhole(readFileSync(path)).text, column);
    loaded.set(key, list);
  }
  return list;
}

function fromText(path: string, text: string, column?: string): Codelist {
  const codes = /\.json($|\?)/i.test(path) ? jsonCodes(path, text, column) : csvCodes(path, text, column);
  return { name: basename(path.replace(/\?.*$/, '')), path, codes: new Set(codes), list: codes, suggester: new CodeSuggester(codes) };
}

function csvCodes(path: string, text: string, column?: string): string[] {
  const tokenizer = new CsvTokenizer({ delimiter: detectDelimiter(text), quote: '"' });
  const rows = [...tokenizer.push(text).rows, ...tokenizer.end().rows].filter((r) => r.some((c) => c.trim()));
  const header = rows[0] ?? [];
  const wanted = column ?? (header.includes('code') ? 'code' : header.includes('Code') ? 'Code' : header[0]);
  const index = header.indexOf(wanted ?? '');
  if (index < 0) {
    // The header's names help the author; they are clipped so a file that is not a code list is not printed.
    const names = header.slice(0, 12).map((h) => JSON.stringify(h.length > 40 ? `${h.slice(0, 39)}…` : h));
    throw new ConformError(
      `The code list ${basename(path)} has no column "${wanted}"; its first row has ${header.length} cells: ${names.join(', ')}${header.length > 12 ? ', …' : ''}`,
    );
  }
  return rows
    .slice(1)
    .map((r) => (r[index] ?? '').trim())
    .filter(Boolean);
}

function jsonCodes(path: string, text: string, column?: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse's message quotes the text it choked on; only where it is is said.
    const at = /at position (\d+)/.exec((error as Error).message);
    throw new ConformError(`The code list ${basename(path)} is not valid JSON${at ? ` (at character ${Number(at[1]) + 1})` : ''}: fix it, or give a CSV file`);
  }
  const items = Array.isArray(data) ? data : Array.isArray((data as { codes?: unknown })?.codes) ? (data as { codes: unknown[] }).codes : undefined;
  if (!items) throw new ConformError(`The code list ${path} should hold an array of codes (or of objects with a "${column ?? 'code'}" field)`);
  return items
    .map((item) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[column ?? 'code'] : item))
    .filter((v) => v !== undefined && v !== null)
    .map(String);
}

/** The ajv keyword: strings and numbers must be codes of the list; other values are left to `type`. */
export const codelistKeyword: KeywordDefinition = {
  keyword: 'x-codelist',
  schemaType: 'object',
  errors: true,
  compile(setting: CodelistSetting, _parent: AnySchemaObject) {
    const codelist = loadCodelist(setting.source, setting.column);
    const check = ((data: unknown) => {
      if (typeof data !== 'string' && typeof data !== 'number') return true;
      const value = String(data);
      if (codelist.codes.has(value)) return true;
      check.errors = [
        {
          keyword: 'x-codelist',
          message: `must be a code of ${codelist.name}`,
          params: { list: codelist.name, open: setting.open === true, nearest: codelist.suggester.nearest(value) },
        },
      ];
      return false;
    }) as SchemaValidateFunction;
    return check;
  },
};
