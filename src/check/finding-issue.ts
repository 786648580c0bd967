// A finding of the schema's validation (explain.ts) as an issue: the facts its code carries, taken from
// the finding and from where it was found.
import type { IssueArgs } from '../issues/args.js';
import { makeIssue, type IssueLocation } from '../issues/catalog.js';
import type { Issue, Severity } from '../types.js';
import type { Finding } from './explain.js';

/** Why a cell counts as missing a required value, when more can be said than that it is empty. */
export type MissingCell = Exclude<IssueArgs['value-missing']['reason'], 'primary-key' | undefined>;

export interface FindingFacts {
  /** The field, column or list item, as the reader should see it. */
  name: string;
  /** The value found; undefined for an empty cell or a missing property. */
  value: string | undefined;
  /** A rule over the record (row-rule) from the record's own validation, said as a sentence of its own. */
  fromRecord?: boolean;
}

export function findingIssue(f: Finding & { missing?: MissingCell }, facts: FindingFacts, location: IssueLocation, severity: Severity | undefined): Issue {
  const { name, value } = facts;
  switch (f.code) {
    case 'value-missing':
      return makeIssue('value-missing', f.missing === 'means-no-value' ? { name, reason: f.missing, value: String(value) } : { name, reason: f.missing }, location, severity);
    case 'value-type':
    case 'value-format':
    case 'value-pattern':
    case 'value-enum':
    case 'value-range':
      return makeIssue(f.code, { name, value, expected: String(f.expected) }, location, severity);
    case 'value-length':
      return makeIssue('value-length', { name, expected: String(f.expected), actual: f.found! }, location, severity);
    case 'key-reference':
      return makeIssue('key-reference', { kind: 'not-found', name, value, list: String(f.detail) }, location, severity);
    case 'row-rule':
      return makeIssue('row-rule', facts.fromRecord ? { kind: 'record-rule', rule: f.detail ?? '' } : { kind: 'field-rule', rule: String(f.detail) }, location, severity);
    case 'value-invalid':
      return makeIssue('value-invalid', { kind: 'rule', name, rule: String(f.detail), value }, location, severity);
  }
}
