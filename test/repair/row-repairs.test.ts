// Repairs over a row: the Ordnance Survey grid converted to WGS84, checked against Ordnance Survey's own
// published test points, and fields the planning data platform fills from others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridToWgs84, isGridPair } from '../../src/repair/british-grid.js';
import { inEngland } from '../../src/repair/england-outline.js';
import { repairsForRow, type RowRepairPlan } from '../../src/repair/row-repairs.js';
import { cli, report, scratch } from '../helpers.js';

/**
 * OSTN15 test points from Ordnance Survey's developer pack (OSTN15_OSGM15_TestInput/Output, OSGB36 to
 * ETRS89): easting, northing and the ETRS89 latitude and longitude OS computes with OSTN15, which is
 * exact to about 0.1 m. ETRS89 and WGS84 differ by well under a metre in Great Britain.
 */
const OS_TEST_POINTS: Array<[string, number, number, number, number]> = [
  ["TP01 St Mary's, Scilly", 91492.146, 11318.804, 49.9222639373, -6.29977752014],
  ['TP05 former OS headquarters, Southampton', 438710.92, 114792.25, 50.9312793791, -1.450514337],
  ['TP07 North Foreland lighthouse', 639821.835, 169565.858, 51.3744702555, 1.44454730409],
  ['TP09 Lambeth', 530624.974, 178388.464, 51.4893656495, -0.1199255718],
  ['TP10 Carmarthen', 241124.584, 220332.641, 51.858908964, -4.3085247696],
  ['TP20 Bradford', 422242.186, 433818.701, 53.8002151963, -1.66379168242],
  ['TP30 Inverness', 267056.768, 846176.972, 57.4862500072, -4.21926398555],
  ['TP40 Shetland', 395999.668, 1138728.951, 60.1330809166, -2.07382822798],
];

/** Metres between two points close together, on a sphere of the Earth's mean radius. */
function metresApart(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.hypot(x, y) * r;
}

describe('National Grid eastings and northings to WGS84', () => {
  it.each(OS_TEST_POINTS)('%s is within 5 m of where Ordnance Survey puts it', (_name, easting, northing, latitude, longitude) => {
    expect(isGridPair(easting, northing)).toBe(true);
    const converted = gridToWgs84(easting, northing);
    expect(metresApart(converted.latitude, converted.longitude, latitude, longitude)).toBeLessThan(5);
  });

  it('does not take degrees for a grid reference', () => {
    expect(isGridPair(-1.45, 50.93)).toBe(false);
    expect(isGridPair(53.0, -0.39)).toBe(false);
    expect(isGridPair(900_000, 100_000)).toBe(false); // east of Great Britain's grid
  });
});

describe('the outline of England that a repaired point must land in', () => {
  it.each([
    ['London', -0.1276, 51.5072, true],
    ["St Mary's, Scilly", -6.3, 49.92, true],
    ['Berwick-upon-Tweed', -2.0, 55.77, true],
    ['Carlisle', -2.93, 54.89, true],
    ['the Channel south of Eastbourne', 0.2676, 50.2146, false],
    ['Cardiff', -3.18, 51.48, false],
    ['Edinburgh', -3.19, 55.95, false],
    ['the Isle of Man', -4.5, 54.2, false],
    ['Calais', 1.86, 50.95, false],
  ] as const)('%s: %s, %s is %s', (_name, longitude, latitude, inside) => {
    expect(inEngland(longitude, latitude)).toBe(inside);
  });
});

const PLAN: RowRepairPlan = {
  fills: [
    { field: 'NetDwellingsRangeFrom', from: ['MinNetDwellings', 'NetDwellingsRangeTo'] },
    { field: 'NetDwellingsRangeTo', from: ['NetDwellingsRangeFrom', 'MinNetDwellings'] },
  ],
  point: { longitude: 'GeoX', latitude: 'GeoY' },
  reads: [],
};

