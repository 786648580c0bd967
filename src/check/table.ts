// Checking a table (a CSV file) against a standard of records: find the header (skipping title lines),
// match it to the fields, then check the rows part by part (src/check/row-checker.ts) — here or on worker
// threads — and merge the parts in row order: blank rows into runs, the table rules' notes into their
// judgements, and the hints that depend on the whole column.
import type { IssueArgs } from '../issues/args.js';
import { makeIssue, type IssueLocation } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import { MOJIBAKE } from '../repair/mojibake.js';
import type { TokenBatch } from '../sources/csv-tokenizer.js';
import type { Field, Standard } from '../standards/standard.js';
import type { Issue, IssueCode, Severity } from '../types.js';
import type { CellNote } from './cells.js';
import type { Column } from './header.js';
import { findHeaderless } from './headerless.js';
import { findHeader, HEADER_SEARCH, isBlankRow, TEMPLATE_SEARCH, templateKind, type TemplateKind } from './layout.js';
import { planHeader } from './header-plan.js';
import { RowChecker, severityFor, type NoteTally, type PartResult, type TablePlan } from './row-checker.js';
import { ruleJudge, type Reference, type RuleJudge } from './table-rules.js';
import type { KeyRuns } from './rules/key-set.js';

/** Total rows named one by one in their issue; the rest are counted. */
const LISTED_TOTAL_ROWS = 5;

export { isBlankRow } from './layout.js';

/** Marks an issue whose date hint the column's other dates decide, with its column's place in the plan. */
const DATE_DEPENDENT = Symbol('date hint depends on the column');

export interface TableOptions {
  /** Column names in the file mapped to the standard's fields (from the config). */
  columns?: Record<string, string>;
  /** The other files the standard's foreign keys refer to, already read. */
  references?: Reference[];
  /** The file's delimiter: a semicolon means decimal commas are likely. */
  delimiter?: string;
  /** Where key rules keep the keys that outgrow memory. */
  keyRuns?: () => KeyRuns;
}

export class TableCheck {
  /** Data rows checked (blank rows are numbered but not counted). */
  rows = 0;
  /** Line of the header (after any title lines); 0 until found. */
  headerLine = 0;
  /** The plan made from the header, once it is found: what parts of the rows are checked with. */
  plan?: TablePlan;
  /** The template rows under the header, if any: numbered like rows, but not data. */
  templateRows?: { row: number; endRow: number };
  private header?: string[];
  private waiting: TokenBatch = { rows: [], lines: [] };
  private columns: Column[] = [];
  private checker?: RowChecker;
  private judges: RuleJudge[] = [];
  /** Records read after the header, blank and template rows included: the next part starts after them. */
  private rowNumber = 0;
  private blankRun?: { row: number; line: number; endRow: number; endLine: number };
  /** Total, subtotal and footer rows: the first few, and how many. */
  private totals: { count: number; first: Array<{ row: number; line: number; label: string }> } = { count: 0, first: [] };
  /** Rows right under the header still to be looked at as possible template rows. */
  private templateLeft = 0;
  private templateRun?: { row: number; line: number; endRow: number; endLine: number; kinds: Array<{ line: number; does: TemplateKind }> };
  /** Text damaged by an earlier bad conversion was seen in the file: look for it in every cell. */
  private watchDamage = false;
  private blankNamedUsed: boolean[] = [];
  private notes: Array<Map<CellNote['kind'], NoteTally>> = [];
  private dateOrder: Array<[number, number]> = [];

  constructor(
    private readonly standard: Standard,
    private readonly sink: IssueCollector,
    private readonly options: TableOptions = {},
  ) {}

