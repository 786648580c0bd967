// Hints, and repairs where they are safe, for values councils write in their own way: coordinates in the
// wrong system or the wrong way round, ratios and ranges for numbers, a column's name for yes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, ROOT, scratch } from '../helpers.js';

/** A bundled example with two adjacent cells of its first record replaced (found by their values). */
function exampleWith(standard: string, was: [string, string], now: [string, string]): string {
  const [header, first, ...rest] = readFileSync(join(ROOT, 'schemas', standard, 'example.csv'), 'utf8').split('\n');
  const cells = first!.split(',');
  const at = cells.indexOf(was[0]);
  expect(cells.slice(at, at + 2)).toEqual(was);
  cells.splice(at, 2, ...now);
  return [header, cells.join(','), ...rest].join('\n');
}

const brownfieldWith = (geoX: string, geoY: string) => exampleWith('brownfield-land', ['-1.234567', '52.345678'], [geoX, geoY]);

async function rangeHints(csv: string, standard: string) {
  const dir = scratch({ 'data.csv': csv });
  const { report: r } = await report([join(dir, 'data.csv'), '--standard', standard]);
  return r.files[0].issues.filter((i: any) => i.code === 'value-range').map((i: any) => [i.column, i.value, i.hint]);
}

describe('coordinates that are not longitude and latitude in degrees', () => {
  it('an Ordnance Survey easting and northing are converted, where the standard names the point', async () => {
    // brownfield-land's x-point names GeoX and GeoY: the platform converts a grid reference, so the hint gives the result.
    const why =
      "GeoX 559716.56 and GeoY 193740 are an Ordnance Survey easting and northing in metres, which the planning data platform converts; as WGS84 longitude and latitude they are 0.305702, 51.619824, converted with Ordnance Survey's 7-parameter Helmert transformation from OSGB36, accurate to about 5 metres";
    expect(await rangeHints(brownfieldWith('559716.56', '193740.0'), 'brownfield-land')).toEqual([
      ['GeoX', '559716.56', `${why}: write 0.305702 here`],
      ['GeoY', '193740.0', `${why}: write 51.619824 here`],
    ]);
  });

  it('a latitude and a longitude the wrong way round are swapped, where the standard names the point', async () => {
    const why = 'GeoX 53.000879 and GeoY -0.393631 are a latitude and a longitude the wrong way round, which the planning data platform swaps';
    expect(await rangeHints(brownfieldWith('53.000879', '-0.393631'), 'brownfield-land')).toEqual([
      ['GeoX', '53.000879', `${why}: write -0.393631 here`],
      ['GeoY', '-0.393631', `${why}: write 53.000879 here`],
    ]);
  });

  it('a value out of range that is neither gets no guess', async () => {
    expect(await rangeHints(brownfieldWith('3.5', '48.2'), 'brownfield-land')).toEqual([
      ['GeoX', '3.5', undefined],
      ['GeoY', '48.2', undefined],
    ]);
    // Too small for a grid reference in Great Britain.
    const csv = exampleWith('open-referral-uk-locations', ['52.6369', '-1.1398'], ['100', '-1.1398']);
    expect(await rangeHints(csv, 'open-referral-uk-locations')).toEqual([['latitude', '100', undefined]]);
  });

  it('in any standard whose field says it is a longitude or a latitude', async () => {
    // Open Referral UK allows the whole world (-180 to 180): a grid reference is still far outside it.
    const csv = exampleWith('open-referral-uk-locations', ['52.6369', '-1.1398'], ['304660', '458870']);
    expect(await rangeHints(csv, 'open-referral-uk-locations')).toEqual([
      [
        'latitude',
        '304660',
        'this looks like an Ordnance Survey northing in metres, not a latitude in degrees (WGS84): convert the grid reference to longitude and latitude at the source',
      ],
      [
        'longitude',
        '458870',
        'this looks like an Ordnance Survey easting in metres, not a longitude in degrees (WGS84): convert the grid reference to longitude and latitude at the source',
      ],
    ]);
  });
});

