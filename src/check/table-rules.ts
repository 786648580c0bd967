// Rules over a whole table, which JSON Schema cannot say because it sees one record at a time: unique
// and primary keys, references to another file, a value that must be the same throughout, the number
// of records, and the span of dates. Each rule has two halves. Its reader looks at a few fields of each
// row and can run on any thread over any part of the table; its judge, on the main thread, takes the
// readers' notes in row order and decides. Whatever the parts, the judgement is the same.
import { makeIssue, phrases, type IssueLocation } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import { detach } from '../report/detach.js';
import { readDate } from '../repair/dates.js';
import type { Standard } from '../standards/standard.js';
import { recordSeverity } from '../standards/standard.js';
import type { Issue, IssueCode, Severity } from '../types.js';
import { doubled, hashKey, KeySet, type FirstSeen, type KeyRuns } from './rules/key-set.js';

/** Marks a duplicate key found too late to know its value: the fields of the key, to read it again. */
export const LATE_KEY = Symbol('duplicate key without its value');

/** How a duplicate key's message names it, its value (when known) and where it was first. */
export function duplicateArgs(fields: string[], value: string | undefined, first: FirstSeen) {
  return { name: fields.join(' + '), value, other: `row ${first.row}, line ${first.line}` };
}

/** What a rule is, as plain data (so a worker thread can build the same reader). */
export interface RuleSpec {
  kind: 'key' | 'reference' | 'constant' | 'date-range' | 'rows';
  /** The fields whose texts the reader receives, in this order. */
  fields: string[];
  primary?: boolean;
  /** For references: the index of the other file in the references list. */
  reference?: number;
  range?: DateRange;
  bounds?: { minimum?: number; maximum?: number };
}

interface DateRange {
  maximumDays?: number;
  minimum?: string;
  maximum?: string;
}

/** Values of the referenced fields in another file, loaded before the table is read. */
export interface Reference {
  /** The fields of this file that refer. */
  from: string[];
  /** The other file, as the standard names it (relative to the data file). */
  resource: string;
  /** The fields of the other file referred to. */
  fields: string[];
  values?: Set<string>;
  /** Why the other file could not be read. */
  problem?: string;
}

/** Where a field is in the file being checked, for locating issues. */
export type Locate = (field: string) => Pick<IssueLocation, 'column' | 'columnIndex' | 'field'>;

export interface RuleContext {
  standard: Standard;
  locate: Locate;
  severityOf: (code: IssueCode, field: string | undefined) => Severity;
  references: Reference[];
  /** Where a key rule keeps the keys that outgrow memory (in memory when not given). */
  keyRuns?: () => KeyRuns;
}

/** The reading half: sees rows, may raise issues about a row itself, and notes what the judge needs. */
export interface RuleReader {
  row(texts: string[], row: number, line: number, issues: Issue[]): void;
  /** The notes for the rows read since the last call (structured-clonable), starting afresh. */
  take(): unknown;
}

/** The judging half: given every reader's notes in row order, decides and reports. */
export interface RuleJudge {
  /** Notes for rows numbered from 1 within their part; `rowOffset` makes them the file's row numbers. */
  merge(notes: unknown, rowOffset: number): void;
  finish(rows: number): void;
}

const SEPARATOR = '\u0001';
const KEY_END = '\u0000';

/** The standard's table rules, in a fixed order that readers and judges share. */
export function ruleSpecs(standard: Standard, references: Reference[]): RuleSpec[] {
  const schema = standard.schema;
  const specs: RuleSpec[] = [];
  const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  if (schema['x-primaryKey'] !== undefined) specs.push({ kind: 'key', fields: asList(schema['x-primaryKey']), primary: true });
  for (const key of (schema['x-uniqueKeys'] as unknown[] | undefined) ?? []) specs.push({ kind: 'key', fields: asList(key), primary: false });
  references.forEach((reference, index) => specs.push({ kind: 'reference', fields: reference.from, reference: index }));
  for (const field of standard.fields) {
    if (field.constant) specs.push({ kind: 'constant', fields: [field.name] });
    const range = field.schema['x-dateRange'] as DateRange | undefined;
    if (range) specs.push({ kind: 'date-range', fields: [field.name], range });
  }
  const bounds = schema['x-rows'] as { minimum?: number; maximum?: number } | undefined;
  if (bounds) specs.push({ kind: 'rows', fields: [], bounds });
  return specs;
}

