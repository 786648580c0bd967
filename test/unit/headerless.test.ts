// A file with no header row: its first row holds data. Named as such, and read in the standard's order
// when every cell fits the field at its place.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findHeaderless } from '../../src/check/headerless.js';
import { loadStandardFile } from '../../src/standards/load.js';
import { BUNDLED_DIR } from '../../src/standards/registry.js';
import type { Standard } from '../../src/standards/standard.js';

let spend: Standard;
beforeAll(async () => {
  spend = await loadStandardFile(join(BUNDLED_DIR, 'spend-over-500', 'schema.json'));
});

// The first fifteen of spend over £500's fields, in its order, as a council's export writes them.
const IN_ORDER = [
  'Anytown Borough Council',
  'http://opendatacommunities.org/id/unitary-authority/anytown',
  'Finance',
  'Education',
  '',
  'ACME Ltd',
  '',
  '',
  '',
  'false',
  '2024-01-31',
  'T1',
  '1200.50',
  '0',
  'Books',
];

describe('findHeaderless', () => {
  it('a first row of values in the standard order is read under its field names', () => {
    expect(findHeaderless(IN_ORDER, spend)).toEqual({ names: spend.fields.slice(0, IN_ORDER.length).map((f) => f.name) });
    expect(spend.fields.slice(12, 14).map((f) => f.name)).toEqual(['Amount', 'IrrecoverableVATAmount']);
  });

  it('a value a repair puts right still fits its field', () => {
    const ukDate = [...IN_ORDER];
    ukDate[10] = '31/01/2024';
    expect(findHeaderless(ukDate, spend)?.names).toHaveLength(IN_ORDER.length);
  });

  it.each([
    ['a value that fits no field at its place', IN_ORDER.map((cell, i) => (i === 9 ? 'maybe' : cell))],
    ['more cells than the standard has fields', [...IN_ORDER, ...IN_ORDER]],
  ])('data, but not in the standard order: %s', (_, row) => {
    expect(findHeaderless(row, spend)).toEqual({});
  });

  it.each([
    // A third of the filled cells must be values by their shape: here three of twelve are.
    ['too few values', IN_ORDER.map((cell, i) => (i === 12 ? 'a lot' : cell))],
    ['a header naming fields', ['OrganisationLabel', 'Amount', '2024-01-31', '12']],
    ['names that are not values', ['Council', 'Supplier', 'Amount']],
    ['one value among many names', ['Council', 'Supplier', 'Service', '12']],
    ['a single filled cell', ['12', '', '']],
    ['nothing', ['', '']],
  ])('not data: %s', (_, row) => {
    expect(findHeaderless(row, spend)).toBeUndefined();
  });
});
