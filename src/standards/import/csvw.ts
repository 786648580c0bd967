// Import a W3C CSVW metadata file: the table schema of one table (or the table group's shared one).
// Columns are matched by their `name`, else their first title; titles beyond the first become aliases.
import { basename } from 'node:path';
import { ConformError } from '../../errors.js';
import { anchored, truthy, xsdSchema } from './table-field.js';
import { idFrom, isObject, type ImportedStandard, type ImportOptions, type JsonObject } from './types.js';

export function importCsvw(metadata: unknown, file: string, options: ImportOptions): ImportedStandard {
  if (!isObject(metadata)) throw new ConformError(`${file} is not a CSVW metadata object`);
  const tables = Array.isArray(metadata.tables) ? metadata.tables.filter(isObject) : [metadata];
  const chosen = options.resource
    ? tables.find((t) => t.url === options.resource || String(t.url ?? '').endsWith(`/${options.resource}`))
    : (tables.find((t) => isObject(t.tableSchema)) ?? tables[0]);
  if (options.resource && !chosen) throw new ConformError(`${file} describes no table "${options.resource}"; its tables are: ${tables.map((t) => String(t.url)).join(', ')}`);
  const tableSchema = isObject(chosen?.tableSchema) ? chosen.tableSchema : isObject(metadata.tableSchema) ? metadata.tableSchema : undefined;
  if (!tableSchema || !Array.isArray(tableSchema.columns)) throw new ConformError(`${file} has no tableSchema with columns, so there is nothing to import`);
  const notCarried: string[] = [];
  const properties: Record<string, JsonObject> = {};
  const required: string[] = [];
  let typed = false;
  for (const column of tableSchema.columns.filter(isObject)) {
    if (column.virtual === true || column.suppressOutput === true) continue;
    const titles = (Array.isArray(column.titles) ? column.titles : [column.titles]).filter((t): t is string => typeof t === 'string');
    const name = typeof column.name === 'string' ? column.name : titles[0];
    if (!name) {
      notCarried.push('A column with neither a name nor a title was left out.');
      continue;
    }
    const datatype = isObject(column.datatype) ? column.datatype : typeof column.datatype === 'string' ? { base: column.datatype } : undefined;
    const property: JsonObject = datatype ? xsdSchema(String(datatype.base ?? 'string'), notCarried, name) : { type: 'string' };
    if (datatype) typed = true;
    if (typeof datatype?.format === 'string') {
      if (property.type === 'string' && !property.format) property.pattern = anchored(datatype.format);
      else notCarried.push(`${name}: the datatype format "${datatype.format}" is not carried over.`);
    }
    const description = column['dc:description'] ?? column.description;
    if (typeof description === 'string') property.description = description.trim();
    const aliases = titles.filter((t) => t !== name);
    if (aliases.length) property['x-aliases'] = aliases;
    if (truthy(column.required)) required.push(name);
    properties[name] = property;
  }
  if (!typed) notCarried.push('The metadata gives no datatypes, so every column is read as text.');
  const key = tableSchema.primaryKey;
  const title = typeof metadata['dc:title'] === 'string' ? metadata['dc:title'] : undefined;
  const id =
    options.id ??
    idFrom(
      title ??
        basename(file)
          .replace(/\.csv-metadata\.json$|\.json$/, '')
          .replace(/[._]/g, '-'),
    );
  const schema: JsonObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://conform.dev/standards/${id}/1.0/schema.json`,
    title: title ?? id,
    'x-standard': {
      id,
      mode: 'records',
      version: '1.0',
      title: title ?? id,
      source: `CSVW metadata ${basename(file)}`,
      notes: [`Imported from the CSVW metadata ${basename(file)}.`, ...notCarried],
      sources: [{ title: `${title ?? basename(file)} (CSVW metadata)` }],
    },
    type: 'object',
    ...(typeof key === 'string' || Array.isArray(key) ? { 'x-primaryKey': key } : {}),
    required,
    properties,
  };
  return { id, schema, notCarried };
}
