// A loaded standard: its metadata, its compiled schema, and — for standards of records — the fields a
// table's columns are matched to.
import type { AnySchemaObject } from 'ajv';
import type { IssueCode, Severity } from '../types.js';
import type { Ajv, Draft } from './ajv.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** A severity for every issue a rule raises, or one per issue code. */
export type SeveritySetting = Severity | Partial<Record<IssueCode, Severity>>;

export interface Field {
  name: string;
  /** 1-based position in the standard. */
  position: number;
  schema: AnySchemaObject;
  /**
   * Where the field's schema is, as a JSON Pointer from the root schema: a declaration that applies to
   * every record, validated cell by cell. Undefined when none does (a name only required, or declared
   * only in a branch): then the record's own validator alone judges the value.
   */
  pointer?: string;
  required: boolean;
  /** The JSON types a cell may be typed as, in the order tried. */
  types: JsonType[];
  nullable: boolean;
  aliases: string[];
  /** The shared concept (src/standards/concepts.ts) whose column names the field also reads. */
  concept?: string;
  /** Separator inside an array cell. */
  separator: string;
  severity?: SeveritySetting;
  description?: string;
  examples: unknown[];
  /** The same value must appear in every record. */
  constant: boolean;
}

export interface StandardMeta {
  id: string;
  version: string;
  title: string;
  publisher?: string;
  source?: string;
  licence?: string;
  description?: string;
  /** `records`: the schema describes one record; `document`: the whole JSON document. */
  mode: 'records' | 'document';
  /** For document standards: where the records are, for numbering rows (e.g. `/grants`). */
  recordsPath?: string;
  /** The properties that name a record (360Giving `id`; OCDS `ocid` and `id`), for locating its issues. */
  recordId?: string[];
  notes?: string[];
  /** The documents the standard is drawn from (law, guidance, published schemas), newest last. */
  sources?: StandardSource[];
  /** Where the standard differs from its sources, and why. */
  deviations?: string[];
}

export interface StandardSource {
  title: string;
  url?: string;
  version?: string;
  date?: string;
}

export interface Standard extends StandardMeta {
  /** The schema file it was loaded from. */
  path: string;
  /** How it was loaded, so a worker thread can load the same standard. */
  loadOptions: import('./load.js').LoadOptions;
  schema: AnySchemaObject;
  draft: Draft;
  ajv: Ajv;
  /** The key of the root schema inside `ajv`, for compiling parts of it. */
  schemaKey: string;
  fields: Field[];
  fieldByName: Map<string, Field>;
  /** Cell texts read as empty. */
  missingValues: string[];
  /** The record forbids properties it does not name (so unknown columns are errors). */
  closed: boolean;
  /** What in the standard conform cannot check (unknown keywords and formats), in words, once each. */
  warnings?: string[];
  /** Severity of the record-level rules. */
  severity?: SeveritySetting;
}

/** The issues a record's (or a table's) own rules raise: what a root `x-severity` applies to. */
const RECORD_RULE_CODES = new Set<IssueCode>(['row-rule', 'key-duplicate', 'key-reference', 'table-rule', 'row-duplicate']);

/** The severity the standard's root `x-severity` gives an issue of the record's rules, if any. */
export function recordSeverity(standard: { severity?: SeveritySetting }, code: IssueCode): Severity | undefined {
  return RECORD_RULE_CODES.has(code) ? severityFrom(standard.severity, code) : undefined;
}

/** Severity of an issue raised by a rule with `setting`, or undefined for the catalog default. */
export function severityFrom(setting: SeveritySetting | undefined, code: IssueCode): Severity | undefined {
  if (setting === undefined) return undefined;
  if (typeof setting === 'string') return setting;
  return setting[code];
}
