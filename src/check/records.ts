// Checking JSON input: records (a JSON array, an object holding one, or NDJSON lines) validated one at a
// time as they are, and whole documents (360Giving, OCDS) validated at once. Each issue carries the JSON
// Pointer of the value and the line of the file it is on.
import { featureRecord, isFeature } from '../sources/geojson.js';
import type { ValidateFunction } from 'ajv';
import { makeIssue } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import { describeJsonError } from '../standards/load.js';
import { ColumnTitles, recordAt, recordIdOf } from '../standards/record-labels.js';
import type { Standard } from '../standards/standard.js';
import { recordSeverity } from '../standards/standard.js';
import { locatePointers } from '../sources/json-locate.js';
import { MAX_RECORD_CHARS } from '../sources/ndjson-lines.js';
import { MAX_RECORD_PROPERTIES, tooManyProperties } from '../sources/record-properties.js';
import { preview } from '../report/preview.js';
import type { Issue, IssueCode, Severity } from '../types.js';
import { explainErrors, type Finding } from './explain.js';
import { findingIssue as issueOf } from './finding-issue.js';
import { attachDateHints, dateHint, isDateFinding, noteDateEvidence, orderOf, propertyOf, type DateEvidence } from './json-date-hints.js';
import { collectEvery } from './full-collections.js';
import { ValueHints } from './json-value-hints.js';
import { compileQuickRecord, type QuickRecord } from './quick-record.js';
import { repeatedKeys, type RepeatedKey } from './repeated-keys.js';
import { severityFor } from './row-checker.js';
import { ruleJudge, ruleReader, ruleSpecs, type Reference, type RuleJudge, type RuleReader } from './table-rules.js';
import type { KeyRuns } from './rules/key-set.js';
import { judgeFieldFinding } from './field-judgement.js';

const SHOWN_VALUE = 200;

/** A full collection after every 64 MB of JSON text parsed (see full-collections.ts). */
const noteParsed = collectEvery(64 << 20);

/**
 * Records between two hand-overs of the table rules' notes to their judges. Few enough that the keys'
 * texts held meanwhile die young: with many more, they were promoted, and a big file's peak memory grew
 * with its size.
 */
const RULE_BATCH = 512;

/** What a part of the records held, with rows numbered from 1 within the part. */
export interface RecordsPart {
  records: number;
  issues: Issue[];
  /** For each table rule: its reader's notes. */
  rules: unknown[];
  /** What the part's miswritten dates show about day and month, by property. */
  dateEvidence: DateEvidence;
  /** The issues about miswritten dates, by position, with the date's path and the formats it must have: hinted once the whole file is read. */
  dateIssues: Array<[index: number, path: string, formats: string[]]>;
}

/** Marks an issue about a miswritten date, to be hinted once the whole file is read. */
const DATE_ISSUE = Symbol('date hint depends on the whole file');

const emptyPart = (): RecordsPart => ({ records: 0, issues: [], rules: [], dateEvidence: {}, dateIssues: [] });

/**
 * Checks records one at a time into the current part: any thread can check a part, and RecordsCheck
 * merges the parts in order.
 */
export class RecordChecker {
  private readonly validate: ValidateFunction;
  private readonly quick: QuickRecord | undefined;
  private readonly readers: Array<{ fields: string[]; reader: RuleReader }>;
  private part: RecordsPart = emptyPart();
  private hints?: ValueHints;
  private fieldNames?: Set<string>;

  constructor(
    private readonly standard: Standard,
    references: Reference[],
  ) {
    this.validate = compileWhole(standard);
    this.quick = standard.mode === 'records' ? compileQuickRecord(standard) : undefined;
    const context = ruleContext(standard, references);
    this.readers = ruleSpecs(standard, references).map((spec) => ({ fields: spec.fields, reader: ruleReader(spec, context) }));
  }

