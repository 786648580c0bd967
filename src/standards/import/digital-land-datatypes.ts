// How each digital-land datatype (specification/datatype.csv) is checked in a CSV cell. Shared
// definitions go in the schema's $defs, so a page shows each rule once.
import type { JsonObject } from './types.js';

export interface DatatypeRule {
  /** The schema of one value. */
  schema: JsonObject;
  /** Definitions the schema refers to, by name. */
  defs?: Record<string, JsonObject>;
  /** Said in the notes when the datatype's meaning is not fully checked. */
  caveat?: string;
}

const DEFS: Record<string, JsonObject> = {
  datetime: {
    type: 'string',
    description: 'The digital-land datetime datatype: YYYY-MM-DD, or truncated to YYYY-MM or YYYY, or a full UTC date and time.',
    anyOf: [{ format: 'date' }, { format: 'date-time' }, { pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$' }],
  },
  url: { type: 'string', format: 'url', description: 'The digital-land url datatype: a full web address beginning with http:// or https://.' },
  curie: {
    type: 'string',
    pattern: '^[a-z][a-z0-9-]*:[^\\s:]+$',
    description: 'The digital-land curie datatype: a prefix, a colon and a reference, such as local-authority:BUC.',
  },
  multipolygon: {
    type: 'string',
    format: 'wkt-multipolygon',
    description:
      'The digital-land multipolygon datatype: a POLYGON or MULTIPOLYGON in OGC well-known text (WKT), WGS84 longitude and latitude, with closed rings and coordinates in or near the United Kingdom.',
  },
  point: {
    type: 'string',
    format: 'wkt-point',
    description: 'The digital-land point datatype: a POINT in OGC well-known text (WKT), WGS84 longitude and latitude, in or near the United Kingdom.',
  },
  flag: { type: 'string', enum: ['yes', 'no', ''], description: 'The digital-land flag datatype: yes, no, or blank.' },
};

const ref = (name: string): DatatypeRule => ({ schema: { $ref: `#/$defs/${name}` }, defs: { [name]: DEFS[name]! } });

export function datatypeRule(datatype: string): DatatypeRule {
  switch (datatype) {
    case 'datetime':
    case 'url':
    case 'curie':
    case 'multipolygon':
    case 'point':
    case 'flag':
      return ref(datatype);
    case 'wkt':
      return { ...ref('multipolygon'), caveat: 'a field of the wkt datatype is checked as a polygon or multipolygon' };
    case 'integer':
      return { schema: { type: 'integer' } };
    case 'decimal':
      return { schema: { type: 'number' } };
    case 'latitude':
      return { schema: { type: 'number', minimum: -90, maximum: 90 } };
    case 'longitude':
      return { schema: { type: 'number', minimum: -180, maximum: 180 } };
    case 'json':
      return { schema: { type: 'string' }, caveat: 'a field of the json datatype is read as text; its JSON is not checked' };
    case 'hash':
    case 'blob':
    case 'pattern':
      return { schema: { type: 'string' }, caveat: `a field of the ${datatype} datatype is read as text` };
    default:
      // string, text, and any datatype the specification adds later
      return { schema: { type: 'string' } };
  }
}
