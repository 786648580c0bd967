// WKT and GeoJSON geometry are checked for validity, not only shape, and in time linear in the value.
import { describe, expect, it } from 'vitest';
import { isGeoJsonGeometry, isWktMultipolygon, isWktPoint, isWktPolygon } from '../../../src/standards/geometry-formats.js';

const RING = '-1.234 52.345,-1.233 52.345,-1.233 52.346,-1.234 52.346,-1.234 52.345';

describe('WKT', () => {
  it('accepts points, polygons and multipolygons of UK coordinates', () => {
    expect(isWktPoint('POINT (-1.241 52.351)')).toBe(true);
    expect(isWktPoint('point(-0.1276 51.5072)')).toBe(true);
    expect(isWktPoint('POINT (530000 180000)')).toBe(true); // British National Grid, for the platform to transform
    expect(isWktPolygon(`POLYGON ((${RING}))`)).toBe(true);
    expect(isWktMultipolygon(`POLYGON ((${RING}))`)).toBe(true);
    expect(isWktMultipolygon(`MULTIPOLYGON (((${RING})), ((${RING}), (${RING})))`)).toBe(true);
  });

  it('refuses coordinates that are not numbers, outside the UK, or swapped', () => {
    expect(isWktPoint('POINT (-1.241)')).toBe(false);
    expect(isWktPoint('POINT (abc 52.3)')).toBe(false);
    expect(isWktPoint('POINT (52.351 -1.241)')).toBe(false); // latitude first
    expect(isWktPoint('POINT (151.2 -33.8)')).toBe(false); // Sydney
    expect(isWktPoint('POINT (1 2)')).toBe(false); // neither degrees in the UK nor grid metres
    expect(isWktPoint('POINT (-1.241 52.351) trailing')).toBe(false);
  });

  it('refuses rings that are not closed or have too few points', () => {
    expect(isWktMultipolygon('MULTIPOLYGON (((-1.234 52.345,-1.233 52.345,-1.233 52.346,-1.234 52.346)))')).toBe(false);
    expect(isWktMultipolygon('POLYGON ((-1.234 52.345,-1.233 52.345,-1.234 52.345))')).toBe(false);
    expect(isWktMultipolygon(`MULTIPOLYGON (((${RING}))`)).toBe(false);
    expect(isWktMultipolygon(`POINT (-1.241 52.351)`)).toBe(false);
  });

  it('takes time linear in the value, valid or not', () => {
    const big = `MULTIPOLYGON (((${Array.from({ length: 200_000 }, (_, i) => `-1.${i % 1000} 52.${i % 997}`).join(',')},-1.5 52.5)))`;
    const started = Date.now();
    expect(isWktMultipolygon(big)).toBe(false); // not closed
    expect(isWktMultipolygon('MULTIPOLYGON ' + '('.repeat(500_000))).toBe(false);
    expect(isWktPoint('POINT (' + '1'.repeat(1_000_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('GeoJSON geometry', () => {
  const ring = [
    [-1.234, 52.345],
    [-1.233, 52.345],
    [-1.233, 52.346],
    [-1.234, 52.345],
  ];
  it('accepts valid geometry, as an object or as text', () => {
    expect(isGeoJsonGeometry({ type: 'Point', coordinates: [-1.2, 52.3] })).toBe(true);
    expect(isGeoJsonGeometry(JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] }))).toBe(true);
    expect(isGeoJsonGeometry({ type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [ring] }] })).toBe(true);
  });
  it('refuses open rings, bad positions and unknown types', () => {
    expect(isGeoJsonGeometry({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).toBe(false);
    expect(isGeoJsonGeometry({ type: 'Point', coordinates: ['-1.2', 52.3] })).toBe(false);
    expect(isGeoJsonGeometry({ type: 'Point', coordinates: [52.3, -1.2] })).toBe(false);
    expect(isGeoJsonGeometry({ type: 'Circle', coordinates: [-1.2, 52.3] })).toBe(false);
    expect(isGeoJsonGeometry('{not json')).toBe(false);
  });
});
