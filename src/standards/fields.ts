// The fields of a standard of records, read from its schema's properties: what a column must hold and
// how a CSV cell is typed before it is validated.
import type { AnySchemaObject } from 'ajv';
import type { Field, JsonType, SeveritySetting } from './standard.js';

const ALL_TYPES: JsonType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** Finds the schema a `$ref` that is not local points to (one loaded from beside the standard or the web). */
export type RefResolver = (ref: string) => AnySchemaObject | undefined;

export function describeFields(root: AnySchemaObject, resolveRef?: RefResolver): Field[] {
  const properties = (root.properties ?? {}) as Record<string, AnySchemaObject | boolean>;
  const required = new Set(Array.isArray(root.required) ? (root.required as string[]) : []);
  return Object.entries(properties).map(([name, raw], index) => {
    const schema: AnySchemaObject = typeof raw === 'object' && raw !== null ? raw : {};
    const types = typesOf(schema, root, new Set(), resolveRef);
    return {
      name,
      position: index + 1,
      schema,
      required: required.has(name),
      types: types.filter((t) => t !== 'null'),
      nullable: types.includes('null'),
      aliases: stringList(schema['x-aliases']),
      separator: typeof schema['x-separator'] === 'string' ? schema['x-separator'] : ';',
      severity: schema['x-severity'] as SeveritySetting | undefined,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      examples: Array.isArray(schema.examples) ? schema.examples : [],
      constant: schema['x-constant'] === true,
    };
  });
}

/**
 * The JSON types a value of `schema` may have, in the order a cell is tried against them. Follows local
 * `$ref`s and looks through anyOf/oneOf; a schema that says nothing about type takes text.
 */
export function typesOf(schema: AnySchemaObject, root: AnySchemaObject, seen = new Set<AnySchemaObject>(), resolveRef?: RefResolver): JsonType[] {
  if (seen.has(schema)) return ['string'];
  seen.add(schema);
  const found = new Set<JsonType>();
  const declared = schema.type;
  if (typeof declared === 'string') found.add(declared as JsonType);
  else if (Array.isArray(declared)) for (const t of declared) found.add(t as JsonType);
  if (!found.size && typeof schema.$ref === 'string') {
    const target = resolveLocalRef(schema.$ref, root) ?? resolveRef?.(schema.$ref);
    if (target) typesOf(target, root, seen, resolveRef).forEach((t) => found.add(t));
  }
  if (!found.size) {
    for (const branch of [...asList(schema.anyOf), ...asList(schema.oneOf)]) {
      if (branch && typeof branch === 'object') typesOf(branch, root, seen, resolveRef).forEach((t) => found.add(t));
    }
  }
  if (!found.size) {
    const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
    for (const v of values) found.add(jsonTypeOf(v));
  }
  if (!found.size) return ['string'];
  // A number cell is tried as an integer first, text last, so "12" is 12 wherever a number is allowed.
  return ALL_TYPES.filter((t) => found.has(t)).sort((a, b) => order(a) - order(b));
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
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === 'object' ? (node as AnySchemaObject) : undefined;
}

const asList = (value: unknown): AnySchemaObject[] => (Array.isArray(value) ? value : []);
const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
