// What a file's name, and the prefixes of its values, say about the standard it follows.
import { describe, expect, it } from 'vitest';
import { namedByFileName, namedByValues } from '../../src/standards/file-name-evidence.js';

describe('namedByFileName', () => {
  const SPEND = ['spend-over-500', 'procurement-card-transactions'];
  it.each([
    [undefined, SPEND, []],
    ['expenditure-over-500-2024-q1.csv', SPEND, ['spend-over-500']],
    ['Payments_to_Suppliers_2024.csv', SPEND, ['spend-over-500']],
    ['gpc-transactions-march.csv', SPEND, ['procurement-card-transactions']],
    ['/data/2024/P-Card.csv', SPEND, ['procurement-card-transactions']],
    ['/data/Brownfield_Register.csv', ['brownfield-land', 'brownfield-land-2017', 'tree'], ['brownfield-land', 'brownfield-land-2017']],
    ['street_trees.csv', ['tree', 'tree-preservation-order'], ['tree']],
    ['TPO-register.csv', ['tree', 'tree-preservation-order'], ['tree-preservation-order']],
    ['streets.csv', ['tree'], []],
    ['grants-2024.json', ['360giving'], ['360giving']],
    ['grantsmanship.csv', ['360giving'], []],
    ['s106-agreements.csv', ['developer-agreement'], ['developer-agreement']],
    ['report.csv', ['a-standard-with-no-words'], []],
  ])('%j among %j → %j', (name, ids, named) => {
    expect(namedByFileName(name, ids)).toEqual(named);
  });
});

describe('namedByValues', () => {
  it.each([
    [[['conservation-area:CA01', 'x']], ['conservation-area', 'tree'], ['conservation-area']],
    [[[' Tree-Preservation-Order:TPO/12']], ['tree-preservation-order'], ['tree-preservation-order']],
    // In the order of the ids given, not of the values.
    [
      [['tree:1'], ['conservation-area:2']],
      ['conservation-area', 'tree'],
      ['conservation-area', 'tree'],
    ],
    [[['treeX:1', ':tree', 'tree']], ['tree'], []],
    [[], ['tree'], []],
  ])('%j among %j → %j', (rows, ids, named) => {
    expect(namedByValues(rows, ids)).toEqual(named);
  });
});
