// Load a standard from its JSON Schema file: read it in whatever encoding it was saved in, check that it
// is JSON and a valid schema of its draft (with conform's keywords), and describe its fields.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnySchemaObject } from 'ajv';
import { ConformError } from '../errors.js';
import { decodeWhole } from '../sources/encoding.js';
import { allowUnknownFormats, canonicaliseDraft, createAjv, draftOf, type Draft } from './ajv.js';
import { prepareCodelists } from './codelist.js';
import { fetchText, isRemote, remoteRefused } from './remote.js';
import { describeFields } from './fields.js';
import { checkSchemaDepth, findRefLoop } from './schema-shape.js';
import { confinedFile } from './confined-file.js';
import { editDistance } from './name-tokens.js';
import type { SeveritySetting, Standard, StandardMeta } from './standard.js';

export interface LoadOptions {
  /** Bundled standards are tested when they are built, so their schemas are not checked again at every start. */
  trusted?: boolean;
  /**
   * The schema was checked against its meta-schema already, by the thread that starts worker threads:
   * a worker need not compile the meta-schema again.
   */
  schemaChecked?: boolean;
  /** Folders where code lists are looked for after the schema's own folder. */
  codelistDirs?: string[];
  /** Fetch schemas and code lists that standards name by web address (off unless the user asks). */
  allowRemote?: boolean;
}

export async function loadStandardFile(path: string, options: LoadOptions = {}): Promise<Standard> {
  const file = resolve(path);
  return loadStandardSchema(readSchemaFile(file, path), file, path, options);
}

/**
 * Load a standard from a schema already parsed (it is changed in place), as if it had been read from
 * `file`: code lists and referenced schemas are looked for beside that path. `path` names it in messages.
 */
export async function loadStandardSchema(schema: AnySchemaObject, file: string, path: string, options: LoadOptions = {}): Promise<Standard> {
  const draft = draftOf(schema);
  if (!draft) {
    throw new ConformError(
      `${path}: "$schema" is ${JSON.stringify(schema.$schema)}, which is not a JSON Schema draft conform knows (draft-04, draft-06, draft-07, 2019-09, 2020-12)`,
    );
  }
  canonicaliseDraft(schema);
  checkSchemaDepth(schema, path);
  if (!options.trusted) refuseRefLoop(schema, path);
  const idKeyword = draft === 'draft-04' ? 'id' : '$id';
  const schemaKey = typeof schema[idKeyword] === 'string' ? (schema[idKeyword] as string) : pathToFileURL(file).href;
  if (typeof schema[idKeyword] !== 'string') schema[idKeyword] = schemaKey;

  await prepareCodelists(schema, file, { dirs: options.codelistDirs, allowRemote: options.allowRemote });
  const warnings: string[] = [];
  const ajv = createAjv(draft, (uri) => loadReferenced(uri, file, options), options.trusted || options.schemaChecked, warnings);
  allowUnknownFormats(ajv, schema, warnings);
  if (!options.trusted && !options.schemaChecked) {
    if (!ajv.validateSchema(schema)) {
      const error = ajv.errors![0]!;
      throw new ConformError(`${path}: not a valid ${draft} JSON Schema: at ${error.instancePath || '/'} ${error.message}. Fix the schema and try again`);
    }
  }
  try {
    ajv.addSchema(schema, schemaKey);
    // Compiling loads the schemas it refers to and, for a standard that is not bundled, reports unknown
    // keywords and bad patterns now rather than in the middle of a run.
    if (!options.trusted || meta(schema, file).mode === 'document') await ajv.compileAsync({ $ref: schemaKey });
  } catch (error) {
    if (error instanceof ConformError) throw error;
    throw new ConformError(`${path}: the schema cannot be used: ${explainCompileError(error, schema)}`);
  }

  placeWarnings(warnings, schema, ajv);
  const standardMeta = meta(schema, file);
  const resolveRef = (ref: string) => {
    try {
      return ajv.getSchema(new URL(ref, schemaKey).href)?.schema as AnySchemaObject | undefined;
    } catch {
      return undefined;
    }
  };
  const fields = standardMeta.mode === 'records' ? describeFields(schema, resolveRef) : [];
  return {
    ...standardMeta,
    path: file,
    loadOptions: options,
    schema,
    draft: draft as Draft,
    ajv,
    schemaKey,
    fields,
    fieldByName: new Map(fields.map((f) => [f.name, f])),
    missingValues: Array.isArray(schema['x-missingValues']) ? (schema['x-missingValues'] as string[]) : [],
    closed: schema.additionalProperties === false || schema.unevaluatedProperties === false,
    warnings,
    severity: schema['x-severity'] as SeveritySetting | undefined,
  };
}

