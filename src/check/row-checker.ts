// The per-row half of checking a table: given the plan made from the header, check a part of the rows —
// each row's shape, each cell, the rules over the record, and the table rules' reading — and return what
// was found as plain data. It keeps no state that spans parts, so parts can be checked on any thread, in
// any number, and TableCheck merges them in row order into the same report.
import { detach } from '../report/detach.js';
import type { ValidateFunction } from 'ajv';
import { CATALOG, makeIssue } from '../issues/catalog.js';
import { findingIssue } from './finding-issue.js';
import { dateOrderEvidence } from '../repair/dates.js';
import { findDamage, MOJIBAKE } from '../repair/mojibake.js';
import { repairsForRow, rowRepairPlan, type RowRepair, type RowRepairPlan } from '../repair/row-repairs.js';
import type { Field, Standard } from '../standards/standard.js';
import { recordSeverity } from '../standards/standard.js';
import type { Issue, IssueCode, Severity } from '../types.js';
import { ABSENT, CellChecker, fieldSeverity, type CellFinding, type CellNote } from './cells.js';
import { explainErrors, sentence } from './explain.js';
import { collectEvery } from './full-collections.js';
import { isBlankRow, totalRowLabel } from './layout.js';
import { ruleReader, type Reference, type RuleReader, type RuleSpec } from './table-rules.js';
import { compileWholeRecord, needsWholeRecord, undeclaredField } from './whole-record.js';

/** A full collection after every million rows checked on a thread (see full-collections.ts). */
const noteChecked = collectEvery(1_000_000);

/** What the header decided, as plain data: the same plan is given to every thread. */
export interface TablePlan {
  /** Cells in the header. */
  width: number;
  /** Columns matched to a field. */
  columns: Array<{ index: number; name: string; field: string; fieldLabel?: string }>;
  /** Each column's name, or null where the header cell is blank. */
  names: Array<string | null>;
  /** Positions of the columns with a blank name. */
  blankNamed: number[];
  /** The table rules whose fields all have a column here, with those columns. */
  rules: Array<{ spec: RuleSpec; columns: number[] }>;
  /** The file is separated by semicolons, so decimal commas are likely. */
  decimalComma: boolean;
  /** Columns that are no field of the standard; `refused` when the standard forbids them (an error). */
  others: Array<{ index: number; name: string; refused: boolean }>;
  /** Required fields with no column, and the severity that was reported at. */
  missing: Array<{ field: string; severity: Severity }>;
}

export interface NoteTally {
  count: number;
  row: number;
  line: number;
  example: string;
  fixable: boolean;
}

/** What one part of the rows held, with rows numbered from 1 within the part. */
export interface PartResult {
  /** Records in the part, blank ones included. */
  records: number;
  /** Records checked (not blank). */
  rows: number;
  issues: Issue[];
  /** Positions in `issues` of those whose hint depends on the column's order of day and month. */
  dateDependent: number[];
  /** Blank rows, with their lines. */
  blank: Array<[row: number, line: number]>;
  /** Total, subtotal and footer rows (not data: not counted, not checked), with their lines and labels. */
  totals: Array<[row: number, line: number, label: string]>;
  /** For each column with a blank name: whether the part has a value in it. */
  blankNamedUsed: boolean[];
  /** For each planned column: passing values that still deserve a word. */
  notes: Array<Array<[CellNote['kind'], NoteTally]>>;
  /** For each planned column: dates in this part that put the day first, and the month first. */
  dateOrder: Array<[number, number]>;
  /** For each planned table rule: its reader's notes. */
  rules: unknown[];
  /** Rows that fail the standard for a reason the header's issues already give (a required column missing). */
  quietlyInvalid: number[];
}

interface Planned {
  index: number;
  name: string;
  field: Field;
  fieldLabel?: string;
  checker: CellChecker;
}

export class RowChecker {
  readonly planned: Planned[];
  /** The whole record's validator, for standards whose verdict needs more than each cell's. */
  private readonly whole?: ValidateFunction;
  /** Columns that are no field, read as the record's rules for such names say (only with `whole`). */
  private readonly others: Array<{ index: number; name: string; refused: boolean; checker: CellChecker }>;
  /** Fields whose column is missing: the header says so once, and no row says it again. */
  private readonly missing: Map<string, Severity>;
  /** A required column is missing at error level: no row can pass. */
  private readonly noRowPasses: boolean;
  private readonly readers: Array<{ reader: RuleReader; columns: number[] }>;
  /** Repairs that read several cells of a row, and the column of each field they read. */
  private readonly rowPlan?: RowRepairPlan;
  private readonly columnOf = new Map<string, number>();

