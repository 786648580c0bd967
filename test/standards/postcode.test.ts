// The postcode rule of the bundled standards accepts every form Royal Mail issues, with the letters each
// position may hold, and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DIR } from '../../src/standards/registry.js';

const FIELDS: Array<[string, string]> = [
  ['public-toilets', 'Postcode'],
  ['premises-licences', 'SupervisorPostcode'],
];

const VALID: Array<[string, string]> = [
  ['M1 1AE', 'A9 9AA'],
  ['B33 8TH', 'A99 9AA'],
  ['W1A 0AX', 'A9A 9AA'],
  ['CR2 6XH', 'AA9 9AA'],
  ['DN55 1PT', 'AA99 9AA'],
  ['EC1A 1BB', 'AA9A 9AA'],
  ['N1C 4AG', "A9A with C in third place, issued for King's Cross in 2012"],
  ['SW1A 1AA', 'AA9A 9AA'],
  ['GIR 0AA', 'Girobank, the one non-geographic form'],
  ['BFPO 1', 'British Forces Post Office, short number'],
  ['BFPO 2012', 'British Forces Post Office, four digits'],
  ['WA14 1PF', 'AA99 9AA'],
  ['SW1A  1AA', 'two spaces, as the published pattern allowed'],
];

const INVALID: Array<[string, string]> = [
  ['', 'empty'],
  ['SW1A1AA', 'no space'],
  ['sw1a 1aa', 'lower case'],
  ['QA1 1AA', 'Q never starts a postcode'],
  ['AI1 1AA', 'I is never second'],
  ['W1I 0AX', 'I is never third in A9A'],
  ['EC1C 1BB', 'C is never fourth in AA9A'],
  ['M1 1AC', 'C is never in the inward code'],
  ['M1 1OA', 'O is never in the inward code'],
  ['M1 1A', 'inward code too short'],
  ['M123 1AA', 'three digits'],
  ['GIR 0AB', 'only GIR 0AA'],
  ['BFPO', 'no number'],
  ['BFPO 12345', 'five digits'],
  ['not known', 'words'],
  ['SW1A 1AA x', 'trailing text'],
];

describe.each(FIELDS)('the %s %s rule', (id, field) => {
  const schema = JSON.parse(readFileSync(join(BUNDLED_DIR, id, 'schema.json'), 'utf8'));
  const rule = new RegExp(schema.properties[field].pattern, 'u');

  it.each(VALID)('accepts %s (%s)', (postcode) => {
    expect(rule.test(postcode)).toBe(true);
  });

  it.each(INVALID)('refuses %j (%s)', (postcode) => {
    expect(rule.test(postcode)).toBe(false);
  });

  it('is a warning, as the published pattern accepted any text', () => {
    expect(schema.properties[field]['x-severity']).toEqual({ 'value-pattern': 'warning' });
  });
});
