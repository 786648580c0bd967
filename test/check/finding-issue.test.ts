// A finding of the schema's validation becomes an issue with the facts its code carries: which of the
// finding's phrases goes where, and why a required value counts as missing.
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/check/explain.js';
import { findingIssue, type FindingFacts, type MissingCell } from '../../src/check/finding-issue.js';

const made = vi.hoisted(() => [] as Array<[code: string, args: unknown]>);

vi.mock('../../src/issues/catalog.js', async (importOriginal) => {
  const catalog = await importOriginal<typeof import('../../src/issues/catalog.js')>();
  return {
    ...catalog,
    makeIssue: (...call: Parameters<typeof catalog.makeIssue>) => {
      made.push([call[0], call[1]]);
      return catalog.makeIssue(...call);
    },
  };
});

const cell: FindingFacts = { name: 'Amount', value: '12,50' };

describe('a finding as an issue', () => {
  it.each<[string, Finding & { missing?: MissingCell }, FindingFacts, unknown]>([
    ['an empty cell', { code: 'value-missing', path: '', keyword: 'required' }, { name: 'Amount', value: undefined }, { name: 'Amount', reason: undefined }],
    [
      'a cell of spaces',
      { code: 'value-missing', path: '', keyword: 'required', missing: 'spaces-only' },
      { name: 'Amount', value: '  ' },
      { name: 'Amount', reason: 'spaces-only' },
    ],
    [
      'a cell that means no value',
      { code: 'value-missing', path: '', keyword: 'required', missing: 'means-no-value' },
      { name: 'Amount', value: 'N/A' },
      { name: 'Amount', reason: 'means-no-value', value: 'N/A' },
    ],
    ['a type', { code: 'value-type', path: '', keyword: 'type', expected: 'a number' }, cell, { name: 'Amount', value: '12,50', expected: 'a number' }],
    [
      'a length',
      { code: 'value-length', path: '', keyword: 'maxLength', expected: 'have at most 4 characters', found: { items: 5 } },
      cell,
      { name: 'Amount', expected: 'have at most 4 characters', actual: { items: 5 } },
    ],
    [
      'a code list',
      { code: 'key-reference', path: '', keyword: 'x-codelist', detail: 'the code list LAD' },
      cell,
      { kind: 'not-found', name: 'Amount', value: '12,50', list: 'the code list LAD' },
    ],
    [
      'a rule of the value',
      { code: 'value-invalid', path: '', keyword: 'not', detail: 'must not match the form the standard rules out' },
      cell,
      { kind: 'rule', name: 'Amount', rule: 'must not match the form the standard rules out', value: '12,50' },
    ],
    [
      'a rule over a field',
      { code: 'row-rule', path: '', keyword: 'anyOf', detail: 'the record must match one of the allowed forms' },
      cell,
      { kind: 'field-rule', rule: 'the record must match one of the allowed forms' },
    ],
    [
      'a rule over the record',
      { code: 'row-rule', path: '', keyword: 'dependentRequired', detail: 'when End is given, Start is required too' },
      { ...cell, fromRecord: true },
      { kind: 'record-rule', rule: 'when End is given, Start is required too' },
    ],
  ])('%s', (_, finding, facts, args) => {
    made.length = 0;
    const issue = findingIssue(finding, facts, { row: 2 }, undefined);
    expect(made).toEqual([[finding.code, args]]);
    expect(issue).toMatchObject({ code: finding.code, row: 2 });
  });
});
