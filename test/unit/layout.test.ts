// The layout people give a table in a spreadsheet: blank rows, template rows under the header, and
// total lines at the foot.
import { describe, expect, it } from 'vitest';
import { isBlankRow, templateKind, totalRowLabel } from '../../src/check/layout.js';

describe('isBlankRow', () => {
  it.each([
    [[], true],
    [[''], true],
    [['  ', '\t'], true],
    [['\u00a0'], true],
    [['', 'x'], false],
    [['0'], false],
  ])('%j: %s', (cells, blank) => {
    expect(isBlankRow(cells)).toBe(blank);
  });
});

describe('templateKind', () => {
  it.each([
    [['Mandatory', 'Optional', 'Mandatory'], 3, 'markers'],
    [['M', 'O', '', ''], 4, 'markers'],
    [['required', 'Recommended', 'conditional'], 3, 'markers'],
    // Filled cells must be half the header at least.
    [['M', 'O'], 5, undefined],
    [['1', '2', '3'], 3, 'numbers'],
    // Numbers need three cells, counting up from one.
    [['1', '2'], 2, undefined],
    [['2', '3', '4'], 3, undefined],
    [['1', '3', '4'], 3, undefined],
    [['1', '2', '3'], 8, undefined],
    [['yyyy-mm-dd', 'Text', '£'], 3, 'formats'],
    [['Text', 'Number', 'Date', ''], 4, 'formats'],
    [['date', 'text'], 2, 'formats'],
    // One kind only.
    [['Mandatory', 'Text'], 2, undefined],
    [['Smith', '12.50'], 2, undefined],
    [['M'], 1, undefined],
  ])('%j under a header of %d: %s', (cells, width, kind) => {
    expect(templateKind(cells, width)).toBe(kind);
  });
});

describe('totalRowLabel', () => {
  it.each([
    [['Total', '', '', '1234.50'], 4, 'Total'],
    [['', 'Grand total', '', '', '£1,234.50', ''], 6, 'Grand total'],
    [['Total: 40,292.84', '', '', ''], 4, 'Total: 40,292.84'],
    [['Sub-total', '', '', ''], 4, 'Sub-total'],
    [['Totals:', '', '', ''], 4, 'Totals:'],
    [['Total for Adult Services', '', '', ''], 4, 'Total for Adult Services'],
    [[' total spend ', '', '', ''], 4, 'total spend'],
    [['Sum', '', ''], 3, 'Sum'],
    [['Count', '', '', ''], 4, 'Count'],
    // More cells than the header: half of those.
    [['Total', '', '', '', '', ''], 3, 'Total'],
    // A supplier's name is not a label.
    [['Total Gas & Power', '', '', ''], 4, undefined],
    // More than half the cells filled: a row of data.
    [['Total', 'x', 'y', 'z'], 4, undefined],
    [['Total', '', '1234.50'], 3, undefined],
    // Too narrow a table to tell.
    [['Total', ''], 2, undefined],
    [['', '', '', ''], 4, undefined],
  ])('%j in a table of %d columns: %s', (cells, width, label) => {
    expect(totalRowLabel(cells, width)).toBe(label);
  });
});
