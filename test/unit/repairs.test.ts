// Safe repairs: what each proposes for a cell, with its words, and what it leaves alone.
import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  allowedSpelling,
  dateProposals,
  enumValues,
  isNullToken,
  isPadded,
  leadingZeros,
  listSeparator,
  nameForYes,
  nullToken,
  plainNumber,
  ratioToOne,
  REPAIRS,
  trimSpaces,
  wholeNumber,
  yesNo,
  type RepairContext,
} from '../../src/repair/repairs.js';
import type { Field, JsonType } from '../../src/standards/standard.js';

function field(types: JsonType[], schema: AnySchemaObject = {}, extra: Partial<Field> = {}): Field {
  return { name: 'Amount', position: 1, schema, required: false, types, nullable: false, aliases: [], separator: ';', examples: [], constant: false, ...extra };
}

const NUMBER = field(['number']);
const INTEGER = field(['integer']);
const TEXT = field(['string']);
const BOOLEAN = field(['boolean']);

describe('isNullToken and isPadded', () => {
  it.each([
    ['NA', true],
    ['n/a', true],
    ['N.A.', true],
    ['#N/A', true],
    ['NULL', true],
    ['-', true],
    ['--', true],
    [' null', true],
    ['na ', true],
    ['NULL  ', false],
    ['None', false],
    ['nan', false],
    ['', false],
    ['0', false],
  ])('isNullToken(%j) is %s', (text, answer) => {
    expect(isNullToken(text)).toBe(answer);
  });

  it.each([
    [' a', true],
    ['a ', true],
    ['\ta', true],
    ['a\u00a0', true],
    ['a', false],
    ['', false],
    ['a b', false],
    ['\na', false],
  ])('isPadded(%j) is %s', (text, answer) => {
    expect(isPadded(text)).toBe(answer);
  });
});

