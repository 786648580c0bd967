// Import a Frictionless Table Schema, a Frictionless data package (one resource of it), or a csvlint
// schema (the older JSON Table Schema with XSD datatypes in `constraints.type`).
import { basename, dirname, resolve } from 'node:path';
import { ConformError } from '../../errors.js';
import { confinedFile } from '../confined-file.js';
import { readJson } from './read-source.js';
import { tableField } from './table-field.js';
import { idFrom, isObject, type ImportedStandard, type ImportOptions, type JsonObject } from './types.js';

export interface TableSource {
  /** Shown in messages and in x-standard.source. */
  file: string;
  title?: string;
  description?: string;
  licence?: string;
  version?: string;
  publisher?: string;
  kind: string;
}

export function importTableSchema(tableSchema: unknown, source: TableSource, options: ImportOptions, notCarried: string[] = []): ImportedStandard {
  if (!isObject(tableSchema) || !Array.isArray(tableSchema.fields)) {
    throw new ConformError(`${source.file} has no "fields" list, so it is not a Table Schema`);
  }
  const properties: Record<string, JsonObject> = {};
  const required: string[] = [];
  const unique: string[] = [];
  for (const raw of tableSchema.fields) {
    if (!isObject(raw)) continue;
    const field = tableField(raw, notCarried);
    if (!field) continue;
    properties[field.name] = field.property;
    if (field.required) required.push(field.name);
    if (field.unique) unique.push(field.name);
  }
  const schema: JsonObject = {};
  const id =
    options.id ??
    idFrom(
      source.title ??
        basename(source.file)
          .replace(/\.[^.]*$/, '')
          .replace(/[._]/g, '-'),
    );
  const title = source.title ?? id;
  const missing = Array.isArray(tableSchema.missingValues) ? tableSchema.missingValues.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  const primaryKey = keyList(tableSchema.primaryKey);
  const uniqueKeys = unique.filter((u) => !(primaryKey?.length === 1 && primaryKey[0] === u)).map((u) => [u]);
  const foreignKeys = Array.isArray(tableSchema.foreignKeys)
    ? tableSchema.foreignKeys
        .filter(isObject)
        .map(foreignKey)
        .filter((k) => k !== undefined)
    : [];
  Object.assign(schema, {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://conform.dev/standards/${id}/${source.version ?? '1.0'}/schema.json`,
    title,
    ...(source.description ? { description: source.description } : {}),
    'x-standard': {
      id,
      mode: 'records',
      version: source.version ?? '1.0',
      title,
      ...(source.publisher ? { publisher: source.publisher } : {}),
      // The file by its name only: a path on the machine that made the standard means nothing to its readers.
      source: `${source.kind} ${basename(source.file)}`,
      ...(source.licence ? { licence: source.licence } : {}),
      ...(source.description ? { description: source.description } : {}),
      notes: [`Imported from the ${source.kind} ${basename(source.file)}.`, ...notCarried],
      sources: [{ title: `${source.title ?? basename(source.file)} (${source.kind})`, ...(source.version ? { version: source.version } : {}) }],
    },
    type: 'object',
    ...(primaryKey ? { 'x-primaryKey': primaryKey.length === 1 ? primaryKey[0] : primaryKey } : {}),
    ...(uniqueKeys.length ? { 'x-uniqueKeys': uniqueKeys } : {}),
    ...(foreignKeys.length ? { 'x-foreignKeys': foreignKeys } : {}),
    ...(missing.length ? { 'x-missingValues': missing } : {}),
    required,
    properties,
  });
  return { id, schema, notCarried };
}

/** One resource of a data package, by --resource name (or the only one). */
export function importDataPackage(pkg: unknown, file: string, options: ImportOptions): ImportedStandard {
  if (!isObject(pkg) || !Array.isArray(pkg.resources)) throw new ConformError(`${file} has no "resources" list, so it is not a data package`);
  const resources = pkg.resources.filter(isObject);
  const names = resources.map((r) => String(r.name ?? r.path ?? ''));
  // A resource may name its Table Schema by a path beside the package; it is read from the package's folder only.
  for (const r of resources) if (typeof r.schema === 'string') r.schema = schemaFile(r.schema, file);
  const withSchema = resources.filter((r) => isObject(r.schema));
  if (!withSchema.length) throw new ConformError(`${file} is a data package whose resources have no Table Schema (no "schema"), so there is nothing to import`);
  let resource: JsonObject | undefined;
  if (options.resource) {
    resource = resources.find((r) => r.name === options.resource || r.path === options.resource);
    if (!resource) throw new ConformError(`${file} has no resource "${options.resource}"; its resources are: ${names.join(', ')}`);
  } else if (withSchema.length === 1) resource = withSchema[0];
  else throw new ConformError(`${file} has ${withSchema.length} resources; name one with --resource: ${names.join(', ')}`);
  if (!isObject(resource!.schema)) throw new ConformError(`The resource "${options.resource}" of ${file} has no inline Table Schema`);
  const notCarried: string[] = [];
  const licences = Array.isArray(pkg.licenses) ? pkg.licenses : Array.isArray(pkg.license) ? pkg.license : [];
  const licence = typeof pkg.license === 'string' ? pkg.license : isObject(licences[0]) ? String(licences[0].title ?? licences[0].name ?? '') : undefined;
  const others = resources.filter((r) => r !== resource).map((r) => String(r.name));
  if (others.length)
    notCarried.push(`Only the ${String(resource!.name)} resource was imported; the package also has ${others.join(', ')}. Foreign keys to them are kept as x-foreignKeys.`);
  const title = [pkg.title, resource!.title ?? resource!.name].filter((t): t is string => typeof t === 'string').join(': ');
  return importTableSchema(
    resource!.schema,
    {
      file: `${file} (resource ${String(resource!.name)})`,
      title: title || undefined,
      description: typeof resource!.description === 'string' ? resource!.description : typeof pkg.description === 'string' ? pkg.description : undefined,
      licence: licence || undefined,
      version: typeof pkg.version === 'string' ? pkg.version : undefined,
      kind: 'data package',
    },
    { ...options, id: options.id ?? (typeof resource!.name === 'string' ? idFrom(`${String(pkg.name ?? '')}-${resource!.name}`) : undefined) },
    notCarried,
  );
}

function schemaFile(path: string, packageFile: string): unknown {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) throw new ConformError(`${packageFile} names its Table Schema by web address (${path}); save it beside the package and import that file`);
  const found = confinedFile(resolve(dirname(packageFile), path), [dirname(packageFile)], 10 * 1024 * 1024);
  if ('missing' in found) throw new ConformError(`${packageFile} names the Table Schema ${path}, which is not there`);
  if ('refused' in found) throw new ConformError(`${packageFile} names the Table Schema ${path}, which conform will not read: ${found.refused}`);
  return readJson(found.path);
}

function keyList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value) return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length) return value as string[];
  return undefined;
}

function foreignKey(key: JsonObject): JsonObject | undefined {
  const fields = keyList(key.fields);
  const reference = isObject(key.reference) ? key.reference : undefined;
  const to = keyList(reference?.fields);
  if (!fields || !to || typeof reference?.resource !== 'string') return undefined;
  return { fields, reference: { resource: reference.resource, fields: to } };
}