  push(batch: TokenBatch): void {
    if (this.header) return this.checkHere(batch.rows, batch.lines);
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

  /** Take the result of a part checked elsewhere; parts must be merged in the order of their rows. */
  merge(part: PartResult): void {
    const offset = this.rowNumber;
    this.rowNumber += part.records;
    this.rows += part.rows;
    const dependent = new Set(part.dateDependent);
    part.issues.forEach((issue, index) => {
      if (issue.row !== undefined) issue.row += offset;
      if (issue.endRow !== undefined) issue.endRow += offset;
      if (dependent.has(index)) Object.defineProperty(issue, DATE_DEPENDENT, { value: this.plan!.columns.findIndex((c) => c.index + 1 === issue.columnIndex) });
      this.sink.add(issue);
    });
    part.blank.forEach(([row, line]) => this.noteBlank(row + offset, line));
    part.totals.forEach(([row, line, label]) => this.noteTotal(row + offset, line, label));
    part.blankNamedUsed.forEach((used, b) => (this.blankNamedUsed[b] ||= used));
    part.notes.forEach((tallies, c) => {
      for (const [kind, t] of tallies) {
        const seen = this.notes[c]!.get(kind);
        if (!seen) this.notes[c]!.set(kind, { ...t, row: t.row + offset });
        else {
          seen.count += t.count;
          seen.fixable &&= t.fixable;
        }
      }
    });
    part.dateOrder.forEach(([dayFirst, monthFirst], c) => {
      this.dateOrder[c]![0] += dayFirst;
      this.dateOrder[c]![1] += monthFirst;
    });
    part.rules.forEach((notes, r) => this.judges[r]!.merge(notes, offset));
    for (const row of part.quietlyInvalid) this.sink.markInvalid(row + offset);
  }

  /** The end of the file. Returns false when the file held no header at all. */
  finish(): boolean {
    if (!this.header) this.start();
    if (!this.header) return false;
    this.flushTemplateRun();
    this.flushBlankRun();
    this.reportTotals();
    this.reportBlankNamedColumns();
    for (const judge of this.judges) judge.finish(this.rows);
    this.reportNotes();
    this.reviseDateHints();
    return true;
  }

  /** Whether the damage watch is on: workers are told, part by part, from their own text. */
  get watchingDamage(): boolean {
    return this.watchDamage;
  }

  private start(): void {
    const { rows, lines } = this.waiting;
    this.waiting = { rows: [], lines: [] };
    const at = findHeader(rows, this.standard, this.options.columns);
    if (at < 0) return;
    const headerless = findHeaderless(rows[at]!, this.standard, this.options.columns);
    if (headerless) this.reportHeaderless(rows[at]!, lines[at]!, headerless.names);
    if (headerless?.names) {
      // The columns are the standard's in its order: every row, the first included, is data.
      this.header = headerless.names;
      this.headerLine = lines[at]!;
      this.planColumns();
      this.checkHere(rows.slice(at), lines.slice(at));
      return;
    }
    this.header = rows[at]!;
    this.headerLine = lines[at]!;
    if (this.headerLine > 1) {
      const title = rows
        .slice(0, at)
        .find((r) => !isBlankRow(r))
        ?.find((c) => c.trim());
      this.add(
        'title-rows',
        { kind: 'above-header', headerLine: this.headerLine, firstTitle: title?.trim().slice(0, 60) },
        { line: 1, endLine: this.headerLine - 1, count: this.headerLine - 1 },
      );
    }
    this.templateLeft = TEMPLATE_SEARCH;
    this.planColumns();
    this.checkHere(rows.slice(at + 1), lines.slice(at + 1));
  }

  private planColumns(): void {
    const references = this.options.references ?? [];
    const { plan, columns } = planHeader(this.standard, this.header!, this.headerLine, { ...this.options, references }, (issue) => this.sink.add(issue));
    this.columns = columns;
    this.plan = plan;
    const planned = plan.columns;
    const byField = new Map(planned.map((p) => [p.field, p]));
    this.checker = new RowChecker(this.standard, this.plan, references);
    const locate = (name: string) => {
      const p = byField.get(name);
      return p ? { column: p.name, columnIndex: p.index + 1, field: p.fieldLabel } : { field: name };
    };
    const severityOf = (code: IssueCode, name: string | undefined) => this.severityOf(code, name === undefined ? undefined : this.standard.fieldByName.get(name));
    this.judges = plan.rules.map(({ spec }) => ruleJudge(spec, { standard: this.standard, sink: this.sink, locate, severityOf, references, keyRuns: this.options.keyRuns }));
    this.blankNamedUsed = plan.blankNamed.map(() => false);
    this.notes = planned.map(() => new Map());
    this.dateOrder = planned.map(() => [0, 0]);
  }

  /** Check rows on this thread: template rows right under the header first, then a part like any other. */
  private checkHere(rows: string[][], lines: number[]): void {
    let start = 0;
    while (this.templateLeft > 0 && start < rows.length && !isBlankRow(rows[start]!) && this.isTemplate(rows[start]!, lines[start]!)) start++;
    if (start === rows.length) return;
    this.templateLeft = 0;
    this.flushTemplateRun();
    const part = this.checker!.check(start ? rows.slice(start) : rows, start ? lines.slice(start) : lines, this.watchDamage);
    this.merge(part);
  }

  /** Template rows right under the header: numbered, not counted, not checked, reported as one run. */
  private isTemplate(cells: string[], line: number): boolean {
    this.templateLeft--;
    const kind = templateKind(cells, this.columns.filter((c) => !c.blank).length);
    if (!kind) {
      this.templateLeft = 0;
      return false;
    }
    const row = ++this.rowNumber;
    const run = this.templateRun;
    if (run) {
      run.endRow = row;
      run.endLine = line;
      run.kinds.push({ line, does: kind });
    } else this.templateRun = { row, line, endRow: row, endLine: line, kinds: [{ line, does: kind }] };
    return true;
  }

  private flushTemplateRun(): void {
    const run = this.templateRun;
    if (!run) return;
    this.templateRun = undefined;
    this.templateRows = { row: run.row, endRow: run.endRow };
    const count = run.endRow - run.row + 1;
    this.add(
      'title-rows',
      { kind: 'template', line: run.line, endLine: run.endLine, count, found: run.kinds },
      { row: run.row, line: run.line, endRow: run.endRow, endLine: run.endLine, count, hint: 'delete the template rows so that the data starts right under the header' },
    );
  }

  /**
   * A date's hint was given with what the column's dates had settled so far (on its thread); now that the
   * whole column has been read, give each issue kept for the report the hint that the column as a whole
   * supports.
   */
  private reviseDateHints(): void {
    const planned = this.checker!.planned;
    this.dateOrder.forEach((counts, c) => planned[c]!.checker.dates.set(counts));
    for (const issue of this.sink.kept()) {
      const c = (issue as Issue & { [DATE_DEPENDENT]?: number })[DATE_DEPENDENT];
      if (c === undefined || issue.value === undefined) continue;
      const main = planned[c]!.checker.evaluate(issue.value, true).findings?.[0];
      if (!main) continue;
      issue.hint = main.hint;
      if (main.fix !== undefined) issue.fix = main.fix;
      else delete issue.fix;
    }
  }

  /** One warning per column for values with spaces around them, one for "N/A"-like texts. */
  private reportNotes(): void {
    this.plan!.columns.forEach((plan, c) => {
      for (const [kind, t] of this.notes[c]!) {
        const hint =
          kind === 'padded'
            ? 'remove the spaces; conform fix does this'
            : t.fixable
              ? 'leave such cells empty; conform fix does this'
              : 'the field is required, so fill in the real value';
        this.add(
          'value-invalid',
          { kind: kind === 'padded' ? 'padded' : 'means-no-value', name: plan.name, count: t.count, row: t.row, line: t.line, example: t.example },
          // About the column, so kept whatever --max-issues says: placed on the line of the first such value.
          { line: t.line, count: t.count, column: plan.name, columnIndex: plan.index + 1, field: plan.fieldLabel, value: t.example, hint },
          'warning',
        );
      }
    });
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

  private reportHeaderless(row: string[], line: number, names: string[] | undefined): void {
    const values = row
      .filter((c) => c.trim())
      .slice(0, 3)
      .map((c) => c.trim().slice(0, 30));
    const hint = names
      ? `add the header row ${names.join(',')} above the data; conform fix does this`
      : `add a header row that names each column with the standard's names (${this.standard.fields
          .slice(0, 4)
          .map((f) => f.name)
          .join(', ')}…)`;
    this.add('header-absent', { line, values, readAs: names }, { line, hint });
  }

  private noteTotal(row: number, line: number, label: string): void {
    this.totals.count++;
    if (this.totals.first.length < LISTED_TOTAL_ROWS) this.totals.first.push({ row, line, label });
  }

  /** Total and footer rows, reported once: they are not records, and are neither counted nor checked. */
  private reportTotals(): void {
    const { count, first } = this.totals;
    if (!count) return;
    const head = first[0]!;
    const last = first[first.length - 1]!;
    this.add(
      'total-rows',
      { count, listed: first },
      {
        row: head.row,
        line: head.line,
        ...(count > 1 ? { endRow: last.row, endLine: last.line, count } : {}),
        hint: 'remove total and footer lines from the data; conform fix does this',
      },
    );
  }

  private flushBlankRun(): void {
    const run = this.blankRun;
    if (!run) return;
    this.blankRun = undefined;
    const count = run.endRow - run.row + 1;
    this.add(
      'row-blank',
      { count, row: run.row, endRow: run.endRow, line: run.line, endLine: run.endLine },
      count > 1 ? { row: run.row, line: run.line, endRow: run.endRow, endLine: run.endLine, count } : { row: run.row, line: run.line },
    );
  }

  /** Unnamed columns: the empty ones in one warning, each one that holds values in its own. */
  private reportBlankNamedColumns(): void {
    const line = this.headerLine;
    const positions = this.plan!.blankNamed;
    const empty = positions.filter((_, b) => !this.blankNamedUsed[b]).map((i) => i + 1);
    if (empty.length === 1) this.add('header-blank', { kind: 'empty', columns: empty }, { line, columnIndex: empty[0] });
    else if (empty.length > 1) {
      this.add('header-blank', { kind: 'empty', columns: empty }, { line, columnIndex: empty[0], count: empty.length });
    }
    positions.forEach((i, b) => {
      if (this.blankNamedUsed[b]) this.add('header-blank', { kind: 'holds-values', column: i + 1 }, { line, columnIndex: i + 1 });
    });
  }

  private severityOf(code: IssueCode, field: Field | undefined): Severity {
    return severityFor(this.standard, code, field);
  }

  private add<C extends IssueCode>(code: C, args: IssueArgs[C], location: IssueLocation, severity?: Severity): void {
    this.sink.add(makeIssue(code, args, location, severity ?? this.severityOf(code, undefined)));
  }
}
