// Where each cell of a CSV line starts, in characters, for the reports that mark a column by position.
import { describe, expect, it } from 'vitest';
import { cellStarts } from '../../src/report/cell-columns.js';

describe('cellStarts', () => {
  it.each([
    ['a,b,c', ',', [0, 2, 4]],
    ['', ',', [0]],
    [',,', ',', [0, 1, 2]],
    ['"a,b",c', ',', [0, 6]],
    ['"a""b",c', ',', [0, 7]],
    // A quote inside a cell does not open quoted text.
    ['a"b,c', ',', [0, 4]],
    ['x,"y', ',', [0, 2]],
    ['a;b', ';', [0, 2]],
    ['a;b', ',', [0]],
    ['a\tb', '\t', [0, 2]],
    ['é,£5,c', ',', [0, 2, 5]],
  ])('%j split by %j', (line, delimiter, starts) => {
    expect(cellStarts(line, delimiter)).toEqual(starts);
  });
});