  constructor(
    private readonly standard: Standard,
    private readonly plan: TablePlan,
    references: Reference[],
  ) {
    const severityOf = (code: IssueCode, field: Field) => fieldSeverity(code, field);
    this.planned = plan.columns.map((c) => {
      const field = standard.fieldByName.get(c.field)!;
      return { index: c.index, name: c.name, field, fieldLabel: c.fieldLabel, checker: new CellChecker(field, standard, severityOf, { decimalComma: plan.decimalComma }) };
    });
    this.missing = new Map(plan.missing.map((m) => [m.field, m.severity]));
    this.noRowPasses = plan.missing.some((m) => m.severity === 'error');
    const refusedColumns = plan.others.some((o) => o.refused);
    this.whole = needsWholeRecord(standard) || refusedColumns ? compileWholeRecord(standard) : undefined;
    this.others = this.whole
      ? plan.others.map((o) => ({ ...o, checker: new CellChecker(undeclaredField(standard, o.name), standard, severityOf, { decimalComma: plan.decimalComma }) }))
      : [];
    const byField = new Map(this.planned.map((p) => [p.field.name, p]));
    const context = {
      standard,
      references,
      locate: (name: string) => {
        const p = byField.get(name);
        return p ? { column: p.name, columnIndex: p.index + 1, field: p.fieldLabel } : { field: name };
      },
      severityOf: (code: IssueCode, name: string | undefined) => severityFor(standard, code, name === undefined ? undefined : standard.fieldByName.get(name)),
    };
    this.readers = plan.rules.map(({ spec, columns }) => ({ reader: ruleReader(spec, context), columns }));
    this.rowPlan = rowRepairPlan(standard);
    for (const p of this.planned) this.columnOf.set(p.field.name, p.index);
    this.part = this.emptyPart();
  }

  /** The part being checked: rows are added to it in batches, and it is taken whole. */
  private part: PartResult;
  private notes: Array<Map<CellNote['kind'], NoteTally>> = [];

  /** Check a part of the rows in one go. `watchDamage`: the part's text shows signs of an earlier bad conversion. */
  check(rows: string[][], lines: number[], watchDamage: boolean): PartResult {
    this.add(rows, lines, watchDamage);
    return this.take();
  }

