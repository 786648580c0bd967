// Checking JSON input: records (a JSON array, an object holding one, or NDJSON lines) validated one at a
// time as they are, and whole documents (360Giving, OCDS) validated at once. Each issue carries the JSON
// Pointer of the value and the line of the file it is on.
import type { ValidateFunction } from 'ajv';
import { makeIssue, phrases } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import { describeJsonError } from '../standards/load.js';
import type { Standard } from '../standards/standard.js';
import { recordSeverity } from '../standards/standard.js';
import { locatePointers } from '../sources/json-locate.js';
import { preview } from '../report/preview.js';
import type { Issue, IssueCode, Severity } from '../types.js';
import { explainErrors, type Finding } from './explain.js';
import { severityFor } from './row-checker.js';
import { ruleJudge, ruleReader, ruleSpecs, type Reference, type RuleJudge, type RuleReader } from './table-rules.js';

const SHOWN_VALUE = 200;

/** Records between two hand-overs of the table rules' notes to their judges. */
const RULE_BATCH = 4096;

export class RecordsCheck {
  rows = 0;
  private readonly validate: ValidateFunction;
  private readonly rules: Array<{ fields: string[]; reader: RuleReader; judge: RuleJudge }>;

  constructor(
    private readonly standard: Standard,
    private readonly sink: IssueCollector,
    references: Reference[] = [],
  ) {
    this.validate = compileWhole(standard);
    const context = {
      standard,
      references,
      locate: (name: string) => ({ column: name }),
      severityOf: (code: IssueCode, name: string | undefined) => severityFor(standard, code, name === undefined ? undefined : standard.fieldByName.get(name)),
    };
    this.rules = ruleSpecs(standard, references).map((spec) => ({ fields: spec.fields, reader: ruleReader(spec, context), judge: ruleJudge(spec, { ...context, sink }) }));
  }

  /** The end of the records: rules over the whole table report now. */
  finish(): void {
    for (const { reader, judge } of this.rules) {
      judge.merge(reader.take(), 0);
      judge.finish(this.rows);
    }
  }

  /**
   * One record's text. `pointer` is the record's JSON Pointer in the document ('/3', '/grants/3'), or
   * undefined for NDJSON, where pointers are within the record.
   */
  record(text: string, row: number, line: number, pointer: string | undefined): void {
    this.rows++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const where = describeJsonError(error as Error, text);
      const at = /\(line (\d+), column (\d+)\)$/.exec(where);
      const detail = `Record ${row} is not valid JSON: ${where.replace(/\s*\(line \d+, column \d+\)$/, '')}`;
      this.sink.add(makeIssue('format-invalid', { detail }, { row, line: at ? line + Number(at[1]) - 1 : line, pointer }));
      return;
    }
    if (this.rules.length && value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const issues: Issue[] = [];
      for (const { fields, reader, judge } of this.rules) {
        reader.row(fields.map((f) => keyText(record[f])), row, line, issues);
        if (this.rows % RULE_BATCH === 0) judge.merge(reader.take(), 0);
      }
      for (const issue of issues) this.sink.add(issue);
    }
    const valid = withinStack(() => this.validate(value));
    if (valid === undefined) {
      this.sink.add(makeIssue('format-invalid', { detail: phrases.tooDeep(`Record ${row}`) }, { row, line, pointer }));
      return;
    }
    if (valid) return;
    const findings = explainErrors(this.validate.errors!);
    const lines = locatePointers(text, findings.map(lineTarget), line);
    for (const f of findings) {
      const field = f.path.split('/')[1];
      this.sink.add(
        findingIssue(f, {
          row,
          line: lines.get(lineTarget(f)) ?? line,
          pointer: (pointer ?? '') + f.path,
          column: field !== undefined ? unescape(field) : undefined,
          severity: f.severity ?? recordSeverity(this.standard, f.code),
        }),
      );
    }
  }
}

