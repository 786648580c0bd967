// A quick first look at a whole JSON record, for the standards whose record schema says no more than
// its fields (each checked as a CSV cell's value is: the quick check, else the field's own validator),
// which of them are required, and whether others are allowed — most flat standards. It only ever says
// "valid" when ajv would; a record it does not pass goes to the whole-record validator, which says why.
import type { ValidateFunction } from 'ajv';
import type { Field, Standard } from '../standards/standard.js';
import { ROOT_ANNOTATIONS } from './whole-record.js';
import { compileField } from './cells.js';
import { compileQuickCheck } from './fast-field.js';

export type QuickRecord = (record: unknown) => boolean;

/** Root keywords that the quick look accounts for (or that change nothing about validity). */
const UNDERSTOOD = new Set([...ROOT_ANNOTATIONS, 'type', 'properties', 'required', 'additionalProperties']);

/** Values of a field remembered with their verdict, for fields that have no quick check. */
const REMEMBERED = 4096;

/** Compiled once per standard: a file's checker and each part's checker on this thread share it. */
const compiled = new WeakMap<Standard, QuickRecord | undefined>();

export function compileQuickRecord(standard: Standard): QuickRecord | undefined {
  if (!compiled.has(standard)) compiled.set(standard, build(standard));
  return compiled.get(standard);
}

function build(standard: Standard): QuickRecord | undefined {
  const schema = standard.schema;
  if (Object.keys(schema).some((k) => !UNDERSTOOD.has(k) && !k.startsWith('x-'))) return undefined;
  if (schema.type !== 'object' || !(schema.additionalProperties === undefined || typeof schema.additionalProperties === 'boolean')) return undefined;
  // A field compared with another ($data) is checked by the whole record's validator.
  if (JSON.stringify(schema.properties ?? {}).includes('"$data"')) return undefined;
  const checks = new Map<string, (value: unknown) => boolean>();
  for (const name of Object.keys(schema.properties ?? {})) {
    const field = standard.fieldByName.get(name);
    if (!field) return undefined;
    checks.set(name, valueCheck(standard, field));
  }
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const closed = schema.additionalProperties === false;
  return (record) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
    const values = record as Record<string, unknown>;
    for (let i = 0; i < required.length; i++) if (!Object.hasOwn(values, required[i]!)) return false;
    for (const name in values) {
      const check = checks.get(name);
      if (check === undefined ? closed : !check(values[name])) return false;
    }
    return true;
  };
}

/** Whether a field's value is valid: its quick check, else its validator (remembering plain values). */
function valueCheck(standard: Standard, field: Field): (value: unknown) => boolean {
  const quick = compileQuickCheck(field.schema);
  const validate: ValidateFunction = compileField(standard, field);
  const remembered = new Map<unknown, boolean>();
  return (value) => {
    if (quick !== undefined && quick(value)) return true;
    if (value !== null && typeof value === 'object') return validate(value);
    let valid = remembered.get(value);
    if (valid === undefined) {
      valid = validate(value);
      if (remembered.size < REMEMBERED) remembered.set(value, valid);
    }
    return valid;
  };
}
