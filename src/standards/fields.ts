// The fields of a standard of records, read from its schema: what a column must hold and how a CSV cell is
// typed before it is validated. A field is any property the record schema declares — in `properties`, or
// through a root `$ref` or `allOf` (which always apply), or in a branch of `anyOf`/`oneOf`/`if` (which
// may) — and any name the record always `required`s, declared or not.
import type { AnySchemaObject } from 'ajv';
import type { Field, JsonType, SeveritySetting } from './standard.js';
import { conceptById, conceptOf } from './concepts.js';

const ALL_TYPES: JsonType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** Finds the schema a `$ref` that is not local points to (one loaded from beside the standard or the web). */
export type RefResolver = (ref: string) => AnySchemaObject | undefined;

/** A schema that accepts nothing, in the object form the rest of conform reads (a property `false`). */
const NOTHING: AnySchemaObject = Object.freeze({ not: {} });

/** One place a property is declared. */
interface Declaration {
  name: string;
  schema: AnySchemaObject;
  /** Where the declaration is, as a JSON Pointer from the root schema ('' for the root's own). */
  pointer: string;
  /** In a branch that may not apply to every record (anyOf, oneOf, if/then/else, not, dependentSchemas). */
  conditional: boolean;
}

/** Keywords whose subschemas apply to a record only under a condition. */
const CONDITIONAL_LISTS = ['anyOf', 'oneOf'];
const CONDITIONAL_ONE = ['if', 'then', 'else'];
const MAX_DEPTH = 32;

export function describeFields(root: AnySchemaObject, resolveRef?: RefResolver): Field[] {
  const declarations: Declaration[] = [];
  const required: string[] = [];
  collect(root, '', false, root, resolveRef, declarations, required, new Set(), 0);
  const names: string[] = [];
  for (const d of declarations) if (!names.includes(d.name)) names.push(d.name);
  for (const name of required) if (!names.includes(name)) names.push(name);
  const requiredSet = new Set(required);
  const standardId = (root['x-standard'] as { id?: unknown } | undefined)?.id;
  const fields: Field[] = names.map((name, index) => {
    const own = declarations.filter((d) => d.name === name);
    const always = own.filter((d) => !d.conditional);
    const main = always[0] ?? own[0];
    const schema = main?.schema ?? {};
    const types = fieldTypes(always.length ? always : own, root, resolveRef);
    // A field only a branch declares may hold anything when the branch does not apply: text is its last reading.
    if (!always.length && !types.includes('string')) types.push('string');
    return {
      name,
      position: index + 1,
      schema,
      pointer: always[0] ? always[0].pointer : undefined,
      required: requiredSet.has(name),
      types: types.filter((t) => t !== 'null'),
      nullable: types.includes('null'),
      aliases: stringList(schema['x-aliases']),
      concept: conceptOf(name, typeof standardId === 'string' ? standardId : undefined, schema['x-concept'])?.id,
      separator: typeof schema['x-separator'] === 'string' ? schema['x-separator'] : ';',
      severity: schema['x-severity'] as SeveritySetting | undefined,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      examples: Array.isArray(schema.examples) ? schema.examples : [],
      constant: schema['x-constant'] === true,
    };
  });
  addConceptNames(fields);
  return fields;
}

function collect(
  node: unknown,
  pointer: string,
  conditional: boolean,
  root: AnySchemaObject,
  resolveRef: RefResolver | undefined,
  out: Declaration[],
  required: string[],
  seen: Set<unknown>,
  depth: number,
): void {
  if (!node || typeof node !== 'object' || seen.has(node) || depth > MAX_DEPTH) return;
  seen.add(node);
  const schema = node as AnySchemaObject;
  const properties = schema.properties;
  if (properties && typeof properties === 'object') {
    for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
      const property = raw === false ? NOTHING : raw && typeof raw === 'object' ? (raw as AnySchemaObject) : {};
      out.push({ name, schema: property, pointer: `${pointer}/properties/${escapePointer(name)}`, conditional });
    }
  }
  if (!conditional && Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') required.push(name);
  if (typeof schema.$ref === 'string') {
    const local = resolveLocalRef(schema.$ref, root);
    // A schema elsewhere is validated through its own address, not a pointer into this one: its fields are
    // known for matching and typing, and the record's validator judges them.
    if (local) collect(local, schema.$ref.slice(1), conditional, root, resolveRef, out, required, seen, depth + 1);
    else collect(resolveRef?.(schema.$ref), '', true, root, resolveRef, out, required, seen, depth + 1);
  }
  list(schema.allOf).forEach((branch, i) => collect(branch, `${pointer}/allOf/${i}`, conditional, root, resolveRef, out, required, seen, depth + 1));
  for (const keyword of CONDITIONAL_LISTS) {
    list(schema[keyword]).forEach((branch, i) => collect(branch, `${pointer}/${keyword}/${i}`, true, root, resolveRef, out, required, seen, depth + 1));
  }
  for (const keyword of CONDITIONAL_ONE) collect(schema[keyword], `${pointer}/${keyword}`, true, root, resolveRef, out, required, seen, depth + 1);
  for (const keyword of ['dependentSchemas', 'dependencies']) {
    const map = schema[keyword];
    if (map && typeof map === 'object')
      for (const [k, sub] of Object.entries(map)) collect(sub, `${pointer}/${keyword}/${escapePointer(k)}`, true, root, resolveRef, out, required, seen, depth + 1);
  }
}