/** Validate a whole JSON document; `recordsPath` numbers the rows of issues inside its records. */
export function checkDocument(text: string, standard: Standard, sink: IssueCollector): number {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = describeJsonError(error as Error, text);
    const at = /\(line (\d+), column \d+\)$/.exec(where);
    sink.add(makeIssue('format-invalid', { detail: `The file is not valid JSON: ${where}` }, { line: at ? Number(at[1]) : undefined }));
    return 0;
  }
  const records = recordsAt(document, standard.recordsPath);
  const validate = compileWhole(standard);
  const valid = withinStack(() => validate(document));
  if (valid === undefined) {
    sink.add(makeIssue('format-invalid', { detail: phrases.tooDeep('The document') }));
    return records;
  }
  if (valid) return records;
  const findings = explainErrors(validate.errors!);
  const lines = locatePointers(text, findings.map(lineTarget));
  const prefix = standard.recordsPath ? `${standard.recordsPath}/` : undefined;
  for (const f of findings) {
    const row = prefix && f.path.startsWith(prefix) ? Number(f.path.slice(prefix.length).split('/')[0]) + 1 : undefined;
    sink.add(
      findingIssue(f, {
        row: Number.isInteger(row) ? row : undefined,
        line: lines.get(lineTarget(f)),
        pointer: f.path,
        severity: f.severity ?? recordSeverity(standard, f.code),
      }),
    );
  }
  return records;
}

/**
 * Run a validation that recurses with the data; undefined when the data is nested so deeply that it would
 * overflow the stack (JSON nested 100,000 levels deep is valid JSON, and hostile).
 */
function withinStack(run: () => boolean): boolean | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function compileWhole(standard: Standard): ValidateFunction {
  return standard.ajv.getSchema(standard.schemaKey) ?? standard.ajv.compile({ $ref: standard.schemaKey });
}

function recordsAt(document: unknown, path: string | undefined): number {
  if (!path) return Array.isArray(document) ? document.length : 1;
  let node: unknown = document;
  for (const part of path.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[unescape(part)];
  return Array.isArray(node) ? node.length : 0;
}

/** A missing property has no line of its own: point at the object that lacks it. */
function lineTarget(f: Finding): string {
  const missing = f.code === 'value-missing' || f.keyword === 'dependentRequired' || f.keyword === 'dependencies';
  return missing ? f.path.slice(0, f.path.lastIndexOf('/')) : f.path;
}

interface Place {
  row?: number;
  line?: number;
  pointer: string;
  column?: string;
  severity?: Severity;
}

function findingIssue(f: Finding, place: Place): Issue {
  const name = describePath(f.path);
  const value = f.code === 'value-missing' || f.data === undefined ? undefined : showValue(f.data);
  const detail = f.code === 'value-missing' ? 'it is missing' : f.detail;
  const message = f.code === 'row-rule' ? { detail: (f.detail ?? '').replace(/^./, (c) => c.toUpperCase()) } : { name, value, expected: f.expected, detail };
  const issue = makeIssue(f.code, message, {}, place.severity);
  if (place.row !== undefined) issue.row = place.row;
  if (place.line !== undefined) issue.line = place.line;
  if (place.column !== undefined) issue.column = place.column;
  issue.pointer = place.pointer;
  if (value !== undefined) issue.value = value;
  if (f.hint) issue.hint = f.hint;
  return issue;
}

/** `recipientOrganization[0].name` from `/recipientOrganization/0/name`: how a person reads a path. */
export function describePath(pointer: string): string {
  if (!pointer) return 'The record';
  return pointer
    .split('/')
    .slice(1)
    .map(unescape)
    .map((part, k) => (/^\d+$/.test(part) ? `[${part}]` : k === 0 ? part : `.${part}`))
    .join('');
}

function showValue(data: unknown): string {
  return preview(data, SHOWN_VALUE);
}

/** A JSON value as key text: primitives as written, nothing for absent or null. */
function keyText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value).trim();
  try {
    return JSON.stringify(value);
  } catch {
    return preview(value, 1000); // nested beyond the stack's depth
  }
}

const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');
