// GeoJSON FeatureCollections checked as tables: each feature's properties are the record, its geometry
// the standard's geometry field in WKT, and issues point into the feature.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureRecord, toWkt } from '../../src/sources/geojson.js';
import { report, scratch } from '../helpers.js';

const square = [
  [
    [-0.1, 51.5],
    [-0.09, 51.5],
    [-0.09, 51.51],
    [-0.1, 51.5],
  ],
];
const feature = (properties: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: square }) => ({ type: 'Feature', properties, geometry });
const sound = { reference: 'CA01', name: 'Old Town', 'documentation-url': 'https://example.gov.uk/ca/1', 'entry-date': '2024-01-31' };

describe('GeoJSON geometry as WKT', () => {
  it.each([
    [{ type: 'Point', coordinates: [-0.1, 51.5] }, 'POINT (-0.1 51.5)'],
    [{ type: 'Polygon', coordinates: square }, 'POLYGON ((-0.1 51.5, -0.09 51.5, -0.09 51.51, -0.1 51.5))'],
    [{ type: 'MultiPolygon', coordinates: [square] }, 'MULTIPOLYGON (((-0.1 51.5, -0.09 51.5, -0.09 51.51, -0.1 51.5)))'],
    [
      {
        type: 'LineString',
        coordinates: [
          [0, 1],
          [2, 3],
        ],
      },
      'LINESTRING (0 1, 2 3)',
    ],
  ])('%j is %s', (geometry, wkt) => {
    expect(toWkt(geometry)).toBe(wkt);
  });
  it('gives up on coordinates that are not numbers', () => {
    expect(toWkt({ type: 'Point', coordinates: ['a', 'b'] })).toBeUndefined();
  });
  it('puts a point in GeoX and GeoY for standards that have them', () => {
    expect(
      featureRecord({ type: 'Feature', properties: { CaseReference: 'A1' }, geometry: { type: 'Point', coordinates: [-1.5, 52.1] } }, new Set(['GeoX', 'GeoY', 'CaseReference'])),
    ).toEqual({ CaseReference: 'A1', GeoX: -1.5, GeoY: 52.1 });
  });
});

describe('a FeatureCollection checked against a planning standard', () => {
  it('checks each feature’s properties, with its geometry, and points issues into the feature', async () => {
    const collection = {
      type: 'FeatureCollection',
      name: 'conservation-areas',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [
        feature(sound),
        feature({ ...sound, reference: undefined, 'entry-date': '31/01/2024' }),
        feature({ ...sound, reference: 'CA03' }, { type: 'Point', coordinates: [-0.1, 51.5] }),
      ],
    };
    const dir = scratch({ 'areas.geojson': JSON.stringify(collection, null, 1) });
    const { report: r } = await report([join(dir, 'areas.geojson'), '-s', 'conservation-area']);
    const file = r.files[0];
    expect(file.format).toBe('json');
    expect(file.rows).toBe(3);
    expect(file.issues.map((i: any) => [i.code, i.row, i.pointer]).sort()).toEqual([
      ['value-format', 2, '/features/1/properties/entry-date'],
      ['value-missing', 2, '/features/1/properties/reference'],
    ]);
  });

  it('fails a feature whose geometry is not the kind the field takes', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature(sound, {
          type: 'LineString',
          coordinates: [
            [0, 1],
            [2, 3],
          ],
        }),
      ],
    };
    const dir = scratch({ 'areas.geojson': JSON.stringify(collection) });
    const { report: r } = await report([join(dir, 'areas.geojson'), '-s', 'conservation-area']);
    expect(r.files[0].issues.map((i: any) => [i.code, i.pointer])).toEqual([['value-pattern', '/features/0/properties/geometry']]);
  });

  it('is detected by its properties', async () => {
    const collection = { type: 'FeatureCollection', features: [feature(sound)] };
    const dir = scratch({ 'conservation-areas.geojson': JSON.stringify(collection) });
    const { report: r } = await report([join(dir, 'conservation-areas.geojson')]);
    expect(r.files[0].standard?.id).toBe('conservation-area');
  });
});
