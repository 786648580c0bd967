// Checking a table (a CSV file) against a standard of records: find the header (skipping title lines),
// match it to the fields, then check each row — its shape, each cell, and the rules over the whole record.
import type { ValidateFunction } from 'ajv';
import { makeIssue, phrases } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import type { TokenBatch } from '../sources/csv-tokenizer.js';
import type { Field, Standard } from '../standards/standard.js';
import { recordSeverity } from '../standards/standard.js';
import type { IssueCode, Severity } from '../types.js';
import { findDamage, MOJIBAKE } from '../repair/mojibake.js';
import type { Issue } from '../types.js';
import { ABSENT, CellChecker, fieldSeverity, type CellFinding, type CellNote } from './cells.js';
import { explainErrors } from './explain.js';
import { matchHeader, type Column } from './header.js';
import { findHeader, HEADER_SEARCH, isBlankRow, TEMPLATE_SEARCH, TEMPLATE_WORDS, templateKind } from './layout.js';
import { buildTableRules, type Reference, type TableRule } from './table-rules.js';

/** Unknown columns listed one by one; the rest are one issue with a count. */
const LISTED_UNKNOWN_COLUMNS = 50;

export { isBlankRow } from './layout.js';

/** Issues whose date hint may change once the whole column has been read; more are left as they are. */
const DATE_HINTS_REVISITED = 10000;

export interface TableOptions {
  /** Column names in the file mapped to the standard's fields (from the config). */
  columns?: Record<string, string>;
  /** The severity of an issue, with the standard's and the config's overrides applied. */
  severityOf?: (code: IssueCode, field: Field | undefined) => Severity | undefined;
  /** The other files the standard's foreign keys refer to, already read. */
  references?: Reference[];
  /** The file's delimiter: a semicolon means decimal commas are likely. */
  delimiter?: string;
}

interface PlannedRule {
  rule: TableRule;
  /** Column index of each of the rule's fields. */
  columns: number[];
}

interface PlannedColumn {
  column: Column;
  field: Field;
  checker: CellChecker;
  /** The standard's name, when the file writes it differently. */
  fieldLabel?: string;
  /** Passing values that still deserve a word, by kind: how many, and where the first and last are. */
  notes?: Map<CellNote['kind'], NoteTally>;
}

interface NoteTally {
  count: number;
  row: number;
  line: number;
  example: string;
  fixable: boolean;
}

export class TableCheck {
  /** Data rows checked (blank rows are numbered but not counted). */
  rows = 0;
  private header?: string[];
  /** Line of the header (after any title lines); 0 until found. */
  headerLine = 0;
  private waiting: TokenBatch = { rows: [], lines: [] };
  private planned: PlannedColumn[] = [];
  private columns: Column[] = [];
  private blankNamed: Array<{ column: Column; used: boolean }> = [];
  private recordRules?: ValidateFunction;
  private tableRules: PlannedRule[] = [];
  private rowNumber = 0;
  private blankRun?: { row: number; line: number; endRow: number; endLine: number };
  /** Rows right under the header still to be looked at as possible template rows. */
  private templateLeft = 0;
  private templateRun?: { row: number; line: number; endRow: number; endLine: number; kinds: string[] };
  /** Text damaged by an earlier bad conversion was seen in the file: look for it in every cell. */
  private watchDamage = false;
  private dateHints: Array<{ issue: Issue; plan: PlannedColumn; text: string }> = [];

  constructor(
    private readonly standard: Standard,
    private readonly sink: IssueCollector,
    private readonly options: TableOptions = {},
  ) {}

  push(batch: TokenBatch): void {
    if (this.header) return this.checkRows(batch.rows, batch.lines);
    this.waiting.rows.push(...batch.rows);
    this.waiting.lines.push(...batch.lines);
    if (this.waiting.rows.length >= HEADER_SEARCH) this.start();
  }

  /**
   * Text in the chunk just read carries the marks of an earlier bad conversion (`�`, `Ã©`), so from now on
   * each cell is looked at for it. One test per chunk keeps clean files free of the per-cell cost.
   */
  noteChunk(text: string): void {
    if (!this.watchDamage && MOJIBAKE.test(text)) this.watchDamage = true;
  }