  /**
   * One record's text, numbered on within the part. `pointer` is the record's JSON Pointer in the document
   * ('/3', '/grants/3'), or undefined for NDJSON, where pointers are within the record.
   */
  add(text: string, line: number, pointer: string | undefined): void {
    const row = ++this.part.records;
    const issues = this.part.issues;
    if (tooManyProperties(text)) {
      issues.push(makeIssue('format-invalid', { kind: 'too-many-fields', limit: MAX_RECORD_PROPERTIES }, { row, line, pointer }));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
      noteParsed(text.length);
    } catch (error) {
      const where = describeJsonError(error as Error, text);
      const at = /\(line (\d+), column (\d+)\)$/.exec(where);
      const parserMessage = where.replace(/\s*\(line \d+, column \d+\)$/, '');
      issues.push(makeIssue('format-invalid', { kind: 'json-record', parserMessage }, { row, line: at ? line + Number(at[1]) - 1 : line, pointer }));
      return;
    }
    // A GeoJSON feature is checked as its properties, with its geometry in the standard's geometry field.
    if (pointer?.startsWith('/features/') && this.standard.mode === 'records' && isFeature(value)) {
      value = featureRecord(value, (this.fieldNames ??= new Set(this.standard.fields.map((f) => f.name))));
      pointer += '/properties';
    }
    for (const repeated of repeatedKeys(text, value)) issues.push(repeatedIssue(repeated, { row, line, pointer: pointer ?? '', record: recordIdOf(this.standard, value) }));
    if (this.readers.length && value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const { fields, reader } of this.readers)
        reader.row(
          fields.map((f) => keyText(record[f])),
          row,
          line,
          issues,
        );
    }
    const quick = this.quick;
    const valid = withinStack(() => (quick !== undefined && quick(value)) || this.validate(value));
    if (valid === undefined) {
      issues.push(makeIssue('format-invalid', { kind: 'too-deep', what: 'record' }, { row, line, pointer }));
      return;
    }
    if (valid) return;
    const findings = explainErrors(this.validate.errors!);
    const lines = locatePointers(text, findings.map(lineTarget), line);
    const record = recordIdOf(this.standard, value);
    for (const f of findings) {
      const parts = f.path.split('/');
      const column = parts[1] !== undefined ? unescape(parts[1]) : undefined;
      if (isDateFinding(f)) {
        noteDateEvidence(this.part.dateEvidence, propertyOf(f.path), f.data as string);
        this.part.dateIssues.push([issues.length, f.path, f.formats!]);
      } else if (!f.hint && parts.length === 2 && this.standard.mode === 'records') {
        f.hint = (this.hints ??= new ValueHints(this.standard)).hintFor(f, column!);
      }
      issues.push(
        findingIssue(f, {
          row,
          line: lines.get(lineTarget(f)) ?? line,
          pointer: (pointer ?? '') + f.path,
          column,
          record,
          severity: (parts.length === 2 && this.standard.mode === 'records' ? judgeFieldFinding(this.standard, f, column) : f.severity) ?? recordSeverity(this.standard, f.code),
        }),
      );
    }
  }

  /** A record too long to read (see ndjson-lines.ts): a row with an issue, so later rows keep their numbers. */
  tooLong(line: number): void {
    const row = ++this.part.records;
    this.part.issues.push(makeIssue('format-invalid', { kind: 'record-too-long', line, megabytes: MAX_RECORD_CHARS >> 20 }, { row, line }));
  }

  /** The current part, whole; the next records start a new part. */
  take(): RecordsPart {
    const part = this.part;
    part.rules = this.readers.map(({ reader }) => reader.take());
    this.part = emptyPart();
    return part;
  }
}

/** Records of one file, checked here or in parts elsewhere, merged in order into the file's report. */
export class RecordsCheck {
  rows = 0;
  private readonly checker: RecordChecker;
  private readonly judges: RuleJudge[];
  /** Records checked here and not yet merged. */
  private unmerged = 0;
  /** What the file's miswritten dates show about day and month, by property, and how many there are. */
  private readonly dateEvidence: DateEvidence = {};
  private dateIssues = 0;

  constructor(
    standard: Standard,
    private readonly sink: IssueCollector,
    references: Reference[] = [],
    /** Where key rules keep the keys that outgrow memory. */
    keyRuns?: () => KeyRuns,
  ) {
    this.checker = new RecordChecker(standard, references);
    const context = { ...ruleContext(standard, references), sink, keyRuns };
    this.judges = ruleSpecs(standard, references).map((spec) => ruleJudge(spec, context));
  }

  /** One record, checked here (see RecordChecker.add). */
  record(text: string, line: number, pointer: string | undefined): void {
    this.checker.add(text, line, pointer);
    if (++this.unmerged >= RULE_BATCH) this.flush();
  }

  /** A record too long to read, here (see RecordChecker.tooLong). */
  tooLong(line: number): void {
    this.checker.tooLong(line);
    if (++this.unmerged >= RULE_BATCH) this.flush();
  }

  /** Take the result of a part checked elsewhere; parts must be merged in the order of their records. */
  merge(part: RecordsPart): void {
    const offset = this.rows;
    this.rows += part.records;
    for (const [index, path, formats] of part.dateIssues) Object.defineProperty(part.issues[index]!, DATE_ISSUE, { value: { path, formats } });
    this.dateIssues += part.dateIssues.length;
    for (const issue of part.issues) {
      if (issue.row !== undefined) issue.row += offset;
      this.sink.add(issue);
    }
    for (const [property, [dayFirst, monthFirst]] of Object.entries(part.dateEvidence)) {
      const counts = (this.dateEvidence[property] ??= [0, 0]);
      counts[0] += dayFirst;
      counts[1] += monthFirst;
    }
    part.rules.forEach((notes, r) => this.judges[r]!.merge(notes, offset));
  }

