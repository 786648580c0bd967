// What went wrong with a value no repair can put right: the hint for each kind, and what each leaves alone.
import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  DIAGNOSES,
  gridReferenceForDegrees,
  isDateField,
  nearAllowedValue,
  notARealDate,
  rangeForNumber,
  requiredButNull,
  scientificNotation,
  spreadsheetError,
  timeWithoutDate,
  type Diagnosis,
} from '../../src/repair/diagnoses.js';
import type { Field, JsonType } from '../../src/standards/standard.js';

function field(name: string, types: JsonType[], schema: AnySchemaObject = {}, description?: string): Field {
  return { name, position: 1, schema, required: true, types, nullable: false, aliases: [], separator: ';', examples: [], constant: false, ...(description ? { description } : {}) };
}

const TEXT = field('Reference', ['string']);
const AMOUNT = field('Amount', ['number']);
const PAID = field('PaymentDate', ['string'], { format: 'date' });
const LONGITUDE = field('Longitude', ['number'], { minimum: -180, maximum: 180 });
const LATITUDE = field('Latitude', ['number'], { minimum: -90, maximum: 90 });
const UK_LONGITUDE = field('Longitude', ['number'], { minimum: -9, maximum: 2 });
const UK_LATITUDE = field('Latitude', ['number'], { minimum: 49, maximum: 61 });
const TENURE = field('Tenure', ['string'], { enum: ['Buildings Only', 'Land/Buildings', 'Land Only'] });
const CONTRACT = field('ContractType', ['string'], { enum: ['Fixed Term', 'Permanent'] });

const TIME_ONLY =
  'this is a time with no date: the column was formatted as a time in the spreadsheet, so the date was lost when the file was saved. Format the column as a date (yyyy-mm-dd) in the source and export the file again';
const SCIENTIFIC = 'the spreadsheet wrote this number in scientific notation and its last digits are lost: format the column as text in the source and export the file again';