export function ruleReader(spec: RuleSpec, context: RuleContext): RuleReader {
  switch (spec.kind) {
    case 'key':
      return new KeyReader(spec, context);
    case 'reference':
      return new ReferenceReader(spec, context);
    case 'constant':
      return new ConstantReader();
    case 'date-range':
      return new DateRangeReader();
    case 'rows':
      return { row() {}, take: () => null };
  }
}

export function ruleJudge(spec: RuleSpec, context: RuleContext & { sink: IssueCollector }): RuleJudge {
  switch (spec.kind) {
    case 'key':
      return new KeyJudge(spec, context);
    case 'reference':
      return new ReferenceJudge(spec, context);
    case 'constant':
      return new ConstantJudge(spec, context);
    case 'date-range':
      return new DateRangeJudge(spec, context);
    case 'rows':
      return new RowCountJudge(spec, context);
  }
}

// ---------- keys ----------

interface KeyNotes {
  /** Three hashes per key (see hashKey), computed where the rows were read. */
  hashes: Int32Array;
  rows: Uint32Array;
  lines: Uint32Array;
  /** The keys themselves, each ended by KEY_END, for the messages of duplicates. */
  keys: string;
}

/** Keys whose texts are held one by one before they are joined into one string. */
const KEYS_JOINED_AT = 1024;

class KeyReader implements RuleReader {
  /**
   * The keys of the rows read since the last take, hashed as they come: a part of a big file has tens of
   * thousands, and a long array of young strings makes every young-generation collection slow.
   */
  private hashes = new Int32Array(3 * KEYS_JOINED_AT);
  private rows = new Uint32Array(KEYS_JOINED_AT);
  private lines = new Uint32Array(KEYS_JOINED_AT);
  private count = 0;
  /** Texts of the latest keys, and those before them joined, each ended by KEY_END. */
  private recent: string[] = [];
  private joined: string[] = [];

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext,
  ) {}

  row(texts: string[], row: number, line: number, issues: Issue[]): void {
    let empty = -1;
    for (let i = 0; i < texts.length; i++) if (texts[i] === '') empty = i;
    if (empty >= 0) {
      // A primary key is never empty (a required field's empty cell is reported already); an empty part
      // of a unique key makes no key, as in SQL.
      const field = this.spec.fields[empty]!;
      if (this.spec.primary && !this.context.standard.fieldByName.get(field)?.required) {
        issues.push(
          makeIssue('value-missing', { name: field, detail: 'it is part of the primary key, which is never empty' }, { row, line, ...this.context.locate(field) }, this.context.severityOf('value-missing', field)),
        );
      }
      return;
    }
    const key = texts.length === 1 ? texts[0]! : texts.join(SEPARATOR);
    const k = this.count++;
    if (k === this.rows.length) this.grow();
    hashKey(key, this.hashes, k * 3);
    this.rows[k] = row;
    this.lines[k] = line;
    this.recent.push(key);
    if (this.recent.length === KEYS_JOINED_AT) this.joinRecent();
  }

  take(): KeyNotes {
    this.joinRecent();
    const n = this.count;
    const notes = { hashes: this.hashes.slice(0, n * 3), rows: this.rows.slice(0, n), lines: this.lines.slice(0, n), keys: this.joined.join('') };
    this.count = 0;
    this.joined = [];
    return notes;
  }

  private joinRecent(): void {
    if (this.recent.length) this.joined.push(this.recent.join(KEY_END) + KEY_END);
    this.recent = [];
  }

  private grow(): void {
    this.hashes = doubled(this.hashes);
    this.rows = doubled(this.rows);
    this.lines = doubled(this.lines);
  }
}

