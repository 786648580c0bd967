// GeoJSON, as planning and other map data is often published: a FeatureCollection whose features are
// the records. A feature's `properties` are its record, and its `geometry` is offered, as WKT, to the
// standard's geometry field (`geometry`, or `point` for a point) when the properties do not hold one;
// for standards with coordinates in two fields (GeoX, GeoY), a point gives both. Issues point into the
// feature: /features/3/properties/reference.

export interface Feature {
  type: 'Feature';
  properties?: Record<string, unknown> | null;
  geometry?: Geometry | null;
}

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

export function isFeature(value: unknown): value is Feature {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && (value as { type?: unknown }).type === 'Feature';
}

/** The record a feature stands for, with its geometry in the standard's fields of `fieldNames`. */
export function featureRecord(feature: Feature, fieldNames: ReadonlySet<string>): Record<string, unknown> {
  const properties = feature.properties && typeof feature.properties === 'object' ? feature.properties : {};
  const record: Record<string, unknown> = { ...properties };
  const geometry = feature.geometry;
  if (!geometry || typeof geometry !== 'object') return record;
  const isPoint = geometry.type === 'Point';
  const wkt = toWkt(geometry);
  if (wkt !== undefined) {
    const target = isPoint && fieldNames.has('point') ? 'point' : fieldNames.has('geometry') ? 'geometry' : undefined;
    if (target && (record[target] === undefined || record[target] === null || record[target] === '')) record[target] = wkt;
  }
  if (isPoint && Array.isArray(geometry.coordinates) && fieldNames.has('GeoX') && fieldNames.has('GeoY')) {
    const [x, y] = geometry.coordinates as unknown[];
    if (record.GeoX === undefined && typeof x === 'number') record.GeoX = x;
    if (record.GeoY === undefined && typeof y === 'number') record.GeoY = y;
  }
  return record;
}

/** Well-known text for a GeoJSON geometry, or undefined when its coordinates are not numbers in place. */
export function toWkt(geometry: Geometry): string | undefined {
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return position(c) === undefined ? undefined : `POINT (${position(c)})`;
    case 'MultiPoint':
      return list(c, (p) => (position(p) === undefined ? undefined : `(${position(p)})`), 'MULTIPOINT');
    case 'LineString':
      return ring(c) === undefined ? undefined : `LINESTRING ${ring(c)}`;
    case 'MultiLineString':
      return list(c, ring, 'MULTILINESTRING');
    case 'Polygon':
      return polygon(c) === undefined ? undefined : `POLYGON ${polygon(c)}`;
    case 'MultiPolygon':
      return list(c, polygon, 'MULTIPOLYGON');
    case 'GeometryCollection': {
      const parts = (geometry.geometries ?? []).map(toWkt);
      return parts.every((p) => p !== undefined) ? `GEOMETRYCOLLECTION (${parts.join(', ')})` : undefined;
    }
    default:
      return undefined;
  }
}

function position(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length < 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  return value.join(' ');
}

function ring(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.length) return undefined;
  const points = value.map(position);
  return points.every((p) => p !== undefined) ? `(${points.join(', ')})` : undefined;
}

function polygon(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.length) return undefined;
  const rings = value.map(ring);
  return rings.every((r) => r !== undefined) ? `(${rings.join(', ')})` : undefined;
}

function list(value: unknown, each: (item: unknown) => string | undefined, keyword: string): string | undefined {
  if (!Array.isArray(value) || !value.length) return undefined;
  const items = value.map(each);
  return items.every((i) => i !== undefined) ? `${keyword} (${items.join(', ')})` : undefined;
}