describe('each diagnosis', () => {
  it.each([
    ['timeWithoutDate', timeWithoutDate, '00:00:00', PAID, TIME_ONLY],
    ['timeWithoutDate', timeWithoutDate, '00:00', field('Paid Date', ['string']), TIME_ONLY],
    ['timeWithoutDate', timeWithoutDate, '00:00:00', TEXT, undefined],
    ['timeWithoutDate', timeWithoutDate, '2024-01-01', PAID, undefined],
    ['notARealDate', notARealDate, '31/09/2024', PAID, 'there is no 31 September 2024: check the date at the source'],
    ['notARealDate', notARealDate, '2024-02-30', PAID, 'there is no 30 February 2024: check the date at the source'],
    ['notARealDate', notARealDate, '2024-01-01', PAID, undefined],
    ['requiredButNull', requiredButNull, 'N/A', TEXT, '"N/A" means there is no value, but the standard requires one: fill it in'],
    ['requiredButNull', requiredButNull, 'x', TEXT, undefined],
    ['scientificNotation', scientificNotation, '9.51E+06', TEXT, SCIENTIFIC],
    ['scientificNotation', scientificNotation, ' 1e+5 ', TEXT, SCIENTIFIC],
    ['scientificNotation', scientificNotation, '9.51E+06', AMOUNT, undefined],
    ['scientificNotation', scientificNotation, '9.51E-06', TEXT, undefined],
    ['spreadsheetError', spreadsheetError, '#VALUE!', TEXT, '#VALUE! is a spreadsheet formula error: correct the formula in the source and export the file again'],
    ['spreadsheetError', spreadsheetError, ' #div/0! ', AMOUNT, '#div/0! is a spreadsheet formula error: correct the formula in the source and export the file again'],
    ['spreadsheetError', spreadsheetError, '#SPILL!', TEXT, '#SPILL! is a spreadsheet formula error: correct the formula in the source and export the file again'],
    ['spreadsheetError', spreadsheetError, '#N/A', TEXT, undefined],
    ['rangeForNumber', rangeForNumber, '195000 - 199999', AMOUNT, 'this is a range, but Amount holds one number: write the single number the standard asks for'],
    ['rangeForNumber', rangeForNumber, '£10 to £20', AMOUNT, 'this is a range, but Amount holds one number: write the single number the standard asks for'],
    ['rangeForNumber', rangeForNumber, '10–20', AMOUNT, 'this is a range, but Amount holds one number: write the single number the standard asks for'],
    ['rangeForNumber', rangeForNumber, '10 - 20', TEXT, undefined],
    ['rangeForNumber', rangeForNumber, '-5', AMOUNT, undefined],
    [
      'gridReferenceForDegrees',
      gridReferenceForDegrees,
      '559716.56',
      LONGITUDE,
      'this looks like an Ordnance Survey easting in metres, not a longitude in degrees (WGS84): convert the grid reference to longitude and latitude at the source',
    ],
    [
      'gridReferenceForDegrees',
      gridReferenceForDegrees,
      '180000',
      LATITUDE,
      'this looks like an Ordnance Survey northing in metres, not a latitude in degrees (WGS84): convert the grid reference to longitude and latitude at the source',
    ],
    // Further east than Great Britain's grid reaches: not an easting.
    ['gridReferenceForDegrees', gridReferenceForDegrees, '800000', LONGITUDE, undefined],
    [
      'gridReferenceForDegrees',
      gridReferenceForDegrees,
      '51.5',
      UK_LONGITUDE,
      'this looks like a latitude, not a longitude: check that the longitude and latitude are not the wrong way round',
    ],
    [
      'gridReferenceForDegrees',
      gridReferenceForDegrees,
      '-1.2',
      UK_LATITUDE,
      'this looks like a longitude, not a latitude: check that the longitude and latitude are not the wrong way round',
    ],
    // With no range to be outside of, a latitude in a longitude field is not named.
    ['gridReferenceForDegrees', gridReferenceForDegrees, '51.5', field('Longitude', ['number']), undefined],
    ['gridReferenceForDegrees', gridReferenceForDegrees, '-1.5', UK_LONGITUDE, undefined],
    ['gridReferenceForDegrees', gridReferenceForDegrees, '5000', LONGITUDE, undefined],
    ['gridReferenceForDegrees', gridReferenceForDegrees, 'abc', LONGITUDE, undefined],
    ['gridReferenceForDegrees', gridReferenceForDegrees, '', LONGITUDE, undefined],
    [
      'gridReferenceForDegrees',
      gridReferenceForDegrees,
      '559716',
      field('GeoX', ['number'], {}, 'Longitude of the site'),
      'this looks like an Ordnance Survey easting in metres, not a longitude in degrees (WGS84): convert the grid reference to longitude and latitude at the source',
    ],
    // A description naming both says neither.
    ['gridReferenceForDegrees', gridReferenceForDegrees, '559716', field('GeoX', ['number'], {}, 'Latitude and longitude'), undefined],
    ['nearAllowedValue', nearAllowedValue, 'Buildings', TENURE, 'did you mean "Buildings Only" or "Land/Buildings"?'],
    ['nearAllowedValue', nearAllowedValue, 'Fixed Term Contract', CONTRACT, 'did you mean "Fixed Term"?'],
    ['nearAllowedValue', nearAllowedValue, 'Fixd Term', CONTRACT, 'did you mean "Fixed Term"?'],
    ['nearAllowedValue', nearAllowedValue, 'a', field('Kind', ['string'], { enum: ['A x', 'A y', 'A z', 'A w'] }), 'did you mean "A x" or "A y" or "A z"?'],
    ['nearAllowedValue', nearAllowedValue, 'xyz', CONTRACT, undefined],
    ['nearAllowedValue', nearAllowedValue, '—', CONTRACT, undefined],
    ['nearAllowedValue', nearAllowedValue, 'Buildings', TEXT, undefined],
  ] as Array<[string, Diagnosis, string, Field, string | undefined]>)('%s: %j', (_, diagnosis, text, f, hint) => {
    expect(diagnosis.explain(text, f)).toBe(hint);
  });
});

describe('isDateField and the order of diagnoses', () => {
  it.each([
    [field('X', ['string'], { format: 'date' }), true],
    [field('X', ['string'], { format: 'date-time' }), true],
    [field('X', ['string'], { description: 'Written dd/mm/yyyy' }), true],
    [field('Award date', ['string']), true],
    [field('Amount', ['number']), false],
  ])('%j: %s', (f, answer) => {
    expect(isDateField(f)).toBe(answer);
  });

  it('tries the lost date before the impossible one, and near values last', () => {
    expect(DIAGNOSES.map((d) => d.name)).toEqual([
      'time-without-date',
      'impossible-date',
      'required-null-token',
      'scientific-notation',
      'spreadsheet-error',
      'range-for-number',
      'grid-reference-for-degrees',
      'near-allowed-value',
    ]);
  });
});