/**
 * The JSON types a field's value may have, in the order a cell is tried against them: what every
 * declaration that always applies allows (or, when none says, what any declaration allows).
 */
function fieldTypes(declarations: Declaration[], root: AnySchemaObject, resolveRef?: RefResolver): JsonType[] {
  const schemas = declarations.map((d) => d.schema);
  const always = !declarations.some((d) => d.conditional);
  return ordered(declaredTypes(always ? { allOf: schemas } : { anyOf: schemas }, root, new Set(), resolveRef));
}

/**
 * The JSON types a value of `schema` may have, in the order a cell is tried against them. Follows local
 * `$ref`s, looks through allOf (every branch applies) and anyOf/oneOf (any may); a schema that says
 * nothing about type takes text.
 */
export function typesOf(schema: AnySchemaObject, root: AnySchemaObject, seen = new Set<AnySchemaObject>(), resolveRef?: RefResolver): JsonType[] {
  return ordered(declaredTypes(schema, root, seen, resolveRef));
}

function ordered(types: Set<JsonType> | undefined): JsonType[] {
  if (!types || !types.size) return ['string'];
  // A number cell is tried as an integer first, text last, so "12" is 12 wherever a number is allowed.
  return ALL_TYPES.filter((t) => types.has(t)).sort((a, b) => order(a) - order(b));
}

/** The types a schema allows, or undefined when it says nothing about them. */
function declaredTypes(schema: unknown, root: AnySchemaObject, seen: Set<unknown>, resolveRef?: RefResolver): Set<JsonType> | undefined {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return undefined;
  seen.add(schema);
  const s = schema as AnySchemaObject;
  let found: Set<JsonType> | undefined;
  const narrow = (types: Set<JsonType> | undefined) => {
    if (!types) return;
    // An integer is a number: "number" and "integer" together allow integers.
    found = found ? new Set([...found].filter((t) => types.has(t) || (t === 'integer' && types.has('number')))) : new Set(types);
    if (found.has('number') && types.has('integer') && !types.has('number')) found.add('integer');
  };
  if (typeof s.type === 'string') narrow(new Set([s.type as JsonType]));
  else if (Array.isArray(s.type)) narrow(new Set(s.type as JsonType[]));
  if (typeof s.$ref === 'string') narrow(declaredTypes(resolveLocalRef(s.$ref, root) ?? resolveRef?.(s.$ref), root, seen, resolveRef));
  for (const branch of list(s.allOf)) narrow(declaredTypes(branch, root, seen, resolveRef));
  const alternatives = [...list(s.anyOf), ...list(s.oneOf)];
  if (alternatives.length) {
    const union = new Set<JsonType>();
    let every = true;
    for (const branch of alternatives) {
      const t = declaredTypes(branch, root, seen, resolveRef);
      if (t) t.forEach((x) => union.add(x));
      else every = false;
    }
    if (every) narrow(union);
  }
  if (!found) {
    const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : undefined;
    if (values) found = new Set(values.map(jsonTypeOf));
  }
  return found;
}

const order = (t: JsonType) => ['null', 'boolean', 'integer', 'number', 'array', 'object', 'string'].indexOf(t);

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** The schema a local reference (`#/$defs/x`, `#/definitions/x`) points to. */
export function resolveLocalRef(ref: string, root: AnySchemaObject): AnySchemaObject | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === 'object' ? (node as AnySchemaObject) : undefined;
}

export const escapePointer = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);

/**
 * Gives each field its concept's names after its own aliases. A name that is another field's name or
 * alias stays that field's, and a concept name two fields would share is given to neither: a column
 * must mean one field.
 */
function addConceptNames(fields: Field[]): void {
  const owner = new Map<string, Field>();
  for (const field of fields) for (const name of [field.name, ...field.aliases]) if (!owner.has(normaliseName(name))) owner.set(normaliseName(name), field);
  const offered = new Map<string, Field | null>();
  for (const field of fields) {
    for (const name of conceptById(field.concept)?.names ?? []) {
      const key = normaliseName(name);
      if (owner.has(key)) continue;
      const other = offered.get(key);
      offered.set(key, other === undefined || other === field ? field : null);
    }
  }
  for (const field of fields) {
    for (const name of conceptById(field.concept)?.names ?? []) {
      const key = normaliseName(name);
      if (offered.get(key) !== field) continue;
      field.aliases.push(name);
      offered.delete(key);
    }
  }
}

/** As header matching compares names: case, spaces and punctuation do not count. */
const normaliseName = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
