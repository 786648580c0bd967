// `conform standards import`: which importer reads a source, and the standard it makes.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ConformError } from '../../errors.js';
import { importCsvw } from './csvw.js';
import { importDigitalLand } from './digital-land.js';
import { readCsvlintJson, readJson } from './read-source.js';
import { importDataPackage, importTableSchema } from './table-schema.js';
import { IMPORT_KINDS, isObject, type ImportedStandard, type ImportKind, type ImportOptions } from './types.js';

export function importStandard(source: string, kind: ImportKind | undefined, options: ImportOptions): ImportedStandard {
  if (kind && !IMPORT_KINDS.includes(kind)) throw new ConformError(`Unknown --kind "${kind}": use one of ${IMPORT_KINDS.join(', ')}`);
  const folder = isFolder(source);
  if (kind === 'digital-land' || (!kind && folder)) {
    if (!folder) throw new ConformError(`A digital-land specification is a folder (with specification/*.csv); ${source} is a file`);
    return importDigitalLand(source, options);
  }
  if (folder) throw new ConformError(`${source} is a folder; give the schema file, or --kind digital-land for a specification folder`);
  const json = kind === undefined || kind === 'csvlint' ? readCsvlintJson(source) : readJson(source);
  const chosen = kind ?? guessKind(json, source);
  switch (chosen) {
    case 'datapackage':
      return importDataPackage(json, source, options);
    case 'csvw':
      return importCsvw(json, source, options);
    case 'csvlint':
    case 'tableschema':
      return importTableSchema(json, { file: source, kind: chosen === 'csvlint' ? 'csvlint schema' : 'Table Schema', title: titleOf(json) }, options);
    default:
      throw new ConformError(`Unknown --kind "${String(chosen)}"`);
  }
}

export function sourceFiles(source: string): string[] {
  return isFolder(source) ? [join(source, 'specification'), join(source, 'content')] : [source];
}

function guessKind(json: unknown, source: string): ImportKind {
  if (!isObject(json)) throw new ConformError(`${source} is not a JSON object, so it is no schema conform can import`);
  if (Array.isArray(json.resources)) return 'datapackage';
  if (json['@context'] !== undefined || Array.isArray(json.tables) || isObject(json.tableSchema)) return 'csvw';
  if (Array.isArray(json.fields)) {
    const xsd = json.fields.some((f) => isObject(f) && isObject(f.constraints) && typeof f.constraints.type === 'string');
    return xsd ? 'csvlint' : 'tableschema';
  }
  throw new ConformError(`Cannot tell what kind of schema ${source} is; say with --kind (${IMPORT_KINDS.join(', ')})`);
}

function titleOf(json: unknown): string | undefined {
  return isObject(json) && typeof json.title === 'string' ? json.title : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    throw new ConformError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