  /** Check more rows of the current part; they are numbered on from the rows added before. */
  add(rows: string[][], lines: number[], watchDamage: boolean): void {
    const { width, blankNamed } = this.plan;
    const planned = this.planned;
    const whole = this.whole;
    const result = this.part;
    const notes = this.notes;
    const issues = result.issues;
    const first = result.records;
    result.records += rows.length;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      const line = lines[r]!;
      const row = first + r + 1;
      if (isBlankRow(cells)) {
        result.blank.push([row, line]);
        continue;
      }
      const total = totalRowLabel(cells, width);
      if (total !== undefined) {
        result.totals.push([row, line, total]);
        continue;
      }
      result.rows++;
      if (cells.length !== width) {
        issues.push(makeIssue('row-length', { cells: cells.length, headerCells: width }, { row, line }, severityFor(this.standard, 'row-length', undefined)));
      }
      const record: Record<string, unknown> | undefined = whole ? {} : undefined;
      let failed: Set<string> | undefined;
      // Worked out only once a cell of the row fails: most rows need none.
      let rowRepairs: Map<string, RowRepair> | undefined;
      for (let c = 0; c < planned.length; c++) {
        const plan = planned[c]!;
        const text = cells[plan.index];
        if (text === undefined) continue; // a short row: already reported as row-length
        const outcome = plan.checker.check(text);
        if (outcome.findings !== null) {
          if (this.rowPlan) rowRepairs ??= repairsForRow(this.rowPlan, (f) => this.cellOf(cells, f));
          const repair = rowRepairs?.get(plan.field.name);
          this.cellIssues(repair ? withRowRepair(outcome.findings, plan.checker, repair) : outcome.findings, plan, text, row, line, result);
          if (record) (failed ??= new Set()).add(plan.field.name);
        } else if (outcome.note !== undefined) tally(notes[c]!, outcome.note, text, row, line);
        if (record && outcome.value !== ABSENT) record[plan.field.name] = outcome.value;
      }
      if (record) {
        for (const other of this.others) {
          const text = cells[other.index];
          if (text === undefined) continue;
          const value = other.checker.evaluate(text, false).value;
          if (value !== ABSENT) record[other.name] = value;
        }
      }
      if (this.noRowPasses) result.quietlyInvalid.push(row);
      for (let b = 0; b < blankNamed.length; b++) {
        if (!result.blankNamedUsed[b] && (cells[blankNamed[b]!] ?? '').trim() !== '') result.blankNamedUsed[b] = true;
      }
      if (watchDamage) this.checkDamage(cells, row, line, issues);
      if (whole && !validateRecord(whole, record)) this.recordIssues(whole, cells, failed, row, line, result);
      for (let t = 0; t < this.readers.length; t++) {
        const { reader, columns } = this.readers[t]!;
        const texts = new Array<string>(columns.length);
        for (let k = 0; k < columns.length; k++) texts[k] = (cells[columns[k]!] ?? '').trim();
        reader.row(texts, row, line, issues);
      }
    }
  }

  private cellOf(cells: string[], field: string): string | undefined {
    const index = this.columnOf.get(field);
    return index === undefined ? undefined : cells[index];
  }

  /** The current part, whole; the next rows start a new part. */
  take(): PartResult {
    const result = this.part;
    noteChecked(result.records);
    result.notes = this.notes.map((m) => [...m]);
    result.rules = this.readers.map(({ reader }) => reader.take());
    this.part = this.emptyPart();
    return result;
  }

  private emptyPart(): PartResult {
    this.notes = this.planned.map(() => new Map());
    return {
      records: 0,
      rows: 0,
      issues: [],
      dateDependent: [],
      blank: [],
      totals: [],
      blankNamedUsed: this.plan.blankNamed.map(() => false),
      notes: [],
      dateOrder: this.planned.map(() => [0, 0]),
      rules: [],
      quietlyInvalid: [],
    };
  }

  private cellIssues(findings: CellFinding[], plan: Planned, cell: string, row: number, line: number, result: PartResult): void {
    const name = plan.name;
    // The issue outlives the slice of text the cell was cut from, which it must not keep alive: a part of
    // a file is read in many slices, and its issues are kept until the part is taken whole.
    const text = detach(cell);
    // What this failing text says about the column's order of day and month, counted for this part alone
    // (the checker's own count spans every part this thread has seen).
    const evidence = dateOrderEvidence(text);
    if (evidence) result.dateOrder[this.planned.indexOf(plan)]![evidence === 'day-first' ? 0 : 1]++;
    for (const f of findings) {
      if (f.dateOrderDependent) result.dateDependent.push(result.issues.length);
      // In a list cell ("a|b|c"), the message names the item at fault and quotes it alone.
      const item = /^\/(\d+)$/.exec(f.path);
      // An empty cell (null in a nullable field that still refuses null) is said to be empty.
      const said = item && typeof f.data === 'string' ? { name: `${name} item ${Number(item[1]) + 1}`, value: f.data } : { name, value: text === '' ? undefined : text };
      result.issues.push(
        findingIssue(
          f,
          said,
          {
            row,
            line,
            column: name,
            columnIndex: plan.index + 1,
            field: plan.fieldLabel,
            value: f.code === 'value-missing' ? undefined : text,
            hint: f.hint,
            fix: f.fix,
          },
          f.severity,
        ),
      );
    }
  }

  /** Damaged text in any cell of the row: a warning with the damage explained, and the repair where it is certain. */
  private checkDamage(cells: string[], row: number, line: number, issues: Issue[]): void {
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c]!;
      if (!MOJIBAKE.test(text)) continue;
      const damage = findDamage(text);
      if (!damage) continue;
      const column = this.plan.names[c] ?? undefined;
      // Grouped with the column's other issues, under the standard's field it is read as.
      const field = this.planned.find((p) => p.index === c)?.fieldLabel;
      issues.push(
        makeIssue(
          'value-invalid',
          { kind: 'damaged', name: column ?? `Column ${c + 1}`, text, explanation: damage.explanation },
          {
            row,
            line,
            column,
            columnIndex: c + 1,
            field,
            value: text,
            hint: damage.repaired !== undefined ? `write it as ${JSON.stringify(damage.repaired)}` : 'correct the text at the source',
            fix: damage.repaired,
          },
          'warning',
        ),
      );
    }
  }

  /**
   * What the whole record's validator found beyond the cells: each finding on its row, at its column when
   * it is about one, named in plain words when it is about several fields.
   */
  private recordIssues(validate: ValidateFunction, cells: string[], failed: Set<string> | undefined, row: number, line: number, result: PartResult): void {
    const issues = result.issues;
    const errors = validate.errors;
    if (!errors) {
      // Nested beyond the stack's depth: the row fails, and its cells say why.
      issues.push(makeIssue('row-rule', { kind: 'too-deep' }, { row, line }, severityFor(this.standard, 'row-rule', undefined)));
      return;
    }
    for (const f of explainErrors(errors)) {
      const top = topName(f.path);
      // A field whose cell already failed has said why; a missing column has been said once, by the header.
      if (top !== undefined && failed?.has(top)) continue;
      if (top !== undefined && f.code === 'value-missing' && this.missing.has(top)) continue;
      const plan = top !== undefined ? this.planned.find((p) => p.field.name === top) : undefined;
      const other = top !== undefined && !plan ? this.others.find((o) => o.name === top) : undefined;
      if (other?.refused && (f.keyword === 'additionalProperties' || f.keyword === 'unevaluatedProperties')) {
        result.quietlyInvalid.push(row); // the header's error names the column
        continue;
      }
      const column = plan ? { column: plan.name, columnIndex: plan.index + 1, field: plan.fieldLabel } : other ? { column: other.name, columnIndex: other.index + 1 } : {};
      const index = plan?.index ?? other?.index;
      const text = index !== undefined ? cells[index] : undefined;
      if (f.code === 'row-rule' || (!plan && !other) || f.path.split('/').length > 2) {
        const rule = f.code === 'row-rule' && f.detail ? f.detail : sentence({ ...f, path: f.path || '' });
        issues.push(makeIssue('row-rule', { kind: 'record-rule', rule }, { row, line, ...column, hint: f.hint }, f.severity ?? severityFor(this.standard, 'row-rule', undefined)));
        continue;
      }
      const name = plan?.name ?? other!.name;
      const severity = f.severity ?? (plan ? fieldSeverity(f.code, plan.field) : undefined) ?? severityFor(this.standard, f.code, undefined);
      issues.push(
        findingIssue(
          f,
          { name, value: f.code === 'value-missing' ? undefined : text },
          { row, line, ...column, value: f.code === 'value-missing' ? undefined : text, hint: f.hint },
          severity,
        ),
      );
    }
  }
}