class KeyJudge implements RuleJudge {
  private readonly seen: KeySet;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext & { sink: IssueCollector },
  ) {
    this.seen = new KeySet(undefined, context.keyRuns?.());
  }

  merge(notes: KeyNotes, rowOffset: number): void {
    const { hashes, keys } = notes;
    // Keys are found in the text only for duplicates, reading forward from the last one found.
    let key = 0;
    let at = 0;
    for (let k = 0; k < notes.rows.length; k++) {
      const row = notes.rows[k]! + rowOffset;
      const line = notes.lines[k]!;
      const first = this.seen.addHashed(hashes[k * 3]!, hashes[k * 3 + 1]!, hashes[k * 3 + 2]!, row, line);
      if (!first) continue;
      for (; key < k; key++) at = keys.indexOf(KEY_END, at) + 1;
      const value = keys.slice(at, keys.indexOf(KEY_END, at)).split(SEPARATOR).join(', ');
      this.context.sink.add(this.duplicate(row, line, first, value));
    }
  }

  finish(): void {
    this.seen.finish((late) => {
      // Found by merging the key runs written to disk, where key texts are not kept: the issue is marked
      // with its fields, and the value is read from its line again once the file is checked (key-values.ts).
      const issue = this.duplicate(late.row, late.line, late.first, undefined);
      Object.defineProperty(issue, LATE_KEY, { value: this.spec.fields });
      this.context.sink.add(issue);
    });
    if (this.seen.collisions) this.report('table-rule', { detail: phrases.hashCollisions(this.seen.collisions, this.spec.fields.join(' + ')) }, {}, 'info');
  }

  private duplicate(row: number, line: number, first: FirstSeen, value: string | undefined): Issue {
    const issue = makeIssue('key-duplicate', duplicateArgs(this.spec.fields, value, first), { row, line, ...this.context.locate(this.spec.fields[0]!) }, this.context.severityOf('key-duplicate', this.spec.fields[0]));
    if (value !== undefined) issue.value = value;
    issue.firstRow = first.row;
    issue.firstLine = first.line;
    return issue;
  }

  private report(code: IssueCode, args: Parameters<typeof makeIssue>[1], location: IssueLocation, severity?: Severity): void {
    this.context.sink.add(makeIssue(code, args, location, severity ?? this.context.severityOf(code, this.spec.fields[0])));
  }
}

// ---------- references to another file ----------

class ReferenceReader implements RuleReader {
  private readonly reference: Reference;
  /** Rows that refer to the other file (their fields are not empty). */
  private referring = 0;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext,
  ) {
    this.reference = context.references[spec.reference!]!;
  }

  row(texts: string[], row: number, line: number, issues: Issue[]): void {
    if (texts.some((t) => t === '')) return;
    this.referring++;
    const values = this.reference.values;
    if (!values) return;
    const key = texts.length === 1 ? texts[0]! : texts.join(SEPARATOR);
    if (values.has(key)) return;
    const where = `${this.reference.resource} (${this.reference.fields.join(' + ')})`;
    const value = texts.join(', ');
    issues.push(
      makeIssue(
        'key-reference',
        { name: this.spec.fields.join(' + '), value, other: where },
        { row, line, ...this.context.locate(this.spec.fields[0]!), value, otherFile: this.reference.resource },
        this.context.severityOf('key-reference', this.spec.fields[0]),
      ),
    );
  }

  take(): number {
    const referring = this.referring;
    this.referring = 0;
    return referring;
  }
}

class ReferenceJudge implements RuleJudge {
  private referring = 0;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext & { sink: IssueCollector },
  ) {}

  merge(referring: number): void {
    this.referring += referring;
  }

  finish(): void {
    // The other file could not be read: worth saying only if some row refers to it.
    const reference = this.context.references[this.spec.reference!]!;
    if (!reference.problem || this.referring === 0) return;
    this.context.sink.add(makeIssue('key-reference', { detail: reference.problem }, { otherFile: reference.resource }, this.context.severityOf('key-reference', this.spec.fields[0])));
  }
}

// ---------- a value the same throughout ----------

/** Each distinct value of a part, with how often and where first. */
type ConstantNotes = Array<[value: string, count: number, row: number, line: number]>;

class ConstantReader implements RuleReader {
  private values = new Map<string, [number, number, number]>();

  row(texts: string[], row: number, line: number): void {
    const value = texts[0]!;
    if (value === '') return;
    const seen = this.values.get(value);
    if (seen) seen[0]++;
    else this.values.set(detach(value), [1, row, line]);
  }

  take(): ConstantNotes {
    const notes: ConstantNotes = [...this.values].map(([value, [count, row, line]]) => [value, count, row, line]);
    this.values = new Map();
    return notes;
  }
}