describe('each repair', () => {
  it.each([
    ['trimSpaces', trimSpaces, ' a ', TEXT, {}, [{ value: 'a', hint: 'remove the spaces around the value: {value}' }]],
    ['trimSpaces', trimSpaces, 'a  b', TEXT, {}, [{ value: 'a b', hint: 'collapse the repeated spaces: {value}' }]],
    ['trimSpaces', trimSpaces, '\u00a0x', TEXT, {}, [{ value: 'x', hint: 'remove the spaces around the value: {value}' }]],
    ['trimSpaces', trimSpaces, 'a', TEXT, {}, []],
    ['plainNumber', plainNumber, '£1,200.00', NUMBER, {}, [{ value: '1200.00', hint: 'remove the currency sign and the thousands separators: {value}' }]],
    ['plainNumber', plainNumber, '(5)', INTEGER, {}, [{ value: '-5', hint: 'write the negative amount with a minus sign instead of brackets: {value}' }]],
    [
      'plainNumber',
      plainNumber,
      '12,345',
      NUMBER,
      { decimalComma: true },
      [{ value: '12.345', hint: '12,345 could be 12.345 (a decimal comma) or 12345 (a thousands separator): check which is meant and write it plainly', doubtful: true }],
    ],
    ['plainNumber', plainNumber, '1200', NUMBER, {}, []],
    ['plainNumber', plainNumber, '£1,200.00', TEXT, {}, []],
    ['ratioToOne', ratioToOne, '7.14:1', NUMBER, {}, [{ value: '7.14', hint: 'write the ratio to one as a plain number: {value}' }]],
    ['ratioToOne', ratioToOne, ' 3 : 1.0 ', NUMBER, {}, [{ value: '3', hint: 'write the ratio to one as a plain number: {value}' }]],
    ['ratioToOne', ratioToOne, '7:2', NUMBER, {}, []],
    ['ratioToOne', ratioToOne, '7.14:1', TEXT, {}, []],
    ['wholeNumber', wholeNumber, '12.0', INTEGER, {}, [{ value: '12', hint: 'write the whole number without the decimal part: {value}' }]],
    ['wholeNumber', wholeNumber, '-3.00', INTEGER, {}, [{ value: '-3', hint: 'write the whole number without the decimal part: {value}' }]],
    ['wholeNumber', wholeNumber, '12.5', INTEGER, {}, []],
    ['wholeNumber', wholeNumber, '12.0', NUMBER, {}, []],
    ['yesNo', yesNo, 'Y', BOOLEAN, {}, [{ value: 'true', hint: 'write true or false: {value}' }]],
    ['yesNo', yesNo, '0', BOOLEAN, {}, [{ value: 'false', hint: 'write true or false: {value}' }]],
    ['yesNo', yesNo, 'y', field(['string'], { enum: ['Yes', 'No'] }), {}, [{ value: 'Yes', hint: 'write the allowed value: {value}' }]],
    ['yesNo', yesNo, 'no', field(['string'], { enum: ['Y', 'N'] }), {}, [{ value: 'N', hint: 'write the allowed value: {value}' }]],
    ['yesNo', yesNo, 'Yes', field(['string'], { enum: ['Yes', 'No'] }), {}, []],
    ['yesNo', yesNo, 'yes', TEXT, {}, []],
    ['yesNo', yesNo, 'maybe', BOOLEAN, {}, []],
    [
      'nameForYes',
      nameForYes,
      'Vacant',
      field(['boolean'], {}, { name: 'Vacancy', aliases: ['Vacant'] }),
      {},
      [{ value: 'true', hint: '"Vacant" repeats the field\'s name, so it means yes: write {value} (and false where it does not apply)' }],
    ],
    [
      'nameForYes',
      nameForYes,
      ' shared_post',
      field(['boolean'], {}, { name: 'SharedPost' }),
      {},
      [{ value: 'true', hint: '"shared_post" repeats the field\'s name, so it means yes: write {value} (and false where it does not apply)' }],
    ],
    ['nameForYes', nameForYes, 'Vacant', field(['string'], {}, { name: 'Vacant' }), {}, []],
    ['nameForYes', nameForYes, 'x', field(['boolean'], {}, { name: 'Vacancy' }), {}, []],
    ['allowedSpelling', allowedSpelling, 'sme', field(['string'], { enum: ['SME', 'Large'] }), {}, [{ value: 'SME', hint: 'use the allowed spelling: {value}' }]],
    [
      'allowedSpelling',
      allowedSpelling,
      'Conservation Area',
      field(['string'], { enum: ['conservation-area'] }),
      {},
      [{ value: 'conservation-area', hint: 'use the allowed spelling: {value}' }],
    ],
    ['allowedSpelling', allowedSpelling, 'fixed', field(['string'], { const: 'Fixed' }), {}, [{ value: 'Fixed', hint: 'use the allowed spelling: {value}' }]],
    ['allowedSpelling', allowedSpelling, 'SME', field(['string'], { enum: ['SME'] }), {}, []],
    // Two allowed values alike: which is meant is not known.
    ['allowedSpelling', allowedSpelling, 'AB', field(['string'], { enum: ['a-b', 'a_b'] }), {}, []],
    ['listSeparator', listSeparator, 'a|b', field(['array']), {}, [{ value: 'a;b', hint: 'separate the values with ";" instead of "|": {value}' }]],
    ['listSeparator', listSeparator, 'a, b ,c', field(['array']), {}, [{ value: 'a;b;c', hint: 'separate the values with ";" instead of ",": {value}' }]],
    ['listSeparator', listSeparator, 'a;b', field(['array']), {}, []],
    ['listSeparator', listSeparator, 'a|', field(['array']), {}, []],
    ['listSeparator', listSeparator, 'a|b', TEXT, {}, []],
    ['nullToken', nullToken, 'N/A', TEXT, {}, [{ value: '', hint: 'leave the cell empty instead of writing "N/A"' }]],
    ['nullToken', nullToken, 'N/A', field(['string'], {}, { required: true, nullable: true }), {}, [{ value: '', hint: 'leave the cell empty instead of writing "N/A"' }]],
    ['nullToken', nullToken, 'N/A', field(['string'], {}, { required: true }), {}, []],
    [
      'leadingZeros',
      leadingZeros,
      '9506232',
      field(['string'], { pattern: '^\\d{8}$' }),
      {},
      ['09506232', '009506232', '0009506232', '00009506232'].map((value) => ({ value, hint: 'put back the leading zeros that the spreadsheet removed: {value}' })),
    ],
    ['leadingZeros', leadingZeros, '9506232', TEXT, {}, []],
    ['leadingZeros', leadingZeros, 'SC12345', field(['string'], { pattern: '^\\d{8}$' }), {}, []],
    ['leadingZeros', leadingZeros, '123456789012', field(['string'], { pattern: '^\\d{13}$' }), {}, []],
  ] as Array<[string, (typeof REPAIRS)[number], string, Field, RepairContext, unknown[]]>)('%s: %j', (_, repair, text, f, context, proposals) => {
    expect(repair.propose(text, f, context)).toEqual(proposals);
  });
});

