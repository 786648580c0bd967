// What a standard asks of each field, gathered from its schema into plain facts: the type in words,
// whether it is required, the allowed values, patterns, formats and limits, examples and other names.
// Pure: `conform standards show` and `conform template` render these; nothing here prints.
import { dirname, isAbsolute, relative } from 'node:path';
import type { AnySchemaObject } from 'ajv';
import { typePhrase } from '../check/explain.js';
import { declaredReferences } from '../check/table-rules.js';
import { describeFields, resolveLocalRef } from '../standards/fields.js';
import { acceptedForms, type AcceptedForm } from '../standards/accepted.js';
import type { Field, SeveritySetting, Standard, StandardMeta, StandardSource } from '../standards/standard.js';

export interface FieldDescription {
  name: string;
  title?: string;
  description?: string;
  /** The JSON types a value may have (without null). */
  types: string[];
  /** The type in words: "text", "a number", "a list of text separated by |". */
  typeWords: string;
  required: boolean;
  /** The column must be there, but an empty cell is allowed (the type allows null). */
  nullable: boolean;
  /** For a list: the separator between items in a cell. */
  separator?: string;
  /** Rules on the value, or on each item of a list. */
  allowedValues?: unknown[];
  patterns?: string[];
  formats?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  codelist?: { source: string; column?: string; open?: boolean };
  /** The same value must appear on every row. */
  constant: boolean;
  examples: unknown[];
  aliases: string[];
  severity?: SeveritySetting;
  /** The paragraph of the law or guidance that asks for the field. */
  source?: string;
  /** Forms a source accepts that the field's rules do not: such values are warnings, not errors. */
  accepted?: AcceptedForm[];
}

export interface StandardDescription extends Pick<StandardMeta, 'id' | 'version' | 'title' | 'publisher' | 'source' | 'licence' | 'description' | 'mode'> {
  notes: string[];
  /** The documents the standard is drawn from, with version and date. */
  sources?: StandardSource[];
  /** Where the standard differs from its sources, and why. */
  deviations?: string[];
  path: string;
  primaryKey?: string[];
  uniqueKeys?: string[][];
  /** Fields that refer to records of another file, and where. */
  foreignKeys?: Array<{ fields: string[]; resource: string; referenced: string[] }>;
  fields: FieldDescription[];
}

export function describeStandard(standard: Standard): StandardDescription {
  const root = standard.schema;
  // A document standard's fields are the properties of the document itself.
  const fields = standard.mode === 'records' ? standard.fields : describeFields(root);
  return {
    id: standard.id,
    version: standard.version,
    title: standard.title,
    publisher: standard.publisher,
    source: standard.source,
    licence: standard.licence,
    description: standard.description,
    mode: standard.mode,
    notes: standard.notes ?? [],
    sources: standard.sources,
    deviations: standard.deviations,
    path: standard.path,
    primaryKey: fieldList(root['x-primaryKey']),
    uniqueKeys: Array.isArray(root['x-uniqueKeys']) ? (root['x-uniqueKeys'] as unknown[]).map((k) => fieldList(k) ?? []) : undefined,
    foreignKeys: declaredReferences(standard).map((r) => ({ fields: r.from, resource: r.resource, referenced: r.fields })),
    fields: fields.map((field) => shownFromSchemaFolder(describeField(field, root, standard.mode === 'records'), standard.path)),
  };
}

/** Code lists are found when the standard loads and held by absolute path; show them as the schema names them. */
function shownFromSchemaFolder(field: FieldDescription, schemaPath: string): FieldDescription {
  const source = field.codelist?.source;
  if (!source || !isAbsolute(source)) return field;
  const near = relative(dirname(schemaPath), source);
  return near.startsWith('..') ? field : { ...field, codelist: { ...field.codelist!, source: near } };
}

/** `inCells`: the field is a CSV column, so a list is written in one cell with a separator. */
export function describeField(field: Field, root: AnySchemaObject, inCells = true): FieldDescription {
  const schema = field.schema;
  const isList = field.types.length === 1 && field.types[0] === 'array';
  const items = isList && schema.items && typeof schema.items === 'object' ? (schema.items as AnySchemaObject) : undefined;
  const rules = collectRules(items ?? schema, root);
  const itemTypes = items ? typeList(items) : [];
  return {
    name: field.name,
    title: stringOf(schema.title),
    description: field.description,
    types: field.types,
    typeWords: isList ? `a list of ${itemWords(itemTypes)}${inCells ? ` separated by ${field.separator}` : ''}` : typePhrase(field.types.length ? field.types : ['string']),
    required: field.required,
    nullable: field.nullable,
    separator: isList && inCells ? field.separator : undefined,
    ...rules,
    codelist: codelistOf(schema['x-codelist']),
    constant: field.constant,
    examples: field.examples,
    aliases: field.aliases,
    severity: field.severity,
    source: stringOf(schema['x-source']),
    accepted: acceptedForms(schema),
  };
}

type Rules = Pick<FieldDescription, 'allowedValues' | 'patterns' | 'formats' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'minLength' | 'maxLength'>;

/** The rules of a schema and of the alternatives (anyOf/oneOf) and local references it is made of. */
function collectRules(schema: AnySchemaObject, root: AnySchemaObject, seen = new Set<AnySchemaObject>()): Rules {
  const rules: Rules = {};
  if (seen.has(schema)) return rules;
  seen.add(schema);
  const add = (key: 'patterns' | 'formats', value: unknown) => {
    if (typeof value !== 'string') return;
    const list = (rules[key] ??= []);
    if (!list.includes(value)) list.push(value);
  };
  if (Array.isArray(schema.enum)) rules.allowedValues = schema.enum;
  else if ('const' in schema) rules.allowedValues = [schema.const];
  add('patterns', schema.pattern);
  add('formats', schema.format);
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength'] as const) {
    if (typeof schema[key] === 'number') rules[key] = schema[key] as number;
  }
  const parts: AnySchemaObject[] = [...asList(schema.anyOf), ...asList(schema.oneOf), ...asList(schema.allOf)];
  if (typeof schema.$ref === 'string') {
    const target = resolveLocalRef(schema.$ref, root);
    if (target) parts.push(target);
  }
  for (const part of parts) {
    const more = collectRules(part, root, seen);
    for (const value of more.patterns ?? []) add('patterns', value);
    for (const value of more.formats ?? []) add('formats', value);
    if (more.allowedValues && !rules.allowedValues) rules.allowedValues = more.allowedValues;
    else if (more.allowedValues) rules.allowedValues = [...new Set([...rules.allowedValues!, ...more.allowedValues])];
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength'] as const) {
      if (rules[key] === undefined && more[key] !== undefined) rules[key] = more[key];
    }
  }
  return rules;
}

const ITEM_WORDS: Record<string, string> = { string: 'text items', number: 'numbers', integer: 'whole numbers', boolean: 'true/false values', object: 'objects', array: 'lists' };

function itemWords(types: string[]): string {
  return types.length ? types.map((t) => ITEM_WORDS[t] ?? 'items').join(' or ') : 'items';
}

function typeList(schema: AnySchemaObject): string[] {
  const t = schema.type;
  const list = typeof t === 'string' ? [t] : Array.isArray(t) ? (t as string[]) : [];
  return list.filter((x) => x !== 'null');
}

function fieldList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function codelistOf(value: unknown): FieldDescription['codelist'] {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.source !== 'string') return undefined;
  return { source: v.source, column: stringOf(v.column), open: typeof v.open === 'boolean' ? v.open : undefined };
}

const asList = (value: unknown): AnySchemaObject[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