  /** The end of the records: rules over the whole table report now, and misdated issues get their hints. */
  finish(): void {
    this.flush();
    for (const judge of this.judges) judge.finish(this.rows);
    if (!this.dateIssues) return; // most files: no need to look through the issues
    for (const issue of this.sink.kept()) {
      const date = (issue as Issue & { [DATE_ISSUE]?: { path: string; formats: string[] } })[DATE_ISSUE];
      if (!date || issue.value === undefined) continue;
      const hint = dateHint(issue.value, date.path, date.formats, orderOf(this.dateEvidence[propertyOf(date.path)]));
      // A date in a form a source accepts already says why it is only a warning: the repair comes first.
      if (hint) issue.hint = issue.hint ? `${hint} (${issue.hint})` : hint;
    }
  }

  /** Records checked here so far, merged. */
  flush(): void {
    this.unmerged = 0;
    this.merge(this.checker.take());
  }
}

function ruleContext(standard: Standard, references: Reference[]) {
  return {
    standard,
    references,
    locate: (name: string) => ({ column: name }),
    severityOf: (code: IssueCode, name: string | undefined) => severityFor(standard, code, name === undefined ? undefined : standard.fieldByName.get(name)),
  };
}

/** Validate a whole JSON document; `recordsPath` numbers the rows of issues inside its records. */
export function checkDocument(text: string, standard: Standard, sink: IssueCollector): number {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = describeJsonError(error as Error, text);
    const at = /\(line (\d+), column \d+\)$/.exec(where);
    sink.add(makeIssue('format-invalid', { kind: 'json-file', parserMessage: where }, { line: at ? Number(at[1]) : undefined }));
    return 0;
  }
  const records = recordsAt(document, standard.recordsPath);
  const prefix = standard.recordsPath ? `${standard.recordsPath}/` : undefined;
  for (const repeated of repeatedKeys(text, document)) {
    const row = prefix && repeated.object.startsWith(prefix) ? Number(repeated.object.slice(prefix.length).split('/')[0]) + 1 : undefined;
    const record = recordIdOf(standard, recordAt(document, standard.recordsPath, repeated.object));
    sink.add(repeatedIssue(repeated, { row: Number.isInteger(row) ? row : undefined, line: 1, pointer: '', record }));
  }
  const validate = compileWhole(standard);
  const valid = withinStack(() => validate(document));
  if (valid === undefined) {
    sink.add(makeIssue('format-invalid', { kind: 'too-deep', what: 'document' }));
    return records;
  }
  if (valid) return records;
  const findings = explainErrors(validate.errors!);
  attachDateHints(findings);
  const lines = locatePointers(text, findings.map(lineTarget));
  const titles = new ColumnTitles(standard);
  for (const f of findings) {
    const row = prefix && f.path.startsWith(prefix) ? Number(f.path.slice(prefix.length).split('/')[0]) + 1 : undefined;
    sink.add(
      findingIssue(f, {
        row: Number.isInteger(row) ? row : undefined,
        line: lines.get(lineTarget(f)),
        pointer: f.path,
        record: recordIdOf(standard, recordAt(document, standard.recordsPath, f.path)),
        title: titles.of(f.path),
        severity: f.severity ?? recordSeverity(standard, f.code),
      }),
    );
  }
  return records;
}

/**
 * A property named twice in one object, at the line it is named again; `pointer` is where the scanned
 * text sits in the file (a record's pointer, or '' for NDJSON and whole documents).
 */
function repeatedIssue(repeated: RepeatedKey, at: { row: number | undefined; line: number; pointer: string; record: string | undefined }): Issue {
  const pointer = `${at.pointer}${repeated.object}/${repeated.key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const topLevel = repeated.object === '';
  return makeIssue(
    'property-duplicate',
    { name: repeated.key },
    {
      ...(at.row !== undefined ? { row: at.row } : {}),
      line: at.line + repeated.lineOffset,
      pointer,
      ...(topLevel ? { column: repeated.key } : {}),
      ...(at.record !== undefined ? { record: at.record } : {}),
    },
  );
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
  /** The record's own id. */
  record?: string;
  /** The place's published column title (document standards). */
  title?: string;
  severity?: Severity;
}

function findingIssue(f: Finding, place: Place): Issue {
  const name = describePath(f.path);
  const value = f.code === 'value-missing' || f.data === undefined ? undefined : showValue(f.data);
  const issue = issueOf({ ...f, missing: 'absent' }, { name, value, fromRecord: true }, {}, place.severity);
  if (place.row !== undefined) issue.row = place.row;
  if (place.line !== undefined) issue.line = place.line;
  if (place.column !== undefined) issue.column = place.column;
  if (place.title !== undefined) issue.field = place.title;
  issue.pointer = place.pointer;
  if (place.record !== undefined) issue.record = place.record;
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
export function keyText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value).trim();
  try {
    return JSON.stringify(value);
  } catch {
    return preview(value, 1000); // nested beyond the stack's depth
  }
}

const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');
