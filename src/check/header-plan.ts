// The header plan: which column of a table is which field of the standard, what the header itself gets
// wrong (duplicate, unknown, misspelt and missing columns), and which table rules have all their columns.
// Worked out once, on the thread that reads the header; every thread checks rows by the same plan.
import type { IssueArgs, NameMatch } from '../issues/args.js';
import { makeIssue, phrases, type IssueLocation } from '../issues/catalog.js';
import { sourceHint } from '../standards/accepted.js';
import { normaliseName } from '../standards/name-tokens.js';
import type { Standard } from '../standards/standard.js';
import type { Issue, IssueCode, Severity } from '../types.js';
import { matchHeader, type Column } from './header.js';
import { severityFor, type TablePlan } from './row-checker.js';
import { ruleSpecs, type Reference } from './table-rules.js';
import { declaredByPattern, needsWholeRecord } from './whole-record.js';

/** Unknown columns listed one by one; the rest are one issue with a count. */
const LISTED_UNKNOWN_COLUMNS = 50;

export interface HeaderPlanOptions {
  /** Column names in the file mapped to the standard's fields (from the config). */
  columns?: Record<string, string>;
  /** The other files the standard's foreign keys refer to, already read. */
  references: Reference[];
  /** The file's delimiter: a semicolon means decimal commas are likely. */
  delimiter?: string;
}

/** The plan for the header `names` on line `line`, and each column as matched; the header's issues go to `report`. */
export function planHeader(standard: Standard, names: string[], line: number, options: HeaderPlanOptions, report: (issue: Issue) => void): { plan: TablePlan; columns: Column[] } {
  const add = <C extends IssueCode>(code: C, args: IssueArgs[C], location: IssueLocation, severity?: Severity) =>
    report(makeIssue(code, args, location, severity ?? severityFor(standard, code, undefined)));
  const references = options.references;
  const match = matchHeader(names, standard, options.columns);
  // A column the standard forbids is an error of the header when its root alone forbids it; where other
  // rules may admit it (unevaluatedProperties beside allOf, say), each row's record decides.
  const root = standard.schema;
  const refuses = root.additionalProperties === false || (root.unevaluatedProperties === false && !needsWholeRecord(standard));
  const unknown: Column[] = [];
  const others: TablePlan['others'] = [];
  const missing: TablePlan['missing'] = [];
  const planned: TablePlan['columns'] = [];
  for (const column of match.columns) {
    const where = { line, column: column.name, columnIndex: column.index + 1 };
    if (column.blank) continue;
    if (column.duplicateOf) {
      const other = column.duplicateOf;
      add('header-duplicate', { name: column.name, otherIndex: other.index + 1, otherName: other.name }, where);
    } else if (!column.field) {
      // A name the record's patternProperties declare is a column the standard expects.
      const declared = declaredByPattern(standard.schema, column.name);
      others.push({ index: column.index, name: column.name, refused: refuses && !declared });
      if (declared) continue;
      unknown.push(column);
      if (unknown.length > LISTED_UNKNOWN_COLUMNS) continue;
      const repairedHint = column.repaired ? `its name ${column.repaired.damage}: it is "${column.repaired.name}"; conform fix writes that name` : undefined;
      add(
        'header-unknown',
        { name: column.name, closest: column.closest },
        { ...where, suggestion: column.closest, ...(repairedHint ? { hint: repairedHint } : {}) },
        refuses ? 'error' : undefined,
      );
    } else {
      const field = column.field;
      if (column.repaired) {
        add(
          'header-mismatch',
          { name: column.name, field: field.name, by: 'repaired', damage: column.repaired.damage },
          { ...where, field: field.name, suggestion: field.name, hint: `rename the column to "${field.name}"; conform fix does this` },
        );
      } else if (column.matchedBy !== 'exact' && column.matchedBy !== 'config') {
        const by = column.matchedBy!;
        // The known name is said only where it is not the field's own name (for words, not the same words).
        const known = by === 'typo' ? column.typoOf && column.typoOf !== field.name : column.typoOf && normaliseName(column.typoOf) !== normaliseName(field.name);
        const match: NameMatch = by === 'typo' || by === 'words' ? { by, knownName: known ? column.typoOf : undefined } : { by };
        add(
          'header-mismatch',
          { name: column.name, field: field.name, ...match },
          { ...where, field: field.name, suggestion: field.name, hint: `rename the column to "${field.name}"` },
        );
      }
      planned.push({ index: column.index, name: column.name, field: field.name, fieldLabel: column.name !== field.name ? field.name : undefined });
    }
  }
  if (unknown.length > LISTED_UNKNOWN_COLUMNS) {
    const rest = unknown.slice(LISTED_UNKNOWN_COLUMNS);
    add(
      'header-unknown',
      { name: rest[0]!.name },
      { line, column: rest[0]!.name, columnIndex: rest[0]!.index + 1, count: rest.length, hint: phrases.moreUnknownColumns(rest.length) },
      refuses ? 'error' : undefined,
    );
  }
  for (const { field, closest, candidates } of match.missing) {
    // A field the standard only recommends (x-severity on the field) is missing at that severity.
    const severity = severityFor(standard, 'header-missing', field);
    // Where the standard's source asks for it, then how to map a column that may hold it.
    const hint = [sourceHint(field.schema, 'header-missing'), phrases.missingColumnHint(field.name, closest)].filter(Boolean).join('; ');
    add(
      'header-missing',
      { name: field.name, likely: closest, alsoLikely: candidates.slice(1), advised: severity !== 'error' },
      { line, field: field.name, suggestion: closest, hint },
      severity,
    );
    missing.push({ field: field.name, severity });
  }
  const byField = new Map(planned.map((p) => [p.field, p]));
  const rules = ruleSpecs(standard, references)
    .map((spec) => ({ spec, columns: spec.fields.map((f) => byField.get(f)?.index ?? -1) }))
    .filter(({ columns }) => columns.every((c) => c >= 0));
  const blankNamed = match.columns.filter((c) => c.blank).map((c) => c.index);
  const plan: TablePlan = {
    width: names.length,
    columns: planned,
    names: match.columns.map((c) => (c.blank ? null : c.name)),
    blankNamed,
    rules,
    decimalComma: options.delimiter === ';',
    others,
    missing,
  };
  return { plan, columns: match.columns };
}
