// `--column "Paid Date=PaymentDate"`: a column of the file mapped to a field of the standard.
import { describe, expect, it } from 'vitest';
import { parseColumnFlags } from '../../src/commands/column-flag.js';
import { ConformError } from '../../src/errors.js';

describe('parseColumnFlags', () => {
  it.each([
    [undefined, {}],
    [[], {}],
    [['Paid Date=PaymentDate'], { 'Paid Date': 'PaymentDate' }],
    // The last "=" divides: a column name may hold one.
    [['a=b=c'], { 'a=b': 'c' }],
    // The column is kept as written, spaces and all (files have such names); the field is trimmed.
    [['Amount = Value '], { 'Amount ': 'Value' }],
    [['A=x', 'B=y', 'A=z'], { A: 'z', B: 'y' }],
  ])('%j → %j', (values, map) => {
    expect(parseColumnFlags(values)).toEqual(map);
  });

  it.each(['=PaymentDate', 'Paid Date=', 'Paid Date', ' =PaymentDate', 'Paid Date=  '])('refuses %j', (value) => {
    const parse = () => parseColumnFlags([value]);
    expect(parse).toThrow(ConformError);
    expect(parse).toThrow(`--column takes "<column in the file>=<field of the standard>", such as --column "Paid Date=PaymentDate" (got "${value}")`);
  });
});
