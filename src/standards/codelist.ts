// Code lists: a value must be one of the codes in a CSV or JSON file shipped beside the standard (or in
// a folder given by the config or on the command line). Checked by the `x-codelist` keyword inside ajv,
// so it works the same for a CSV cell, a JSON record and a value deep in a JSON document.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { AnySchemaObject, KeywordDefinition, SchemaValidateFunction } from 'ajv';
import { ConformError } from '../errors.js';
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { CodeSuggester } from './code-suggestions.js';
import { decodeWhole } from '../sources/encoding.js';
import { detectDelimiter } from '../sources/sniff.js';
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

/**
 * Make every `x-codelist` source ready, in place: a relative path is resolved against the schema file's
 * folder, then the extra folders in order; a web address is fetched, only when remote fetching is allowed.
 */
export async function prepareCodelists(schema: unknown, schemaFile: string, options: { dirs?: string[]; allowRemote?: boolean } = {}): Promise<void> {
  const settings: CodelistSetting[] = [];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const setting = (node as Record<string, unknown>)['x-codelist'] as CodelistSetting | undefined;
    if (setting && typeof setting === 'object' && typeof setting.source === 'string') settings.push(setting);
    for (const child of Object.values(node)) visit(child);
  };
  visit(schema);
  for (const setting of settings) {
    if (isRemote(setting.source)) {
      if (!options.allowRemote) throw remoteRefused(`The code list ${setting.source} (in ${schemaFile})`);
      const key = `${setting.source}\u0000${setting.column ?? ''}`;
      if (!loaded.has(key)) loaded.set(key, fromText(setting.source, await fetchText(setting.source), setting.column));
    } else if (!isAbsolute(setting.source)) {
      const candidates = [dirname(schemaFile), ...(options.dirs ?? [])].map((dir) => resolve(dir, setting.source));
      const found = candidates.find((path) => existsSync(path));
      if (!found) {
        throw new ConformError(`${schemaFile}: the code list "${setting.source}" was not found (looked in ${candidates.map((c) => dirname(c)).join(', ')})`);
      }
      setting.source = found;
    }
  }
}

export function loadCodelist(path: string, column?: string): Codelist {
  const key = `${path}\u0000${column ?? ''}`;
  let list = loaded.get(key);
  if (!list) {
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
  if (index < 0) throw new ConformError(`The code list ${path} has no column "${wanted}"; its columns are ${header.join(', ')}`);
  return rows.slice(1).map((r) => (r[index] ?? '').trim()).filter(Boolean);
}

function jsonCodes(path: string, text: string, column?: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConformError(`The code list ${path} is not valid JSON: ${(error as Error).message}`);
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
    if (!isAbsolute(setting.source) && !isRemote(setting.source)) {
      // Resolved at load; an unresolved source means the schema was compiled outside conform's loader.
      setting.source = resolve(setting.source);
    }
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