/** Larger than any published schema (OCDS, the largest, is well under 1 MB). */
const MAX_SCHEMA_BYTES = 50 * 1024 * 1024;

/** Read and parse a schema file, with a message that names the file, line and column when it is not JSON. */
export function readSchemaFile(file: string, shownAs = file): AnySchemaObject {
  let bytes: Buffer;
  try {
    // A pipe or device would never end (or never start): only a regular file of a sane size is read.
    const stat = statSync(file);
    if (!stat.isDirectory() && !stat.isFile()) throw new ConformError(`Cannot read the standard ${shownAs}: it is not a regular file (it is a device, pipe or socket)`);
    if (stat.size > MAX_SCHEMA_BYTES) throw new ConformError(`Cannot read the standard ${shownAs}: it is larger than the limit of ${MAX_SCHEMA_BYTES / 1024 / 1024} MB`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ConformError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new ConformError(`Cannot read the standard ${shownAs}: ${reason}`);
  }
  const { text } = decodeWhole(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // JSON.parse may quote the text it stopped at; a file that is not a schema (/etc/passwd) is not printed.
    const where = describeJsonError(error as Error, text).replace(/, ".*"(\.\.\.)? is not valid JSON/s, '');
    throw new ConformError(`${shownAs} is not valid JSON: ${where}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConformError(`${shownAs} is not a JSON Schema: it should hold a JSON object`);
  }
  return parsed as AnySchemaObject;
}

/** A JSON.parse error with its position turned into a line and column. */
export function describeJsonError(error: Error, text: string): string {
  const message = error.message.replace(/^JSON\.parse: /, '');
  const match = /at position (\d+)/.exec(message);
  if (!match) return message.replace(/\s+in JSON.*$/, '');
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')} (line ${line}, column ${column})`;
}

function meta(schema: AnySchemaObject, file: string): StandardMeta {
  const x = (schema['x-standard'] ?? {}) as Partial<StandardMeta>;
  const holder = x.mode === undefined ? recordsHolder(schema) : undefined;
  const fallbackId = basename(file)
    .replace(/(\.schema)?\.json$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return {
    id: x.id ?? fallbackId,
    version: x.version ?? (typeof schema.version === 'string' ? schema.version : '0'),
    title: x.title ?? (typeof schema.title === 'string' ? schema.title : fallbackId),
    publisher: x.publisher,
    source: x.source,
    licence: x.licence,
    description: x.description ?? (typeof schema.description === 'string' ? schema.description : undefined),
    mode: x.mode ?? (holder ? 'document' : 'records'),
    recordsPath: x.recordsPath ?? (holder ? `/${holder}` : undefined),
    recordId: x.recordId,
    notes: x.notes,
    sources: x.sources,
    deviations: x.deviations,
  };
}

/**
 * A schema that requires an array property (360Giving's `grants`, OCDS's `releases`) describes a whole
 * document that holds the records, not one record: the property's name, or undefined.
 */
function recordsHolder(schema: AnySchemaObject): string | undefined {
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const properties = (schema.properties ?? {}) as Record<string, AnySchemaObject>;
  // Only an array of records (objects) holds records: a record may well require a list of codes.
  const holdsObjects = (items: unknown): boolean => {
    if (!items || typeof items !== 'object') return false;
    const i = items as AnySchemaObject;
    return i.type === 'object' || i.properties !== undefined || (typeof i.$ref === 'string' && !('type' in i));
  };
  return required.find((name) => {
    const p = properties[name];
    return p && typeof p === 'object' && (p.type === 'array' || p.items !== undefined) && holdsObjects(p.items);
  });
}

/**
 * Schemas a standard refers to are looked for beside it, by file name, whatever the URL in the
 * reference says (published schemas often point at an older version's URL). Nothing is fetched.
 */
async function loadReferenced(uri: string, from: string, options: LoadOptions): Promise<AnySchemaObject> {
  const name = basename(new URL(uri, pathToFileURL(from)).pathname);
  const local = join(dirname(from), name);
  if (name && existsSync(local)) {
    // Like a code list, a schema referred to is read only from inside the standard's folder, by real path.
    const confined = confinedFile(local, [dirname(from)], MAX_SCHEMA_BYTES);
    if ('refused' in confined) throw new ConformError(`${from} refers to ${name}, which cannot be used: ${confined.refused}. Copy it into the standard's folder`);
    const schema = readSchemaFile(local);
    canonicaliseDraft(schema);
    checkSchemaDepth(schema, local);
    refuseRefLoop(schema, local);
    await prepareCodelists(schema, local, { dirs: options.codelistDirs, allowRemote: options.allowRemote });
    // Keep the URL the reference used, so ajv files it under that name.
    if (typeof schema.$id === 'string') schema.$id = uri.replace(/#.*$/, '');
    else if (typeof schema.id === 'string') schema.id = uri.replace(/#.*$/, '');
    return schema;
  }
  if (isRemote(uri)) {
    if (!options.allowRemote) throw remoteRefused(`The schema ${uri} (referred to by ${from})`);
    const text = await fetchText(uri);
    try {
      const schema = JSON.parse(text) as AnySchemaObject;
      canonicaliseDraft(schema);
      checkSchemaDepth(schema, uri);
      refuseRefLoop(schema, uri);
      await prepareCodelists(schema, from, { dirs: options.codelistDirs, allowRemote: true });
      return schema;
    } catch (error) {
      if (error instanceof ConformError) throw error;
      throw new ConformError(`${uri}, which ${from} refers to, is not valid JSON: ${(error as Error).message}`);
    }
  }
  throw new ConformError(`${from} refers to ${uri}, which cannot be found`);
}

/** A `$ref` loop would overflow the stack in ajv; say which references loop instead. */
function refuseRefLoop(schema: AnySchemaObject, shownAs: string): void {
  const loop = findRefLoop(schema);
  if (loop) throw new ConformError(`${shownAs}: its $ref references loop back to themselves (${loop}), so no value could ever be checked. Break the loop`);
}

function explainCompileError(error: unknown, schema: AnySchemaObject): string {
  const message = (error as Error).message ?? String(error);
  if (error instanceof RangeError) {
    const loop = findRefLoop(schema);
    return loop ? `its $ref references loop back to themselves (${loop}). Break the loop` : 'it is too deeply nested or recursive to compile. Simplify it';
  }
  const unknown = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknown) {
    const keyword = unknown[1]!;
    const pointer = findKeyword(schema, keyword) ?? '';
    return `unknown keyword "${keyword}" at ${pointer || '/'}. Use a keyword of the schema's draft, or one of conform's x- keywords (see docs/standards.md)`;
  }
  const format = /unknown format "([^"]+)"/.exec(message);
  if (format) {
    const pointer = findKeyword(schema, 'format', format[1]) ?? '';
    return `unknown format "${format[1]}" at ${pointer || '/'}. Use a format conform knows (date, date-time, email, uri, uuid…) or a pattern`;
  }
  return message.replace(/^strict mode: /, '');
}

/** The JSON Pointer of the first place `keyword` appears (with `value`, if given). */
function findKeyword(node: unknown, keyword: string, value?: unknown, pointer = ''): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, child] of Object.entries(node)) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === keyword && (value === undefined || child === value)) return here;
    const found = findKeyword(child, keyword, value, here);
    if (found) return found;
  }
  return undefined;
}

/** An unknown keyword's warning says where it is, and which keyword of the draft it may be a typo of. */
function placeWarnings(warnings: string[], schema: AnySchemaObject, ajv: import('./ajv.js').Ajv): void {
  const known = Object.keys(ajv.RULES.keywords);
  warnings.forEach((warning, k) => {
    const unknown = /^uses the keyword "([^"]+)",/.exec(warning);
    if (!unknown) return;
    const keyword = unknown[1]!;
    const pointer = findKeyword(schema, keyword);
    const near = known.filter((name) => editDistance(name.toLowerCase(), keyword.toLowerCase()) <= 2).sort((a, b) => editDistance(a, keyword) - editDistance(b, keyword))[0];
    warnings[k] = `uses the keyword "${keyword}"${pointer ? ` at ${pointer}` : ''}, which is not part of its JSON Schema draft${near ? ` (did you mean "${near}"?)` : ''}`;
  });
}