/**
 * A failing cell that a repair over its row puts right (a value the platform fills in, a grid reference
 * converted to degrees): a warning with that repair, since the platform accepts the row as it is. The
 * cell's findings may be shared with other rows, so they are copied, not changed.
 */
export function withRowRepair(findings: CellFinding[], checker: CellChecker, repair: RowRepair): CellFinding[] {
  if (checker.evaluate(repair.value, false).findings !== null) return findings;
  return findings.map((f, i) => ({
    ...f,
    severity: f.severity === 'error' ? 'warning' : f.severity,
    ...(i === 0 ? { hint: repair.hint, fix: repair.value, repair: repair.repair, dateOrderDependent: false } : {}),
  }));
}

/** The record's property a finding's path starts with, or undefined for the record itself. */
function topName(path: string): string | undefined {
  const first = path.split('/')[1];
  return first === undefined ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Validate a record, turning a stack overflow into a failure without errors. */
function validateRecord(validate: ValidateFunction, record: unknown): boolean {
  try {
    return validate(record);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    validate.errors = null;
    return false;
  }
}

function tally(notes: Map<CellNote['kind'], NoteTally>, note: CellNote, text: string, row: number, line: number): void {
  const seen = notes.get(note.kind);
  if (seen) {
    seen.count++;
    if (note.fix === undefined) seen.fixable = false;
  } else notes.set(note.kind, { count: 1, row, line, example: text, fixable: note.fix !== undefined });
}

/** The severity the standard gives an issue: the field's own x-severity, the root's for record rules, else the catalog's. */
export function severityFor(standard: Standard, code: IssueCode, field: Field | undefined): Severity {
  return (field ? fieldSeverity(code, field) : undefined) ?? recordSeverity(standard, code) ?? CATALOG[code].severity;
}
