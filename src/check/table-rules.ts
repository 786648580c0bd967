// Rules over a whole table, which JSON Schema cannot say because it sees one record at a time: unique
// and primary keys, references to another file, a value that must be the same throughout, the number
// of records, and the span of dates. Each reads the texts of a few fields per row, in constant memory
// (keys are hashed), and reports with the row and line — of the first occurrence, too, for duplicates.
import { makeIssue, phrases, type IssueLocation } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import { detach } from '../report/detach.js';
import { readDate } from '../repair/dates.js';
import type { Standard } from '../standards/standard.js';
import { recordSeverity } from '../standards/standard.js';
import type { IssueCode, Severity } from '../types.js';
import { KeySet } from './rules/key-set.js';

export interface TableRule {
  /** The fields whose texts `row` receives, in this order. */
  readonly fields: string[];
  row(texts: string[], row: number, line: number): void;
  finish(rows: number): void;
}

/** Where a field is in the file being checked, for locating issues. */
export type Locate = (field: string) => Pick<IssueLocation, 'column' | 'columnIndex' | 'field'>;

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

export interface RuleContext {
  standard: Standard;
  sink: IssueCollector;
  locate: Locate;
  severityOf: (code: IssueCode, field: string | undefined) => Severity;
  references?: Reference[];
}

const SEPARATOR = '\u0001';

export function buildTableRules(context: RuleContext): TableRule[] {
  const { standard } = context;
  const schema = standard.schema;
  const rules: TableRule[] = [];
  const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  if (schema['x-primaryKey'] !== undefined) rules.push(new KeyRule(asList(schema['x-primaryKey']), true, context));
  for (const key of (schema['x-uniqueKeys'] as unknown[] | undefined) ?? []) rules.push(new KeyRule(asList(key), false, context));
  for (const reference of context.references ?? []) rules.push(new ReferenceRule(reference, context));
  for (const field of standard.fields) {
    if (field.constant) rules.push(new ConstantRule(field.name, context));
    const range = field.schema['x-dateRange'] as DateRange | undefined;
    if (range) rules.push(new DateRangeRule(field.name, range, context));
  }
  const rows = schema['x-rows'] as { minimum?: number; maximum?: number } | undefined;
  if (rows) rules.push(new RowCountRule(rows, context));
  return rules;
}

class KeyRule implements TableRule {
  private readonly seen = new KeySet();

  constructor(
    readonly fields: string[],
    private readonly primary: boolean,
    private readonly context: RuleContext,
  ) {}

  row(texts: string[], row: number, line: number): void {
    let empty = -1;
    for (let i = 0; i < texts.length; i++) if (texts[i] === '') empty = i;
    if (empty >= 0) {
      // A primary key is never empty (a required field's empty cell is reported already); an empty part
      // of a unique key makes no key, as in SQL.
      if (this.primary && !this.context.standard.fieldByName.get(this.fields[empty]!)?.required) this.report('value-missing', { name: this.fields[empty], detail: 'it is part of the primary key, which is never empty' }, { row, line, ...this.context.locate(this.fields[empty]!) });
      return;
    }
    const key = texts.length === 1 ? texts[0]! : texts.join(SEPARATOR);
    const first = this.seen.add(key, row, line);
    if (first) {
      this.report(
        'key-duplicate',
        { name: this.fields.join(' + '), value: texts.join(', '), other: `row ${first.row}, line ${first.line}` },
        { row, line, ...this.context.locate(this.fields[0]!), value: texts.join(', '), firstRow: first.row, firstLine: first.line },
      );
    }
  }

  finish(): void {
    const name = this.fields.join(' + ');
    for (const late of this.seen.finish()) {
      // Found by merging the key runs written to disk: the key's text is not kept, so it is not shown.
      this.report(
        'key-duplicate',
        { name, value: undefined, other: `row ${late.first.row}, line ${late.first.line}` },
        { row: late.row, line: late.line, ...this.context.locate(this.fields[0]!), firstRow: late.first.row, firstLine: late.first.line },
      );
    }
    if (this.seen.collisions) {
      this.report('table-rule', { detail: phrases.hashCollisions(this.seen.collisions, this.fields.join(' + ')) }, {}, 'info');
    }
  }

  private report(code: IssueCode, args: Parameters<typeof makeIssue>[1], location: IssueLocation, severity?: Severity): void {
    this.context.sink.add(makeIssue(code, args, location, severity ?? this.context.severityOf(code, this.fields[0])));
  }
}

class ReferenceRule implements TableRule {
  readonly fields: string[];
  private reportedProblem = false;

  constructor(
    private readonly reference: Reference,
    private readonly context: RuleContext,
  ) {
    this.fields = reference.from;
  }