describe('dateProposals', () => {
  it.each([
    ['31/12/2024', {}, [{ value: '2024-12-31', hint: 'write the date as {value}', dependsOnDateOrder: false }]],
    ['2024-12-31', {}, [{ value: '31/12/2024', hint: 'write the date as {value}', dependsOnDateOrder: false }]],
    [
      '03/04/2024',
      { dateOrder: 'month-first' },
      [
        { value: '2024-03-04', hint: "write the date as {value} (the column's other dates put the month first)", dependsOnDateOrder: true },
        { value: '04/03/2024', hint: "write the date as {value} (the column's other dates put the month first)", dependsOnDateOrder: true },
      ],
    ],
    [
      '03/04/2024',
      { dateOrder: 'day-first', datesIn: 'file' },
      [{ value: '2024-04-03', hint: "write the date as {value} (the file's other dates put the day first)", dependsOnDateOrder: true }],
    ],
    [
      '03/04/2024',
      {},
      [
        {
          value: '2024-04-03',
          hint: '"03/04/2024" could be 3 April 2024 ({value}) or 4 March 2024 (2024-03-04): the column\'s other dates do not show whether the day or the month comes first, so check which is meant',
          doubtful: true,
          dependsOnDateOrder: true,
        },
      ],
    ],
    [
      '03/04/2024',
      { dateOrder: 'mixed' },
      [
        {
          value: '2024-04-03',
          hint: '"03/04/2024" could be 3 April 2024 ({value}) or 4 March 2024 (2024-03-04): the column has dates written with the day first and others with the month first, so check which is meant',
          doubtful: true,
          dependsOnDateOrder: true,
        },
      ],
    ],
    ['not a date', {}, []],
  ] as Array<[string, RepairContext, unknown[]]>)('%j with %j', (text, context, proposals) => {
    expect(dateProposals(text, context)).toEqual(proposals);
  });
});

describe('enumValues and the order of repairs', () => {
  it.each([
    [{ enum: ['a', 1, 'b', null] }, ['a', 'b']],
    [{ const: 'x' }, ['x']],
    [{ items: { enum: ['p', 'q'] } }, ['p', 'q']],
    [{}, []],
  ])('%j allows %j', (schema, values) => {
    expect(enumValues(field(['string'], schema))).toEqual(values);
  });

  it('tries an empty cell first, and trimming last', () => {
    expect(REPAIRS.map((r) => r.name)).toEqual([
      'null-token',
      'whole-number',
      'plain-number',
      'ratio-to-one',
      'yes-no',
      'name-for-yes',
      'allowed-spelling',
      'list-separator',
      'standard-date',
      'leading-zeros',
      'trim-spaces',
    ]);
    expect(REPAIRS.filter((r) => r.onlyIfUnique).map((r) => r.name)).toEqual(['leading-zeros']);
  });
});
