// One ajv set-up per JSON Schema draft, with formats and conform's extension keywords registered, so a
// standard written for any of the four drafts real standards use is compiled by the right rules.
import { createRequire } from 'node:module';
import type { AnySchemaObject, KeywordDefinition, Options } from 'ajv';
import { codelistKeyword } from './codelist.js';
import { conceptIds } from './concepts.js';
import { useLinearFormats } from './linear-formats.js';
import { useGeometryFormats } from './geometry-formats.js';
import { safeRegExp } from './safe-regexp.js';
import type * as AjvCoreModule from 'ajv/dist/core.js';

type AjvCore = AjvCoreModule.default;
type AjvClass = new (options: Options) => AjvCore;

const require = createRequire(import.meta.url);
// ajv and its plugins are CommonJS; loading them through require keeps their default exports intact.
const Ajv07 = require('ajv').default as AjvClass;
const Ajv2019 = require('ajv/dist/2019').default as AjvClass;
const Ajv2020 = require('ajv/dist/2020').default as AjvClass;
const AjvDraft04 = require('ajv-draft-04').default as AjvClass;
const addFormats = require('ajv-formats').default as (ajv: AjvCore, options?: object) => AjvCore;
const draft06Meta = require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject;

export type Ajv = AjvCore;
export type Draft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

const DRAFT_BY_URI: Array<[RegExp, Draft]> = [
  [/draft-04/, 'draft-04'],
  [/draft-06/, 'draft-06'],
  [/draft-07/, 'draft-07'],
  [/2019-09/, '2019-09'],
  [/2020-12/, '2020-12'],
];

/** The draft a schema asks for in `$schema`; 2020-12 when it does not say. Undefined when unrecognised. */
export function draftOf(schema: AnySchemaObject): Draft | undefined {
  const uri = schema.$schema;
  if (uri === undefined) return '2020-12';
  if (typeof uri !== 'string') return undefined;
  return DRAFT_BY_URI.find(([pattern]) => pattern.test(uri))?.[1];
}

const CANONICAL: Record<Draft, string> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/**
 * Published schemas write their draft's URI in several ways (https, no trailing #); ajv knows each draft
 * by one. Rewrites `$schema` to that one, in place.
 */
export function canonicaliseDraft(schema: AnySchemaObject): void {
  const draft = draftOf(schema);
  if (draft && typeof schema.$schema === 'string') schema.$schema = CANONICAL[draft];
}

const severity = { enum: ['error', 'warning', 'info'] };
const fieldList = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] };

/** conform's own keywords (names pinned by the contract), each with the shape its value must have. */
export const EXTENSION_KEYWORDS: Record<string, AnySchemaObject> = {
  'x-standard': {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
      version: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      source: { type: 'string' },
      licence: { type: 'string' },
      description: { type: 'string' },
      mode: { enum: ['records', 'document'] },
      recordsPath: { type: 'string' },
      recordId: { type: 'array', items: { type: 'string' }, minItems: 1 },
      notes: { type: 'array', items: { type: 'string' } },
      sources: {
        type: 'array',
        items: {
          type: 'object',
          required: ['title'],
          properties: { title: { type: 'string' }, url: { type: 'string' }, version: { type: 'string' }, date: { type: 'string' } },
        },
      },
      deviations: { type: 'array', items: { type: 'string' } },
    },
  },
  'x-source': { type: 'string' },
  'x-accepted': {
    type: 'array',
    items: {
      type: 'object',
      required: ['pattern', 'because'],
      properties: { pattern: { type: 'string', format: 'regex' }, because: { type: 'string' } },
    },
  },
  'x-aliases': { type: 'array', items: { type: 'string' } },
  'x-concept': { enum: conceptIds() },
  'x-missingValues': { type: 'array', items: { type: 'string' } },
  'x-separator': { type: 'string', minLength: 1 },
  'x-severity': {
    anyOf: [severity, { type: 'object', additionalProperties: severity }],
  },
  'x-primaryKey': fieldList,
  'x-uniqueKeys': { type: 'array', items: fieldList },
  'x-codelist': {
    type: 'object',
    required: ['source'],
    properties: { source: { type: 'string' }, column: { type: 'string' }, open: { type: 'boolean' } },
  },
  'x-foreignKeys': {
    type: 'array',
    items: {
      type: 'object',
      required: ['fields', 'reference'],
      properties: {
        fields: fieldList,
        reference: {
          type: 'object',
          required: ['resource', 'fields'],
          properties: { resource: { type: 'string' }, fields: fieldList },
        },
      },
    },
  },
  'x-constant': { type: 'boolean' },
  'x-fillFrom': { type: 'array', items: { type: 'string' }, minItems: 1 },
  'x-point': {
    type: 'object',
    required: ['longitude', 'latitude'],
    properties: { longitude: { type: 'string' }, latitude: { type: 'string' } },
  },
  'x-dateRange': {
    type: 'object',
    properties: {
      maximumDays: { type: 'integer', minimum: 0 },
      minimum: { type: 'string', format: 'date' },
      maximum: { type: 'string', format: 'date' },
    },
  },
  'x-rows': {
    type: 'object',
    properties: { minimum: { type: 'integer', minimum: 0 }, maximum: { type: 'integer', minimum: 0 } },
  },
};