  /** The end of the file. Returns false when the file held no header at all. */
  finish(): boolean {
    if (!this.header) this.start();
    if (!this.header) return false;
    this.flushTemplateRun();
    this.flushBlankRun();
    this.reportBlankNamedColumns();
    for (const { rule } of this.tableRules) rule.finish(this.rows);
    this.reportNotes();
    this.reviseDateHints();
    return true;
  }

  private start(): void {
    const { rows, lines } = this.waiting;
    this.waiting = { rows: [], lines: [] };
    const at = findHeader(rows, this.standard, this.options.columns);
    if (at < 0) return;
    this.header = rows[at]!;
    this.headerLine = lines[at]!;
    if (this.headerLine > 1) {
      const title = rows.slice(0, at).find((r) => !isBlankRow(r))?.find((c) => c.trim());
      const detail = title ? ` (the first says ${JSON.stringify(title.trim().slice(0, 60))})` : '';
      this.add('title-rows', { count: this.headerLine - 1, other: String(this.headerLine), detail }, { line: 1, endLine: this.headerLine - 1, count: this.headerLine - 1 });
    }
    this.templateLeft = TEMPLATE_SEARCH;
    this.planColumns();
    this.checkRows(rows.slice(at + 1), lines.slice(at + 1));
  }

  private planColumns(): void {
    const names = this.header!;
    const match = matchHeader(names, this.standard, this.options.columns);
    this.columns = match.columns;
    const line = this.headerLine;
    const unknown: Column[] = [];
    for (const column of match.columns) {
      const where = { line, column: column.name, columnIndex: column.index + 1 };
      if (column.blank) {
        this.blankNamed.push({ column, used: false });
      } else if (column.duplicateOf) {
        const other = column.duplicateOf;
        this.add('header-duplicate', { name: column.name, other: `as column ${other.index + 1}${other.name !== column.name ? `, "${other.name}"` : ''}` }, where);
      } else if (!column.field) {
        unknown.push(column);
        if (unknown.length > LISTED_UNKNOWN_COLUMNS) continue;
        this.add('header-unknown', { name: column.name, other: column.closest }, { ...where, suggestion: column.closest }, this.standard.closed ? 'error' : undefined);
      } else {
        const field = column.field;
        if (column.matchedBy !== 'exact' && column.matchedBy !== 'config') {
          const typoOf = column.typoOf && column.typoOf !== field.name ? `a likely typo of "${column.typoOf}", a known alias` : 'a likely typo';
          const why = { spelling: 'written differently', alias: 'a known alias', typo: typoOf }[column.matchedBy!];
          this.add('header-mismatch', { name: column.name, other: field.name, detail: why }, { ...where, field: field.name, suggestion: field.name, hint: `rename the column to "${field.name}"` });
        }
        this.planned.push({
          column,
          field,
          checker: new CellChecker(field, this.standard, (code, f) => this.severityOf(code, f), { decimalComma: this.options.delimiter === ';' }),
          fieldLabel: column.name !== field.name ? field.name : undefined,
        });
      }
    }
    if (unknown.length > LISTED_UNKNOWN_COLUMNS) {
      const rest = unknown.slice(LISTED_UNKNOWN_COLUMNS);
      this.add(
        'header-unknown',
        { name: rest[0]!.name, other: undefined },
        { line, column: rest[0]!.name, columnIndex: rest[0]!.index + 1, count: rest.length, hint: phrases.moreUnknownColumns(rest.length) },
        this.standard.closed ? 'error' : undefined,
      );
    }
    for (const { field, closest } of match.missing) {
      // A field the standard only recommends (x-severity on the field) is missing at that severity.
      this.add('header-missing', { name: field.name, other: closest }, { line, field: field.name, suggestion: closest }, this.severityOf('header-missing', field));
    }
    this.recordRules = compileRecordRules(this.standard);
    this.planTableRules();
  }