  row(texts: string[], row: number, line: number): void {
    const values = this.reference.values;
    if (!values) return;
    if (texts.some((t) => t === '')) return;
    const key = texts.length === 1 ? texts[0]! : texts.join(SEPARATOR);
    if (values.has(key)) return;
    const where = `${this.reference.resource} (${this.reference.fields.join(' + ')})`;
    this.context.sink.add(
      makeIssue(
        'key-reference',
        { name: this.fields.join(' + '), value: texts.join(', '), other: where },
        { row, line, ...this.context.locate(this.fields[0]!), value: texts.join(', '), otherFile: this.reference.resource },
        this.context.severityOf('key-reference', this.fields[0]),
      ),
    );
  }

  finish(): void {
    if (this.reference.problem && !this.reportedProblem) {
      this.reportedProblem = true;
      this.context.sink.add(
        makeIssue('key-reference', { detail: this.reference.problem }, { otherFile: this.reference.resource }, this.context.severityOf('key-reference', this.fields[0])),
      );
    }
  }
}

class ConstantRule implements TableRule {
  readonly fields: string[];
  private first?: { value: string; row: number };
  private differing = 0;
  private firstDiffering?: { value: string; row: number; line: number };

  constructor(
    field: string,
    private readonly context: RuleContext,
  ) {
    this.fields = [field];
  }

  row(texts: string[], row: number, line: number): void {
    const value = texts[0]!;
    if (value === '') return;
    if (!this.first) this.first = { value: detach(value), row };
    else if (value !== this.first.value) {
      this.differing++;
      this.firstDiffering ??= { value: detach(value), row, line };
    }
  }

  finish(): void {
    const d = this.firstDiffering;
    if (!d || !this.first) return;
    const field = this.fields[0]!;
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

interface DateRange {
  maximumDays?: number;
  minimum?: string;
  maximum?: string;
}

class DateRangeRule implements TableRule {
  readonly fields: string[];
  private earliest?: { day: number; text: string; row: number; line: number };
  private latest?: { day: number; text: string; row: number; line: number };

  constructor(
    field: string,
    private readonly range: DateRange,
    private readonly context: RuleContext,
  ) {
    this.fields = [field];
  }

  row(texts: string[], row: number, line: number): void {
    const date = readDate(texts[0]!);
    if (!date) return;
    const day = Date.UTC(date.year, date.month - 1, date.day) / 86400000;
    if (!this.earliest || day < this.earliest.day) this.earliest = { day, text: detach(texts[0]!), row, line };
    if (!this.latest || day > this.latest.day) this.latest = { day, text: detach(texts[0]!), row, line };
  }

  finish(): void {
    const { earliest, latest } = this;
    if (!earliest || !latest) return;
    const field = this.fields[0]!;
    const add = (detail: string, at: { row: number; line: number; text: string }) =>
      this.context.sink.add(
        makeIssue('table-rule', { detail }, { row: at.row, line: at.line, ...this.context.locate(field), value: at.text }, this.context.severityOf('table-rule', field)),
      );
    const span = latest.day - earliest.day;
    if (this.range.maximumDays !== undefined && span > this.range.maximumDays) {
      add(phrases.dateSpan(field, earliest.text, earliest.row, latest.text, latest.row, span, this.range.maximumDays), latest);
    }
    const bound = (text: string | undefined) => {
      const d = text ? readDate(text) : undefined;
      return d ? Date.UTC(d.year, d.month - 1, d.day) / 86400000 : undefined;
    };
    const min = bound(this.range.minimum);
    const max = bound(this.range.maximum);
    if (min !== undefined && earliest.day < min) add(phrases.dateBefore(field, earliest.text, this.range.minimum!), earliest);
    if (max !== undefined && latest.day > max) add(phrases.dateAfter(field, latest.text, this.range.maximum!), latest);
  }
}

class RowCountRule implements TableRule {
  readonly fields: string[] = [];

  constructor(
    private readonly bounds: { minimum?: number; maximum?: number },
    private readonly context: RuleContext,
  ) {}

  row(): void {}

  finish(rows: number): void {
    const { minimum, maximum } = this.bounds;
    const outside = (minimum !== undefined && rows < minimum) || (maximum !== undefined && rows > maximum);
    if (!outside) return;
    this.context.sink.add(makeIssue('table-rule', { detail: phrases.rowCount(rows, minimum, maximum) }, {}, recordSeverity(this.context.standard, 'table-rule')));
  }
}

/** Foreign keys declared by the standard, with the fields of this file that refer (for ReferenceRule). */
export function declaredReferences(standard: Standard): Array<{ from: string[]; resource: string; fields: string[] }> {
  const list = (standard.schema['x-foreignKeys'] as Array<{ fields: string | string[]; reference: { resource: string; fields: string | string[] } }> | undefined) ?? [];
  const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
  return list.map((fk) => ({ from: asList(fk.fields), resource: fk.reference.resource, fields: asList(fk.reference.fields) }));
}