/**
 * Keywords of published standards that carry meaning for their own tooling (360Giving, OCDS, Open Referral):
 * accepted as annotations so their schemas load in strict mode. Closed code lists are checked through
 * x-codelist instead.
 */
const FOREIGN_ANNOTATIONS = ['codelist', 'openCodelist', 'deprecated', 'omitWhenMerged', 'wholeListMerge', 'rollUp', 'versionId', 'propertyOrder', 'mergeStrategy', 'mergeOptions'];

/** Annotation keywords later drafts know that older drafts' ajv classes do not. */
const LATER_ANNOTATIONS = ['examples', '$comment', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding'];

export type LoadSchema = (uri: string) => Promise<AnySchemaObject>;

/**
 * `trusted`: the schemas are bundled and were checked against their meta-schema when conform was built,
 * so ajv need not compile the meta-schema again at every start.
 */
export function createAjv(draft: Draft, loadSchema?: LoadSchema, trusted = false, warnings: string[] = []): Ajv {
  let ajv: Ajv;
  const options: Options = {
    validateSchema: !trusted,
    allErrors: true,
    // A record's own properties only: {} has no property "constructor", whatever its prototype says.
    ownProperties: true,
    // JSON Schema ignores keywords it does not know, and so does conform: each is warned of, not refused.
    strict: 'log',
    logger: { log() {}, warn: (...args: unknown[]) => noteWarning(warnings, args.join(' ')), error() {} },
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    $data: true,
    verbose: true,
    // A schema loaded by reference may name formats conform does not know either.
    loadSchema: loadSchema && (async (uri) => allowUnknownFormats(ajv, await loadSchema(uri), warnings)),
    code: { regExp: safeRegExp },
  };
  switch (draft) {
    case 'draft-04':
      ajv = new AjvDraft04(options);
      break;
    case 'draft-06':
      ajv = new Ajv07(options);
      ajv.addMetaSchema(draft06Meta);
      break;
    case 'draft-07':
      ajv = new Ajv07(options);
      break;
    case '2019-09':
      ajv = new Ajv2019(options);
      break;
    case '2020-12':
      ajv = new Ajv2020(options);
      break;
  }
  addFormats(ajv, { mode: 'full', keywords: true });
  useLinearFormats(ajv);
  useGeometryFormats(ajv);
  for (const [keyword, metaSchema] of Object.entries(EXTENSION_KEYWORDS)) {
    const checks = keyword === 'x-codelist' ? codelistKeyword : {};
    // Each keyword's own meta-schema is compiled to check its values: needless for trusted schemas, and a
    // cost at every start.
    ajv.addKeyword({ keyword, ...(trusted ? {} : { metaSchema }), schemaType: schemaTypesOf(metaSchema), ...checks } as KeywordDefinition);
  }
  for (const keyword of [...FOREIGN_ANNOTATIONS, ...LATER_ANNOTATIONS]) {
    // Some drafts know some of these already (deprecated, examples): those stay as the draft defines them.
    if (!ajv.getKeyword(keyword) && !ajv.RULES.keywords[keyword]) ajv.addKeyword({ keyword });
  }
  return ajv;
}

function schemaTypesOf(metaSchema: AnySchemaObject): string[] | undefined {
  if (typeof metaSchema.type === 'string') return [metaSchema.type];
  return undefined;
}

/** A warning from ajv, in the words a standard's author reads, kept once. */
function noteWarning(warnings: string[], message: string): void {
  const unknown = /unknown keyword: "([^"]+)"/.exec(message);
  const text = unknown ? `uses the keyword "${unknown[1]}", which is not part of its JSON Schema draft` : message.replace(/^strict mode: /, 'has a rule JSON Schema ignores: ');
  if (!warnings.includes(text)) warnings.push(text);
}

/**
 * Formats the schema names that conform does not know are accepted as annotations, as JSON Schema treats
 * every format it cannot check, and warned of once. Returns the schema.
 */
export function allowUnknownFormats<T>(ajv: Ajv, schema: T, warnings: string[]): T {
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 200) return;
    const format = (node as { format?: unknown }).format;
    if (typeof format === 'string' && !ajv.formats[format]) {
      ajv.addFormat(format, true);
      warnings.push(`uses the format "${format}", which conform does not know, so such values are not checked against it`);
    }
    for (const child of Object.values(node)) visit(child, depth + 1);
  };
  visit(schema, 0);
  return schema;
}