  /** Rules over the whole table whose fields all have a column in this file. */
  private planTableRules(): void {
    const byField = new Map(this.planned.map((p) => [p.field.name, p]));
    const locate = (name: string) => {
      const plan = byField.get(name);
      return plan ? { column: plan.column.name, columnIndex: plan.column.index + 1, field: plan.fieldLabel } : { field: name };
    };
    const rules = buildTableRules({
      standard: this.standard,
      sink: this.sink,
      locate,
      severityOf: (code, name) => this.severityOf(code, name === undefined ? undefined : this.standard.fieldByName.get(name)),
      references: this.options.references,
    });
    for (const rule of rules) {
      const columns = rule.fields.map((f) => byField.get(f)?.column.index ?? -1);
      if (columns.every((c) => c >= 0)) this.tableRules.push({ rule, columns });
    }
  }

  private checkRows(rows: string[][], lines: number[]): void {
    const width = this.header!.length;
    const planned = this.planned;
    const recordRules = this.recordRules;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      const line = lines[r]!;
      const row = ++this.rowNumber;
      if (isBlankRow(cells)) {
        this.templateLeft = 0;
        this.noteBlank(row, line);
        continue;
      }
      if (this.templateLeft > 0 && this.isTemplate(cells, row, line)) continue;
      if (this.blankRun) this.flushBlankRun();
      this.rows++;
      if (cells.length !== width) {
        this.add('row-length', { count: cells.length, other: String(width) }, { row, line });
      }
      const record: Record<string, unknown> | undefined = recordRules ? {} : undefined;
      for (let c = 0; c < planned.length; c++) {
        const plan = planned[c]!;
        const text = cells[plan.column.index];
        if (text === undefined) continue; // a short row: already reported as row-length
        const outcome = plan.checker.check(text);
        if (outcome.findings !== null) this.cellIssues(outcome.findings, plan, text, row, line);
        else if (outcome.note !== undefined) this.tallyNote(plan, outcome.note, text, row, line);
        if (record && outcome.value !== ABSENT) record[plan.field.name] = outcome.value;
      }
      if (this.blankNamed.length) this.noteBlankNamedUse(cells);
      if (this.watchDamage) this.checkDamage(cells, row, line);
      if (recordRules && !recordRules(record)) this.recordIssues(recordRules, row, line);
      for (let t = 0; t < this.tableRules.length; t++) {
        const { rule, columns } = this.tableRules[t]!;
        const texts = new Array<string>(columns.length);
        for (let k = 0; k < columns.length; k++) texts[k] = (cells[columns[k]!] ?? '').trim();
        rule.row(texts, row, line);
      }
    }
  }

  private cellIssues(findings: CellFinding[], plan: PlannedColumn, text: string, row: number, line: number): void {
    const name = plan.column.name;
    for (const f of findings) {
      const issue = makeIssue(
        f.code,
        { name, value: text, expected: f.expected, detail: f.detail },
        {
          row,
          line,
          column: name,
          columnIndex: plan.column.index + 1,
          field: plan.fieldLabel,
          value: f.code === 'value-missing' ? undefined : text,
          hint: f.hint,
          fix: f.fix,
        },
        f.severity,
      );
      this.sink.add(issue);
      if (f.dateOrderDependent && this.dateHints.length < DATE_HINTS_REVISITED) this.dateHints.push({ issue, plan, text });
    }
  }

  /**
   * A date's hint was given with what the column's dates had settled so far; now that the whole column
   * has been read, give each the hint (and the fix) that the column as a whole supports.
   */
  private reviseDateHints(): void {
    for (const { issue, plan, text } of this.dateHints) {
      const main = plan.checker.evaluate(text, true).findings?.[0];
      if (!main) continue;
      issue.hint = main.hint;
      if (main.fix !== undefined) issue.fix = main.fix;
      else delete issue.fix;
    }
    this.dateHints = [];
  }

  /** Template rows right under the header: numbered, not counted, not checked, reported as one run. */
  private isTemplate(cells: string[], row: number, line: number): boolean {
    this.templateLeft--;
    const kind = templateKind(cells, this.columns.filter((c) => !c.blank).length);
    if (!kind) {
      this.templateLeft = 0;
      this.flushTemplateRun();
      return false;
    }
    const run = this.templateRun;
    if (run) {
      run.endRow = row;
      run.endLine = line;
      run.kinds.push(`line ${line} ${TEMPLATE_WORDS[kind]}`);
    } else this.templateRun = { row, line, endRow: row, endLine: line, kinds: [`line ${line} ${TEMPLATE_WORDS[kind]}`] };
    return true;
  }

  private flushTemplateRun(): void {
    const run = this.templateRun;
    if (!run) return;
    this.templateRun = undefined;
    const count = run.endRow - run.row + 1;
    const lines = count > 1 ? `lines ${run.line}–${run.endLine}` : `line ${run.line}`;
    const detail = `${count > 1 ? `${count} rows` : 'The row'} under the header (${lines}) ${count > 1 ? 'are' : 'is'} a template, not data: ${run.kinds.join('; ')}. ${count > 1 ? 'They were' : 'It was'} skipped`;
    this.add('title-rows', { detail, count }, { row: run.row, line: run.line, endRow: run.endRow, endLine: run.endLine, count, hint: 'delete the template rows so that the data starts right under the header' });
  }

  private tallyNote(plan: PlannedColumn, note: CellNote, text: string, row: number, line: number): void {
    const notes = (plan.notes ??= new Map());
    const tally = notes.get(note.kind);
    if (tally) {
      tally.count++;
      if (note.fix === undefined) tally.fixable = false;
    } else notes.set(note.kind, { count: 1, row, line, example: text, fixable: note.fix !== undefined });
  }

  /** One warning per column for values with spaces around them, one for "N/A"-like texts. */
  private reportNotes(): void {
    for (const plan of this.planned) {
      if (!plan.notes) continue;
      for (const [kind, t] of plan.notes) {
        const values = t.count === 1 ? 'value' : 'values';
        const first = t.count === 1 ? `row ${t.row}, line ${t.line}` : `the first on row ${t.row}, line ${t.line}`;
        const detail =
          kind === 'padded'
            ? `has ${t.count.toLocaleString('en-GB')} ${values} with spaces before or after ${t.count === 1 ? 'it' : 'them'} (${first}: ${JSON.stringify(t.example)})`
            : `has ${t.count.toLocaleString('en-GB')} ${values} such as ${JSON.stringify(t.example)} that mean${t.count === 1 ? 's' : ''} no value (${first})`;
        const hint =
          kind === 'padded'
            ? 'remove the spaces; conform fix does this'
            : t.fixable
              ? 'leave such cells empty; conform fix does this'
              : 'the field is required, so fill in the real value';
        const name = plan.column.name;
        this.add(
          'value-invalid',
          { name, detail },
          // About the column, so kept whatever --max-issues says: placed on the line of the first such value.
          { line: t.line, count: t.count, column: name, columnIndex: plan.column.index + 1, field: plan.fieldLabel, value: t.example, hint },
          'warning',
        );
      }
    }
  }

  /** Damaged text in any cell of the row: a warning with the damage explained, and the repair where it is certain. */
  private checkDamage(cells: string[], row: number, line: number): void {
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c]!;
      if (!MOJIBAKE.test(text)) continue;
      const damage = findDamage(text);
      if (!damage) continue;
      const column = this.columns[c];
      const name = column && !column.blank ? column.name : `Column ${c + 1}`;
      this.add(
        'value-invalid',
        { name, detail: `holds ${JSON.stringify(text.trim().slice(0, 60))}, which is damaged: ${damage.explanation}` },
        {
          row,
          line,
          column: column && !column.blank ? column.name : undefined,
          columnIndex: c + 1,
          value: text,
          hint: damage.repaired !== undefined ? `write it as ${JSON.stringify(damage.repaired)}` : 'correct the text at the source',
          fix: damage.repaired,
        },
        'warning',
      );
    }
  }

  private recordIssues(validate: ValidateFunction, row: number, line: number): void {
    const byField = new Map(this.planned.map((p) => [p.field.name, p]));
    for (const f of explainErrors(validate.errors!)) {
      if (f.code !== 'row-rule') continue; // property rules were reported cell by cell
      const fieldName = f.path.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      const plan = fieldName !== undefined ? byField.get(fieldName) : undefined;
      const detail = (f.detail ?? '').replace(/^./, (c) => c.toUpperCase());
      this.add(
        'row-rule',
        { detail },
        { row, line, column: plan?.column.name, columnIndex: plan ? plan.column.index + 1 : undefined, field: plan?.fieldLabel },
        recordSeverity(this.standard, 'row-rule'),
      );
    }
  }

  private noteBlank(row: number, line: number): void {
    if (this.blankRun && this.blankRun.endRow === row - 1) {
      this.blankRun.endRow = row;
      this.blankRun.endLine = line;
    } else {
      this.flushBlankRun();
      this.blankRun = { row, line, endRow: row, endLine: line };
    }
  }

  private flushBlankRun(): void {
    const run = this.blankRun;
    if (!run) return;
    this.blankRun = undefined;
    const count = run.endRow - run.row + 1;
    const detail = `rows ${run.row}–${run.endRow}, lines ${run.line}–${run.endLine}`;
    this.add('row-blank', { count, detail }, count > 1 ? { row: run.row, line: run.line, endRow: run.endRow, endLine: run.endLine, count } : { row: run.row, line: run.line });
  }

  private noteBlankNamedUse(cells: string[]): void {
    for (const entry of this.blankNamed) {
      if (!entry.used && (cells[entry.column.index] ?? '').trim() !== '') entry.used = true;
    }
  }

  /** Unnamed columns: the empty ones in one warning, each one that holds values in its own. */
  private reportBlankNamedColumns(): void {
    const line = this.headerLine;
    const empty = this.blankNamed.filter((e) => !e.used).map((e) => e.column.index + 1);
    if (empty.length === 1) this.add('header-blank', { other: String(empty[0]), detail: 'and holds no values' }, { line, columnIndex: empty[0] });
    else if (empty.length > 1) {
      this.add('header-blank', { count: empty.length, detail: `${describePositions(empty)}, all empty` }, { line, columnIndex: empty[0], count: empty.length });
    }
    for (const e of this.blankNamed.filter((e) => e.used)) {
      this.add('header-blank', { other: String(e.column.index + 1), detail: 'but holds values' }, { line, columnIndex: e.column.index + 1 });
    }
  }

  private severityOf(code: IssueCode, field: Field | undefined): Severity {
    return this.options.severityOf?.(code, field) ?? (field ? fieldSeverity(code, field) : undefined) ?? recordSeverity(this.standard, code) ?? makeIssue(code, {}).severity;
  }

  private add(code: IssueCode, args: Parameters<typeof makeIssue>[1], location: Parameters<typeof makeIssue>[2], severity?: Severity): void {
    this.sink.add(makeIssue(code, args, location, severity ?? this.severityOf(code, undefined)));
  }
}

/** Columns 9–32 and 35, from a sorted list of positions. */
function describePositions(positions: number[]): string {
  const parts: string[] = [];
  let start = positions[0]!;
  let prev = start;
  for (const p of [...positions.slice(1), Infinity]) {
    if (p === prev + 1) {
      prev = p;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = p;
  }
  return `columns ${parts.join(', ')}`;
}

const STRUCTURAL = new Set(['$schema', '$id', 'id', '$defs', 'definitions', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'unevaluatedProperties', 'patternProperties', 'propertyNames', 'examples', '$comment', 'default']);

/**
 * A validator for the rules that look at several fields of a record (if/then/else, dependentRequired,
 * comparisons between fields through $data), or undefined when the standard has none.
 */
function compileRecordRules(standard: Standard): ValidateFunction | undefined {
  const schema = standard.schema;
  const hasRecordKeywords = Object.keys(schema).some((k) => !STRUCTURAL.has(k) && !k.startsWith('x-'));
  const comparesFields = JSON.stringify(schema.properties ?? {}).includes('"$data"');
  if (!hasRecordKeywords && !comparesFields) return undefined;
  return standard.ajv.compile({ $ref: standard.schemaKey });
}
