// One field of a Frictionless Table Schema (or of a csvlint schema, which writes its type as an XSD
// datatype inside `constraints`), as a JSON Schema property conform checks a CSV cell with.
import { isObject, type JsonObject } from './types.js';

export interface FieldResult {
  name: string;
  property: JsonObject;
  required: boolean;
  unique: boolean;
  notCarried: string[];
}

/** Table Schema types as the JSON Schema conform reads a cell with. */
const TABLE_TYPES: Record<string, JsonObject> = {
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  time: { type: 'string', format: 'time' },
  year: { type: 'integer' },
  yearmonth: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
  duration: { type: 'string', format: 'duration' },
  geojson: { type: 'string', format: 'geojson-geometry' },
  any: {},
};

/** XSD datatypes (as csvlint and CSVW name them) as JSON Schema. */
const XSD_TYPES: Record<string, JsonObject> = {
  string: { type: 'string' },
  normalizedString: { type: 'string' },
  token: { type: 'string' },
  anyURI: { type: 'string', format: 'uri' },
  integer: { type: 'integer' },
  int: { type: 'integer' },
  long: { type: 'integer' },
  nonNegativeInteger: { type: 'integer', minimum: 0 },
  positiveInteger: { type: 'integer', minimum: 1 },
  decimal: { type: 'number' },
  double: { type: 'number' },
  float: { type: 'number' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  dateTime: { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] },
  time: { type: 'string', format: 'time' },
  gYear: { type: 'integer' },
};

/** The local name of an XSD datatype, from `http://www.w3.org/2001/XMLSchema#dateTime`, `xsd:dateTime` or `dateTime`. */
export function xsdName(type: string): string {
  return type.replace(/^.*[#:]/, '');
}

export function xsdSchema(type: string, notCarried: string[], where: string): JsonObject {
  const known = XSD_TYPES[xsdName(type)];
  if (known) return { ...known };
  notCarried.push(`${where}: the datatype ${type} is not known to conform, so its values are read as text.`);
  return { type: 'string' };
}

export function tableField(field: JsonObject, notCarried: string[]): FieldResult | undefined {
  const name = typeof field.name === 'string' ? field.name : undefined;
  if (!name) {
    notCarried.push('A field without a name was left out.');
    return undefined;
  }
  const own: string[] = [];
  const constraints = isObject(field.constraints) ? field.constraints : {};
  let property: JsonObject;
  if (typeof constraints.type === 'string') property = xsdSchema(constraints.type, own, name);
  else {
    const type = typeof field.type === 'string' ? field.type : 'string';
    property = TABLE_TYPES[type] ? { ...TABLE_TYPES[type] } : { type: 'string' };
    if (!TABLE_TYPES[type]) own.push(`${name}: the Table Schema type ${type} is read as text.`);
  }
  const format = typeof field.format === 'string' ? field.format : 'default';
  if (property.type === 'string' && !property.format) {
    if (format === 'email') property.format = 'email';
    else if (format === 'uri') property.format = 'uri';
    else if (format === 'uuid') property.format = 'uuid';
  }
  if ((field.type === 'date' || field.type === 'datetime' || field.type === 'time') && format !== 'default') {
    // A date pattern such as %d/%m/%Y, or "any": conform checks ISO dates and suggests the repair.
    own.push(`${name}: the ${field.type} format "${format}" is not carried over; conform expects ISO 8601 (YYYY-MM-DD) and suggests a repair for other forms.`);
  }
  if (typeof field.title === 'string' && field.title !== name) property.title = field.title;
  const description = typeof field.description === 'string' ? field.description : typeof field['dc:description'] === 'string' ? field['dc:description'] : undefined;
  if (description) property.description = description.trim();
  const example = field.example ?? field.examples;
  if (example !== undefined && example !== '') property.examples = Array.isArray(example) ? example : [example];
  if (typeof constraints.pattern === 'string') property.pattern = anchored(constraints.pattern);
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
    const value = constraints[key];
    if (typeof value === 'number') property[key] = value;
    else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) property[key] = Number(value);
  }
  if (Array.isArray(constraints.enum)) {
    const values = constraints.enum.filter((v) => v !== '');
    property.enum = values;
  }
  const digitalLand = isObject(field['digital-land']) ? field['digital-land'] : undefined;
  const aliases = Array.isArray(digitalLand?.typos) ? digitalLand.typos.filter((t): t is string => typeof t === 'string' && t !== name) : [];
  if (aliases.length) property['x-aliases'] = [...new Set(aliases)];
  if (digitalLand?.deprecated === true) own.push(`${name} is marked deprecated in the source; it is still read.`);
  for (const key of Object.keys(field)) {
    if (['rdfType', 'bareNumber', 'groupChar', 'decimalChar', 'trueValues', 'falseValues'].includes(key)) {
      own.push(`${name}: the Table Schema property ${key} is not carried over.`);
    }
  }
  notCarried.push(...own);
  return { name, property, required: truthy(constraints.required), unique: truthy(constraints.unique), notCarried: own };
}

/** csvlint writes "true"/"false" as strings in some files and booleans in others. */
export function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Table Schema patterns match the whole value; JSON Schema's match anywhere unless anchored. */
export function anchored(pattern: string): string {
  return `^(?:${pattern})$`;
}