class ConstantJudge implements RuleJudge {
  private first?: { value: string; row: number };
  private differing = 0;
  private firstDiffering?: { value: string; row: number; line: number };

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext & { sink: IssueCollector },
  ) {}

  merge(notes: ConstantNotes, rowOffset: number): void {
    if (!notes.length) return;
    if (!this.first) {
      const earliest = notes.reduce((a, b) => (b[2] < a[2] ? b : a));
      this.first = { value: earliest[0], row: earliest[2] + rowOffset };
    }
    for (const [value, count, row, line] of notes) {
      if (value === this.first.value) continue;
      this.differing += count;
      if (!this.firstDiffering || row + rowOffset < this.firstDiffering.row) this.firstDiffering = { value, row: row + rowOffset, line };
    }
  }

  finish(): void {
    const d = this.firstDiffering;
    if (!d || !this.first) return;
    const field = this.spec.fields[0]!;
    this.context.sink.add(
      makeIssue(
        'table-rule',
        { detail: phrases.notConstant(field, this.first.value, this.first.row, d.value, d.row, this.differing) },
        { row: d.row, line: d.line, ...this.context.locate(field), value: d.value, count: this.differing },
        this.context.severityOf('table-rule', field),
      ),
    );
  }
}

// ---------- the span of dates ----------

interface DatePoint {
  day: number;
  text: string;
  row: number;
  line: number;
}

type DateRangeNotes = { earliest?: DatePoint; latest?: DatePoint };

class DateRangeReader implements RuleReader {
  private notes: DateRangeNotes = {};

  row(texts: string[], row: number, line: number): void {
    const date = readDate(texts[0]!);
    if (!date) return;
    const day = Date.UTC(date.year, date.month - 1, date.day) / 86400000;
    const { earliest, latest } = this.notes;
    if (!earliest || day < earliest.day) this.notes.earliest = { day, text: detach(texts[0]!), row, line };
    if (!latest || day > latest.day) this.notes.latest = { day, text: detach(texts[0]!), row, line };
  }

  take(): DateRangeNotes {
    const notes = this.notes;
    this.notes = {};
    return notes;
  }
}

class DateRangeJudge implements RuleJudge {
  private earliest?: DatePoint;
  private latest?: DatePoint;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext & { sink: IssueCollector },
  ) {}

  merge(notes: DateRangeNotes, rowOffset: number): void {
    // Parts arrive in row order, so on a tie the earlier part's point stays.
    if (notes.earliest && (!this.earliest || notes.earliest.day < this.earliest.day)) this.earliest = { ...notes.earliest, row: notes.earliest.row + rowOffset };
    if (notes.latest && (!this.latest || notes.latest.day > this.latest.day)) this.latest = { ...notes.latest, row: notes.latest.row + rowOffset };
  }

  finish(): void {
    const { earliest, latest } = this;
    if (!earliest || !latest) return;
    const range = this.spec.range!;
    const field = this.spec.fields[0]!;
    const add = (detail: string, at: DatePoint) =>
      this.context.sink.add(
        makeIssue('table-rule', { detail }, { row: at.row, line: at.line, ...this.context.locate(field), value: at.text }, this.context.severityOf('table-rule', field)),
      );
    const span = latest.day - earliest.day;
    if (range.maximumDays !== undefined && span > range.maximumDays) {
      add(phrases.dateSpan(field, earliest.text, earliest.row, latest.text, latest.row, span, range.maximumDays), latest);
    }
    const bound = (text: string | undefined) => {
      const d = text ? readDate(text) : undefined;
      return d ? Date.UTC(d.year, d.month - 1, d.day) / 86400000 : undefined;
    };
    const min = bound(range.minimum);
    const max = bound(range.maximum);
    if (min !== undefined && earliest.day < min) add(phrases.dateBefore(field, earliest.text, range.minimum!), earliest);
    if (max !== undefined && latest.day > max) add(phrases.dateAfter(field, latest.text, range.maximum!), latest);
  }
}

// ---------- the number of records ----------

class RowCountJudge implements RuleJudge {
  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext & { sink: IssueCollector },
  ) {}

  merge(): void {}

  finish(rows: number): void {
    const { minimum, maximum } = this.spec.bounds!;
    const outside = (minimum !== undefined && rows < minimum) || (maximum !== undefined && rows > maximum);
    if (!outside) return;
    this.context.sink.add(makeIssue('table-rule', { detail: phrases.rowCount(rows, minimum, maximum) }, {}, recordSeverity(this.context.standard, 'table-rule')));
  }
}

/** Foreign keys declared by the standard, with the fields of this file that refer. */
export function declaredReferences(standard: Standard): Array<{ from: string[]; resource: string; fields: string[] }> {
  const list = (standard.schema['x-foreignKeys'] as Array<{ fields: string | string[]; reference: { resource: string; fields: string | string[] } }> | undefined) ?? [];
  const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
  return list.map((fk) => ({ from: asList(fk.fields), resource: fk.reference.resource, fields: asList(fk.reference.fields) }));
}