/** Cells of a row → the value each repair writes. */
const ROWS: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['a range from MinNetDwellings', { MinNetDwellings: '12', NetDwellingsRangeFrom: '', NetDwellingsRangeTo: '' }, { NetDwellingsRangeFrom: '12', NetDwellingsRangeTo: '12' }],
  ['the missing end of a range from the other end', { NetDwellingsRangeFrom: '', NetDwellingsRangeTo: '40' }, { NetDwellingsRangeFrom: '40' }],
  ['the missing top of a range from its bottom first', { MinNetDwellings: '5', NetDwellingsRangeFrom: '8', NetDwellingsRangeTo: '' }, { NetDwellingsRangeTo: '8' }],
  ['nothing where the range is given', { MinNetDwellings: '5', NetDwellingsRangeFrom: '8', NetDwellingsRangeTo: '10' }, {}],
  ['nothing where nothing gives a value', { MinNetDwellings: '', NetDwellingsRangeFrom: '', NetDwellingsRangeTo: '' }, {}],
  // Nelson's Column, TQ 30015 80415: the planning data platform's own tests put it at -0.127985, 51.507717.
  ['a grid reference as degrees', { GeoX: '530015', GeoY: '180415' }, { GeoX: '-0.127985', GeoY: '51.507717' }],
  ['a grid reference the wrong way round', { GeoX: '180415', GeoY: '530015' }, { GeoX: '-0.127985', GeoY: '51.507717' }],
  ['latitude and longitude the wrong way round', { GeoX: '51.507722', GeoY: '-0.127972' }, { GeoX: '-0.127972', GeoY: '51.507722' }],
  ['nothing for a point already right', { GeoX: '-0.127972', GeoY: '51.507722' }, {}],
  ['nothing for a grid reference in the sea', { GeoX: '37414.47', GeoY: '561879.06' }, {}],
  ['nothing for a point with one number', { GeoX: 'not-a-geox', GeoY: '139531' }, {}],
];

describe('repairs over a row', () => {
  it.each(ROWS)('%s', (_name, cells, written) => {
    const repairs = repairsForRow(PLAN, (field) => cells[field]);
    expect(Object.fromEntries([...repairs].map(([field, repair]) => [field, repair.value]))).toEqual(written);
  });

  it('brownfield-land names the fields it fills and its point', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'brownfield-land', 'schema.json'), 'utf8'));
    expect(schema['x-point']).toEqual({ longitude: 'GeoX', latitude: 'GeoY' });
    expect(schema.properties.NetDwellingsRangeFrom['x-fillFrom']).toEqual(PLAN.fills[0]!.from);
    expect(schema.properties.NetDwellingsRangeTo['x-fillFrom']).toEqual(PLAN.fills[1]!.from);
  });
});

const HEADER =
  'OrganisationURI,SiteReference,SiteNameAddress,GeoX,GeoY,SiteplanURL,Hectares,OwnershipStatus,PlanningStatus,PlanningHistory,Deliverable,MinNetDwellings,NetDwellingsRangeFrom,NetDwellingsRangeTo,HazardousSubstances,FirstAddedDate,LastUpdatedDate';
const ROW =
  'http://opendatacommunities.org/id/london-borough-council/westminster,S1,Trafalgar Square,530015,180415,https://example.org/s1,0.5,owned by a public authority,not permissioned,,yes,12,,,,2024-01-01,2024-01-02';

describe('a 2017-template register', () => {
  it('passes with warnings that say what the platform makes of it', async () => {
    const dir = scratch({ 'register.csv': `${HEADER}\n${ROW}\n` });
    const { code, report: r } = await report([join(dir, 'register.csv'), '--standard', 'brownfield-land']);
    expect(code).toBe(0);
    expect(r.files[0].issues.map((i: any) => [i.code, i.severity, i.column, i.fix])).toEqual([
      ['value-range', 'warning', 'GeoX', '-0.127985'],
      ['value-range', 'warning', 'GeoY', '51.507717'],
      ['value-missing', 'warning', 'NetDwellingsRangeFrom', '12'],
      ['value-missing', 'warning', 'NetDwellingsRangeTo', '12'],
    ]);
  });

  it('is repaired by `conform fix` to what the platform would read', async () => {
    const dir = scratch({ 'register.csv': `${HEADER}\n${ROW}\n` });
    const fixed = join(dir, 'fixed.csv');
    const result = await cli(['fix', join(dir, 'register.csv'), '--standard', 'brownfield-land', '-o', fixed]);
    expect(result.code).toBe(0);
    const [, row] = readFileSync(fixed, 'utf8').trim().split(/\r?\n/);
    expect(row).toBe(
      'http://opendatacommunities.org/id/london-borough-council/westminster,S1,Trafalgar Square,-0.127985,51.507717,https://example.org/s1,0.5,owned by a public authority,not permissioned,,yes,12,12,12,,2024-01-01,2024-01-02',
    );
    const after = await report([fixed, '--standard', 'brownfield-land']);
    expect(after.report.files[0].issues).toEqual([]);
  });
});
