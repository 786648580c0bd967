// When a CSV row needs JSON Schema's whole-record validator, and how it is set up. Each cell is checked
// against its own field's schema (fast, with repair hints); for most standards that, with the header's
// checks, is the whole verdict. A standard whose record schema says more — root anyOf/oneOf/allOf/not, a
// root $ref, if/then/else, dependents, property counts, patternProperties, additionalProperties or
// unevaluatedProperties given as schemas, names required but not declared, comparisons between fields —
// has every row's typed record validated by ajv on the whole schema, so nothing in it goes unjudged.
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { escapePointer, typesOf } from '../standards/fields.js';
import type { Field, Standard } from '../standards/standard.js';
import { safeRegExp } from '../standards/safe-regexp.js';

/** Root keywords that name, describe or hold definitions, and change nothing about which records are valid. */
export const ROOT_ANNOTATIONS = ['$schema', '$id', 'id', '$defs', 'definitions', 'title', 'description', '$comment', 'examples', 'default'];

/** Root keywords that a cell-by-cell check and the header's checks judge exactly as JSON Schema does. */
const CELL_COVERED = new Set([
  ...ROOT_ANNOTATIONS,
  'deprecated',
  'readOnly',
  'writeOnly',
  'type',
  'properties',
  'required',
  'additionalProperties',
  // Annotations of published standards' own tooling (see ajv.ts).
  'codelist',
  'openCodelist',
  'omitWhenMerged',
  'wholeListMerge',
  'rollUp',
  'versionId',
  'propertyOrder',
  'mergeStrategy',
  'mergeOptions',
]);

/** Whether a row's verdict needs the whole record validated, not only its cells. */
export function needsWholeRecord(standard: Standard): boolean {
  let needed = wholeRecordNeeded.get(standard);
  if (needed === undefined) {
    needed = !cellsSuffice(standard);
    wholeRecordNeeded.set(standard, needed);
  }
  return needed;
}

const wholeRecordNeeded = new WeakMap<Standard, boolean>();

function cellsSuffice(standard: Standard): boolean {
  const schema = standard.schema;
  if (Object.keys(schema).some((k) => !CELL_COVERED.has(k) && !k.startsWith('x-'))) return false;
  const type = schema.type;
  if (type !== undefined && type !== 'object') return false;
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') return false;
  // Comparisons between fields ($data) need the other field's value.
  if (JSON.stringify(schema.properties ?? {}).includes('"$data"')) return false;
  // Every field is declared once, in the root's properties, so its cell validator is its whole rule; a
  // name only required is checked by the header (a column missing) and the cells (a value missing).
  const closed = schema.additionalProperties === false;
  return standard.fields.every(
    (f) => f.pointer === `/properties/${escapePointer(f.name)}` || (f.pointer === undefined && f.required && !closed && !(f.name in (schema.properties ?? {}))),
  );
}

/** The validator of the whole record, compiled once per standard. */
export function compileWholeRecord(standard: Standard): ValidateFunction {
  let validate = wholeValidators.get(standard);
  if (!validate) {
    validate = standard.ajv.getSchema(standard.schemaKey) ?? standard.ajv.compile({ $ref: standard.schemaKey });
    wholeValidators.set(standard, validate);
  }
  return validate;
}

const wholeValidators = new WeakMap<Standard, ValidateFunction>();

/**
 * A field for a column the standard does not name, so its cells are typed as the record's own rules for
 * such names say (a patternProperties or additionalProperties schema), and as text when they say nothing.
 */
export function undeclaredField(standard: Standard, name: string): Field {
  const schemas = schemasForUndeclared(standard.schema, name);
  const types = schemas.length ? typesOf({ allOf: schemas }, standard.schema) : ['string' as const];
  return {
    name,
    position: 0,
    schema: {},
    pointer: undefined,
    required: false,
    types: types.filter((t) => t !== 'null'),
    nullable: types.includes('null'),
    aliases: [],
    separator: ';',
    examples: [],
    constant: false,
  };
}

/** The record's schemas for a property it does not declare: its patternProperties that match, else additionalProperties or unevaluatedProperties. */
export function schemasForUndeclared(root: AnySchemaObject, name: string): AnySchemaObject[] {
  const found: AnySchemaObject[] = [];
  const patterns = root.patternProperties;
  if (patterns && typeof patterns === 'object') {
    for (const [pattern, schema] of Object.entries(patterns as Record<string, unknown>)) {
      if (matches(pattern, name) && schema && typeof schema === 'object') found.push(schema as AnySchemaObject);
    }
  }
  if (found.length) return found;
  for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
    const schema = root[keyword];
    if (schema && typeof schema === 'object') return [schema as AnySchemaObject];
  }
  return found;
}

/** Whether a column name is one the record's patternProperties declare. */
export function declaredByPattern(root: AnySchemaObject, name: string): boolean {
  const patterns = root.patternProperties;
  return !!patterns && typeof patterns === 'object' && Object.keys(patterns).some((p) => matches(p, name));
}

function matches(pattern: string, name: string): boolean {
  try {
    return safeRegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}