describe('numbers written as ratios and ranges', () => {
  const schema = JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { Ratio: { type: 'number' }, SalaryBand: { type: 'number' }, Note: { type: 'string' } },
  });

  it('a ratio to one is repaired to its first number; a range only explained', async () => {
    const dir = scratch({ 'pay.csv': 'Ratio,SalaryBand,Note\n7.14:1,65000 - 69999,3:1\n8 : 1,£60000 to £65000,\n2:3,65000,\n', 'pay.schema.json': schema });
    const { report: r } = await report([join(dir, 'pay.csv'), '--standard', join(dir, 'pay.schema.json')]);
    expect(r.files[0].issues.map((i: any) => [i.row, i.column, i.value, i.hint, i.fix])).toEqual([
      [1, 'Ratio', '7.14:1', 'write the ratio to one as a plain number: 7.14', '7.14'],
      [1, 'SalaryBand', '65000 - 69999', 'this is a range, but SalaryBand holds one number: write the single number the standard asks for', undefined],
      [2, 'Ratio', '8 : 1', 'write the ratio to one as a plain number: 8', '8'],
      [2, 'SalaryBand', '£60000 to £65000', 'this is a range, but SalaryBand holds one number: write the single number the standard asks for', undefined],
      // Not a ratio to one: which number is meant is unclear.
      [3, 'Ratio', '2:3', undefined, undefined],
    ]);
  });
});

describe("a yes/no cell that repeats the field's name", () => {
  it('means yes, and is repaired to true', async () => {
    const schema = JSON.stringify({ type: 'object', properties: { Vacancy: { type: 'boolean', 'x-aliases': ['Vacant'] }, SharedPost: { type: 'boolean', title: 'Shared post' } } });
    const dir = scratch({ 'posts.csv': 'Vacancy,SharedPost\nVacant,Shared post\nvacancy,Shared\n', 'posts.schema.json': schema });
    const { report: r } = await report([join(dir, 'posts.csv'), '--standard', join(dir, 'posts.schema.json')]);
    expect(r.files[0].issues.map((i: any) => [i.row, i.column, i.value, i.hint, i.fix])).toEqual([
      [1, 'Vacancy', 'Vacant', '"Vacant" repeats the field\'s name, so it means yes: write true (and false where it does not apply)', 'true'],
      [1, 'SharedPost', 'Shared post', '"Shared post" repeats the field\'s name, so it means yes: write true (and false where it does not apply)', 'true'],
      [2, 'Vacancy', 'vacancy', '"vacancy" repeats the field\'s name, so it means yes: write true (and false where it does not apply)', 'true'],
      // Not the field's name (nor its title or an alias): no guess.
      [2, 'SharedPost', 'Shared', undefined, undefined],
    ]);
  });
});

describe('a value near one the standard allows', () => {
  it('names the allowed values that share its words, or differ by a letter', async () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: {
        HoldingType: { type: 'string', enum: ['Buildings Only', 'Land Only', 'Land/Buildings'] },
        ContractType: { type: 'string', enum: ['Permanent', 'Fixed Term', 'OSGB36'] },
      },
    });
    const dir = scratch({ 'assets.csv': 'HoldingType,ContractType\nBuildings,Fixed Term Contract\nGarage,OSGB3\n', 'assets.schema.json': schema });
    const { report: r } = await report([join(dir, 'assets.csv'), '--standard', join(dir, 'assets.schema.json')]);
    expect(r.files[0].issues.map((i: any) => [i.row, i.value, i.hint, i.fix])).toEqual([
      [1, 'Buildings', 'did you mean "Buildings Only" or "Land/Buildings"?', undefined],
      [1, 'Fixed Term Contract', 'did you mean "Fixed Term"?', undefined],
      [2, 'Garage', undefined, undefined],
      [2, 'OSGB3', 'did you mean "OSGB36"?', undefined],
    ]);
  });
});
